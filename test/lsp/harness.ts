/**
 * A real LSP client for protocol tests: starts the bundled server (`node server/out/server.js --stdio`)
 * as a child process, talks JSON-RPC to it over its stdio, answers the requests a server sends to an
 * editor (configuration, capability registration, progress, refresh), and always cleans up the child.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** The project root (two levels above this file). */
export const ROOT = path.resolve(__dirname, '..', '..');
/** The bundled server the tests start. */
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
/** The seed texts. */
export const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

/** Any LSP position. */
export interface Pos {
  line: number;
  character: number;
}
/** Any LSP range. */
export interface Rng {
  start: Pos;
  end: Pos;
}

/** Options of one server session. */
export interface SessionOptions {
  /** The workspace folder. */
  workspace: string;
  /** policymark.* settings returned for workspace/configuration. */
  settings?: Record<string, unknown>;
  /** The client's locale (initialize params). */
  locale?: string;
}

/** A running server with a connected client. */
export class LspSession {
  readonly progressEnds: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly logs: string[] = [];
  refreshes = 0;
  private readonly activeProgress = new Set<string>();
  private readonly versions = new Map<string, number>();
  private closed = false;
  stderr = '';

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    readonly options: SessionOptions,
  ) {}

  /** Starts the server and completes the initialize handshake. */
  static async start(options: SessionOptions): Promise<LspSession> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run bundle\` first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(child, connection, options);
    child.stderr.on('data', (chunk: Buffer) => (session.stderr += chunk.toString()));
    const settings = options.settings ?? {};
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'policymark' ? settings : null)),
    );
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      session.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      session.refreshes++;
      return null;
    });
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      session.logs.push(params.message);
    });
    connection.onNotification('$/progress', (params: { token: string; value: { kind: string } }) => {
      if (params.value.kind === 'begin') session.activeProgress.add(String(params.token));
      if (params.value.kind === 'end') {
        session.activeProgress.delete(String(params.token));
        session.progressEnds.push(String(params.token));
      }
    });
    connection.listen();
    const rootUri = pathToFileURL(options.workspace).href;
    await session.request('initialize', {
      processId: process.pid,
      locale: options.locale ?? 'en',
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(options.workspace) }],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          diagnostics: { refreshSupport: true },
          semanticTokens: { refreshSupport: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          symbol: {},
        },
        window: { workDoneProgress: true },
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'refactor'] } },
            isPreferredSupport: true,
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
      },
      initializationOptions: { settings },
    });
    void connection.sendNotification('initialized', {});
    return session;
  }

  /** The capabilities returned by initialize are kept here by `start`'s caller when needed. */
  request<T = unknown>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out after ${timeoutMs} ms\nstderr: ${this.stderr}`)), timeoutMs);
      this.connection.sendRequest(method, params).then(
        (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Opens a file of the workspace as the editor would; returns its URI. */
  open(file: string, languageId = 'policytext', text?: string): string {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: text ?? readFileSync(file, 'utf8') } });
    return uri;
  }

  /** Replaces an open document's whole text. */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Pulls the diagnostics of a document. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  /** Waits until at least `count` indexing passes have ended and none is running. */
  async indexed(count = 1, timeoutMs = 30_000): Promise<void> {
    await eventually(() => this.progressEnds.length >= count && this.activeProgress.size === 0, timeoutMs, 'workspace indexing');
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      // a server that does not answer shutdown is killed below
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** An LSP diagnostic as the tests read it. */
export interface Diagnostic {
  range: Rng;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Rng }; message: string }[];
  data?: unknown;
}

/** Retries `check` until it returns a truthy value or time runs out. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The LSP position of the first occurrence of `needle` in `text` (UTF-16 columns), plus `delta` units. */
export function positionOf(text: string, needle: string, delta = 0, from = 0): Pos {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not found`);
  return positionAt(text, offset + delta);
}

/** The LSP position of an offset. */
export function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}

/** The text of a range. */
export function textAt(text: string, range: Rng): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** The offset of an LSP position. */
export function offsetAt(text: string, position: Pos): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + position.character;
}
