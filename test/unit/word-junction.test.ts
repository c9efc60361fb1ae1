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

test('judgeJunction asks for both sides in one call (left⏎right) and judges as with each side cut alone', { skip: !segmenter }, () => {
  // A segmenter that does not part its text at a line break (it answers such a text as one word) makes
  // judgeJunction cut each side on its own: the reference the one-call cut must agree with.
  const cutsEachSideAlone = {
    ...segmenter!,
    cutDictionaryLengths: (text: string) => (text.includes('\n') ? [text.length] : segmenter!.cutDictionaryLengths!(text)),
  };
  let calls = 0;
  const counting = {
    ...segmenter!,
    cutDictionaryLengths: (text: string) => {
      calls++;
      return segmenter!.cutDictionaryLengths!(text);
    },
  };
  const seedDir = join(__dirname, '../fixtures/seeds');
  let spanned = 0;
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(seedDir, file), 'utf8');
    for (let at = 1; at < text.length; at += 2) {
      const left = wordContextBefore(text, at);
      const right = wordContextAfter(text, at);
      calls = 0;
      const verdict = judgeJunction(counting, left, right);
      assert.deepEqual(verdict, judgeJunction(cutsEachSideAlone, left, right), `${left}|${right}`);
      // one call for the joined text, and at most one more for the two sides
      assert.ok(calls <= 2, `${left}|${right}: ${calls} calls`);
      if (calls === 2) spanned++;
    }
  }
  assert.ok(spanned > 500, `${spanned} gaps needed the sides' cuts`);
});
