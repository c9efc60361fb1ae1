// Shared by the real-editor runners: paths, the scenario, the workspace copy of the seeds, positions,
// the VSIX, and a step runner that reports pass / fail / pending for every step.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(E2E, '..', '..');
export const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
export const WORK = process.env.E2E_WORK_DIR ? resolve(process.env.E2E_WORK_DIR) : join(E2E, '.work');
export const SCREENSHOTS = join(E2E, 'screenshots');
export const scenario = JSON.parse(readFileSync(join(E2E, 'scenario.json'), 'utf8'));
export const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Steps that wait for a feature still being built: they run and report, but their failure does not fail the run. */
export const pending = JSON.parse(readFileSync(join(E2E, 'pending.json'), 'utf8'));

/** File name in the workspace of a scenario file key (s000…s004, article). */
export function fileName(key) {
  if (key === 'article') return scenario.article.name;
  const name = scenario.seeds[key];
  if (!name) throw new Error(`unknown scenario file ${key}`);
  return name;
}

/** A fresh folder under .work (removed first). */
export function freshDir(...parts) {
  const dir = join(WORK, ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies the seeds and writes the scenario's article into a new workspace folder; returns its path. */
export function makeWorkspace(name = 'workspace') {
  const dir = freshDir(name);
  for (const file of readdirSync(SEEDS)) if (file.endsWith('.txt')) cpSync(join(SEEDS, file), join(dir, file));
  writeFileSync(join(dir, scenario.article.name), scenario.article.text);
  return dir;
}

/** UTF-16 offset of `quote` (inside `context` when given) in `text`, with its line/character (0-based, UTF-16). */
export function locate(text, quote, context) {
  let base = 0;
  if (context) {
    base = text.indexOf(context);
    if (base < 0) throw new Error(`context not found: ${JSON.stringify(context)}`);
  }
  const start = text.indexOf(quote, base);
  if (start < 0) throw new Error(`quote not found: ${JSON.stringify(quote)}`);
  return { start, end: start + quote.length, ...positionAt(text, start) };
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offset of a 0-based line/character. */
export function offsetAt(text, line, character) {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + character;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes (throws with `what`). */
export async function waitFor(what, probe, { timeoutMs = 30000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The packaged VSIX at the root (policymark-<version>.vsix); builds it with `npm run package` when asked or missing. */
export function ensureVsix({ build = false } = {}) {
  const vsix = process.env.POLICYMARK_VSIX ? resolve(process.env.POLICYMARK_VSIX) : join(ROOT, `policymark-${manifest.version}.vsix`);
  if (build || !existsSync(vsix)) {
    console.log(`e2e: building ${vsix} with \`npm run package\` at the root`);
    const result = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      const output = `${result.stdout}${result.stderr}`.split('\n').slice(-40).join('\n');
      throw new Error(`\`npm run package\` failed (exit ${result.status}):\n${output}`);
    }
  }
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  return vsix;
}

/**
 * Unpacks the VSIX's extension/ folder as <extensionsDir>/policymark.policymark-<version> (what an install
 * from the marketplace leaves), without asking any network. Returns the extension's folder.
 */
export function unpackVsix(vsix, extensionsDir) {
  const tmp = join(extensionsDir, '.unpack');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', vsix, tmp], { stdio: 'inherit' });
  if (unzip.status !== 0) {
    const fallback = spawnSync('unzip', ['-q', vsix, '-d', tmp], { stdio: 'inherit' });
    if (fallback.status !== 0) throw new Error(`could not unpack ${vsix} (python3 -m zipfile and unzip failed)`);
  }
  const pkg = JSON.parse(readFileSync(join(tmp, 'extension', 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase());
  rmSync(target, { recursive: true, force: true });
  cpSync(join(tmp, 'extension'), target, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  return { dir: target, pkg };
}

/** Last `lines` lines of every file under `dir` whose path matches `pattern`. */
export function tailLogs(dir, pattern, lines = 60) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(full) && statSync(full).size > 0) {
        const text = readFileSync(full, 'utf8').split('\n');
        out.push(`----- ${full} (last ${Math.min(lines, text.length)} lines)\n${text.slice(-lines).join('\n')}`);
      }
    }
  };
  walk(dir);
  return out.join('\n');
}

/**
 * Runs named steps in order; each reports pass, fail or pending (a failure of a step listed in pending.json
 * for this suite). `onFailure(step, error)` is awaited after a failure (screenshots, logs). Returns the summary.
 */
export async function runSteps(suite, steps, { onFailure } = {}) {
  const results = [];
  const waiting = pending[suite] ?? {};
  for (const step of steps) {
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    try {
      const detail = await step.run();
      const note = waiting[step.name] ? ' (listed in pending.json: it passes now, remove it from there)' : '';
      console.log(`ok   ${suite} ${step.name} (${seconds()} s)${detail ? `: ${detail}` : ''}${note}`);
      results.push({ name: step.name, status: 'pass', detail });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const status = waiting[step.name] ? 'pending' : 'fail';
      console.log(`${status === 'fail' ? 'FAIL' : 'wait'} ${suite} ${step.name} (${seconds()} s): ${message}`);
      if (status === 'pending') console.log(`     pending: ${waiting[step.name]}`);
      results.push({ name: step.name, status, detail: message });
      if (onFailure) {
        try {
          await onFailure(step, error);
        } catch (inner) {
          console.log(`     (while reporting the failure: ${inner.message})`);
        }
      }
      if (step.fatal) {
        for (const rest of steps.slice(steps.indexOf(step) + 1)) {
          const restStatus = waiting[rest.name] ? 'pending' : 'fail';
          console.log(`${restStatus === 'fail' ? 'FAIL' : 'wait'} ${suite} ${rest.name}: not run, ${step.name} failed`);
          results.push({ name: rest.name, status: restStatus, detail: `not run: ${step.name} failed` });
        }
        break;
      }
    }
  }
  return summarize(suite, results);
}

export function summarize(suite, results) {
  const count = (s) => results.filter((r) => r.status === s).length;
  const summary = { suite, results, passed: count('pass'), failed: count('fail'), pending: count('pending') };
  writeResults(suite, summary);
  return summary;
}

function writeResults(suite, summary) {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(join(WORK, `results-${suite}.json`), JSON.stringify(summary, null, 2));
}
