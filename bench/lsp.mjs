// A minimal LSP client for the benchmark: starts the bundled server over stdio and answers the
// requests a real client answers (configuration, progress creation, capability registration).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const rpc = require('vscode-jsonrpc/node');

/** Starts a server for `folder`; resolves once `initialize` has been answered. */
export async function startServer(
  folder,
  { settings = {}, execArgv = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean) } = {},
) {
  const child = spawn(process.execPath, [...execArgv, join(root, 'server', 'out', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const progress = new Map();
  /** Work-done progress tokens begun and not yet ended. */
  const active = new Set();
  const progressListeners = [];
  const refreshListeners = [];
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    for (const l of refreshListeners.splice(0)) l();
    return null;
  });
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onNotification('$/progress', ({ token, value }) => {
    progress.set(token, value);
    if (value?.kind === 'begin') active.add(token);
    if (value?.kind === 'end') active.delete(token);
    for (const l of progressListeners) l(token, value);
  });
  // the server logs "segmenter loaded in N ms" once its worker has the segmenter
  let segmenterLoaded;
  const segmenterReady = new Promise((resolve) => (segmenterLoaded = resolve));
  connection.onNotification('window/logMessage', ({ message }) => {
    if (/segmenter loaded/.test(message ?? '')) segmenterLoaded(true);
  });
  connection.listen();
  const uri = pathToFileURL(folder).href;
  const started = performance.now();
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    locale: 'en',
    capabilities: {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] }, synchronization: { didSave: true } },
    },
    initializationOptions: { settings, trusted: true },
  });
  connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    init,
    started,
    /** Resolves when any work-done progress ends (the workspace index), or after `timeoutMs`. */
    progressEnded(timeoutMs = 120_000) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        progressListeners.push((_token, value) => {
          if (value?.kind === 'end') {
            clearTimeout(timer);
            resolve(true);
          }
        });
      });
    },
    /** Resolves once no work-done progress has been running for `quietMs` (true), or after `timeoutMs` (false). */
    idle(quietMs = 1000, timeoutMs = 300_000) {
      const until = performance.now() + timeoutMs;
      return new Promise((resolve) => {
        let quietSince = performance.now();
        const timer = setInterval(() => {
          const now = performance.now();
          if (active.size) quietSince = now;
          if (now - quietSince >= quietMs) {
            clearInterval(timer);
            resolve(true);
          } else if (now > until) {
            clearInterval(timer);
            resolve(false);
          }
        }, 20);
      });
    },
    /** Resolves once the server has logged that its segmenter is loaded (false after `timeoutMs`). */
    segmenterLoaded(timeoutMs = 30_000) {
      return Promise.race([segmenterReady, new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())]);
    },
    /** Resolves at the server's next diagnostic refresh request (e.g. once the segmenter is loaded). */
    nextRefresh(timeoutMs = 30_000) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        refreshListeners.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    /** Resident set size of the server process in MB. */
    async rssMb() {
      const { readFileSync } = await import('node:fs');
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        connection.sendNotification('exit');
      } catch {
        // already gone
      }
      setTimeout(() => child.kill('SIGKILL'), 1000).unref();
      connection.dispose();
    },
  };
}

/**
 * Opens `path` as a document of a fresh server for `folder`, waits until the server has its segmenter
 * (the steady state), then times `edits` one-character insertions at line starts spread over the file:
 * `didChange` sent → the pull diagnostic for that version answered. The server is left running.
 */
export async function measureEdits(folder, path, edits) {
  mkdirSync(folder, { recursive: true });
  const server = await startServer(folder);
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(join(folder, 'doc.txt')).href;
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  // not the first diagnostic refresh: the index's can come before the segmenter is loaded
  await server.segmenterLoaded();
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const lines = text.split('\n');
  const samples = [];
  for (let i = 0, version = 1; i < edits; i++) {
    const line = Math.floor((i * 7919) % lines.length);
    const t = performance.now();
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '新' }],
    });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    samples.push(performance.now() - t);
  }
  return { server, uri, text, samples };
}
