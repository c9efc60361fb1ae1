/**
 * Hover over an entity or a finding, in Markdown, short, in the user's language: a figure's normalised
 * value and what else the workspace says about its subject; an institution's full name, aliases and
 * mentions; a document's number, title, issuer, year and other citations; a finding's damage and repair.
 * Answers from the last analysis while a newer one computes, showing only what still matches the text.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { pick } from '../analysis/l10n';
import { withoutLineBreaks } from '../analysis/text';
import type { Approx, DocRefEntity, Entity, Finding, Language, MetricEntity, MetricKind, OrgEntity } from '../analysis/types';
import type { ServerContext } from '../context';
import { CODE_DOCS, codeHref } from '../lsp/codeDocs';
import { toOffset, toRange } from '../lsp/convert';
import { WorkspaceIndex, type Mention } from '../workspace/index';
import { docKey, orgKey, standardNumberOf } from '../workspace/keys';
import { fileName, languageOfDocument, recentAnalysisOf, stillReads, tr } from './common';

/** At most this many other figures, citations or files are listed. */
const MAX_LISTED = 6;

const APPROX: Record<Approx, { zh: string; en: string }> = {
  'more-than': { zh: '多于', en: 'more than' },
  nearly: { zh: '接近', en: 'nearly' },
  about: { zh: '约', en: 'about' },
  'at-least': { zh: '不少于', en: 'at least' },
  'at-most': { zh: '不超过', en: 'at most' },
  'less-than': { zh: '少于', en: 'less than' },
};

const KIND: Record<MetricKind, { zh: string; en: string }> = {
  count: { zh: '数量', en: 'count' },
  money: { zh: '金额', en: 'money' },
  percent: { zh: '百分比', en: 'percentage' },
  'percentage-point': { zh: '百分点', en: 'percentage points' },
  ordinal: { zh: '序数', en: 'ordinal' },
  range: { zh: '范围', en: 'range' },
  area: { zh: '面积', en: 'area' },
  length: { zh: '长度', en: 'length' },
  weight: { zh: '重量', en: 'weight' },
  time: { zh: '时间', en: 'time' },
  multiple: { zh: '倍数', en: 'multiple' },
  other: { zh: '其他', en: 'other' },
};

/** A number as a reader writes it: no float noise (0.1+0.2), no exponent for large counts. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(12));
  return Math.abs(rounded) >= 1e21 ? String(rounded) : rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
}

/** `file:line` as a link that opens the file at that line. */
function where(uri: string, line: number): string {
  return `[${escape(fileName(uri))}:${line + 1}](${uri}#L${line + 1})`;
}

/**
 * Escapes Markdown in text taken from the document, shown on one line: an entity a narrow column broke over
 * two lines (市人力资源和社⏎会保障局) is shown as it is spelled.
 */
function escape(text: string): string {
  return withoutLineBreaks(text).replace(/[\\`*_{}[\]<>|#~]/g, (c) => `\\${c}`);
}

function metricHover(ctx: ServerContext, uri: string, line: number, metric: MetricEntity, language: Language): string[] {
  const value =
    metric.range !== undefined
      ? `${formatNumber(metric.range.from)}–${formatNumber(metric.range.to)} ${metric.unit}`
      : `${formatNumber(metric.value)} ${metric.unit}`;
  const qualifier = metric.approx ? `${pick(APPROX[metric.approx], language)} ` : '';
  const out = [`**${escape(metric.text)}** → ${escape(qualifier + value)} (${pick(KIND[metric.kind], language)})`];
  if (!metric.subject) return out;
  out.push('', `${tr(language, '指标', 'Subject')}: ${escape(metric.subject)}`);
  const others = ctx.index
    .metricsFor(metric.subject)
    .filter((m) => !(WorkspaceIndex.sameFile(m.uri, uri) && m.range.start.line === line && m.text === metric.text));
  if (others.length) {
    out.push('', tr(language, '工作区中同一指标的其他数字：', 'Other figures for this subject in the workspace:'));
    for (const other of others.slice(0, MAX_LISTED)) {
      const differs = other.unit === metric.unit && other.value !== metric.value;
      const text = `${escape(other.text)} = ${formatNumber(other.value)} ${escape(other.unit)}`;
      out.push(`- ${differs ? `**${text}** ≠` : text} — ${where(other.uri, other.range.start.line)}`);
    }
    if (others.length > MAX_LISTED) out.push(`- … ${tr(language, `共 ${others.length} 处`, `${others.length} in all`)}`);
  }
  return out;
}

function countFiles(mentions: readonly Mention[]): number {
  return new Set(mentions.map((m) => m.uri)).size;
}

function orgHover(ctx: ServerContext, uri: string, org: OrgEntity, language: Language): string[] {
  const mentions = ctx.index.mentionsOf(orgKey(org));
  // mentions broken over two lines count as the name they spell
  const aliases = [...new Set(mentions.map((m) => withoutLineBreaks(m.text)))].filter((a) => a !== org.canonical);
  const written = withoutLineBreaks(org.text);
  const out = [`**${escape(org.canonical)}**${written !== org.canonical ? ` ← ${escape(written)}` : ''}`];
  if (aliases.length)
    out.push(
      '',
      `${tr(language, '简称/别名', 'Also written')}: ${aliases
        .slice(0, MAX_LISTED * 2)
        .map(escape)
        .join('、')}`,
    );
  out.push(
    '',
    tr(
      language,
      `工作区中提及 ${mentions.length} 次，分布在 ${countFiles(mentions)} 个文件`,
      `${mentions.length} mentions in ${countFiles(mentions)} files of the workspace`,
    ),
  );
  const definition = ctx.index.definitionOf(orgKey(org), uri);
  if (definition && definition.full)
    out.push('', `${tr(language, '全称首次出现', 'First full name')}: ${where(definition.uri, definition.range.start.line)}`);
  return out;
}

function docHover(ctx: ServerContext, uri: string, line: number, doc: DocRefEntity, language: Language): string[] {
  const number = standardNumberOf(doc);
  const mentions = ctx.index.mentionsOf(docKey(doc));
  const title = doc.title ?? mentions.find((m) => m.doc?.title)?.doc?.title;
  const numberSeen = number ?? mentions.find((m) => m.doc?.number)?.doc?.number;
  const heading = [title ? `《${escape(title)}》` : undefined, numberSeen ? escape(numberSeen) : undefined].filter(Boolean).join(' ');
  const out = [`**${heading || escape(doc.text)}**`];
  const issuerOrg = doc.issuerOrg ?? mentions.find((m) => m.doc?.issuerOrg)?.doc?.issuerOrg;
  const issuer = doc.issuer ?? mentions.find((m) => m.doc?.issuer)?.doc?.issuer;
  if (issuer || issuerOrg)
    out.push(
      '',
      `${tr(language, '发文机关', 'Issuer')}: ${[issuer, issuerOrg]
        .filter(Boolean)
        .map((s) => escape(s!))
        .join(' → ')}`,
    );
  const year = doc.year ?? mentions.find((m) => m.doc?.year !== undefined)?.doc?.year;
  if (year !== undefined) out.push('', `${tr(language, '年份', 'Year')}: ${year}`);
  const others = mentions.filter((m) => !(WorkspaceIndex.sameFile(m.uri, uri) && m.range.start.line === line && m.text === doc.text));
  if (others.length) {
    out.push('', tr(language, '其他引用：', 'Also cited at:'));
    for (const m of others.slice(0, MAX_LISTED)) out.push(`- ${escape(m.text)} — ${where(m.uri, m.range.start.line)}`);
    if (others.length > MAX_LISTED) out.push(`- … ${tr(language, `共 ${others.length} 处`, `${others.length} in all`)}`);
  }
  return out;
}

function findingHover(finding: Finding, language: Language): string[] {
  const docs = CODE_DOCS[finding.code];
  const out = [
    `**${escape(pick(finding.message, language))}**`,
    '',
    `[${finding.code}](${codeHref(finding.code)}): ${escape(pick(docs.damage, language))}`,
  ];
  if (finding.fixes.length) {
    out.push(
      '',
      `${tr(language, '修复', 'Fix')}: ${finding.fixes.map((f) => escape(pick(f.title, language))).join(tr(language, '；或 ', '; or '))}`,
    );
  } else {
    out.push('', escape(pick(docs.repair, language)));
  }
  return out;
}

/** The innermost entity at `offset` (shortest span), preferring organisations and documents over figures and dates. */
export function entityAt(entities: readonly Entity[], offset: number): Entity | undefined {
  const rank: Record<Entity['type'], number> = { org: 0, docref: 0, metric: 1, date: 2 };
  let best: Entity | undefined;
  for (const e of entities) {
    if (e.start > offset) break;
    if (offset >= e.end) continue;
    if (!best || rank[e.type] < rank[best.type] || (rank[e.type] === rank[best.type] && e.end - e.start < best.end - best.start)) best = e;
  }
  return best;
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token): Promise<Hover | null> => {
    const found = await recentAnalysisOf(ctx, params.textDocument.uri, token);
    if (!found || token.isCancellationRequested) return null;
    const { document, analyzed, stale } = found;
    if (analyzed.skipped) return null;
    const language = await languageOfDocument(ctx, document.uri);
    const offset = toOffset(document, params.position);
    const valid = (start: number, end: number) => !stale || stillReads(document, start, end, analyzed.text.slice(start, end));
    const sections: string[][] = [];
    let start = offset;
    let end = offset;
    const entity = entityAt(analyzed.result.entities, offset);
    if (entity && valid(entity.start, entity.end)) {
      const line = document.positionAt(entity.start).line;
      if (entity.type === 'metric') sections.push(metricHover(ctx, document.uri, line, entity, language));
      else if (entity.type === 'org') sections.push(orgHover(ctx, document.uri, entity, language));
      else if (entity.type === 'docref') sections.push(docHover(ctx, document.uri, line, entity, language));
      start = entity.start;
      end = entity.end;
    }
    for (const finding of analyzed.result.diagnostics) {
      if (finding.start > offset) break;
      const inside = offset < finding.end || (finding.start === finding.end && offset === finding.start);
      if (!inside || !valid(finding.start, finding.end)) continue;
      sections.push(findingHover(finding, language));
      if (sections.length === 1) {
        start = finding.start;
        end = finding.end;
      }
    }
    if (sections.length === 0) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: sections.map((s) => s.join('\n')).join('\n\n---\n\n') },
      range: toRange(document, start, end),
    };
  });
}
