import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stickyMatches, unitTable } from './text';

const spans = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => `${m.index}:${m[0]}`);

test('stickyMatches finds what matchAll of the global pattern finds, trying only the marked start units', () => {
  // overlapping alternatives, a lookbehind at the start, and a pattern that may match empty
  const sources = ['(?<!甲)甲乙|乙丙丁?|丙', '甲*', '(?:甲乙)+|乙'];
  for (const source of sources) {
    const sticky = new RegExp(source, 'y');
    const global = new RegExp(source, 'g');
    // every unit of the alphabet may start a match of the empty-matching pattern; the others start at 甲 or 乙 (or 丙)
    const starts = source === '甲*' ? unitTable('甲乙丙丁戊') : unitTable('甲乙丙');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('甲', '乙', '丙', '丁', '戊'), { maxLength: 20 }), (units) => {
        const text = units.join('');
        if (source === '甲*') {
          // an empty match at the very end is the only one matchAll finds that no unit can start
          assert.deepEqual(spans(stickyMatches(text, sticky, starts)), spans(text.matchAll(global)).slice(0, -1), text);
        } else assert.deepEqual(spans(stickyMatches(text, sticky, starts)), spans(text.matchAll(global)), text);
      }),
      { numRuns: 300 },
    );
  }
});
