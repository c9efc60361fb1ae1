// The analysis segments the text clause by clause (see AnalysisContext): these check, on the seed texts
// and with the real segmenter, that this gives what segmenting the whole text gave.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnalysisContext } from '../../server/src/analysis/context';
import { orgRecognizer } from '../../server/src/analysis/entities/org';
import { loadSegmenter, type Segmenter } from '../../server/src/analysis/segment';

const segmenter = loadSegmenter();
const seedDir = join(__dirname, '../fixtures/seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

/** Offsets of each word of a whole-text segmentation, for comparing with the clause-by-clause one. */
function wholeTextWords(words: readonly string[]): Array<{ start: number; end: number; word: string }> {
  let at = 0;
  return words.map((word) => {
    const span = { start: at, end: at + word.length, word };
    at += word.length;
    return span;
  });
}

test('clause segmentation gives the words of the whole text (jieba cuts at the same separators)', { skip: !segmenter }, () => {
  const mixed = seeds.map((s) => s.slice(0, 6000)).join('\r\n') + ' 第 1 条\t全市　共有 12 所学校，2024年。';
  for (const text of [...seeds, mixed]) {
    const ctx = new AnalysisContext(text, { segmenter: segmenter! });
    const words = wholeTextWords(segmenter!.cut(text));
    for (const word of words) {
      for (const offset of [word.start, word.end - 1]) assert.deepEqual(ctx.wordAt(offset), word, `at ${offset}`);
    }
    const tagged = segmenter!.tag(text);
    let at = 0;
    for (const { word, tag } of tagged.slice(0, 3000)) {
      const found = ctx.taggedWordAt(at);
      assert.deepEqual(found && { word: found.word, tag: found.tag, start: found.start }, { word, tag, start: at });
      at += word.length;
    }
  }
});

test('every word the segmenter tags nt is listed by dictionaryWordsTagged (what org recognition relies on)', { skip: !segmenter }, () => {
  const listed = new Set(segmenter!.dictionaryWordsTagged!('nt'));
  assert.ok(listed.has('国务院') && listed.has('财政部'), 'jieba’s own dictionary');
  assert.ok(listed.has('人力资源和社会保障局'), 'PolicyMark’s bundled dictionary');
  assert.ok(!listed.has('就业'));
  for (const text of seeds) {
    for (const { word, tag } of segmenter!.tag(text)) if (tag === 'nt') assert.ok(listed.has(word), word);
  }
  assert.equal(segmenter!.dictionaryWordsTagged!('nt'), segmenter!.dictionaryWordsTagged!('nt'), 'read once');
});

test('org recognition finds the same names tagging only some clauses as tagging the whole text', { skip: !segmenter }, () => {
  // without dictionaryWordsTagged the recognizer tags every clause, as it did the whole text
  const { dictionaryWordsTagged: _omitted, ...everyClause } = segmenter!;
  for (const text of seeds) {
    const spans = (s: Segmenter) =>
      orgRecognizer
        .recognize(new AnalysisContext(text, { segmenter: s }))
        .map((e) => `${e.start}:${e.text}→${e.type === 'org' ? e.canonical : ''}`);
    assert.deepEqual(spans(segmenter!), spans(everyClause));
  }
});

test('tagged clauses read the same with the segmenter’s tagLengths as with its tag()', { skip: !segmenter }, () => {
  const { tagLengths: _omitted, ...objectsOnly } = segmenter!;
  assert.ok(segmenter!.tagLengths, 'the loaded segmenter answers lengths');
  for (const text of seeds) {
    const compact = new AnalysisContext(text, { segmenter: segmenter! });
    const objects = new AnalysisContext(text, { segmenter: objectsOnly });
    for (let offset = 0; offset < Math.min(text.length, 4000); offset += 7) {
      assert.deepEqual(compact.taggedWordAt(offset), objects.taggedWordAt(offset), `at ${offset}`);
      // a clause first read word by word, then as a whole, then cut: the same words
      const index = compact.clauseIndexAt(offset);
      assert.deepEqual(compact.taggedWordsOfClause(index), objects.taggedWordsOfClause(index));
      assert.deepEqual(compact.wordAt(offset), objects.wordAt(offset));
    }
  }
});
