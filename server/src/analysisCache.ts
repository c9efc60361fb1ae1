/**
 * One cached analysis per document URI and version, shared by diagnostics, hover, code actions and
 * navigation. Analyses are computed on demand; a newer version replaces the cached one.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from './analysis/index';
import type { AnalysisOptions } from './analysis/options';
import type { AnalysisResult } from './analysis/types';

/** A document's analysis, tied to the exact text and version it was computed on. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  text: string;
  result: AnalysisResult;
  /** Set when analysis was skipped (document too large): the reason, for one information diagnostic. */
  skipped?: { size: number; limit: number };
}

/** Computes and caches analyses. `optionsFor` supplies per-document options (settings, sidecar, workspace). */
export class AnalysisCache {
  private readonly cache = new Map<string, AnalyzedDocument>();

  /** `optionsFor` gives the analysis options of a document (settings, segmenter, sidecar, workspace). */
  constructor(readonly optionsFor: (uri: string) => Promise<{ options: AnalysisOptions; maxDocumentSize: number }>) {}

  /** The analysis of this version of the document, computing it if needed. */
  async get(document: TextDocument): Promise<AnalyzedDocument> {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const { options, maxDocumentSize } = await this.optionsFor(document.uri);
    // the document may have changed while the options were fetched
    const again = this.cache.get(document.uri);
    if (again && again.version === document.version) return again;
    const text = document.getText();
    const analyzed: AnalyzedDocument =
      text.length > maxDocumentSize
        ? {
            uri: document.uri,
            version: document.version,
            text,
            result: { entities: [], diagnostics: [], segmented: false },
            skipped: { size: text.length, limit: maxDocumentSize },
          }
        : { uri: document.uri, version: document.version, text, result: analyze(text, options) };
    this.cache.set(document.uri, analyzed);
    return analyzed;
  }

  /** The last analysis of a document, whatever its version (for requests that can use a slightly stale one). */
  peek(uri: string): AnalyzedDocument | undefined {
    return this.cache.get(uri);
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.cache.delete(uri);
  }

  /** Forgets everything (settings, dictionaries or the segmenter changed). */
  clear(): void {
    this.cache.clear();
  }
}
