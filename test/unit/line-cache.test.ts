import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLineCache, lineCachingSegmenter, retainUsedLines, type Segmenter } from '../../server/src/analysis/segment';

/** A fake segmenter: two-character words, newline a word of its own (as jieba), counting calls. */
function fake(): Segmenter & { calls: string[] } {
  const calls: string[] = [];
  const cut = (text: string) => {
    calls.push(text);
    return text.split(/(\n)/).flatMap((part) => (part === '\n' ? ['\n'] : (part.match(/[\s\S]{1,2}/g) ?? [])));
  };
  return { calls, cut, cutDictionary: cut, tag: (text) => cut(text).map((word) => ({ word, tag: 'x' })) };
}

const line = (n: number) => `第${n}段`.repeat(60);
const text = [line(1), line(2), '', line(3)].join('\n');

test('line cache: the same words as the segmenter, each line segmented once across analyses', () => {
  const base = fake();
  const cache = createLineCache();
  const words = lineCachingSegmenter(base, cache).cut(text);
  assert.deepEqual(words, fake().cut(text));
  retainUsedLines(cache);
  base.calls.length = 0;
  const edited = text.replace(line(2), `新${line(2)}`);
  assert.deepEqual(lineCachingSegmenter(base, cache).cut(edited), fake().cut(edited));
  assert.deepEqual(base.calls, [`新${line(2)}`]);
  assert.deepEqual(lineCachingSegmenter(base, cache).tag(edited), fake().tag(edited));
});

test('line cache: short windows go straight to the segmenter; cutDictionary only where the segmenter has it', () => {
  const base = fake();
  const cached = lineCachingSegmenter(base, createLineCache());
  assert.deepEqual(cached.cut('而积'), ['而积']);
  const { cutDictionary: _dropped, ...plain } = base;
  assert.equal(lineCachingSegmenter(plain, createLineCache()).cutDictionary, undefined);
});

test('line cache: retain keeps only the lines of the latest analysis', () => {
  const cache = createLineCache();
  const seg = lineCachingSegmenter(fake(), cache);
  seg.cut(text);
  retainUsedLines(cache);
  seg.cut(line(9).repeat(3));
  retainUsedLines(cache);
  assert.deepEqual([...cache.cut.keys()], [line(9).repeat(3)]);
});
