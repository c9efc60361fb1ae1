/**
 * column-break: a paragraph of a narrow newspaper column whose every line ends in a line break, with or
 * without blank lines between the pieces, as OCR and copy-paste from PDFs leave it:
 *
 *   如今，随着成            近年来,我市深
 *   渝地区双城经济                                      → 如今，随着成渝地区双城经济圈建设战略的提出，…
 *   圈建设战略的提          入实施"巴渝工匠
 *
 * How a break between two non-blank lines A and B is judged (blank lines between them do not matter):
 * - never a wrap: A ends a sentence (。！？…； or a closing quote after one, or ：), unless the text indents
 *   its paragraphs, B is not indented and A is as wide as the column (the sentence ended where the line
 *   did, and the paragraph goes on); B is indented deeper
 *   than A (a new paragraph); B starts with a list or heading marker (●, （一）, 二是, 3.); either line is
 *   wider than a column (a normal paragraph or document line); B is clearly wider than A (a short line
 *   before a longer one is a heading or the end of a paragraph, never a wrapped line: a column wraps at
 *   its width, so a wrapped line is at least as wide as the next); A looks like a heading (no punctuation,
 *   starts a paragraph) and a blank line follows it, unless a word is split across the break;
 * - evidence of a wrap: a dictionary word spans the break (发\n展, 成\n渝; the segmenter decides), B starts
 *   with punctuation that cannot begin a line (，。、）”), A ends with an opening bracket or quote, or a
 *   figure continues across the break (1600\n余人次).
 * Consecutive candidate breaks form a block. A block is reported when enough of its breaks carry evidence
 * (a column splits words at a good share of its breaks; headings and lists do not); breaks at the end of a
 * block that carry none and do not reach the end of a sentence are left out of it.
 *
 * Pages hard-wrapped wider than a column (OCR of A4 documents, 28 to 48 characters a line) are read the
 * same way when their lines are as wide as each other (see MAX_PAGE_WIDTH).
 *
 * Each block is one finding whose fix removes the line breaks and blank lines inside it and nothing else
 * (Latin words on both sides of a break keep one space), so fix-all joins every block in the file and
 * leaves real paragraphs and headings alone. Without the segmenter only long, uniform blocks are reported,
 * as information that fix-all does not apply.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { unitTable } from '../text';
import type { Finding, TextEdit } from '../types';
import { judgeJunction, wordContextAfter, wordContextBefore } from '../word-junction';

/** Widest line (in half-width units, a Han character being 2) still taken for a line of a column. */
export const MAX_COLUMN_WIDTH = 64;
/**
 * Widest line of a hard-wrapped page (an OCR'd or copied A4 document at up to 48 characters a line; the
 * official layout has 28). Lines wider than a column are taken as a page's only when they are as wide as
 * each other, or the second is the paragraph's last line: a wide line over a narrow one is something else.
 */
export const MAX_PAGE_WIDTH = 96;
/** How much wider than A the next line B may be and A still be a wrapped line (indent, narrow glyphs). */
const WIDTH_SLACK = 6;
/** Share of a block's breaks that must carry evidence for the block to be reported. */
const MIN_EVIDENCE_SHARE = 0.25;
/** Without the segmenter: the fewest breaks a block needs to be reported on its shape alone. */
const MIN_BREAKS_WITHOUT_SEGMENTER = 4;

/** A non-blank line with what the judgement needs. */
interface ContentLine {
  /** Start of the line (its indentation included). */
  start: number;
  /** Where the content starts, after indentation. */
  contentStart: number;
  /** Where the content ends, before trailing spaces. */
  contentEnd: number;
  text: string;
  indent: number;
  width: number;
  /** Whether a blank line (or the start of the text) comes right before it. */
  afterBlank: boolean;
  /** Whether a page number line (— 3 —) comes before it: the page ended there, perhaps mid-sentence. */
  afterPageNumber: boolean;
  /** Whether that line was a newspaper's running head (…星期一 第3版), which says nothing of the sentence. */
  afterRunningHead?: boolean;
}

/**
 * A line that is only a page number, as a scanned or converted document keeps them between its pages:
 * — 3 —, - 12 -, 第3页, 第3页 共10页, 3/10. A sentence that runs on over the page break is one break, and
 * closing it removes the page number with the line ends (it is layout, not text).
 */
const PAGE_NUMBER =
  /^(?:[—–\-－·•]{1,2}\s*\d{1,4}\s*[—–\-－·•]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/**
 * A newspaper's running head, repeated at the top of each page and left by OCR inside the text it
 * interrupts: 2023年5月8日 星期一 第3版, 人民日报 2023年5月8日 第3版 要闻. Layout like a page number.
 */
const RUNNING_HEAD = new RegExp(
  [
    // a newspaper's date line: 2023年5月8日 星期一 第3版, 人民日报 2023年5月8日 第3版 要闻
    '^(?:[\\u4e00-\\u9fff]{2,8}\\s+)?\\d{4}年\\d{1,2}月\\d{1,2}日\\s*(?:(?:星期|周)[一二三四五六日天]\\s*(?:第\\s*[0-9一二三四五六七八九十]{1,3}\\s*版)?|第\\s*[0-9一二三四五六七八九十]{1,3}\\s*版)(?:\\s+[\\u4e00-\\u9fff]{1,8})?$',
    // a gazette's issue line: 2023年第5期 湖南政报, 湖南政报 2023年第5期
    '^(?:[\\u4e00-\\u9fff]{2,8}\\s+)?\\d{4}年第\\s*\\d{1,3}\\s*期(?:\\s+[\\u4e00-\\u9fff]{2,8})?$',
    // a paper's title spaced out letter by letter: 政 府 公 报, 经 济 日 报 (only a paper's: a line of the
    // text with stray spaces, 业 教 育 提 升 工, is text)
    '^(?:[\\u4e00-\\u9fff][ \\u3000]+){1,6}[报刊]$',
  ].join('|'),
);

/** A break between two consecutive non-blank lines. */
interface Break {
  a: ContentLine;
  b: ContentLine;
  /** Whether a blank line lies between them. */
  blank: boolean;
  candidate: boolean;
  /** strong: a split word, punctuation or a figure across the break; weak: the line stops mid-sentence. */
  evidence: 'strong' | 'weak' | 'none';
  /** A word split by the break, for the message. */
  word?: string;
  /** Between a page-wide line and a column-narrow one: which side is wide. */
  regionEdge?: 'wide-before' | 'wide-after';
}

/**
 * Narrow lines set beside a picture or in a box, in a paragraph whose other lines run the page's width:
 * …总体较⏎好。市级一般公共预算… (the last narrow line goes on in a wide one) or 新建改扩建中小学⏎和幼儿园15所，新增⏎…
 * (a wide line goes on in narrow ones). Such an edge joins when the run of narrow lines beside it is a
 * column (its own break is a candidate) and the line before the edge leaves its sentence open.
 */
function joinRegionEdges(breaks: Break[]): void {
  for (let k = 0; k < breaks.length; k++) {
    const brk = breaks[k]!;
    if (!brk.regionEdge || brk.candidate || !HAN.test(brk.a.text) || !HAN.test(brk.b.text)) continue;
    const column = brk.regionEdge === 'wide-after' ? breaks[k - 1] : breaks[k + 1];
    if (!column?.candidate || column.evidence === 'none') continue;
    brk.candidate = true;
    brk.evidence = 'weak';
  }
}

/** Any white space but line ends (U+2002 and U+3000 indent some documents): what `[^\S\r\n]` matches. */
const INLINE_SPACE_UNITS = unitTable(
  '\t\v\f \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
);

function isInlineSpaceUnit(unit: number): boolean {
  return INLINE_SPACE_UNITS[unit] === 1;
}
/** Marks that end a sentence, and the closing quotes or brackets that may follow them. */
const SENTENCE_END_MARKS = unitTable('。！？!?；;…：:');
const CLOSERS = unitTable('”’"\'）)」』》〕】');

/**
 * Whether a line ends a sentence (…。, …。”, ...): read backwards from its end, since the equivalent pattern
 * anchored at the end is tried from every position of the line, and lines are asked this several times.
 */
export function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSERS[text.charCodeAt(end - 1)]) end--;
  if (end === 0) return false;
  return SENTENCE_END_MARKS[text.charCodeAt(end - 1)] === 1 || (end >= 3 && text.startsWith('...', end - 3));
}
/** Punctuation that cannot start a line of running text. */
const CONTINUATION_START = /^[，。、；：？！）》」』”’〕】…,.;:?!)%‰]/;
/** An opening bracket or quote left at the end of a line. */
const OPEN_END = /[（《「『“‘〔【(]$/;
/** List items, headings and captions (表2 …, 附件1). */
const MARKER_START =
  /^(?:[●■◆▲★※•·▪○◎□√>＞\-—–*#]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十百]+[、.．]|\d+[、．)）]|\d+\.(?!\d)|第[一二三四五六七八九十百千\d]+[章节条部篇编]|[一二三四五六七八九十]是|(?:附表|附图|附件|表|图)[ \u3000]?[0-9０-９一二三四五六七八九十]+(?:[-—.．][0-9０-９]+)?(?:[ \u3000:：、]|$))/;
/** The dash that opens a subtitle or an attribution line (——在…会议上的讲话, ——记…). */
const SUBTITLE_DASH = /^(?:—{2}|－{2}|-{2})/;
/** A figure carried on to the next line: 1600\n余人次, 102.5万\n人. */
const FIGURE_END = /\d[万亿千百]?[余多]?$/;
const FIGURE_CONTINUATION = /^(?:[余多万亿千百%‰个人名项件次家所元台套篇部册期届份间座条户位支批处场种门天岁年月日])/;
/** Punctuation inside a sentence, never after its last word: a line holding one is prose, not a heading. */
const SENTENCE_INTERNAL = /[，、；,;]/;
/** Words that cannot end a sentence or a heading: particles, prepositions, conjunctions (…积极下发文件 aside). */
const DEPENDENT_AT_END = new Set([
  '的',
  '和',
  '与',
  '及',
  '或',
  '在',
  '对',
  '把',
  '被',
  '从',
  '向',
  '将',
  '让',
  '使',
  '给',
  '跟',
  '同',
  '并',
  '而',
  '但',
  '为',
  '以',
  '由',
  '是',
]);
/** Words that cannot begin a sentence: bound particles (…奠定\n了坚实的基础). */
const BOUND_AT_START = new Set(['的', '了', '着', '们', '地', '得']);

/** A Han character: lines without one are figures or table cells. */
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
/** Punctuation inside a sentence: a line without any may be a heading (quotes and title marks may be in one). */
const CLAUSE_PUNCTUATION = /[，。、；：？！,;:?!]/;

/** ASCII punctuation that takes a full cell in these layouts (1 = wide). */
const WIDE_ASCII = unitTable(',;:!?"\'()');

/** Display width in half-width units: Han and full-width forms 2, ASCII and curly quotes 1 (ASCII punctuation 2: OCR turns full-width marks into it). */
export function displayWidth(text: string, from = 0, to = text.length): number {
  let width = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c < 0x80) width += WIDE_ASCII[c] ? 2 : 1;
    // curly quotes are set half width in most Chinese newspaper fonts
    else if (c >= 0x2018 && c <= 0x201d) width += 1;
    else width += 2;
  }
  return width;
}

function contentLines(ctx: AnalysisContext): ContentLine[] {
  const out: ContentLine[] = [];
  let afterBlank = true;
  let afterPageNumber = false;
  let afterRunningHead = false;
  const whole = ctx.text;
  for (const line of ctx.lines) {
    // indentation and trailing spaces by code unit: a regular expression and a slice per line showed in
    // the profile of a 10 MB check
    let contentStart = line.start;
    while (contentStart < line.end && isInlineSpaceUnit(whole.charCodeAt(contentStart))) contentStart++;
    if (contentStart === line.end) {
      // the blank lines around a page number are the page's margins, not a paragraph's end
      if (!afterPageNumber) afterBlank = true;
      continue;
    }
    let contentEnd = line.end;
    while (contentEnd > contentStart && isInlineSpaceUnit(whole.charCodeAt(contentEnd - 1))) contentEnd--;
    const text = whole.slice(contentStart, contentEnd);
    if (out.length > 0 && (PAGE_NUMBER.test(text) || RUNNING_HEAD.test(text))) {
      afterRunningHead = !PAGE_NUMBER.test(text);
      afterPageNumber = true;
      afterBlank = false;
      continue;
    }
    out.push({
      start: line.start,
      contentStart,
      contentEnd,
      text,
      indent: displayWidth(whole, line.start, contentStart),
      width: displayWidth(text),
      afterBlank,
      afterPageNumber,
      ...(afterRunningHead ? { afterRunningHead } : {}),
    });
    afterBlank = false;
    afterPageNumber = false;
    afterRunningHead = false;
  }
  return out;
}

/** Whether A and B, one of them wider than a column, are two lines of a hard-wrapped page (see MAX_PAGE_WIDTH). */
function pageWrap(a: ContentLine, b: ContentLine): boolean {
  // a page's paragraph has no blank line inside it
  if (a.width > MAX_PAGE_WIDTH || b.width > MAX_PAGE_WIDTH || b.afterBlank) return false;
  return Math.abs(a.width - b.width) <= WIDTH_SLACK || (b.width < a.width && endsSentence(b.text));
}

/**
 * Judges the break between A and B. `aStartsParagraph`: nothing before A continues into it (A is the first
 * line, or the break before A is not a wrap). Blank lines say nothing here: some columns have one between
 * every two lines.
 */
function judge(
  ctx: AnalysisContext,
  a: ContentLine,
  b: ContentLine,
  aStartsParagraph: boolean,
  aEndsParagraph: boolean,
  layout: Layout,
): Break {
  const brk: Break = { a, b, blank: b.afterBlank, candidate: false, evidence: 'none' };
  const sentenceEnd = endsSentence(a.text);
  // a sentence that ends where the column does: in a layout that indents its paragraphs, an unindented
  // line after a full-width one goes on with the same paragraph (…亿元。⏎截至目前，…)
  if (
    sentenceEnd &&
    !(layout.indentsParagraphs && !aStartsParagraph && !b.afterBlank && b.indent === 0 && a.width >= layout.columnWidth - WIDTH_SLACK)
  )
    return brk;
  // table cells and lone figures (2020, >3.5) are not lines of running text
  if (!HAN.test(a.text) || !HAN.test(b.text)) return brk;
  if (b.indent > a.indent) return brk;
  if (MARKER_START.test(b.text)) return brk;
  // ——2026年1月10日在市第十七届人民代表大会第五次会议上, ——记…: a subtitle or an attribution under a title is a
  // line of its own, whatever word its last character makes with the next line's first (会议上⏎市财政局: 上市)
  if (aStartsParagraph && SUBTITLE_DASH.test(a.text)) return brk;
  const wideA = a.width > MAX_COLUMN_WIDTH;
  const wideB = b.width > MAX_COLUMN_WIDTH;
  if ((wideA || wideB) && !pageWrap(a, b)) {
    // one line as wide as a page and the other as narrow as a column: a word split across it joins them;
    // otherwise the breaks around it decide (see joinRegionEdges)
    // a blank line between them parts two blocks of text (a narrow paragraph of another column)
    if (wideA === wideB || b.indent > 0 || b.afterBlank || endsSentence(a.text)) return brk;
    brk.regionEdge = wideA ? 'wide-before' : 'wide-after';
    const edge = judgeJunction(ctx.segmenter, wordContextBefore(a.text, a.text.length), wordContextAfter(b.text, 0));
    if (edge.kind === 'split-word') {
      brk.word = edge.word;
      brk.candidate = true;
      brk.evidence = 'strong';
    }
    return brk;
  }

  const verdict = judgeJunction(ctx.segmenter, wordContextBefore(a.text, a.text.length), wordContextAfter(b.text, 0));
  const split = verdict.kind === 'split-word';
  if (split) brk.word = verdict.word;
  // punctuation squeezed to half width and a first-line indent make widths vary; a split word earns more slack
  // widths with their indents: a paragraph's indented first line is as wide as the column too
  if (b.indent + b.width > a.indent + a.width + (split ? 2 * WIDTH_SLACK : WIDTH_SLACK)) return brk;
  const aBody = a.text.replace(MARKER_START, '');
  const headingLike = aStartsParagraph && !CLAUSE_PUNCTUATION.test(aBody);
  if (headingLike && brk.blank && !split) return brk;
  if (aEndsParagraph && !split) return brk;

  brk.candidate = true;
  if (sentenceEnd) return brk;
  if (
    split ||
    // a sentence left open at the foot of a page goes on on the next (a masthead's date line, 经济日报⏎
    // 2023年5月8日 星期一 第3版⏎区域经济, is no evidence: only a page number is)
    (b.afterPageNumber && !b.afterRunningHead) ||
    CONTINUATION_START.test(b.text) ||
    OPEN_END.test(a.text) ||
    (FIGURE_END.test(a.text) && FIGURE_CONTINUATION.test(b.text)) ||
    BOUND_AT_START.has(verdict.after ?? '')
  ) {
    brk.evidence = 'strong';
  } else if (SENTENCE_INTERNAL.test(aBody) || DEPENDENT_AT_END.has(verdict.before ?? '')) {
    // prose cut off mid-sentence: a line with clauses in it, or ending on a preposition, that stops without closing the sentence
    brk.evidence = 'weak';
  }
  return brk;
}

/** Maximal runs of consecutive candidate breaks. */
function blocksOf(breaks: readonly Break[]): Break[][] {
  const blocks: Break[][] = [];
  let current: Break[] = [];
  for (const brk of breaks) {
    if (brk.candidate) current.push(brk);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** Drops trailing breaks without strong evidence that lead to a line that does not end a sentence. */
function trimTail(block: Break[]): Break[] {
  const out = [...block];
  while (out.length) {
    const last = out[out.length - 1]!;
    if (last.evidence === 'strong' || endsSentence(last.b.text)) break;
    out.pop();
  }
  return out;
}

/** The edit that closes one break: remove the line ends and blank lines (and trailing spaces) between A and B. */
function closeBreak(text: string, brk: Break): TextEdit {
  const before = text[brk.a.contentEnd - 1] ?? '';
  const after = text[brk.b.contentStart] ?? '';
  // Latin words on both sides would run together: they keep one space
  const newText = /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after) ? ' ' : '';
  return { start: brk.a.contentEnd, end: brk.b.contentStart, newText };
}

function blockFinding(ctx: AnalysisContext, block: readonly Break[], certain: boolean): Finding {
  const first = block[0]!.a;
  const last = block[block.length - 1]!.b;
  const lines = block.length + 1;
  const words = [...new Set(block.map((b) => b.word).filter((w): w is string => !!w))].slice(0, 3);
  const shownZh = words.length ? `，断行拆开了${words.map((w) => `“${w}”`).join('')}等词` : '';
  const shownEn = words.length ? `; the breaks split words such as ${words.map((w) => `"${w}"`).join(', ')}` : '';
  const page = block.some((b) => b.a.width > MAX_COLUMN_WIDTH || b.b.width > MAX_COLUMN_WIDTH);
  const layoutZh = page ? '按页宽硬换行' : '窄栏排版';
  const layoutEn = page ? 'hard-wrapped lines of a page' : 'short lines of a narrow column';
  const pageNumbers = block.some((b) => b.b.afterPageNumber && !b.b.afterRunningHead);
  const runningHeads = block.some((b) => b.b.afterRunningHead);
  const removedZh =
    pageNumbers || runningHeads
      ? `换行、空行和其间的${pageNumbers ? '页码' : ''}${pageNumbers && runningHeads ? '、' : ''}${runningHeads ? '报头' : ''}`
      : '换行和空行';
  const removedEn =
    pageNumbers || runningHeads
      ? `the line breaks, blank lines and ${[pageNumbers ? 'page numbers' : '', runningHeads ? 'running heads' : ''].filter(Boolean).join(' and ')}`
      : 'the line breaks and blank lines';
  return {
    code: 'column-break',
    severity: certain ? 'warning' : 'information',
    start: first.contentStart,
    end: last.contentEnd,
    message: msg(
      `一段文字被${layoutZh}断成了 ${lines} 行${shownZh}。修复将删除段内的${removedZh}，把这 ${lines} 行接成一段，不改动其他文字。`,
      `A paragraph is broken over ${lines} ${layoutEn}${shownEn}. The fix removes ${removedEn} inside it, joining the ${lines} lines into one paragraph, and changes nothing else.`,
    ),
    fixes: [
      {
        title: msg(`把断开的 ${lines} 行接成一段`, `Join the ${lines} broken lines into one paragraph`),
        edits: block.map((brk) => closeBreak(ctx.text, brk)),
      },
    ],
    fixAllSafe: certain,
  };
}

/** What the text's lines say of its layout as a whole. */
interface Layout {
  /** Whether its paragraphs start indented: lines after a sentence's end are indented (an ideographic-space indent) as often as not. */
  indentsParagraphs: boolean;
  /** The width most of its column lines have (the column's), or Infinity when they have none in common. */
  columnWidth: number;
}

function layoutOf(lines: readonly ContentLine[]): Layout {
  let indented = 0;
  let flush = 0;
  const widths = new Map<number, number>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.width <= MAX_COLUMN_WIDTH) widths.set(line.width, (widths.get(line.width) ?? 0) + 1);
    if (k === 0 || !endsSentence(lines[k - 1]!.text)) continue;
    if (line.indent > 0) indented++;
    else flush++;
  }
  let columnWidth = Infinity;
  let most = 2;
  for (const [width, count] of widths) {
    if (count > most || (count === most && width > columnWidth)) {
      most = count;
      columnWidth = width;
    }
  }
  return { indentsParagraphs: indented >= 2 && indented >= flush, columnWidth };
}

function findings(ctx: AnalysisContext): Finding[] {
  const lines = contentLines(ctx);
  const layout = layoutOf(lines);
  const breaks: Break[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const previous = breaks[k - 1];
    const startsParagraph = !previous?.candidate;
    // a wrapped line is as wide as the column; one clearly narrower than the line before it ends its paragraph
    const endsParagraph = previous !== undefined && previous.candidate && previous.b.width < previous.a.width - WIDTH_SLACK;
    breaks.push(judge(ctx, lines[k]!, lines[k + 1]!, startsParagraph, endsParagraph, layout));
  }
  joinRegionEdges(breaks);
  const out: Finding[] = [];
  for (const raw of blocksOf(breaks)) {
    const block = trimTail(raw);
    if (block.length === 0) continue;
    const evidence = block.filter((b) => b.evidence !== 'none').length;
    if (evidence === 0 || evidence < MIN_EVIDENCE_SHARE * block.length) continue;
    if (ctx.segmenter) out.push(blockFinding(ctx, block, true));
    else if (block.length >= MIN_BREAKS_WITHOUT_SEGMENTER) out.push(blockFinding(ctx, block, false));
  }
  return out;
}

export const columnBreak: Detector = {
  id: 'column-break',
  codes: ['column-break'],
  description: msg('被窄栏排版断成多行的句子', 'A sentence broken over the short lines of a narrow column'),
  detect: findings,
};
