import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSegmenter } from '../../server/src/analysis/segment';
import { judgeJunction, wordContextAfter, wordContextBefore } from '../../server/src/analysis/word-junction';

const segmenter = loadSegmenter();

test('judgeJunction: a word split by the gap, two words that also make one, and a boundary', { skip: !segmenter }, () => {
  assert.deepEqual(judgeJunction(segmenter, '中国汽', '车行业'), { kind: 'split-word', word: '汽车行业' });
  assert.deepEqual(judgeJunction(segmenter, '职业', '院校'), { kind: 'compound', word: '职业院校' });
  const boundary = judgeJunction(segmenter, '控辍保学', '义务教育');
  assert.equal(boundary.kind, 'boundary');
  assert.equal(boundary.after, '义务教育');
  assert.deepEqual(judgeJunction(undefined, '中国汽', '车行业'), { kind: 'unknown' });
});

test('judgeJunction gives the same verdicts from word lengths as from the words themselves', { skip: !segmenter }, () => {
  assert.ok(segmenter!.cutDictionaryLengths, 'the loaded segmenter answers lengths');
  const { cutDictionaryLengths: _omitted, ...wordsOnly } = segmenter!;
  const seedDir = join(__dirname, '../fixtures/seeds');
  let judged = 0;
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(seedDir, file), 'utf8');
    // every line break and every third Han character, as if a gap stood there
    for (let at = 1; at < text.length; at += text[at] === '\n' ? 1 : 3) {
      const gapEnd = text[at] === '\n' ? at + 1 : at;
      const left = wordContextBefore(text, at);
      const right = wordContextAfter(text, gapEnd);
      assert.deepEqual(judgeJunction(segmenter, left, right), judgeJunction(wordsOnly, left, right), `${left}|${right}`);
      judged++;
    }
  }
  assert.ok(judged > 1000);
});
