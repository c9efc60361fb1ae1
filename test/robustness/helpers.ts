/**
 * Shared by the robustness tests: running the bundled CLI and server as child processes (so that a crash,
 * a native abort or a hang is observed, not fatal to the test runner), and checks of the core's ranges.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { AnalysisResult, TextEdit } from '../../server/src/analysis/types';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'server', 'out', 'cli.js');
export const SERVER = join(ROOT, 'server', 'out', 'server.js');
export const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
export const REGRESSIONS = join(__dirname, 'regressions');

/** A fresh temporary folder. */
export const tmp = (prefix = 'policymark-robust-') => mkdtempSync(join(tmpdir(), prefix));

/** What a finished child process left behind. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function finished(r: SpawnSyncReturns<string>): Finished {
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut };
}

/** Runs the bundled CLI (LANG=C: English messages) with a time limit; `nodeArgs` go before the script. */
export function runCli(args: string[], options: { timeout?: number; nodeArgs?: string[]; env?: Record<string, string> } = {}): Finished {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', ...options.env },
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return finished(r);
}

/**
 * Runs a TypeScript file of this folder (children/*.ts) in its own node process through tsx: for what may
 * crash the process (native code) or hang (a pathological pattern); the time limit turns a hang into a
 * failure instead of a stuck suite.
 */
export function runChild(script: string, args: string[] = [], timeout = 30_000, input?: string): Finished {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'children', script), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout,
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return finished(r);
}

/** Whether `i` is a valid boundary of `text`: inside it and not between the halves of a surrogate pair. */
export function isBoundary(text: string, i: number): boolean {
  if (!Number.isInteger(i) || i < 0 || i > text.length) return false;
  if (i === 0 || i === text.length) return true;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** Every problem with the ranges of one analysis (empty when all is well), for a readable assertion. */
export function rangeProblems(text: string, result: AnalysisResult): string[] {
  const problems: string[] = [];
  const span = (what: string, start: number, end: number) => {
    if (!isBoundary(text, start) || !isBoundary(text, end) || end < start)
      problems.push(`${what} [${start}, ${end}) in a text of ${text.length}`);
  };
  for (const e of result.entities) {
    span(`entity ${e.type}`, e.start, e.end);
    if (text.slice(e.start, e.end) !== e.text)
      problems.push(`entity ${e.type} text ${JSON.stringify(e.text)} is not the text at its range`);
  }
  for (const f of result.diagnostics) {
    span(`finding ${f.code}`, f.start, f.end);
    for (const r of f.related ?? []) span(`related of ${f.code}`, r.start, r.end);
    f.fixes.forEach((fix, k) => {
      for (const e of fix.edits) span(`edit of ${f.code} fix ${k}`, e.start, e.end);
      const overlap = firstOverlap(fix.edits);
      if (overlap) problems.push(`fix ${k} of ${f.code} has overlapping edits ${overlap}`);
    });
  }
  return problems;
}

/** Two edits of one fix that overlap (two insertions at one offset count: their order would be undefined). */
export function firstOverlap(edits: readonly TextEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.start < a.end || (b.start === a.start && a.start === a.end && b.start === b.end))
      return `[${a.start}, ${a.end}) and [${b.start}, ${b.end})`;
  }
  return undefined;
}

/** Han characters (BMP blocks and the astral extensions) of a text, counted. */
export function hanCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/g)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

/** Han characters present (with multiplicity) in `before` but not in `after`. */
export function hanRemoved(before: string, after: string): string[] {
  const a = hanCounts(after);
  const removed: string[] = [];
  for (const [c, n] of hanCounts(before)) for (let k = a.get(c) ?? 0; k < n; k++) removed.push(c);
  return removed;
}

/** A language server child over stdio with a JSON-RPC connection to it. */
export interface ServerHandle {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Log and show-message notifications received so far. */
  messages: { method: string; type: number; message: string }[];
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Opens a document (languageId policytext). */
  open(uri: string, text: string, version?: number): Promise<void>;
  /** shutdown + exit, then waits for the process (kills it after `timeout` ms and rejects). */
  stop(timeout?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node server/out/server.js --stdio` and initializes it. The client announces no configuration
 * support, so settings come from initializationOptions.settings. `initializationOptions` is passed as is.
 */
export async function startServer(
  initializationOptions: Record<string, unknown> = {},
  rootUri: string | null = null,
): Promise<ServerHandle> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, LANG: 'C' }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const messages: ServerHandle['messages'] = [];
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    messages.push({ method: 'log', ...p });
  });
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    messages.push({ method: 'show', ...p });
  });
  connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    messages.push({ method: 'show', ...p });
    return null;
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  // the server going away ends the connection; that is what some tests provoke
  connection.onError(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: { textDocument: { diagnostic: {}, codeAction: {}, hover: {}, definition: {} }, workspace: {} },
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  const handle: ServerHandle = {
    connection,
    process: child,
    stderr: () => stderr,
    messages,
    exited,
    async open(uri, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'policytext', version, text } });
    },
    async stop(timeout = 10_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone: the exit status below tells the test what happened
      }
      const result = await exited;
      clearTimeout(timer);
      connection.dispose();
      return result;
    },
  };
  return handle;
}

/** The items of a pull-diagnostics answer. */
export async function pullDiagnostics(server: ServerHandle, uri: string): Promise<{ range: LspRange; code?: string; message: string }[]> {
  const report = await server.connection.sendRequest<{ items: { range: LspRange; code?: string; message: string }[] }>(
    'textDocument/diagnostic',
    {
      textDocument: { uri },
    },
  );
  return report.items;
}

/** An LSP range. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
