/** Helpers shared by the handlers: getting a document's analysis the way each kind of request needs it. */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzedDocument } from '../analysisCache';
import { JobCancelledError } from '../analyzer';
import type { Language } from '../analysis/types';
import type { ServerContext } from '../context';

/** The document and its analysis for this exact version, or undefined when the request was cancelled or the document is unknown. */
export async function analysisOf(
  ctx: ServerContext,
  uri: string,
  token: CancellationToken,
): Promise<{ document: TextDocument; analyzed: AnalyzedDocument } | undefined> {
  const document = ctx.documents.get(uri);
  if (!document) return undefined;
  try {
    const analyzed = await ctx.analyses.get(document, token);
    if (token.isCancellationRequested || analyzed.version !== document.version) return undefined;
    return { document, analyzed };
  } catch (error) {
    if (error instanceof JobCancelledError) return undefined;
    throw error;
  }
}

/**
 * An analysis good enough for reading requests (hover, navigation): the current one if ready; the last one
 * of this very text if only settings or workspace facts changed since (a new one is started); while a
 * newer version is computing, the last one (callers check that what they show still matches the text);
 * otherwise wait for the current one.
 */
export async function recentAnalysisOf(
  ctx: ServerContext,
  uri: string,
  token: CancellationToken,
): Promise<{ document: TextDocument; analyzed: AnalyzedDocument; stale: boolean } | undefined> {
  const document = ctx.documents.get(uri);
  if (!document) return undefined;
  const current = ctx.analyses.current(document);
  if (current) return { document, analyzed: current, stale: false };
  const last = ctx.analyses.peek(uri);
  if (last && last.version === document.version) {
    // same text, older settings or workspace facts (a clear()): good for reading while the new one computes
    ctx.analyses.get(document).catch(() => undefined);
    return { document, analyzed: last, stale: false };
  }
  if (last && ctx.analyses.isComputing(uri)) return { document, analyzed: last, stale: last.version !== document.version };
  const fresh = await analysisOf(ctx, uri, token);
  return fresh && { ...fresh, stale: false };
}

/** Whether `[start, end)` of the document still reads `text` (a stale analysis's span is still valid). */
export function stillReads(document: TextDocument, start: number, end: number, text: string): boolean {
  return document.getText().slice(start, end) === text;
}

/** The user's language for a document. */
export async function languageOfDocument(ctx: ServerContext, uri: string): Promise<Language> {
  return ctx.languageFor(await ctx.settingsFor(uri));
}

/** The error for a pull-diagnostics request whose analysis was cancelled: the client asks again. */
export function serverCancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'analysis cancelled', { retriggerRequest: true });
}

/** zh or en. */
export function tr(language: Language, zh: string, en: string): string {
  return language === 'zh' ? zh : en;
}

/** The file name of a URI, for short references in hovers. */
export function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
