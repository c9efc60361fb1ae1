// The entities found on each seed text, against an expected file checked by hand entity by entity
// (test/fixtures/expected/<seed>.entities.json). The file records what is still missed (knownMissing)
// and what is still wrong (knownWrong): the test allows those and nothing else, so it fails on any new
// miss or new wrong entity, and it names the entries that were fixed since so that the file can shrink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/index';
import type { Entity } from '../../server/src/analysis/types';

interface Expected {
  type: Entity['type'];
  start: number;
  end: number;
  text: string;
  canonical?: string;
  issuer?: string;
  year?: number;
  serial?: number;
}

interface ExpectedFile {
  file: string;
  segmenter: boolean;
  types: Entity['type'][];
  expected: Expected[];
  knownMissing: Expected[];
  knownWrong: Expected[];
}

const fixtures = join(__dirname, '..', 'fixtures');
const files = readdirSync(join(fixtures, 'expected')).filter((f) => f.endsWith('.entities.json'));
const key = (e: { type: string; start: number; end: number }) => `${e.type}@${e.start}-${e.end}`;

test('every seed has a hand-checked expected file', () => {
  const seeds = readdirSync(join(fixtures, 'seeds')).filter((f) => f.endsWith('.txt'));
  assert.ok(seeds.length > 0);
  assert.deepEqual(files.map((f) => f.replace('.entities.json', '.txt')).sort(), seeds.sort());
});

for (const name of files) {
  const spec = JSON.parse(readFileSync(join(fixtures, 'expected', name), 'utf8')) as ExpectedFile;
  test(`entities of ${spec.file} match the hand-checked expected file`, () => {
    assert.equal(spec.segmenter, false, 'these expectations are for the analysis without the segmenter');
    assert.ok(spec.expected.length > 0, 'an expected file with nothing in it checks nothing');
    const text = readFileSync(join(fixtures, 'seeds', spec.file), 'utf8').replace(/^\uFEFF/, '');
    for (const e of [...spec.expected, ...spec.knownWrong]) assert.equal(text.slice(e.start, e.end), e.text, `offsets of ${e.text}`);

    const found = analyze(text, { only: { diagnostics: false } }).entities.filter((e) => spec.types.includes(e.type));
    const byKey = new Map(found.map((e) => [key(e), e] as const));
    const expectedKeys = new Set(spec.expected.map(key));
    const missingAllowed = new Set(spec.knownMissing.map(key));
    const wrongAllowed = new Set(spec.knownWrong.map(key));

    const missed = spec.expected.filter((e) => !byKey.has(key(e)));
    const newMisses = missed.filter((e) => !missingAllowed.has(key(e)));
    assert.deepEqual(
      newMisses.map((e) => `${e.type} ${e.text} @${e.start}`),
      [],
      'expected entities no longer found',
    );

    const unexpected = found.filter((e) => !expectedKeys.has(key(e)));
    const newWrong = unexpected.filter((e) => !wrongAllowed.has(key(e)));
    assert.deepEqual(
      newWrong.map((e) => `${e.type} ${e.text} @${e.start}`),
      [],
      'entities that are not in the expected file',
    );

    // attributes checked by hand: canonical names, document-number parts
    for (const e of spec.expected) {
      const got = byKey.get(key(e)) as Record<string, unknown> | undefined;
      if (!got) continue;
      for (const field of ['canonical', 'issuer', 'year', 'serial'] as const) {
        if (e[field] !== undefined) assert.equal(got[field], e[field], `${field} of ${e.text} @${e.start}`);
      }
    }

    // the recorded floors: fixes are welcome, and the file should then drop them
    const fixedMisses = spec.knownMissing.filter((e) => byKey.has(key(e)));
    const fixedWrong = spec.knownWrong.filter((e) => !byKey.has(key(e)));
    const correct = found.length - unexpected.length;
    const precision = found.length ? correct / found.length : 1;
    const recall = correct / spec.expected.length;
    const floorPrecision =
      (spec.expected.length - spec.knownMissing.length) / (spec.expected.length - spec.knownMissing.length + spec.knownWrong.length);
    const floorRecall = (spec.expected.length - spec.knownMissing.length) / spec.expected.length;
    assert.ok(precision >= floorPrecision - 1e-9, `precision ${precision} below the recorded ${floorPrecision}`);
    assert.ok(recall >= floorRecall - 1e-9, `recall ${recall} below the recorded ${floorRecall}`);
    if (fixedMisses.length || fixedWrong.length) {
      const fixed = [...fixedMisses, ...fixedWrong].map((e) => `${e.text} @${e.start}`).join(', ');
      process.stdout.write(`# ${spec.file}: fixed since recorded, remove from the expected file: ${fixed}\n`);
    }
  });
}
