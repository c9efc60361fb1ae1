/**
 * Code actions over the cached analysis: the quick fixes of the findings under the cursor (preferred
 * first), "fix all of this kind in the file", "silence this finding" (client command
 * policymark.silenceFinding), "tag this entity" (client command policymark.acceptEntity), the source
 * action that joins every column-broken block, and source.fixAll.policymark for editor.codeActionsOnSave
 * (computed to a fixed point in the analyzer, off the main thread).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectFixAllEdits } from '../analysis/fixes/apply';
import { pick } from '../analysis/l10n';
import { silenceKey } from '../analysis/silence';
import type { DiagnosticCode, Entity, Finding, Language, TextEdit } from '../analysis/types';
import { JobCancelledError } from '../analyzer';
import type { ServerContext } from '../context';
import { toOffsets, toRange } from '../lsp/convert';
import { analysisOf, languageOfDocument, tr } from './common';
import { toDiagnostic } from './diagnostics';

/** The fix-all kind for this extension, usable in editor.codeActionsOnSave. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policymark`;
/** Joins every column-broken block of the file. */
export const JOIN_COLUMN_BREAKS_KIND = `${CodeActionKind.Source}.policymark.joinColumnBreaks`;
/** Tags an entity as an annotation in the sidecar. */
export const TAG_ENTITY_KIND = `${CodeActionKind.Refactor}.policymark.tagEntity`;
/** Every kind this server offers (the codeActionProvider capability). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, JOIN_COLUMN_BREAKS_KIND, TAG_ENTITY_KIND];

/** Client commands implemented by the extension (the sidecar feature). */
export const SILENCE_FINDING_COMMAND = 'policymark.silenceFinding';
export const ACCEPT_ENTITY_COMMAND = 'policymark.acceptEntity';

function lspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.newText }));
}

/** The preferred, non-overlapping fixes of `findings`, as one edit list (or undefined when none applies). */
function combinedFix(findings: readonly Finding[]): { edits: TextEdit[]; count: number } | undefined {
  const { edits, applied } = selectFixAllEdits(findings);
  return edits.length ? { edits, count: applied.length } : undefined;
}

/** The attributes an accepted entity carries into its annotation. */
function entityAttributes(entity: Entity): Record<string, string | number> {
  const attributes: Record<string, string | number> = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') attributes[key] = value;
  };
  if (entity.type === 'metric') {
    put('value', entity.value);
    put('unit', entity.unit);
    put('kind', entity.kind);
    put('approx', entity.approx);
    put('subject', entity.subject);
  } else if (entity.type === 'org') {
    put('canonical', entity.canonical);
  } else if (entity.type === 'docref') {
    put('title', entity.title);
    put('issuer', entity.issuer);
    put('year', entity.year);
    put('serial', entity.serial);
    put('issuerOrg', entity.issuerOrg);
  } else {
    put('year', entity.year);
    put('month', entity.month);
    put('day', entity.day);
  }
  return attributes;
}

const ENTITY_LABEL: Record<Entity['type'], { zh: string; en: string }> = {
  metric: { zh: '指标', en: 'metric' },
  org: { zh: '机构', en: 'organisation' },
  docref: { zh: '文件', en: 'document' },
  date: { zh: '日期', en: 'date' },
};

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params, token) => {
    const found = await analysisOf(ctx, params.textDocument.uri, token);
    if (!found || found.analyzed.skipped) return [];
    const { document, analyzed } = found;
    const language = await languageOfDocument(ctx, document.uri);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const findings = analyzed.result.diagnostics;
    const actions: CodeAction[] = [];
    const { start, end } = toOffsets(document, params.range);
    const touches = (s: number, e: number) => s <= end && start <= e;

    if (wants(CodeActionKind.QuickFix)) {
      const preferred: CodeAction[] = [];
      const rest: CodeAction[] = [];
      const kindsHere = new Map<DiagnosticCode, Diagnostic>();
      findings.forEach((finding, index) => {
        if (!touches(finding.start, finding.end)) return;
        const diagnostic = toDiagnostic(document, finding, index, language);
        finding.fixes.forEach((fix, i) => {
          (i === 0 ? preferred : rest).push({
            title: pick(fix.title, language),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: i === 0,
            edit: { changes: { [document.uri]: lspEdits(document, fix.edits) } },
          });
        });
        if (!kindsHere.has(finding.code)) kindsHere.set(finding.code, diagnostic);
        rest.push({
          title: tr(language, `忽略此处的 ${finding.code}`, `Silence this ${finding.code} finding`),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: {
            title: tr(language, '忽略此问题', 'Silence this finding'),
            command: SILENCE_FINDING_COMMAND,
            arguments: [{ uri: document.uri, ...silenceKey(analyzed.text, finding) }],
          },
        });
      });
      for (const [code, diagnostic] of kindsHere) {
        const ofKind = findings.filter((f) => f.code === code);
        const combined = ofKind.length > 1 ? combinedFix(ofKind) : undefined;
        if (!combined || combined.count < 2) continue;
        rest.push({
          title: tr(language, `修复本文件中全部 ${code}（${combined.count} 处）`, `Fix all ${code} in this file (${combined.count})`),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: lspEdits(document, combined.edits) } },
        });
      }
      actions.push(...preferred, ...rest);
    }

    if (wants(TAG_ENTITY_KIND)) {
      for (const entity of analyzed.result.entities) {
        if (entity.start > end) break;
        if (!touches(entity.start, entity.end)) continue;
        actions.push({
          title: tr(
            language,
            `标注为${pick(ENTITY_LABEL[entity.type], 'zh')}：${entity.text}`,
            `Tag as ${ENTITY_LABEL[entity.type].en}: ${entity.text}`,
          ),
          kind: TAG_ENTITY_KIND,
          command: {
            title: tr(language, '标注此实体', 'Tag this entity'),
            command: ACCEPT_ENTITY_COMMAND,
            arguments: [
              { uri: document.uri, start: entity.start, end: entity.end, label: entity.type, attributes: entityAttributes(entity) },
            ],
          },
        });
      }
    }

    if (wants(JOIN_COLUMN_BREAKS_KIND) && only) {
      const combined = combinedFix(findings.filter((f) => f.code === 'column-break'));
      if (combined) {
        actions.push({
          title: tr(
            language,
            `接上本文件所有断行（${combined.count} 处）`,
            `Join every column-broken block in this file (${combined.count})`,
          ),
          kind: JOIN_COLUMN_BREAKS_KIND,
          edit: { changes: { [document.uri]: lspEdits(document, combined.edits) } },
        });
      }
    }

    // fix-all changes the whole file: only when asked for (source action menu, codeActionsOnSave)
    if (wants(FIX_ALL_KIND) && only) {
      const action = await fixAllAction(ctx, document, analyzed.text, language, token);
      if (action) actions.push(action);
    }
    return actions;
  });
}

async function fixAllAction(
  ctx: ServerContext,
  document: TextDocument,
  text: string,
  language: Language,
  token: { isCancellationRequested: boolean },
): Promise<CodeAction | undefined> {
  const { options, useSegmenter = true } = await ctx.analyses.optionsFor(document.uri);
  const { segmenter: _segmenter, ...portable } = options;
  let result;
  try {
    // to a fixed point (so a second run changes nothing), in the analyzer: repeated analysis of a big file
    result = await ctx.analyses.analyzer.fixAll(text, portable, useSegmenter, { priority: 'interactive', token });
  } catch (error) {
    if (error instanceof JobCancelledError) return undefined;
    throw error;
  }
  if (token.isCancellationRequested || result.text === text || document.getText() !== text) return undefined;
  const { head, tail } = changedMiddle(text, result.text);
  return {
    title: tr(language, `修复全部可安全修复的问题（${result.applied} 处）`, `Fix all safely fixable problems (${result.applied})`),
    kind: FIX_ALL_KIND,
    edit: {
      changes: {
        [document.uri]: [
          { range: toRange(document, head, text.length - tail), newText: result.text.slice(head, result.text.length - tail) },
        ],
      },
    },
  };
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
