/** Large texts are analysed in pieces (bounded memory): offsets stay whole-text offsets, fixes replay. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits } from '../../server/src/analysis/index';
import { analyzeChunked, chunkStarts, fixAllChunked } from '../../server/src/cli/chunked';
import { rangeProblems, SEEDS } from './helpers';

const seeds = readdirSync(SEEDS)
  .sort()
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'));

test('chunkStarts cuts at line ends, never inside a surrogate pair or a CRLF, pieces bounded', () => {
  const texts = [seeds.join('\r\n').repeat(3), '𠮷'.repeat(5001), 'a\r\n'.repeat(3000), '中'.repeat(10_000)];
  for (const text of texts) {
    const starts = chunkStarts(text, 1000);
    assert.equal(starts[0], 0);
    starts.forEach((s, k) => {
      const end = starts[k + 1] ?? text.length;
      assert.ok(end - s <= 1000 && end > s);
      if (s > 0) {
        assert.doesNotMatch(text[s]!, /[\uDC00-\uDFFF]/);
        assert.ok(!(text[s - 1] === '\r' && text[s] === '\n'));
      }
    });
  }
  const lines = seeds.join('\n').repeat(2);
  for (const s of chunkStarts(lines, 2000).slice(1)) assert.match(lines[s - 1]!, /[\r\n]/);
});

test('analyzeChunked gives whole-text offsets and the same findings away from the cuts', () => {
  const text = seeds.join('\n').repeat(2);
  const whole = analyze(text);
  const chunked = analyzeChunked(text, {}, 3000);
  assert.deepEqual(rangeProblems(text, chunked), []);
  const starts = chunkStarts(text, 3000);
  const nearCut = (a: number, b: number) => starts.some((s) => s > 0 && a - 400 < s && s < b + 400);
  const key = (f: { code: string; start: number; end: number }) => `${f.code}@${f.start}-${f.end}`;
  const got = new Set(chunked.diagnostics.map(key));
  const missing = whole.diagnostics.filter((f) => !nearCut(f.start, f.end) && !got.has(key(f)));
  assert.deepEqual(missing.map(key), []);
  assert.ok(chunked.entities.length > 0);
});

test('fixAllChunked: its rounds replay onto the text to give its result, and a second run changes nothing', () => {
  const text = seeds.join('\n').repeat(2);
  const fixed = fixAllChunked(text, {}, 3000);
  let replay = text;
  for (const step of fixed.steps) replay = applyEdits(replay, step);
  assert.equal(replay, fixed.text);
  assert.ok(fixed.applied.length > 0, 'the seeds have fixable damage');
  assert.equal(fixAllChunked(fixed.text, {}, 3000).text, fixed.text);
});

test('analyzeChunked reads each piece exactly as written: lone surrogates and NULs are findings at the same offsets as in the whole text', () => {
  const line = '全市共有学校12所，其中小学8所、中学3所。\uD800残缺\u0000字符\uDC00。\n';
  const text = line.repeat(200);
  const whole = analyze(text, {}).diagnostics.map((f) => `${f.code}@${f.start}`);
  const pieces = analyzeChunked(text, {}, 1000).diagnostics.map((f) => `${f.code}@${f.start}`);
  // each piece is a whole number of lines here, and every finding is local to its line
  assert.deepEqual(pieces, whole);
  assert.ok(
    whole.some((f) => f.startsWith('sum-mismatch@')),
    'the sums on each line are read',
  );
});
