/** Pull diagnostics (textDocument/diagnostic): the cached analysis mapped to LSP diagnostics. */
import { DiagnosticSeverity, DocumentDiagnosticReportKind, type Diagnostic } from 'vscode-languageserver';
import { pick } from '../analysis/l10n';
import type { Finding, Language, Severity } from '../analysis/types';
import type { ServerContext } from '../context';
import type { AnalyzedDocument } from '../analysisCache';
import { toRange } from '../lsp/convert';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP form of one finding; `data` carries its index so code actions find it again. */
export function toDiagnostic(document: TextDocument, finding: Finding, index: number, language: Language): Diagnostic {
  return {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'policymark',
    message: pick(finding.message, language),
    relatedInformation: finding.related?.map((r) => ({
      location: { uri: document.uri, range: toRange(document, r.start, r.end) },
      message: pick(r.message, language),
    })),
    data: { index, version: document.version },
  };
}

/** Diagnostics of an analysed document, or the one that says analysis was skipped. */
export function diagnosticsOf(document: TextDocument, analyzed: AnalyzedDocument, language: Language): Diagnostic[] {
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
  return analyzed.result.diagnostics.map((f, i) => toDiagnostic(document, f, i, language));
}

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(async (params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await ctx.settingsFor(document.uri);
    const analyzed = await ctx.analyses.get(document);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(document, analyzed, ctx.languageFor(settings)) };
  });
}
