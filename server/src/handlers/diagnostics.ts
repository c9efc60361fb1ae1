/**
 * Pull diagnostics (textDocument/diagnostic): the cached analysis mapped to LSP diagnostics, with the
 * code's documentation link, the user's language, and related information: the spans the finding names,
 * and, for a finding on a document reference or institution, its mention elsewhere in the workspace.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pick } from '../analysis/l10n';
import type { Entity, Finding, Language, Severity } from '../analysis/types';
import type { AnalyzedDocument } from '../analysisCache';
import type { ServerContext } from '../context';
import { codeHref } from '../lsp/codeDocs';
import { toRange } from '../lsp/convert';
import { WorkspaceIndex, type Mention } from '../workspace/index';
import { entityKey } from '../workspace/keys';
import { analysisOf, serverCancelled, tr } from './common';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where a diagnostic came from: `data` lets code actions find the finding again in the same version. */
export interface DiagnosticData {
  index: number;
  version: number;
}

/** The LSP form of one finding; `data` carries its index so code actions find it again. */
export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  index: number,
  language: Language,
  elsewhere: DiagnosticRelatedInformation[] = [],
): Diagnostic {
  const related = (finding.related ?? []).map((r) => ({
    location: { uri: document.uri, range: toRange(document, r.start, r.end) },
    message: pick(r.message, language),
  }));
  related.push(...elsewhere);
  const data: DiagnosticData = { index, version: document.version };
  return {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: codeHref(finding.code) },
    source: 'policymark',
    message: pick(finding.message, language),
    relatedInformation: related.length ? related : undefined,
    data,
  };
}

/**
 * Mentions elsewhere of the document or institution `entity` names (a damaged document number and the
 * intact citation of that document in this or another file), at most two, full names first.
 */
function mentionsElsewhere(
  entity: Entity,
  isThisDocument: (uri: string) => boolean,
  index: WorkspaceIndex,
  language: Language,
): DiagnosticRelatedInformation[] {
  const key = entityKey(entity);
  if (!key) return [];
  // one pass, no sort: a name mentioned thousands of times in a long report is common, and this runs
  // for every finding on every edit (URIs compare through uriKey's cache)
  const full: Mention[] = [];
  const partial: Mention[] = [];
  for (const m of index.mentionsOf(key)) {
    if (full.length >= 2) break;
    if (m.start === entity.start && isThisDocument(m.uri)) continue;
    if (m.full) full.push(m);
    else if (partial.length < 2) partial.push(m);
  }
  return [...full, ...partial].slice(0, 2).map((m) => ({
    location: { uri: m.uri, range: m.range },
    message:
      entity.type === 'docref'
        ? tr(language, `同一文件的另一处引用：${m.text}`, `Another citation of the same document: ${m.text}`)
        : tr(language, `同一机构的另一处提及：${m.text}`, `Another mention of the same institution: ${m.text}`),
  }));
}

/**
 * For findings in any order: the first document reference or organisation (in the entities' order,
 * by start) that overlaps a span. A running maximum of the entities' ends makes each lookup a binary
 * search: the first entity whose end passes `start` is where that maximum first passes it.
 */
function namedEntityFinder(entities: readonly Entity[]): (start: number, end: number) => Entity | undefined {
  const named = entities.filter((e) => e.type === 'docref' || e.type === 'org');
  const maxEnd: number[] = [];
  let running = -1;
  for (const e of named) maxEnd.push((running = Math.max(running, e.end)));
  return (start, end) => {
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (maxEnd[mid]! > start) hi = mid;
      else lo = mid + 1;
    }
    const entity = named[lo];
    return entity && entity.start < end && start < entity.end ? entity : undefined;
  };
}

/** Diagnostics of an analysed document, or the one that says analysis was skipped. */
export function diagnosticsOf(
  document: TextDocument,
  analyzed: AnalyzedDocument,
  language: Language,
  index?: WorkspaceIndex,
): Diagnostic[] {
  if (analyzed.skipped) {
    const { size, limit } = analyzed.skipped;
    return [
      {
        range: toRange(document, 0, 0),
        severity: DiagnosticSeverity.Information,
        source: 'policymark',
        message:
          language === 'zh'
            ? `文档有 ${size} 个字符，超过 policymark.maxDocumentSize（${limit}），未作分析。`
            : `This document has ${size} characters, more than policymark.maxDocumentSize (${limit}); it was not analysed.`,
      },
    ];
  }
  if (!index) return analyzed.result.diagnostics.map((f, i) => toDiagnostic(document, f, i, language));
  const entityOver = namedEntityFinder(analyzed.result.entities);
  const isThisDocument = (uri: string): boolean => WorkspaceIndex.sameFile(uri, document.uri);
  return analyzed.result.diagnostics.map((f, i) => {
    const entity = entityOver(f.start, f.end);
    return toDiagnostic(document, f, i, language, entity ? mentionsElsewhere(entity, isThisDocument, index, language) : []);
  });
}

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(async (params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await ctx.settingsFor(document.uri);
    const found = await analysisOf(ctx, document.uri, token);
    // cancelled or superseded by a newer version: the client asks again for that one
    if (!found) throw serverCancelled();
    return {
      kind: DocumentDiagnosticReportKind.Full,
      items: diagnosticsOf(found.document, found.analyzed, ctx.languageFor(settings), ctx.index),
    };
  });
}
