/**
 * One cached analysis per document URI and version, shared by diagnostics, hover, code actions and
 * navigation. Analyses are computed on demand by the Analyzer (a worker thread in the server), so a long
 * analysis never blocks the event loop; concurrent requests for one version share one job; a newer
 * version supersedes a queued older one. The last finished analysis of each document stays available
 * (`peek`) so that hovers can answer from it while a newer one is computing.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from './analysis/options';
import type { AnalysisResult, Finding } from './analysis/types';
import type { Analyzer, Cancellable } from './analyzer';

/** A document's analysis, tied to the exact text and version it was computed on. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  text: string;
  result: AnalysisResult;
  /** Set when analysis was skipped (document too large): the reason, for one information diagnostic. */
  skipped?: { size: number; limit: number };
}

/** What `optionsFor` supplies for a document. */
export interface DocumentAnalysisOptions {
  options: AnalysisOptions;
  maxDocumentSize: number;
  /** Whether to use the segmenter where it is loaded (settings.segmenter); default true. */
  useSegmenter?: boolean;
  /** Findings that come from outside the text's analysis (orphan annotations of the sidecar), added to its diagnostics. */
  extraFindings?: (text: string) => Finding[];
}

interface Pending {
  version: number;
  generation: number;
  promise: Promise<AnalyzedDocument>;
}

/** Computes and caches analyses. `optionsFor` supplies per-document options (settings, sidecar, workspace). */
export class AnalysisCache {
  private readonly cache = new Map<string, AnalyzedDocument & { generation: number }>();
  private readonly pending = new Map<string, Pending>();
  private readonly listeners: ((analyzed: AnalyzedDocument) => void)[] = [];
  /** Bumped by clear(): analyses started before it are not served as current. */
  private generation = 0;

  /** `optionsFor` gives the analysis options of a document (settings, segmenter, sidecar, workspace). */
  constructor(
    readonly optionsFor: (uri: string) => Promise<DocumentAnalysisOptions>,
    readonly analyzer: Analyzer,
  ) {}

  /**
   * The analysis of this version of the document, computing it if needed. Rejects with
   * JobCancelledError when `token` is cancelled or a newer version superseded it before it ran.
   */
  async get(document: TextDocument, token?: Cancellable): Promise<AnalyzedDocument> {
    const uri = document.uri;
    const version = document.version;
    const cached = this.cache.get(uri);
    if (cached && cached.version === version && cached.generation === this.generation) return cached;
    const pending = this.pending.get(uri);
    if (pending && pending.version === version && pending.generation === this.generation) return pending.promise;
    // read the text now: an incrementally synced document object changes in place with later edits
    const text = document.getText();
    const generation = this.generation;
    const promise = this.compute(uri, version, text, generation, token);
    this.pending.set(uri, { version, generation, promise });
    const forget = () => {
      if (this.pending.get(uri)?.promise === promise) this.pending.delete(uri);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** The cached analysis of exactly this version, without computing anything. */
  current(document: TextDocument): AnalyzedDocument | undefined {
    const cached = this.cache.get(document.uri);
    return cached && cached.version === document.version && cached.generation === this.generation ? cached : undefined;
  }

  /** The last analysis of a document, whatever its version (for requests that can use a slightly stale one). */
  peek(uri: string): AnalyzedDocument | undefined {
    return this.cache.get(uri);
  }

  /** Whether an analysis of this document is being computed. */
  isComputing(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Called with every finished analysis (the workspace index keeps open documents current through it). */
  onDidAnalyze(listener: (analyzed: AnalyzedDocument) => void): void {
    this.listeners.push(listener);
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.cache.delete(uri);
    this.pending.delete(uri);
  }

  /** Invalidates everything (settings, dictionaries, the segmenter or the workspace facts changed). */
  clear(): void {
    this.generation++;
    this.pending.clear();
    // entries stay for peek() (stale hovers) but are no longer current
  }

  private async compute(uri: string, version: number, text: string, generation: number, token?: Cancellable): Promise<AnalyzedDocument> {
    const { options, maxDocumentSize, useSegmenter = true, extraFindings } = await this.optionsFor(uri);
    let analyzed: AnalyzedDocument;
    if (text.length > maxDocumentSize) {
      analyzed = {
        uri,
        version,
        text,
        result: { entities: [], diagnostics: [], segmented: false },
        skipped: { size: text.length, limit: maxDocumentSize },
      };
    } else {
      // the segmenter lives in the analyzer (the worker): only the wish to use it travels
      const { segmenter: _segmenter, ...portable } = options;
      const result = await this.analyzer.analyze(text, portable, useSegmenter, {
        priority: 'interactive',
        token,
        supersedeKey: `document:${uri}`,
        cacheKey: uri,
      });
      const extra = extraFindings?.(text) ?? [];
      if (extra.length) result.diagnostics = [...result.diagnostics, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
      analyzed = { uri, version, text, result };
    }
    const previous = this.cache.get(uri);
    // an analysis that finished late must not replace a newer one
    const newer = previous && (previous.generation > generation || (previous.generation === generation && previous.version > version));
    if (!newer) this.cache.set(uri, { ...analyzed, generation });
    for (const listener of this.listeners) listener(analyzed);
    return analyzed;
  }
}
