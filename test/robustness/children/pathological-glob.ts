/**
 * Child of security.test.ts: user globs that make picomatch backtrack for seconds or forever, matched
 * through compileGlobs against long paths. The parent runs this with a time limit (no timing in-process).
 */
import { compileGlobs } from '../../../server/src/safeGlob';

const hostile = [
  '*a'.repeat(20) + 'b',
  '@(a|a)'.repeat(24) + 'b',
  '?(a|aa)'.repeat(20) + 'b',
  `${'{a,a}'.repeat(30)}b`,
  'x'.repeat(100_000),
  '**/*.txt',
];
const { test, rejected } = compileGlobs(hostile);
const path = 'a'.repeat(100) + '/' + 'a'.repeat(150) + '.txX';
let matched = 0;
for (let i = 0; i < 100; i++) if (test(path + i)) matched++;
process.stdout.write(
  JSON.stringify({ rejected: rejected.length, matched, txt: test('docs/a.txt'), long: test('a/'.repeat(10_000) + 'b.txt') }) + '\n',
);
