/**
 * Keeps the workspace index current for files that are not open: a background pass over the workspace
 * folders' files matching policymark.include (with window/workDoneProgress), then single-file updates
 * from workspace/didChangeWatchedFiles. Files are read asynchronously and analysed by the Analyzer at
 * background priority (entities only), so neither the disk nor the analysis blocks requests; open
 * documents always win (the index takes them from their cached analyses instead).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compileGlobs } from '../safeGlob';
import { stripBom } from '../analysis/text';
import type { Analyzer } from '../analyzer';
import { JobCancelledError } from '../analyzer';
import type { DocumentAnalysisOptions } from '../analysisCache';
import type { WorkspaceFacts } from '../analysis/options';
import { entryFromAnalysis, type WorkspaceIndex } from './index';
import { pathOf, uriKey, uriOf } from './uris';

/** Folders never descended into: tool and VCS state, dependencies. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);
/** Upper bound on files indexed, so a mis-opened home directory cannot exhaust memory. */
const MAX_FILES = 20_000;
/** Files being read or analysed at once during a pass: one in the worker, one on its way. */
const IN_FLIGHT = 2;

/** Whether a workspace-relative path (with /) is included. */
type PathTest = (relativePath: string) => boolean;

/** Progress reporting (the connection's work-done progress fits). */
export interface ProgressSink {
  begin(
    title: string,
    message?: string,
  ): Promise<{ report(percentage: number, message: string): void; done(): void; cancelled(): boolean }>;
}

/** What the indexer needs from the server. */
export interface IndexerDeps {
  index: WorkspaceIndex;
  analyzer: Analyzer;
  /** Include globs of the folder containing a file (policymark.include). */
  includeFor(folderUri: string): Promise<string[]>;
  /**
   * Analysis options for a file (maxDocumentSize, aliases...), with `workspace` as the workspace facts: the
   * indexer passes a snapshot taken once per round (or batch of changes), not the index's facts of the
   * moment, which change with every file indexed.
   */
  optionsFor(uri: string, workspace: WorkspaceFacts): Promise<DocumentAnalysisOptions>;
  /** Whether the client has the file open (then its analysis feeds the index, not the disk). */
  isOpen(uri: string): boolean;
  progress: ProgressSink;
  log(message: string): void;
  /** Called after a pass or a batch of file changes updated the index. */
  onDidUpdate(): void;
}

/** One change to a watched file. */
export interface FileChange {
  uri: string;
  type: 'created' | 'changed' | 'deleted';
}

/** The background indexer of one server. */
export class WorkspaceIndexer {
  private folders: string[] = [];
  private running: Promise<void> | undefined;
  private rerun = false;
  private generation = 0;
  private readonly changes = new Map<string, FileChange>();
  private changeTimer: NodeJS.Timeout | undefined;
  private matchers = new Map<string, PathTest>();

  constructor(private readonly deps: IndexerDeps) {}

  /** Sets the workspace folders (URIs) and re-indexes everything. */
  setFolders(folderUris: readonly string[]): Promise<void> {
    this.folders = folderUris.filter((uri) => pathOf(uri) !== undefined);
    return this.reindexAll();
  }

  /** Re-reads every matching file (folders or include globs changed). Resolves when the pass is done. */
  reindexAll(): Promise<void> {
    this.generation++;
    this.matchers.clear();
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    const run = async () => {
      do {
        this.rerun = false;
        await this.pass();
      } while (this.rerun);
    };
    this.running = run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** A promise for the pass in progress, if any (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Queues watched-file changes; they are applied together shortly after the last one. */
  filesChanged(changes: readonly FileChange[]): void {
    for (const change of changes) this.changes.set(uriKey(change.uri), change);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      void this.applyChanges();
    }, 150);
  }

  /** A document was closed: the disk is the truth again (its unsaved edits are gone). */
  documentClosed(uri: string): void {
    this.filesChanged([{ uri, type: 'changed' }]);
  }

  /** Stops pending work. */
  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.generation++;
  }

  private async applyChanges(): Promise<void> {
    const batch = [...this.changes.values()];
    this.changes.clear();
    const facts = this.deps.index.facts().facts;
    let updated = false;
    for (const change of batch) {
      if (change.type === 'deleted') {
        if (!this.deps.isOpen(change.uri)) {
          // a deleted folder arrives as one event: drop everything under it
          const prefix = uriKey(change.uri) + path.sep;
          for (const uri of this.deps.index.uris())
            if (uriKey(uri) === uriKey(change.uri) || uriKey(uri).startsWith(prefix)) this.deps.index.delete(uri);
          updated = true;
        }
        continue;
      }
      if (this.deps.isOpen(change.uri)) continue;
      if (!(await this.matches(change.uri))) {
        if (this.deps.index.has(change.uri)) {
          this.deps.index.delete(change.uri);
          updated = true;
        }
        continue;
      }
      if (await this.indexFile(change.uri, this.generation, facts)) updated = true;
    }
    if (updated) this.deps.onDidUpdate();
  }

  private async pass(): Promise<void> {
    const generation = this.generation;
    const reporter = await this.deps.progress.begin('PolicyMark', 'indexing the workspace');
    const before = this.deps.index.facts().signature;
    try {
      const files: string[] = [];
      for (const folder of this.folders) {
        const root = pathOf(folder)!;
        await this.walk(root, root, await this.matcher(folder), files);
      }
      const wanted = new Set(files.map((file) => uriKey(uriOf(file))));
      for (const uri of this.deps.index.uris()) if (!wanted.has(uriKey(uri)) && !this.deps.isOpen(uri)) this.deps.index.delete(uri);
      // twice at most: abbreviations in early files may resolve through full names found in later ones.
      // Every file of a round is analysed with the facts the round started from (the second round's are the
      // first round's result), whatever order the files come in.
      for (let round = 0; round < 2; round++) {
        const facts = this.deps.index.facts().facts;
        let next = 0;
        let done = 0;
        // files go to the analyzer IN_FLIGHT at a time: while the worker analyses one, the next is read and its
        // options gathered, so the worker never waits for the main thread between two files
        const lane = async (): Promise<void> => {
          while (next < files.length) {
            if (generation !== this.generation || reporter.cancelled()) return;
            const uri = uriOf(files[next++]!);
            if (!this.deps.isOpen(uri)) await this.indexFile(uri, generation, facts);
            if (++done % 10 === 0) reporter.report(Math.round((100 * done) / Math.max(1, files.length)), `${done}/${files.length}`);
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
        if (generation !== this.generation || reporter.cancelled()) return;
        if (this.deps.index.facts().signature === before || round === 1) break;
      }
    } finally {
      reporter.done();
      this.deps.onDidUpdate();
    }
  }

  /** Reads, analyses (entities only) and indexes one file; false when it was skipped or failed. */
  private async indexFile(uri: string, generation: number, facts: WorkspaceFacts): Promise<boolean> {
    const file = pathOf(uri);
    if (!file) return false;
    try {
      const { options, maxDocumentSize, useSegmenter = true } = await this.deps.optionsFor(uri, facts);
      const stat = await fs.stat(file);
      // a UTF-8 Chinese character is 3 bytes for 1 UTF-16 unit: bytes / 3 is a safe lower bound of length
      if (!stat.isFile() || stat.size / 3 > maxDocumentSize) {
        this.deps.index.delete(uri);
        return true;
      }
      const text = stripBom(await fs.readFile(file, 'utf8'));
      if (text.length > maxDocumentSize) {
        this.deps.index.delete(uri);
        return true;
      }
      const { segmenter: _segmenter, ...portable } = options;
      const result = await this.deps.analyzer.analyze(text, { ...portable, only: { diagnostics: false } }, useSegmenter, {
        priority: 'background',
        supersedeKey: `index:${uriKey(uri)}`,
      });
      // the document may have been opened, or the index reset, while this file was analysed
      if (generation !== this.generation || this.deps.isOpen(uri)) return false;
      this.deps.index.set(entryFromAnalysis(uri, text, result));
      return true;
    } catch (error) {
      if (error instanceof JobCancelledError) return false;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') {
        this.deps.index.delete(uri);
        return true;
      }
      this.deps.log(`policymark: cannot index ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private async walk(root: string, dir: string, matches: PathTest, out: string[]): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await this.walk(root, full, matches, out);
      } else if (entry.isFile() && matches(path.relative(root, full).split(path.sep).join('/'))) {
        out.push(full);
      }
    }
  }

  /** Whether a file lies in a workspace folder and matches that folder's include globs. */
  private async matches(uri: string): Promise<boolean> {
    const file = pathOf(uri);
    if (!file) return false;
    for (const folder of this.folders) {
      const root = pathOf(folder)!;
      const relative = path.relative(root, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const segments = relative.split(path.sep);
      if (segments.slice(0, -1).some((s) => SKIPPED_DIRECTORIES.has(s) || s.startsWith('.'))) continue;
      if ((await this.matcher(folder))(segments.join('/'))) return true;
    }
    return false;
  }

  private async matcher(folder: string): Promise<PathTest> {
    let matcher = this.matchers.get(folder);
    if (!matcher) {
      const globs = await this.deps.includeFor(folder);
      // user patterns: compiled so that none can hang the server (safeGlob.ts); unsafe ones are left out
      const isMatch = compileGlobs(globs).test;
      matcher = globs.length ? (p: string) => isMatch(p) : () => false;
      this.matchers.set(folder, matcher);
    }
    return matcher;
  }
}
