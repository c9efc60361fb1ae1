/**
 * duplicated-line: a line written twice in a row, as OCR and copy-paste from PDFs leave it, mostly around a
 * page break (the last line of a page read again at the top of the next) or when a scraped page repeats
 * its title:
 *
 *   （二）政府性基金预算
 *   （二）政府性基金预算          → （二）政府性基金预算
 *
 * A non-blank line is reported when it is identical, after trimming the spaces around it, to the non-blank
 * line right before it (blank lines between them allowed) and holds at least MIN_HAN Han characters.
 * The fix removes the copy with its line end (and the blank lines between the two copies), so the text
 * reads as if the line had been written once.
 *
 * What repeats on purpose, and is left alone:
 * - separators, rules and figures (——, * * *, 12.5, a table's border): no Han character, or too few;
 * - short cells of a table (合计, 是, 否, 小计, 万元): fewer than MIN_HAN Han characters;
 * - three or more identical lines in a row: OCR and a page break double a line, they do not triple it,
 *   while a table read column by column repeats a value down its rows (市人力资源社会保障局 for every task of
 *   a division of work) and a form repeats its blank fields. The whole run is skipped: deleting copies
 *   there would delete table data, and reporting it once would only be noise on every such table;
 * - a pair inside a table read cell by cell: the line has no clause punctuation and no heading or list
 *   marker, and both the line before the pair and the line after it are short cells too (see isCell).
 *   Two rows that share a value in one column look exactly like this; a heading doubled at a page break
 *   carries its marker (（二）, 一、, 3.) or sits between prose lines.
 * One pass over `ctx.lines`, comparing code units in place: no slice or allocation per line.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { isHanAt, unitTable } from '../text';
import type { Finding } from '../types';

/** Fewest Han characters a repeated line needs to be reported. */
export const MIN_HAN = 4;
/** Longest line (in UTF-16 units, trimmed) still taken for a table cell next to a repeated pair. */
const MAX_CELL_LENGTH = 24;
/** How much of the line the message quotes. */
const PREVIEW_LENGTH = 24;

/** Any white space but line ends (U+3000 indents many documents): what the trimming skips. */
const INLINE_SPACE = unitTable(
  '\t\v\f \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
);
/** Punctuation inside or at the end of a clause: a line holding one is prose or a sentence, not a table cell. */
const CLAUSE_PUNCTUATION = unitTable('，。；！？、,;!?');
/** A heading or list marker at the start of a line: （二）, 一、, 3., 第三条, ●. Table cells do not carry one. */
const MARKER_START =
  /(?:[●■◆▲★※•·▪○◎□√]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十百]+[、.．]|\d+(?:[、．)）]|\.(?!\d))|第[一二三四五六七八九十百千\d]+[章节条部篇编])/y;

/** A non-blank line, trimmed. */
interface Content {
  /** Where the trimmed content starts and ends. */
  from: number;
  to: number;
  /** End of the line before its terminator, and after it (`Line.end`, `Line.next`). */
  end: number;
  next: number;
}

/** Whether `[aFrom, aTo)` and `[bFrom, bTo)` hold the same units. */
function sameSpan(text: string, aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
  const length = aTo - aFrom;
  if (length !== bTo - bFrom) return false;
  for (let k = 0; k < length; k++) if (text.charCodeAt(aFrom + k) !== text.charCodeAt(bFrom + k)) return false;
  return true;
}

function hasHan(text: string, line: Content, atLeast: number): boolean {
  let count = 0;
  for (let i = line.from; i < line.to; i++) if (isHanAt(text, i) && ++count >= atLeast) return true;
  return false;
}

function hasClausePunctuation(text: string, line: Content): boolean {
  for (let i = line.from; i < line.to; i++) if (CLAUSE_PUNCTUATION[text.charCodeAt(i)]) return true;
  return false;
}

/** A short line without clause punctuation: a cell of a table read cell by cell (or a figure of one). */
function isCell(text: string, line: Content | undefined): boolean {
  return line !== undefined && line.to - line.from <= MAX_CELL_LENGTH && !hasClausePunctuation(text, line);
}

function startsWithMarker(text: string, line: Content): boolean {
  MARKER_START.lastIndex = line.from;
  const m = MARKER_START.exec(text);
  return m !== null && m.index + m[0].length <= line.to;
}

/** Whether the pair `first`, `copy` (between `before` and `after`, the non-blank lines around it) is a table's. */
function inTable(text: string, before: Content | undefined, copy: Content, after: Content | undefined): boolean {
  if (hasClausePunctuation(text, copy) || startsWithMarker(text, copy)) return false;
  return isCell(text, before) && isCell(text, after);
}

function finding(text: string, first: Content, copy: Content): Finding {
  const length = copy.to - copy.from;
  let cut = copy.from + Math.min(length, PREVIEW_LENGTH);
  // never half of a surrogate pair (an Extension B character)
  if (cut < copy.to && (text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
  const preview = text.slice(copy.from, cut) + (cut < copy.to ? '…' : '');
  // the copy goes with its line end and the blank lines before it, so the spacing after the copy stays;
  // a copy on the last line without a line end takes the line end before it instead
  const edit = copy.next > copy.end ? { start: first.next, end: copy.next, newText: '' } : { start: first.end, end: copy.end, newText: '' };
  return {
    code: 'duplicated-line',
    severity: 'warning',
    start: copy.from,
    end: copy.to,
    message: msg(
      `这一行与上一行重复（“${preview}”），是 OCR 或从 PDF 复制时（多在分页处）重复的一行。修复将删除重复的这一行。`,
      `This line repeats the line before it ("${preview}"), as OCR or copying from a PDF leaves a line twice (mostly at a page break). The fix removes the repeated line.`,
    ),
    fixes: [{ title: msg('删除重复的行', 'Remove the repeated line'), edits: [edit] }],
    related: [{ start: first.from, end: first.to, message: msg('第一次出现', 'The line as first written') }],
    fixAllSafe: true,
  };
}

function findings(ctx: AnalysisContext): Finding[] {
  const text = ctx.text;
  const out: Finding[] = [];
  // the current run of identical non-blank lines (its first and last line) and the non-blank line before
  // it, kept as offsets: a Content is built only for a run of two, not for every line
  let beforeFrom = -1;
  let beforeTo = -1;
  let first: Content | undefined;
  let lastFrom = -1;
  let lastTo = -1;
  let lastEnd = -1;
  let lastNext = -1;
  let run = 0;
  const close = (afterFrom: number, afterTo: number) => {
    // only a line written exactly twice (see the header: longer runs are tables and forms)
    if (run !== 2) return;
    const copy: Content = { from: lastFrom, to: lastTo, end: lastEnd, next: lastNext };
    if (!hasHan(text, copy, MIN_HAN)) return;
    const before: Content | undefined = beforeFrom < 0 ? undefined : { from: beforeFrom, to: beforeTo, end: beforeTo, next: beforeTo };
    const after: Content | undefined = afterFrom < 0 ? undefined : { from: afterFrom, to: afterTo, end: afterTo, next: afterTo };
    if (inTable(text, before, copy, after)) return;
    out.push(finding(text, first!, copy));
  };
  for (const line of ctx.lines) {
    let from = line.start;
    while (from < line.end && INLINE_SPACE[text.charCodeAt(from)]) from++;
    if (from === line.end) continue;
    let to = line.end;
    while (to > from && INLINE_SPACE[text.charCodeAt(to - 1)]) to--;
    if (run > 0 && sameSpan(text, lastFrom, lastTo, from, to)) {
      // the first copy is kept for the fix when the run turns out to be a pair
      if (run === 1) first = { from: lastFrom, to: lastTo, end: lastEnd, next: lastNext };
      run++;
    } else {
      if (run > 0) close(from, to);
      beforeFrom = lastFrom;
      beforeTo = lastTo;
      run = 1;
    }
    lastFrom = from;
    lastTo = to;
    lastEnd = line.end;
    lastNext = line.next;
  }
  if (run > 0) close(-1, -1);
  return out;
}

export const duplicatedLine: Detector = {
  id: 'duplicated-line',
  codes: ['duplicated-line'],
  description: msg(
    '连续重复的一行（OCR 或从 PDF 复制时在分页处重复）',
    'A line written twice in a row (OCR or a PDF copy, mostly at a page break)',
  ),
  detect: findings,
};
