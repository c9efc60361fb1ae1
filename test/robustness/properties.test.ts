/**
 * Property tests over the analysis core (fixed seed, bounded runs; `npm run fuzz` runs longer), and the
 * replay of every input that once failed (regressions/*.txt).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, SEED_TEXTS, textArbitrary } from './properties';
import { REGRESSIONS } from './helpers';

test('on mutated seed slices: no throw, ranges inside the text on code-point boundaries, fixes apply and keep Han characters, fix-all idempotent', () => {
  fc.assert(
    fc.property(textArbitrary(), (text) => {
      const problems = checkText(text);
      if (problems.length) throw new Error(problems.join('\n'));
    }),
    { seed: 20_240_901, numRuns: 150 },
  );
});

test('the whole seeds hold the same properties', () => {
  for (const text of SEED_TEXTS) assert.deepEqual(checkText(text), []);
});

test('every input that once failed still passes (test/robustness/regressions)', () => {
  const files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length > 0, 'the corpus is there');
  for (const file of files) {
    // stored as JSON strings: lone surrogates and NULs do not survive a UTF-8 file otherwise
    const raw = readFileSync(join(REGRESSIONS, file), 'utf8');
    const text = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    assert.deepEqual(checkText(text), [], file);
  }
});
