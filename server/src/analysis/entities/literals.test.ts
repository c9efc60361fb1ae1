import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Literals } from './literals';

/** What Literals stands in for: a global alternation of the words, longest first (leftmost-longest). */
function byRegExp(words: readonly string[], text: string, from = 0, to = text.length) {
  const unique = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  if (unique.length === 0) return [];
  const pattern = new RegExp(unique.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return [...text.slice(0, to).slice(from).matchAll(pattern)].map((m) => ({ index: m.index + from, word: m[0] }));
}

// a small alphabet, so that words overlap, share first and last characters, and nest (国, 国务院, 国务院办公厅)
const letter = fc.constantFrom('国', '务', '院', '办', '公', '厅', '市', '人', 'a', '\uD842', '\uDFB7');
const word = fc.array(letter, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const text = fc.array(letter, { maxLength: 60 }).map((cs) => cs.join(''));

test('Literals.matches finds what a longest-first alternation finds, in any range', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 12 }), text, fc.nat(), fc.nat(), (words, t, a, b) => {
      const from = Math.min(a, b) % (t.length + 1);
      const to = from + ((Math.max(a, b) - Math.min(a, b)) % (t.length - from + 1));
      assert.deepEqual(new Literals(words).matches(t, from, to), byRegExp(words, t, from, to));
    }),
    { numRuns: 500 },
  );
});

test('Literals.longestAt and longestEndingAt: the longest word starting or ending at each offset', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 12 }), text, (words, t) => {
      const literals = new Literals(words);
      const sorted = [...new Set(words)].sort((x, y) => y.length - x.length);
      for (let at = 0; at <= t.length; at++) {
        assert.equal(
          literals.longestAt(t, at),
          sorted.find((w) => t.startsWith(w, at)),
          `longestAt ${at}`,
        );
        assert.equal(
          literals.longestEndingAt(t, at),
          sorted.find((w) => at >= w.length && t.endsWith(w, at)),
          `longestEndingAt ${at}`,
        );
      }
    }),
    { numRuns: 500 },
  );
});

test('Literals: one-character words stand with longer ones that share their character', () => {
  const literals = new Literals(['局', '局长', '市人民政府', '市']);
  assert.deepEqual(literals.matches('市局局长市人民政府'), [
    { index: 0, word: '市' },
    { index: 1, word: '局' },
    { index: 2, word: '局长' },
    { index: 4, word: '市人民政府' },
  ]);
  assert.equal(literals.longestEndingAt('副局长', 3), '局长');
  assert.equal(literals.longestEndingAt('总局', 2), '局');
  assert.equal(literals.longestAt('市', 0), '市');
  assert.equal(literals.size, 4);
  assert.ok(literals.endsWithUnit('长'.charCodeAt(0)) && literals.endsWithUnit('府'.charCodeAt(0)));
  assert.ok(!literals.endsWithUnit('人'.charCodeAt(0)));
});
