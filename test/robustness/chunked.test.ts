/** Large texts are analysed in pieces (bounded memory): offsets stay whole-text offsets, fixes replay. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits } from '../../server/src/analysis/index';
import { analyzeChunked, chunkStarts, createPieceCache, fixAllChunked } from '../../server/src/chunked';
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

test('with a piece cache, an edit re-analyses only the piece it touched, and the result is the uncached one', () => {
  const text = seeds.join('\n');
  const size = 3000;
  const cache = createPieceCache();
  const first = analyzeChunked(text, {}, size, cache);
  assert.deepEqual(first, analyzeChunked(text, {}, size));
  assert.equal(cache.reused, 0);
  const pieces = chunkStarts(text, size).length;
  assert.ok(pieces >= 4, `${pieces} pieces`);
  // one character inserted at a line start in the middle of the text
  const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const edited = `${text.slice(0, at)}某${text.slice(at)}`;
  const second = analyzeChunked(edited, {}, size, cache);
  assert.deepEqual(second, analyzeChunked(edited, {}, size));
  assert.ok(cache.reused >= pieces - 2, `reused ${cache.reused} of ${pieces}`);
  // other options (a code turned off): nothing is reused, and the result follows the options
  const off = { severities: { 'column-break': 'off' as const } };
  assert.deepEqual(analyzeChunked(edited, off, size, cache), analyzeChunked(edited, off, size));
  assert.equal(cache.reused, 0);
  // the caller may change what it got without changing the cache
  const third = analyzeChunked(edited, off, size, cache);
  third.diagnostics.forEach((d) => (d.message.en = 'changed'));
  third.entities.forEach((e) => (e.start = -1));
  assert.deepEqual(analyzeChunked(edited, off, size, cache), analyzeChunked(edited, off, size));
});

test('a piece cache that does not copy (the analysis worker’s, whose results are posted) gives the same results', () => {
  const text = seeds.join('\n');
  const cache = createPieceCache(false);
  analyzeChunked(text, {}, 3000, cache);
  const edited = `某${text}`;
  assert.deepEqual(analyzeChunked(edited, {}, 3000, cache), analyzeChunked(edited, {}, 3000));
  assert.ok(cache.reused > 0);
});

test('a document that shrinks below a piece leaves nothing of its pieces in the cache', () => {
  const text = seeds.join('\n');
  const cache = createPieceCache();
  analyzeChunked(text, {}, 3000, cache);
  analyzeChunked(text, {}, 3000, cache);
  assert.ok(cache.pieces.size > 0 && cache.reused > 0);
  const short = text.slice(0, 2000);
  assert.deepEqual(analyzeChunked(short, {}, 3000, cache), analyzeChunked(short, {}, 3000));
  // the worker prunes its segmented lines only after an analysis that reused no piece
  assert.equal(cache.reused, 0);
  assert.equal(cache.pieces.size, 0);
});
