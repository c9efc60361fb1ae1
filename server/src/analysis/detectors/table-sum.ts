/**
 * table-sum (code sum-mismatch): a table laid out in the text, one row per line with its cells set apart
 * by spaces, whose 合计 row is not the sum of the other rows, column by column.
 *
 *   市州        培训人次    其中：农民工
 *   长沙市      52360       18230
 *   株洲市      21450       8120
 *   湘潭市      18760       6980
 *   合计        93570       33330        → 52360 + 21450 + 18760 = 92570 ≠ 93570
 *
 * Tables copied out of PDFs and OCR'd annexes keep this layout, and a misread digit in a cell shows only
 * as a column that no longer adds up. Only what is certainly additive is checked: a block of at least two
 * rows and one total row labelled 合计/总计/共计 (not 全省 or 全市, which head a selection as often as a
 * sum), every row with the same number of cells, no 其中 or 小计 rows (a nested table), and in each column
 * plain figures: no percentages, no column headed as a rate, share, growth, average, rank,
 * year or code, no column whose total is below one of its parts (an average or a rate, not a sum). Every
 * cell is an interval (52.4 is 52.35–52.45), so rounding never makes a mismatch.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { EPSILON, formatNumber } from '../figures';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import { unitTable } from '../text';
import type { Finding, RelatedSpan } from '../types';

/** A cell of a row: its offsets in the text, and its value when it is a plain figure. */
interface Cell {
  start: number;
  end: number;
  /** undefined for a dash (an empty cell) */
  value?: number;
  /** decimals as written */
  decimals: number;
  percent: boolean;
}

/** A line read as a table row: a label, then cells only. */
interface Row {
  label: string;
  cells: Cell[];
  line: number;
  /** Spaces before the row's first token: a row set in deeper than its siblings is a part of the one above. */
  indent: number;
}

/** Spaces that set cells apart: ASCII, tab, ideographic. */
const SPACE_UNITS = unitTable(' \t\u3000');
const DIGIT_UNITS = unitTable('0123456789');
/** A figure cell (after full-width digits are made half-width): 52360, 52,360, 108.2, 12.5%. */
const FIGURE_CELL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([%％]?)$/;
/** An empty cell. */
const DASH_CELL = /^(?:[—–\-－…/／]+|--)$/;
/** The label of a total row (spaces removed): the rows above or below it are all its parts. */
const TOTAL_LABEL = /^(?:合计|总计|共计|总合计)[：:]?$/;
/** Labels that make the table nested: a part of a part, or a subtotal. */
const NESTED_LABEL = /^(?:其中|小计|内含|含：|含:)/;
/** Column headers of figures that do not add up: rates, shares, growth, averages, ranks, years, codes. */
const NOT_ADDITIVE_HEADER =
  /率|比重|占比|比例|增长|增幅|增减|同比|环比|平均|人均|均价|均值|指数|排名|排序|名次|位次|序号|编号|年份|年度|代码|%|％|百分/;
/** Longest label read as a row label. */
const MAX_LABEL = 24;
/** Rows of one table may be apart by this many blank lines (OCR puts one between rows). */
const MAX_BLANK_LINES = 1;
/** Parts shown in a finding's related spans. */
const MAX_RELATED = 20;

/** Whether text[start, end) is empty or spaces only (a blank line), without slicing it. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!SPACE_UNITS[text.charCodeAt(i)]) return false;
  return true;
}

/** Whether the line holds a space followed by a digit: the cheap test before a line is split into cells. */
function mayBeRow(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (DIGIT_UNITS[text.charCodeAt(i)] && SPACE_UNITS[text.charCodeAt(i - 1)]) return true;
  return false;
}

/** The whitespace-separated tokens of text[start, end), with their offsets. */
function tokens(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    while (i < end && SPACE_UNITS[text.charCodeAt(i)]) i++;
    if (i >= end) break;
    const from = i;
    while (i < end && !SPACE_UNITS[text.charCodeAt(i)]) i++;
    out.push({ start: from, end: i });
  }
  return out;
}

/** A cell, if the token is a figure or a dash. */
function cellOf(digits: string, token: { start: number; end: number }): Cell | undefined {
  const raw = digits.slice(token.start, token.end);
  if (DASH_CELL.test(raw)) return { start: token.start, end: token.end, decimals: 0, percent: false };
  const m = FIGURE_CELL.exec(raw);
  if (!m) return undefined;
  const value = Number(raw.replace(/[,%％]/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return { start: token.start, end: token.end, value, decimals: m[1]?.length ?? 0, percent: m[2] !== '' };
}

/** A row's number before its label (1, 2., 3、): not a cell. */
const ROW_NUMBER = /^\d{1,3}[.、．]?$/;

/** The line as a row (a row number perhaps, a label of words, then only cells), or undefined. */
function rowOf(text: string, digits: string, start: number, end: number, line: number): Row | undefined {
  const all = tokens(digits, start, end);
  if (all.length === 0) return undefined;
  const indent = all[0]!.start - start;
  // 1  长沙市  12580 …: the row's number, when words follow it
  const parts = all.length > 2 && ROW_NUMBER.test(digits.slice(all[0]!.start, all[0]!.end)) ? all.slice(1) : all;
  const read = parts.map((token) => cellOf(digits, token));
  // the label's words (at least one), then cells only
  const k = read.findIndex((cell) => cell !== undefined);
  if (k <= 0 || read.slice(k).some((cell) => cell === undefined)) return undefined;
  const label = text.slice(parts[0]!.start, parts[k - 1]!.end).replace(/[ \t\u3000]+/g, '');
  // a label names the row in words: Han characters, not a sentence ending in a figure
  if (label.length > MAX_LABEL || !/[\u4e00-\u9fff]/.test(label) || /[。，；！？]/.test(label)) return undefined;
  return { label, cells: read.slice(k) as Cell[], line, indent };
}

/**
 * The header line's column names: its last names, one per cell column (the cells are aligned under them;
 * the label's header before them may be split by padding, 市  州). Undefined when it has too few.
 */
function headerNames(text: string, start: number, end: number, columns: number): string[] | undefined {
  const names = tokens(text, start, end).map((t) => text.slice(t.start, t.end));
  return names.length >= columns ? names.slice(names.length - columns) : undefined;
}

function detect(ctx: AnalysisContext): Finding[] {
  const text = ctx.text;
  // digits read half-width, offsets as written (the conversion keeps every unit in place)
  const digits = toHalfWidthDigits(text);
  const lines = ctx.lines;
  const out: Finding[] = [];
  let block: Row[] = [];
  let blanks = 0;
  const close = () => {
    if (block.length >= 3) out.push(...checkTable(ctx, block));
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    if (isBlank(text, start, end)) {
      if (++blanks > MAX_BLANK_LINES) close();
      continue;
    }
    blanks = 0;
    const row = mayBeRow(digits, start, end) ? rowOf(text, digits, start, end, i) : undefined;
    if (!row) {
      close();
      continue;
    }
    if (block.length > 0 && block[0]!.cells.length !== row.cells.length) close();
    block.push(row);
  }
  close();
  return out;
}

/** A year as a column's header (项目  2024  2025): a row of years heads the table, it is no data. */
function isYearRow(row: Row): boolean {
  return row.cells.every(
    (cell) => cell.value !== undefined && cell.decimals === 0 && !cell.percent && cell.value >= 1900 && cell.value <= 2100,
  );
}

/** The findings of one block of rows with the same number of cells. */
function checkTable(ctx: AnalysisContext, block: readonly Row[]): Finding[] {
  const rows = block.length > 0 && isYearRow(block[0]!) ? block.slice(1) : block;
  const totals = rows.filter((r) => TOTAL_LABEL.test(r.label));
  if (totals.length !== 1 || rows.some((r) => NESTED_LABEL.test(r.label))) return [];
  const total = totals[0]!;
  const parts = rows.filter((r) => r !== total);
  if (parts.length < 2) return [];
  // 本科 300 /   女 120 / 专科 200: a row set in deeper is a part of the row above it, not of the total
  // (the total row may stand apart: its number cell is empty)
  if (parts.some((p) => p.indent !== parts[0]!.indent)) return [];
  const text = ctx.text;
  const columns = total.cells.length;
  // the line just above the table's first row, if it is not blank, names the columns
  const first = rows[0]!.line;
  const header = first > 0 ? ctx.lines[first - 1]! : undefined;
  const names = header && !isBlank(text, header.start, header.end) ? headerNames(text, header.start, header.end, columns) : undefined;
  const out: Finding[] = [];
  for (let c = 0; c < columns; c++) {
    const name = names?.[c];
    if (name !== undefined && NOT_ADDITIVE_HEADER.test(name)) continue;
    const totalCell = total.cells[c]!;
    const partCells = parts.map((p) => p.cells[c]!);
    const cells = [totalCell, ...partCells];
    if (cells.some((cell) => cell.value === undefined || cell.percent)) continue;
    const values = partCells.map((cell) => cell.value!);
    // all parts alike (a year, a unit price): no sum
    if (values.every((v) => v === values[0])) continue;
    const t = totalCell.value!;
    if (t < Math.max(...values)) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    // each cell stands for an interval half a unit of its last digit wide on either side
    const slack = partCells.reduce((a, cell) => a + halfUnit(cell), 0);
    const totalSlack = halfUnit(totalCell);
    if (sum + slack + EPSILON >= t - totalSlack && sum - slack - EPSILON <= t + totalSlack) continue;
    // far from the total, the column is something else than its parts' sum (codes, counts of another kind)
    if (sum > 1.5 * t || sum < t / 2) continue;
    const decimals = Math.max(...cells.map((cell) => cell.decimals));
    const shown = (v: number) => formatNumber(v, decimals);
    const written = (cell: Cell) => text.slice(cell.start, cell.end);
    const column = name !== undefined ? `“${name}”一列` : `第${c + 1}列`;
    const columnEn = name !== undefined ? `The "${name}" column of the table` : `Column ${c + 1} of the table`;
    const difference = shown(Math.abs(sum - t));
    const related: RelatedSpan[] = partCells.slice(0, MAX_RELATED).map((cell, k) => ({
      start: cell.start,
      end: cell.end,
      message: msg(`“${parts[k]!.label}”一行：${written(cell)}`, `the ${parts[k]!.label} row: ${written(cell)}`),
    }));
    out.push({
      code: 'sum-mismatch',
      severity: 'warning',
      start: totalCell.start,
      end: totalCell.end,
      message: msg(
        `表格${column}各行之和为${shown(sum)}，与“${total.label}”行的${written(totalCell)}不符（相差${difference}）；可能有数字识别或录入错误，请对照原件核实。`,
        `${columnEn} adds up to ${shown(sum)} over its rows, not the ${written(totalCell)} of its "${total.label}" row (a difference of ${difference}): a figure may have been misread or mistyped; check it against the original.`,
      ),
      fixes: [],
      related,
    });
  }
  return out;
}

/** Half a unit of the cell's last written digit: 52360 → 0.5, 52.4 → 0.05. */
function halfUnit(cell: Cell): number {
  return 0.5 * 10 ** -cell.decimals;
}

export const tableSum: Detector = {
  id: 'table-sum',
  codes: ['sum-mismatch'],
  description: msg('表格中“合计”行与各行之和不符', 'A table whose 合计 row is not the sum of its other rows'),
  detect,
};
