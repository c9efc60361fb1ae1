/** Code actions: the quick fixes of the findings under the cursor, and source.fixAll.policymark. */
import { CodeActionKind, type CodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllToFixpoint } from '../analysis/fixes/apply';
import { analyze } from '../analysis/index';
import { pick } from '../analysis/l10n';
import type { TextEdit } from '../analysis/types';
import type { ServerContext } from '../context';
import { toDiagnostic } from './diagnostics';
import { toOffsets, toRange } from '../lsp/convert';

/** The fix-all kind for this extension, usable in editor.codeActionsOnSave. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policymark`;

function lspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.newText }));
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    const settings = await ctx.settingsFor(document.uri);
    const language = ctx.languageFor(settings);
    const analyzed = await ctx.analyses.get(document);
    if (token.isCancellationRequested || analyzed.skipped) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      const { start, end } = toOffsets(document, params.range);
      analyzed.result.diagnostics.forEach((finding, index) => {
        if (finding.end < start || finding.start > end) return;
        const diagnostic = toDiagnostic(document, finding, index, language);
        finding.fixes.forEach((fix, i) => {
          actions.push({
            title: pick(fix.title, language),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: i === 0,
            edit: { changes: { [document.uri]: lspEdits(document, fix.edits) } },
          });
        });
      });
    }

    if (wants(FIX_ALL_KIND)) {
      const { options } = await ctx.analyses.optionsFor(document.uri);
      const text = analyzed.text;
      // fix-all to a fixed point (so a second run changes nothing), then one edit over the changed middle
      const result = fixAllToFixpoint(text, (t) => (t === text ? analyzed.result.diagnostics : analyze(t, options).diagnostics));
      if (result.text !== text) {
        const { head, tail } = changedMiddle(text, result.text);
        actions.push({
          title:
            language === 'zh'
              ? `修复全部可安全修复的问题（${result.applied.length} 处）`
              : `Fix all safely fixable problems (${result.applied.length})`,
          kind: FIX_ALL_KIND,
          edit: {
            changes: {
              [document.uri]: [
                { range: toRange(document, head, text.length - tail), newText: result.text.slice(head, result.text.length - tail) },
              ],
            },
          },
        });
      }
    }
    return actions;
  });
}

/** Lengths of the common prefix and suffix of two texts, never splitting a surrogate pair. */
function changedMiddle(a: string, b: string): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  if (head > 0 && /[\uD800-\uDBFF]/.test(a[head - 1]!)) head--;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail))
    tail++;
  if (tail > 0 && /[\uDC00-\uDFFF]/.test(a[a.length - tail]!)) tail--;
  return { head, tail };
}
