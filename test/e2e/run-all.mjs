// Runs every real-editor suite: Neovim (LSP over stdio), code-server + Chromium (the VSIX in VS Code, driven
// through the UI), the @vscode/test-electron suite inside code-server's extension host, and
// @vscode/test-electron in desktop VS Code (skipped where VS Code cannot be had). Each suite runs in its own
// process; the run fails if any suite has a failing step. Pending steps (pending.json) and skipped suites
// are counted as skipped.
// node run-all.mjs [--build]   (--build: rebuild the VSIX first; default: build it only when missing)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, ROOT, WORK, ensureVsix } from './lib/common.mjs';

const suites = [
  { name: 'nvim', script: join(ROOT, 'test', 'nvim', 'run.mjs') },
  { name: 'code-server', script: join(E2E, 'code-server', 'run.mjs') },
  // the @vscode/test-electron suite inside code-server's extension host (desktop VS Code is not to be had here)
  { name: 'code-server-api', script: join(E2E, 'code-server', 'run.mjs'), args: ['--api'] },
  { name: 'electron', script: join(ROOT, 'test', 'electron', 'run.js') },
];

const allStarted = Date.now();
ensureVsix({ build: process.argv.includes('--build') });
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const suite of suites) {
  const resultFile = join(WORK, `results-${suite.name}.json`);
  rmSync(resultFile, { force: true });
  const started = Date.now();
  console.log(`\n== ${suite.name}`);
  const run = spawnSync(process.execPath, [suite.script, ...(suite.args ?? [])], { cwd: ROOT, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const summary = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  if (!summary) {
    failed++;
    lines.push(`${suite.name}: crashed (exit ${run.status ?? run.signal}) after ${seconds} s`);
    continue;
  }
  if (summary.skipped) {
    skipped++;
    lines.push(`${suite.name}: skipped (${summary.skipped}) after ${seconds} s`);
    continue;
  }
  passed += summary.passed;
  failed += summary.failed + (run.status !== 0 && summary.failed === 0 ? 1 : 0);
  skipped += summary.pending;
  const waiting = summary.results.filter((r) => r.status === 'pending').map((r) => r.name);
  lines.push(
    `${suite.name}: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending${waiting.length ? ` (${waiting.join(', ')})` : ''} in ${seconds} s`,
  );
}
console.log(`\n== real-editor tests (${((Date.now() - allStarted) / 1000).toFixed(0)} s)`);
for (const line of lines) console.log(line);
console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
