/**
 * The OCR-repair detectors (fused-ordinal, fused-figures, garbled-figure, letter-for-digit, docnum-bracket, enum-run-on,
 * traditional-char, ocr-confusable, unbalanced-bracket, duplicated-line) on the seed texts: every seed defect of these
 * codes is found and repaired as the gold file says, and the clean government text (seed 002) stays
 * nearly silent. Reads the project's own copies in test/fixtures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits } from '../../server/src/analysis/index';
import { loadSegmenter } from '../../server/src/analysis/segment';
import { REPAIR_CODES as CODES } from './repair-codes';
import type { Finding } from '../../server/src/analysis/types';

const fixtures = join(__dirname, '..', 'fixtures');
const seed = (name: string) => readFileSync(join(fixtures, 'seeds', name), 'utf8').replace(/^\uFEFF/, '');
const segmenter = loadSegmenter();

interface GoldEntry {
  file: string;
  quote: string;
  codes: string[];
  fix?: string;
  occurrence?: number;
}
const gold = JSON.parse(readFileSync(join(fixtures, 'gold', 'seeds.json'), 'utf8')) as { defects: GoldEntry[]; clean: GoldEntry[] };

const cache = new Map<string, Finding[]>();
function mine(file: string): Finding[] {
  let found = cache.get(file);
  if (!found) {
    found = analyze(seed(file), segmenter ? { segmenter } : {}).diagnostics.filter((d) => CODES.has(d.code));
    cache.set(file, found);
  }
  return found;
}

function spanOf(entry: GoldEntry): [number, number] {
  const text = seed(entry.file);
  let at = -1;
  for (let k = 0; k < (entry.occurrence ?? 1); k++) at = text.indexOf(entry.quote, at + 1);
  assert.ok(at >= 0, `quote ${entry.quote} in ${entry.file}`);
  return [at, at + entry.quote.length];
}

test('every seed defect of these codes is found and its preferred fix gives the gold repair', () => {
  const entries = gold.defects.filter((d) => d.codes.some((c) => CODES.has(c)));
  assert.ok(entries.length >= 10);
  for (const entry of entries) {
    const [start, end] = spanOf(entry);
    const hits = mine(entry.file).filter((d) => entry.codes.includes(d.code) && d.start < end && start < d.end);
    assert.ok(hits.length > 0, `found: ${entry.quote}`);
    if (entry.fix === undefined) continue;
    const text = seed(entry.file);
    const ok = hits.some((h) => {
      const fix = h.fixes[0];
      if (!fix) return false;
      // these repairs edit inside or right after the quote, so the repaired quote starts where it did
      if (fix.edits.some((e) => e.start < start)) return false;
      return applyEdits(text, fix.edits).slice(start, start + entry.fix!.length) === entry.fix;
    });
    assert.ok(ok, `repaired: ${entry.quote} → ${entry.fix}`);
  }
});

test('no consistent figure of the gold file is flagged with these codes', () => {
  for (const entry of gold.clean.filter((c) => c.codes.some((code) => CODES.has(code)))) {
    const [start, end] = spanOf(entry);
    const bad = mine(entry.file).filter((d) => entry.codes.includes(d.code) && d.start < end && start < d.end);
    assert.deepEqual(bad, [], entry.quote);
  }
});

test('the clean government text (seed 002) gets no warning from these detectors, only its one table defect', () => {
  const findings = mine('002_646c74fc75960117.txt');
  const warnings = findings.filter((d) => d.severity === 'warning' || d.severity === 'error');
  const text = seed('002_646c74fc75960117.txt');
  assert.deepEqual(
    warnings.map((d) => text.slice(d.start, d.end)),
    warnings.length ? ['(%'].slice(0, warnings.length) : [],
  );
  assert.ok(findings.length <= 3, `at most a few hints on a clean text, got ${findings.length}`);
});

test('no seed has a line written twice in a row: duplicated-line is silent on every seed', () => {
  for (const file of [
    '000_02861b1786645f85.txt',
    '001_4ed491f9420b6c99.txt',
    '002_646c74fc75960117.txt',
    '003_a102c72bcda75586.txt',
    '004_ec1205a029dd3c90.txt',
  ]) {
    const text = seed(file);
    const repeated = mine(file).filter((d) => d.code === 'duplicated-line');
    assert.deepEqual(
      repeated.map((d) => text.slice(d.start, d.end)),
      [],
      file,
    );
  }
});

test('fix-all of these detectors is idempotent on every seed', () => {
  for (const file of ['000_02861b1786645f85.txt', '001_4ed491f9420b6c99.txt', '003_a102c72bcda75586.txt', '004_ec1205a029dd3c90.txt']) {
    const once = fixAll(seed(file));
    assert.equal(fixAll(once), once, file);
  }
});

function fixAll(text: string): string {
  const options = segmenter ? { segmenter } : {};
  const safe = analyze(text, options).diagnostics.filter((d) => CODES.has(d.code) && d.fixAllSafe && d.fixes[0]);
  const edits = safe.flatMap((d) => d.fixes[0]!.edits).sort((a, b) => a.start - b.start);
  const kept = edits.filter((e, i) => i === 0 || e.start >= edits[i - 1]!.end);
  return applyEdits(text, kept);
}
