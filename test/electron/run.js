// The real-editor scenario in desktop VS Code with @vscode/test-electron: the extension from the root build
// (client/out, server/out) in a fresh VS Code profile, the suite (suite/index.js) inside the extension host.
// VS Code comes from VSCODE_EXECUTABLE_PATH, or is downloaded by @vscode/test-electron (VSCODE_VERSION,
// default stable). Where neither works (no network), the suite says so and is skipped (exit 0).
// On Linux without a display it re-runs itself under xvfb-run when that is installed.
// node test/electron/run.js
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = resolve(__dirname, '..', '..');

async function main() {
  const common = await import(pathToFileURL(join(ROOT, 'test', 'e2e', 'lib', 'common.mjs')).href);
  const resultsFile = join(common.WORK, 'results-electron.json');
  const skip = (reason) => {
    console.log(`electron: skipped: ${reason}`);
    mkdirSync(common.WORK, { recursive: true });
    writeFileSync(
      resultsFile,
      JSON.stringify({ suite: 'electron', skipped: reason, results: [], passed: 0, failed: 0, pending: 0 }, null, 2),
    );
  };

  let testElectron;
  try {
    testElectron = require('@vscode/test-electron');
  } catch (error) {
    return skip(`@vscode/test-electron is not installed at the root (npm ci): ${error.message}`);
  }
  if (!existsSync(join(ROOT, 'client', 'out', 'extension.js')) || !existsSync(join(ROOT, 'server', 'out', 'server.js'))) {
    throw new Error('client/out/extension.js or server/out/server.js is missing: build first (npm run bundle)');
  }

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (vscodeExecutablePath && !existsSync(vscodeExecutablePath)) {
    throw new Error(`VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
  }
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode({
        version: process.env.VSCODE_VERSION || 'stable',
        cachePath: join(ROOT, '.vscode-test'),
        timeout: 30000,
      });
    } catch (error) {
      return skip(
        `VS Code could not be fetched (${firstLine(error)}) and VSCODE_EXECUTABLE_PATH is not set; this machine reaches no download server`,
      );
    }
  }

  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.POLICYMARK_E2E_UNDER_XVFB) {
    const which = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
    if (which.status !== 0) throw new Error('no DISPLAY and no xvfb-run: install xvfb (apt-get install xvfb) or run under a display');
    const rerun = spawnSync('xvfb-run', ['-a', process.execPath, __filename], {
      stdio: 'inherit',
      env: { ...process.env, POLICYMARK_E2E_UNDER_XVFB: '1', VSCODE_EXECUTABLE_PATH: vscodeExecutablePath },
    });
    process.exitCode = rerun.status ?? 1;
    return;
  }

  const work = common.freshDir('electron');
  const workspace = common.makeWorkspace('electron/workspace');
  const userDataDir = join(work, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  const suiteResults = join(work, 'suite-results.json');
  rmSync(suiteResults, { force: true });
  let exitError;
  try {
    await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--locale=en',
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        join(work, 'extensions'),
        // Electron refuses to run as root with its sandbox on
        ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox', '--disable-gpu-sandbox'] : []),
      ],
      extensionTestsEnv: {
        POLICYMARK_E2E_SCENARIO: join(common.E2E, 'scenario.json'),
        POLICYMARK_E2E_PENDING: join(common.E2E, 'pending.json'),
        POLICYMARK_E2E_WORKSPACE: workspace,
        POLICYMARK_E2E_RESULTS: suiteResults,
      },
    });
  } catch (error) {
    exitError = error;
  }
  if (!existsSync(suiteResults)) {
    throw new Error(
      `the suite wrote no results (${exitError ? firstLine(exitError) : 'VS Code exited'}); see ${join(userDataDir, 'logs')}`,
    );
  }
  const results = JSON.parse(readFileSync(suiteResults, 'utf8'));
  for (const r of results) {
    const tag = r.status === 'pass' ? 'ok  ' : r.status === 'pending' ? 'wait' : 'FAIL';
    console.log(`${tag} electron ${r.name}: ${r.detail ?? ''}`);
  }
  const summary = common.summarize('electron', results);
  console.log(`electron: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}

function firstLine(error) {
  return String(error && error.message ? error.message : error).split('\n')[0];
}

main().catch((error) => {
  console.error(`electron: ${error.stack || error}`);
  process.exitCode = 1;
});
