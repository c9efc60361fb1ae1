/**
 * The long property run (`npm run fuzz`, through scripts/fuzz.mjs): `fuzz.ts [--seed N] [--runs N]
 * [--max-length N] [--save]`. On a failure it prints the shrunk counterexample and, with --save, stores it
 * in test/robustness/regressions/ (as a JSON string, so NULs and lone surrogates survive) for the replay test.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkText, textArbitrary } from '../properties';
import { REGRESSIONS } from '../helpers';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, runs: { type: 'string' }, 'max-length': { type: 'string' }, save: { type: 'boolean' } },
});
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000_007;
const runs = Number(values.runs ?? 2000);
const maxLength = Number(values['max-length'] ?? 2000);
const started = Date.now();
const result = fc.check(
  fc.property(textArbitrary(maxLength, 40), (text) => {
    const problems = checkText(text);
    if (problems.length) throw new Error(problems.join('\n'));
  }),
  { seed, numRuns: runs },
);
process.stdout.write(`fuzz: seed ${seed}, ${result.numRuns} runs, ${Date.now() - started} ms\n`);
if (result.failed) {
  const text = result.counterexample![0] as string;
  process.stdout.write(`FAILED on ${JSON.stringify(text)}\n${String(result.errorInstance)}\n`);
  if (values.save) {
    const file = join(REGRESSIONS, `fuzz-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.txt`);
    writeFileSync(file, `${JSON.stringify(text)}\n`);
    process.stdout.write(`saved ${file}\n`);
  }
  process.exitCode = 1;
}
