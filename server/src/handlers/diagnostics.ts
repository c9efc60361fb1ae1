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
import { WorkspaceIndex } from '../workspace/index';
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
 * Mentions elsewhere of the document or institution a finding sits on (a damaged document number and the
 * intact citation of that document in this or another file), at most two.
 */
function mentionsElsewhere(
  document: TextDocument,
  finding: Finding,
  entities: readonly Entity[],
  index: WorkspaceIndex,
  language: Language,
): DiagnosticRelatedInformation[] {
  const entity = entities.find((e) => (e.type === 'docref' || e.type === 'org') && e.start < finding.end && finding.start < e.end);
  const key = entity && entityKey(entity);
  if (!entity || !key) return [];
  const others = index
    .mentionsOf(key)
    .filter((m) => !(WorkspaceIndex.sameFile(m.uri, document.uri) && m.start === entity.start))
    .sort((a, b) => Number(b.full) - Number(a.full))
    .slice(0, 2);
  return others.map((m) => ({
    location: { uri: m.uri, range: m.range },
    message:
      entity.type === 'docref'
        ? tr(language, `同一文件的另一处引用：${m.text}`, `Another citation of the same document: ${m.text}`)
        : tr(language, `同一机构的另一处提及：${m.text}`, `Another mention of the same institution: ${m.text}`),
  }));
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
  return analyzed.result.diagnostics.map((f, i) =>
    toDiagnostic(document, f, i, language, index ? mentionsElsewhere(document, f, analyzed.result.entities, index, language) : []),
  );
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
