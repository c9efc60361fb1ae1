// The long robustness run (`npm run fuzz [-- --seed N --runs N --save]`), beyond the bounded one in
// `npm test`: many more property runs on longer mutated texts, then a 50 MB file analysed to the end by
// the CLI under a fixed heap (bounded memory). Needs the bundle (npm run bundle).
// With --save, a failing input is stored in test/robustness/regressions/ for the replay test.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
let failed = false;

const runs = flag('--runs', '5000');
const fuzz = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    join(root, 'test/robustness/children/fuzz.ts'),
    '--runs',
    runs,
    ...(args.includes('--seed') ? ['--seed', flag('--seed')] : []),
    ...(args.includes('--save') ? ['--save'] : []),
  ],
  { stdio: 'inherit', cwd: root },
);
failed ||= fuzz.status !== 0;

if (!args.includes('--no-large')) {
  const dir = mkdtempSync(join(tmpdir(), 'policymark-fuzz-'));
  const file = join(dir, 'huge.txt');
  const seeds = join(root, 'test/fixtures/seeds');
  const block = Buffer.from(
    readdirSync(seeds)
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
      .join('\n')
      .repeat(10),
  );
  const fd = openSync(file, 'w');
  for (let n = 0; n < 50_000_000; n += block.length) writeSync(fd, block);
  closeSync(fd);
  const started = Date.now();
  // 1.5 GB of heap for a 50 MB file: analysed in pieces, memory follows the piece, not the file
  const cli = spawnSync(
    process.execPath,
    ['--max-old-space-size=1536', join(root, 'server/out/cli.js'), 'check', '--max-size', '0', '--format', 'json', file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: 60 * 60 * 1000,
    },
  );
  const ok = (cli.status === 0 || cli.status === 1) && JSON.parse(cli.stdout).length === 1;
  console.log(`fuzz: 50 MB file: exit ${cli.status ?? cli.signal}, ${Date.now() - started} ms${ok ? '' : `\n${cli.stderr.slice(-2000)}`}`);
  failed ||= !ok;
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
