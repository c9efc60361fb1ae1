/**
 * Metrics (type `metric`): a number with its unit or measure word, as policy texts write them.
 *
 *   14687 件 · 1.5万平方米 · 10.6万余人次 · 三万人 · 百分之二十 · 98%以上 · 超过168万名 · 0.3 个百分点
 *   5—20% · 3-5年 · 第45届 · 第二轮 · 近600人 · 约1.2亿元 · 2分50秒 · 8.5/10万
 *
 * One left-to-right scan: each numeral run (Arabic, full-width or Chinese) is read with its magnitude
 * word, then 余/多, a unit from server/data/units.json and a trailing bound (以上, 左右...); a qualifier
 * before it (超过, 近, 约, 不少于...) sets `approx`, unless it ends a word (签约, 附近) or 近 looks back over a
 * span of time (近三年: the last three years). Numerals inside dates and document numbers (found by
 * the recognizers that run first) are never metrics, and a Chinese numeral only counts when it is
 * well formed (十四五 is a plan name, 五一 a holiday) and followed by a unit.
 */
import type { AnalysisContext } from '../context';
import type { EntityRecognizer } from '../detector';
import { msg } from '../l10n';
import { unitTable } from '../text';
import {
  chineseNumeralRunAt,
  CN_NUMERAL_UNITS,
  magnitudeOf,
  parseChineseNumeral,
  parseChineseNumeralIn,
  readNumberAt,
  scale,
  toHalfWidthDigits,
} from '../numbers';
import type { Approx, MetricEntity, MetricKind } from '../types';
import unitsData from '../../../data/units.json';
import { extractSubject, WORD_NOT_QUALIFIER } from './metric-subject';

const UNIT_KINDS = new Map<string, MetricKind>(Object.entries(unitsData.units) as [string, MetricKind][]);
/** Units longest first, so that 个百分点 wins over 个 and 平方米 over 米. */
const UNITS_LONGEST_FIRST = [...UNIT_KINDS.keys()].sort((a, b) => b.length - a.length);
const ORDINAL_UNITS = [...unitsData.ordinal].sort((a, b) => b.length - a.length);
const NOT_BEFORE = unitsData.notBefore as Record<string, string>;
/** Variants reported under one base unit: 个百分点 → 百分点, 平米 → 平方米. */
const BASE_UNIT = unitsData.baseUnit as Record<string, string>;
const MAX_UNIT_LENGTH = UNITS_LONGEST_FIRST[0]!.length;
/** Units that name places or bodies: 三区三州 and 中物院六所 are names, so these need an Arabic figure. */
const ARABIC_ONLY_UNITS = new Set(unitsData.arabicOnly);

/**
 * Where a numeral may start: an ASCII digit or a Chinese digit (十 included: 十余年); 百分之 is looked for
 * at 百.
 */
const NUMERAL_START_UNITS = unitTable('0123456789零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾');
/** Before an ordinal that continues a list begun with 第: 第17、 or 第17、18、. */
const ORDINAL_LIST_BEFORE = /第[0-9０-９一二三四五六七八九十百]{1,4}(?:、[0-9０-９一二三四五六七八九十百]{1,4})*、$/;
/** After the first ordinal of such a list, up to its unit: 、18 of 第17、18届. */
const ORDINAL_LIST_AFTER = /^(?:、[0-9０-９一二三四五六七八九十百]{1,4})+/;
/** 一 read as the ordinal one after 第 (第一条), unless it starts a longer numeral (第一百条). */
function ordinalOne(text: string, at: number): Reading | undefined {
  if (!/^[一壹]/.test(text[at] ?? '') || CN_RUN_CONTINUES.test(text[at + 1] ?? '')) return undefined;
  return { start: at, end: at + 1, value: 1, precision: 0, magnitude: 1, chinese: true };
}

/** A character that would make a longer Chinese numeral of a leading 一 (一百, 一万). */
const CN_RUN_CONTINUES = /[零〇一二两三四五六七八九十百千万亿]/;
/** A Chinese numeral's first character. */
const CHINESE_NUMERAL_START = /[一二两三四五六七八九十]/;
const PERCENT_WORD = '百分之';
const PERMILLE_WORD = '千分之';
/** A fraction in words: 三分之二, 十分之一 (the denominator a numeral up to 99). */
const FRACTION_WORD = /([二两三四五六七八九十]{1,3})分之([一二三四五六七八九十]{1,3})/y;
/** The decimals of a percentage in words: 百分之五点六. */
const CN_DECIMALS = /点([零〇一二三四五六七八九]{1,4})/y;

/**
 * The next place at or after `from` where a numeral may start, and how long its start is (1, or 3 for
 * 百分之); -1 when there is none. A scan of code units: a regular expression's match array at each of the
 * many numeral characters of a text cost more than the test.
 */
function nextNumeralStart(text: string, from: number): { at: number; length: number } {
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (NUMERAL_START_UNITS[unit]) return { at: i, length: 1 };
    if ((unit === 0x767e && text.startsWith(PERCENT_WORD, i)) || (unit === 0x5343 && text.startsWith(PERMILLE_WORD, i)))
      return { at: i, length: PERCENT_WORD.length };
  }
  return { at: -1, length: 0 };
}
const CN_DIGIT = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
const CN_DIGIT_UNITS = unitTable(CN_DIGIT);
const MAGNITUDE_WORD = /万亿|十万|百万|千万|[万亿千百]/y;
const RANGE_DASH = /[ \u3000]?(?:[-—–~～－]{1,2}|至|到)[ \u3000]?/y;
/** A line break (and the next line's indent) before a magnitude word. */
const BROKEN_MAGNITUDE = /\r?\n[ \t\u3000]*(万亿|十万|百万|千万|[万亿千百])/y;

const QUALIFIERS_BEFORE: ReadonlyArray<readonly [string, Approx]> = [
  ['不少于', 'at-least'],
  ['不低于', 'at-least'],
  ['至少', 'at-least'],
  ['最少', 'at-least'],
  ['不超过', 'at-most'],
  ['不高于', 'at-most'],
  ['不多于', 'at-most'],
  ['最多', 'at-most'],
  ['最高', 'at-most'],
  ['至多', 'at-most'],
  ['不足', 'less-than'],
  ['不到', 'less-than'],
  ['少于', 'less-than'],
  ['低于', 'less-than'],
  ['未满', 'less-than'],
  ['不满', 'less-than'],
  ['小于', 'less-than'],
  ['超过', 'more-than'],
  ['大于', 'more-than'],
  ['高于', 'more-than'],
  ['多于', 'more-than'],
  ['逾', 'more-than'],
  ['超', 'more-than'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['近', 'nearly'],
  ['大约', 'about'],
  ['约', 'about'],
  ['≥', 'at-least'],
  ['≤', 'at-most'],
  ['>', 'more-than'],
  ['＞', 'more-than'],
  ['<', 'less-than'],
  ['＜', 'less-than'],
];
/**
 * The qualifiers by their last code unit, in the order of QUALIFIERS_BEFORE: most figures have none, and
 * one code unit read tells so without slicing the text or trying each qualifier.
 */
const QUALIFIERS_BY_LAST_UNIT = new Map<number, Array<readonly [string, Approx]>>();
for (const qualifier of QUALIFIERS_BEFORE) {
  const last = qualifier[0].charCodeAt(qualifier[0].length - 1);
  const group = QUALIFIERS_BY_LAST_UNIT.get(last) ?? [];
  group.push(qualifier);
  QUALIFIERS_BY_LAST_UNIT.set(last, group);
}
/** Spans of time (and terms) that a bare 近 before them makes the last ones: 近12个月, 近三年, 近三届. */
const RECENT_SPAN_UNITS = new Set(['年', '个月', '天', '周', '个季度', '届']);
/** Before 近, what makes such a span an amount of time: 历时近两年, 已持续近3年, 用了近一年, 工作近10年. */
const DURATION_BEFORE = /(?:历时|用时|耗时|持续|长达|时隔|相隔|经过|历经|经历|坚持|运行|工作|任职|为期|达|有|已|了)$/;
/** After such a span, what makes it an amount of time: 近两年时间, 近十年之久. */
const DURATION_AFTER = /^(?:的?时间|之久|光景)/;

const QUALIFIERS_AFTER: ReadonlyArray<readonly [string, Approx]> = [
  ['以上', 'at-least'],
  ['及以上', 'at-least'],
  ['以下', 'at-most'],
  ['以内', 'at-most'],
  ['左右', 'about'],
  ['上下', 'about'],
];

interface Reading {
  start: number;
  end: number;
  value: number;
  precision: number;
  magnitude: number;
  /** Written in Chinese numerals (三区, 六所): place units and names need an Arabic figure. */
  chinese?: boolean;
}

/** A qualifier before a figure: what it means and where its word starts. */
interface Qualifier {
  approx: Approx;
  word: string;
  start: number;
}

/** Whether a Chinese numeral is written as a number (三万, 一百零八, 二十五), not as a name (十四五, 五一). */
export function isWellFormedChineseNumeral(run: string): boolean {
  return isWellFormedChineseNumeralIn(run, 0, run.length);
}

/** isWellFormedChineseNumeral of text.slice(start, end), without the slice. */
function isWellFormedChineseNumeralIn(text: string, start: number, end: number): boolean {
  let previousWasDigit = false;
  let hasDigitOrTen = false;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    const isDigit = CN_DIGIT_UNITS[unit] === 1;
    if (isDigit && previousWasDigit) return false;
    // 零 may be followed by a digit (一百零八), no other digit may
    previousWasDigit = isDigit && unit !== 0x96f6 && unit !== 0x3007;
    // 十, 拾
    if (isDigit || unit === 0x5341 || unit === 0x62fe) hasDigitOrTen = true;
  }
  return hasDigitOrTen;
}

function readNumeral(text: string, at: number): Reading | undefined {
  const code = text.charCodeAt(at);
  if (code >= 48 && code <= 57) {
    const read = readNumberAt(text, at);
    if (!read) return undefined;
    // 任务1250⏎万亩: a narrow column's line break between the number and its magnitude
    if (read.magnitude === 1 && (text.charCodeAt(read.end) === 10 || text.charCodeAt(read.end) === 13)) {
      BROKEN_MAGNITUDE.lastIndex = read.end;
      const broken = BROKEN_MAGNITUDE.exec(text);
      const magnitude = broken ? magnitudeOf(broken[1]!) : undefined;
      if (broken && magnitude && !unitAt(text, BROKEN_MAGNITUDE.lastIndex - broken[1]!.length)) {
        const end = BROKEN_MAGNITUDE.lastIndex;
        return { start: at, end, value: scale(read.value, magnitude, read.precision), precision: read.precision, magnitude };
      }
    }
    // 千米, 千克, 百分点 are units, not a magnitude and a unit
    if (read.magnitude > 1) {
      const magnitudeStart = read.end - magnitudeLength(read.magnitude, text, read.end);
      if (unitAt(text, magnitudeStart)) {
        const plain = readPlainArabic(text, at);
        if (plain) return plain;
      }
    }
    return { start: at, end: read.end, value: read.value, precision: read.precision, magnitude: read.magnitude };
  }
  let end = at;
  while (end < text.length && CN_NUMERAL_UNITS[text.charCodeAt(end)]) end++;
  if (end === at) return undefined;
  // 一 alone is mostly the article (一个, 一批, 一项), not a count of one
  if (end === at + 1 && (code === 0x4e00 || code === 0x58f9)) return undefined;
  if (!isWellFormedChineseNumeralIn(text, at, end)) return undefined;
  const value = parseChineseNumeralIn(text, at, end);
  if (value === undefined || value === 0) return undefined;
  return { start: at, end, value, precision: 0, magnitude: 1, chinese: true };
}

function magnitudeLength(magnitude: number, text: string, end: number): number {
  for (const word of ['万亿', '十万', '百万', '千万', '万', '亿', '千', '百', '萬', '億']) {
    if (magnitudeOf(word) === magnitude && text.slice(end - word.length, end) === word) return word.length;
  }
  return 0;
}

function readPlainArabic(text: string, at: number): Reading | undefined {
  const match = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
  match.lastIndex = at;
  const m = match.exec(text);
  if (!m) return undefined;
  const digits = m[0].replace(/,/g, '');
  const dot = digits.indexOf('.');
  return { start: at, end: at + m[0].length, value: Number(digits), precision: dot < 0 ? 0 : digits.length - dot - 1, magnitude: 1 };
}

/**
 * The unit a figure ending at `at` is counted in, as this recognizer reads units (units.json, with its
 * not-before rules), after an optional magnitude word (万人, 亿元): for detectors that must tell a figure
 * from a code or a list of numbers by what follows it.
 */
export function unitAfterFigure(text: string, at: number): { unit: string; kind: MetricKind } | undefined {
  MAGNITUDE_WORD.lastIndex = at;
  const magnitude = MAGNITUDE_WORD.exec(text)?.[0] ?? '';
  const unit = unitAt(text, at + magnitude.length);
  return unit === undefined ? undefined : { unit, kind: kindOf(unit) };
}

/** The unit at `at` (longest match) if what follows does not make it part of another word. */
function unitAt(text: string, at: number, candidates: readonly string[] = UNITS_LONGEST_FIRST): string | undefined {
  return matchUnit(text, at, candidates)?.unit;
}

/**
 * The unit at `at` and where it ends. A unit broken over lines by a narrow column (个百分⏎⏎点) is read
 * whole when the direct match is only its beginning.
 */
function matchUnit(
  text: string,
  at: number,
  candidates: readonly string[] = UNITS_LONGEST_FIRST,
): { unit: string; end: number } | undefined {
  let direct: { unit: string; end: number } | undefined;
  for (const unit of candidatesStartingWith(candidates, text.charCodeAt(at))) {
    if (!text.startsWith(unit, at)) continue;
    const banned = NOT_BEFORE[unit];
    // what follows is read only for the few units that have a not-before rule
    if (banned && at + unit.length < text.length && banned.includes(text[at + unit.length]!)) continue;
    direct = { unit, end: at + unit.length };
    break;
  }
  if (!hasLineBreak(text, at, at + MAX_UNIT_LENGTH)) return direct;
  // the characters from `at` with line breaks and spaces removed, and where each came from (one more than
  // the longest unit: what follows a unit may make it part of a word)
  let compact = '';
  const source: number[] = [];
  for (let i = at; i < text.length && compact.length <= MAX_UNIT_LENGTH; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (i - at > MAX_UNIT_LENGTH * 4) break;
      continue;
    }
    compact += ch;
    source.push(i);
  }
  for (const unit of candidatesStartingWith(candidates, compact.charCodeAt(0))) {
    if (unit.length <= (direct?.unit.length ?? 0)) break;
    if (!compact.startsWith(unit)) continue;
    // 0417⏎项目名称: 项 before 目 is no unit on the next line either
    const banned = NOT_BEFORE[unit];
    const next = compact[unit.length];
    if (banned && next && banned.includes(next)) continue;
    return { unit, end: source[unit.length - 1]! + 1 };
  }
  return direct;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Units grouped by first code unit (longest first within each group), so that a lookup tries a handful,
 * not all; keyed by code, as a one-character string per lookup cost more than the lookup.
 */
const unitIndexes = new Map<readonly string[], Map<number, string[]>>();
const NO_UNITS: readonly string[] = [];
/** The candidates that start with the code unit `first` (NaN past the end of the text: none). */
function candidatesStartingWith(candidates: readonly string[], first: number): readonly string[] {
  let index = unitIndexes.get(candidates);
  if (!index) {
    index = new Map();
    for (const unit of candidates) {
      const group = index.get(unit.charCodeAt(0)) ?? [];
      group.push(unit);
      index.set(unit.charCodeAt(0), group);
    }
    unitIndexes.set(candidates, index);
  }
  return index.get(first) ?? NO_UNITS;
}

/** After at most two spaces (ASCII or ideographic) from `at`. */
function skipInlineSpace(text: string, at: number): number {
  if (isInlineSpace(text.charCodeAt(at))) at++;
  else return at;
  return isInlineSpace(text.charCodeAt(at)) ? at + 1 : at;
}

/** Applies a magnitude word written after a space (1.2 万余人) to a reading that has none. */
function withSpacedMagnitude(text: string, reading: Reading): Reading {
  if (reading.magnitude !== 1) return reading;
  const at = skipInlineSpace(text, reading.end);
  if (at === reading.end) return reading;
  MAGNITUDE_WORD.lastIndex = at;
  const word = MAGNITUDE_WORD.exec(text)?.[0];
  if (!word || unitAt(text, at)) return reading;
  const magnitude = magnitudeOf(word)!;
  return { ...reading, end: at + word.length, magnitude, value: scale(reading.value, magnitude, reading.precision) };
}

/** The qualifier that ends right before the figure at `start` (spaces between them skipped). */
function qualifierBefore(text: string, start: number): Qualifier | undefined {
  let at = start;
  while (at > 0 && isInlineSpace(text.charCodeAt(at - 1))) at--;
  const candidates = at > 0 ? QUALIFIERS_BY_LAST_UNIT.get(text.charCodeAt(at - 1)) : undefined;
  if (!candidates) return undefined;
  for (const [word, approx] of candidates) {
    // the qualifiers are at most three units long: all within the four before the figure
    if (at < word.length || !text.startsWith(word, at - word.length)) continue;
    // asked only when a qualifier is there: most figures have none, and the expression is long
    return WORD_NOT_QUALIFIER.test(text.slice(Math.max(0, at - 4), at)) ? undefined : { approx, word, start: at - word.length };
  }
  return undefined;
}

/** A space or an ideographic space, as written between a qualifier and its figure. */
function isInlineSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0x3000;
}

/**
 * Whether 近 before a span of time means the last ones (按近12个月平均, 近三年参与学生, 近五年来, 在近三届)
 * rather than nearly (历时近两年, 近十年之久): a period the text looks back over, not an amount of time.
 */
function isRecentSpan(text: string, qualifier: Qualifier, unit: string, unitEnd: number): boolean {
  if (qualifier.word !== '近' || !RECENT_SPAN_UNITS.has(unit)) return false;
  if (DURATION_BEFORE.test(text.slice(Math.max(0, qualifier.start - 2), qualifier.start))) return false;
  return !DURATION_AFTER.test(text.slice(unitEnd, unitEnd + 3));
}

function qualifierAfter(text: string, at: number): { approx: Approx; end: number } | undefined {
  for (const [word, approx] of QUALIFIERS_AFTER) if (text.startsWith(word, at)) return { approx, end: at + word.length };
  return undefined;
}

function baseUnit(unit: string): string {
  return BASE_UNIT[unit] ?? unit;
}

function kindOf(unit: string): MetricKind {
  return UNIT_KINDS.get(unit) ?? 'count';
}

/** A mask of the offsets that belong to dates, document references and organisations (中物院六所). */
function blockedOffsets(ctx: AnalysisContext): Uint8Array {
  const mask = new Uint8Array(ctx.text.length);
  for (const entity of ctx.entities) {
    if (entity.type === 'date' || entity.type === 'docref' || entity.type === 'org') mask.fill(1, entity.start, entity.end);
  }
  return mask;
}

/** 0-9, '.' and ',': the rest of a numeral run. */
function isDigitOrSeparator(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || unit === 46 || unit === 44;
}

function recognize(ctx: AnalysisContext): MetricEntity[] {
  const original = ctx.text;
  // units and subjects read in simplified characters (1.5萬元 is 1.5万元), offsets as written
  const text = toHalfWidthDigits(ctx.simplifiedText);
  const blocked = blockedOffsets(ctx);
  const out: MetricEntity[] = [];
  // a subject never reaches back into the figure before it (60周岁及以上老年人口3.1亿人 counts 老年人口)
  let previousEnd = 0;
  for (let start = nextNumeralStart(text, 0); start.at >= 0;) {
    const found = readMetricAt(text, start.at, start.length === PERCENT_WORD.length, blocked);
    if (!found) {
      // skip the rest of this numeral run so that 2021 is not re-read as 021, 21 and 1
      let next = start.at + start.length;
      while (next < text.length && isDigitOrSeparator(text.charCodeAt(next))) next++;
      start = nextNumeralStart(text, next);
      continue;
    }
    // the metric is completed in place (text, then subject: the order its fields are written out in)
    const entity = found.metric as MetricEntity;
    entity.text = original.slice(entity.start, entity.end);
    const subject = found.subjectEnd >= 0 ? extractSubject(ctx, text, found.subjectEnd, entity.end, previousEnd) : undefined;
    if (subject) entity.subject = subject;
    out.push(entity);
    previousEnd = entity.end;
    start = nextNumeralStart(text, entity.end);
  }
  out.push(...tableCells(ctx, text, blocked, out));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A row label that states the unit of the cells below it, as tables come out of OCR and PDF text:
 * "2.在校生规模(万人)" then one cell per line ("9.9", ">10.5"). The closing bracket may be lost ("(%").
 */
const ROW_LABEL = /^\s*(?:\d{1,2}[.．、]\s*)?([\u4e00-\u9fff][^()（）\n]{1,30}?)\s*[(（]\s*([^()（）\s]{1,6})\s*[)）]?\s*$/;
const TABLE_CELL = /^[\s[［]*([>＞<＜≥≤]?)([\s[［]*)(\d+(?:\.\d+)?)[\s\]］]*$/;
const CELL_APPROX: Record<string, Approx> = {
  '>': 'more-than',
  '＞': 'more-than',
  '<': 'less-than',
  '＜': 'less-than',
  '≥': 'at-least',
  '≤': 'at-most',
};
/** How many lines below a label its cells may be (blank lines between cells included). */
const MAX_CELL_LINES = 8;

/** Bare figures in the cells under a row label that names their unit: 9.9 under 在校生规模(万人) → 99000 人. */
function tableCells(ctx: AnalysisContext, text: string, blocked: Uint8Array, found: readonly MetricEntity[]): MetricEntity[] {
  const out: MetricEntity[] = [];
  const lines = ctx.lines;
  // made at the first label: most texts have none, and it holds every metric
  let taken: Set<number> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // cheap test first: a label line ends in a bracketed unit or an opened one
    if (line.end - line.start > 48 || !hasOpeningBracket(text, line.start, line.end)) continue;
    const label = ROW_LABEL.exec(text.slice(line.start, line.end));
    if (!label) continue;
    const unitSpec = parseUnitSpec(label[2]!);
    if (!unitSpec) continue;
    taken ??= new Set(found.map((m) => m.start));
    let seen = 0;
    for (let j = i + 1; j < lines.length && j <= i + MAX_CELL_LINES; j++) {
      const cellLine = lines[j]!;
      const raw = text.slice(cellLine.start, cellLine.end);
      if (raw.trim() === '') continue;
      const cell = TABLE_CELL.exec(raw);
      // a dash is an empty cell; anything else ends the row
      if (!cell) {
        if (/^[\s—–-]+$/.test(raw)) continue;
        break;
      }
      const digits = cell[3]!;
      const numberStart = cellLine.start + raw.lastIndexOf(digits);
      // the qualifier is part of the figure when only spaces separate them (>3.5), not across a bracket (>[ 15 ])
      const start = cell[1] && !/[[［]/.test(cell[2]!) ? numberStart - cell[2]!.length - 1 : numberStart;
      const end = numberStart + digits.length;
      if (blocked[numberStart] || taken.has(start) || taken.has(numberStart)) continue;
      const dot = digits.indexOf('.');
      const precision = dot < 0 ? 0 : digits.length - dot - 1;
      const metric: MetricEntity = {
        type: 'metric',
        start,
        end,
        text: ctx.text.slice(start, end),
        value: scale(Number(digits), unitSpec.magnitude, precision),
        unit: baseUnit(unitSpec.unit),
        kind: kindOf(unitSpec.unit),
        precision,
        subject: label[1]!.trim(),
      };
      if (unitSpec.magnitude > 1) metric.magnitude = unitSpec.magnitude;
      if (cell[1]) metric.approx = CELL_APPROX[cell[1]];
      out.push(metric);
      seen++;
    }
    if (seen > 0) i += 1;
  }
  return out;
}

/** Whether text[from, to) holds ( or （. */
function hasOpeningBracket(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x28 || unit === 0xff08) return true;
  }
  return false;
}

/** "万人" → 10000 × 人, "%" → 1 × %, "亿元" → 1e8 × 元; undefined when it is not a unit (a note, an abbreviation). */
function parseUnitSpec(spec: string): { magnitude: number; unit: string } | undefined {
  MAGNITUDE_WORD.lastIndex = 0;
  const magnitudeWord = MAGNITUDE_WORD.exec(spec)?.[0];
  const rest = magnitudeWord ? spec.slice(magnitudeWord.length) : spec;
  const unit = UNIT_KINDS.has(rest) ? rest : undefined;
  if (!unit) return undefined;
  return { magnitude: magnitudeWord ? magnitudeOf(magnitudeWord)! : 1, unit };
}

/** A metric before its text is cut, with where the words before it end (-1: no subject). */
interface Found {
  metric: Omit<MetricEntity, 'text'>;
  subjectEnd: number;
}

/** What a figure may not follow: a letter, a digit or a mark of an identifier or a decimal (G20, 3.5), full-width too. */
const IDENTIFIER_UNITS = unitTable(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/\\#' +
    'ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９．',
);
/** 十百千万 after 数 or 几: an order of magnitude. */
const ORDER_OF_MAGNITUDE_UNITS = unitTable('十百千万');

function readMetricAt(text: string, at: number, isPercentWord: boolean, blocked: Uint8Array): Found | undefined {
  if (blocked[at]) return undefined;
  // the unit before the figure (NaN at the start of the text): code units, as a string per figure cost more
  const previous = text.charCodeAt(at - 1);
  // part of an identifier or of a longer number: G20, H7N9, 3.5 read from its middle (full-width too: ２Ｏ２３)
  if (IDENTIFIER_UNITS[previous]) return undefined;
  // HZCG-2023-0417: a part of a code with letters, joined to them by dashes
  if ((previous === 0x2d || previous === 0x5f) && isInCode(text, at)) return undefined;
  if (isPercentWord) return readPercentWord(text, at, blocked);
  // 数十万人, 几百家: an order of magnitude, not a figure
  if ((previous === 0x6570 || previous === 0x51e0) && ORDER_OF_MAGNITUDE_UNITS[text.charCodeAt(at)]) return undefined;
  // 三分之二, 九成: looked for only where 分之 or 成 follows
  const fraction =
    (text.charCodeAt(at + 1) === 0x5206 || text.charCodeAt(at + 2) === 0x5206 || text.charCodeAt(at + 3) === 0x5206
      ? readFractionWord(text, at)
      : undefined) ?? (text.charCodeAt(at + 1) === 0x6210 ? readTenths(text, at) : undefined);
  if (fraction) return fraction;

  let ordinalStart = -1;
  {
    let back = at;
    while (back > 0 && isInlineSpace(text.charCodeAt(back - 1))) back--;
    // 第
    if (text.charCodeAt(back - 1) === 0x7b2c) ordinalStart = back - 1;
    // 第17、18届: the ordinals after the first share its 第
    else if (previous === 0x3001 && ORDINAL_LIST_BEFORE.test(text.slice(Math.max(0, at - 24), at))) ordinalStart = at;
  }
  // 2023届毕业生, 2024届: a cohort by its year, neither a count nor an ordinal
  if (ordinalStart < 0 && text.charCodeAt(at + 4) === 0x5c4a && /^(?:19|20)\d\d$/.test(text.slice(at, at + 4))) return undefined;
  // “四个不摘”, “三个代表”: a slogan's numeral counts nothing
  if (previous === 0x201c && CHINESE_NUMERAL_START.test(text[at] ?? '')) return undefined;

  // 第一条, 第一批: 一 alone is no article after 第 (readNumeral turns it down as one)
  const first = readNumeral(text, at) ?? (ordinalStart >= 0 ? ordinalOne(text, at) : undefined);
  if (!first) return undefined;
  if (ordinalStart >= 0) {
    if (first.magnitude !== 1) return undefined;
    const unitStart = skipInlineSpace(text, first.end);
    let unit = unitAt(text, unitStart, ORDINAL_UNITS);
    let end = unitStart + (unit?.length ?? 0);
    const last = unit ? undefined : ordinalRangeEnd(text, first.end);
    if (last) {
      // 第1—3条, 第一至第三章, 第5至8项: the articles from one to another, not a count of the last
      if (blocked[last.unitStart] || !(first.value < last.value)) return undefined;
      const metric: Found['metric'] = {
        type: 'metric',
        start: ordinalStart,
        end: last.end,
        value: first.value,
        unit: baseUnit(last.unit),
        kind: 'ordinal',
        precision: Math.max(first.precision, last.precision),
        range: { from: first.value, to: last.value },
      };
      return { metric, subjectEnd: -1 };
    }
    if (!unit) {
      // 第17、18届: the first ordinal of a list takes the unit at its end
      const rest = ORDINAL_LIST_AFTER.exec(text.slice(first.end, first.end + 24));
      unit = rest ? unitAt(text, first.end + rest[0].length, ORDINAL_UNITS) : undefined;
      end = first.end;
    }
    if (!unit || blocked[unitStart]) return undefined;
    const metric: Found['metric'] = {
      type: 'metric',
      start: ordinalStart,
      end,
      value: first.value,
      unit: baseUnit(unit),
      kind: 'ordinal',
      precision: first.precision,
    };
    // an ordinal names an occurrence (第45届世界技能大赛), it does not count anything
    return { metric, subjectEnd: -1 };
  }

  const reading = withSpacedMagnitude(text, first);
  const pos = reading.end;
  const qualifier = qualifierBefore(text, at);
  let approx: Approx | undefined = qualifier?.approx;
  // 2分50秒, 1小时20分钟: one duration, not its last part alone (分 is only looked at for one); 小 or 分 next
  if (reading.magnitude === 1 && (text.charCodeAt(pos) === 0x5c0f || text.charCodeAt(pos) === 0x5206)) {
    const duration = readDuration(text, reading);
    if (duration) return durationMetric(text, at, duration, qualifier);
  }

  // a range whose ends share the unit: 5—20%, 3-5年, 10万至20万人; or each end with its unit: 5%—20%
  let to: Reading | undefined;
  let unit: string | undefined;
  let unitEnd = pos;

  let afterNumber = skipInlineSpace(text, pos);
  let moreThan = false;
  if (isMoreThanMark(text.charCodeAt(afterNumber))) {
    moreThan = true;
    afterNumber += 1;
  }
  const unitMatch = matchUnit(text, skipInlineSpace(text, afterNumber));
  if (unitMatch) {
    unit = unitMatch.unit;
    unitEnd = unitMatch.end;
    to = moreThan ? undefined : rangeUpperEnd(text, unitEnd, blocked);
    if (to) {
      const secondUnitStart = skipInlineSpace(text, to.end);
      if (text.startsWith(unit, secondUnitStart)) unitEnd = secondUnitStart + unit.length;
      else to = undefined;
    }
  } else if ((to = moreThan ? undefined : rangeUpperEnd(text, pos, blocked))) {
    let secondEnd = skipInlineSpace(text, to.end);
    if (isMoreThanMark(text.charCodeAt(secondEnd))) {
      moreThan = true;
      secondEnd += 1;
    }
    const secondUnit = matchUnit(text, skipInlineSpace(text, secondEnd));
    if (!secondUnit) return undefined;
    unit = secondUnit.unit;
    unitEnd = secondUnit.end;
  }
  if (unit && reading.chinese && ARABIC_ONLY_UNITS.has(unit)) return undefined;
  // 三台县, 四会市, 五台山: a place's name that opens with a numeral and a measure word
  if (reading.chinese && PLACE_LEVEL_AFTER.test(text[unitEnd] ?? '')) return undefined;
  // 附件：1.2023年…: an item's number before a year, not 1.2023 years
  if (unit === '年' && LIST_NUMBER_THEN_YEAR.test(text.slice(at, pos))) return undefined;
  if (!unit) return undefined;
  if (blocked[unitEnd - 1]) return undefined;
  // 采购项目（二次）: the label of a second call for tenders in a name, not a count of two
  if (unit === '次' && reading.chinese && !to && isOpeningBracket(text[at - 1]) && isClosingBracket(text[unitEnd])) return undefined;
  if (moreThan) approx = 'more-than';
  else if (qualifier && approx === 'nearly' && !to && isRecentSpan(text, qualifier, unit, unitEnd)) approx = undefined;

  let end = unitEnd;
  const after = qualifierAfter(text, end);
  if (after) {
    approx = after.approx;
    end = after.end;
  } else if (!moreThan && text[end] === '多' && unit.length === 1 && kindOf(unit) === 'count' && /[月天年]/.test(text[end + 1] ?? '')) {
    // 一个多月: 多 after the measure word
    approx = 'more-than';
    end += 1;
  }

  let from = reading;
  if (to) {
    // 5—10万人: the magnitude written on the upper end applies to both
    if (from.magnitude === 1 && to.magnitude > 1 && from.value < to.value / to.magnitude + 1e-9 && from.value <= to.value / to.magnitude) {
      from = { ...from, magnitude: to.magnitude, value: scale(from.value, to.magnitude, from.precision) };
    }
    if (!(from.value <= to.value)) to = undefined;
  }
  const metric: Found['metric'] = {
    type: 'metric',
    start: at,
    end,
    value: from.value,
    unit: baseUnit(unit),
    kind: to ? 'range' : isOrdinalTerm(text, unit, reading.chinese === true, at, unitEnd) ? 'ordinal' : kindOf(unit),
    precision: Math.max(from.precision, to?.precision ?? 0),
  };
  if (from.magnitude > 1) metric.magnitude = from.magnitude;
  if (approx) metric.approx = approx;
  if (to) metric.range = { from: from.value, to: to.value };
  return { metric, subjectEnd: approxStart(text, at, qualifier) };
}

/** The upper end of a range after a dash from `from` (5|—20%, 3|-5年), or undefined. */
function rangeUpperEnd(text: string, from: number, blocked: Uint8Array): Reading | undefined {
  RANGE_DASH.lastIndex = from;
  if (!RANGE_DASH.test(text)) return undefined;
  const secondAt = RANGE_DASH.lastIndex;
  if (blocked[secondAt]) return undefined;
  const second = readNumeral(text, secondAt);
  return second ? withSpacedMagnitude(text, second) : undefined;
}

/** 余 or 多 after a figure (10.6万余人, 300多家). */
function isMoreThanMark(unit: number): boolean {
  return unit === 0x4f59 || unit === 0x591a;
}

/** Whether the code units before `at` are a code with Latin letters, dashes and digits (HZCG-2023-). */
function isInCode(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 32; i--) {
    const unit = text.charCodeAt(i);
    if ((unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122)) return true;
    if (!((unit >= 48 && unit <= 57) || unit === 45 || unit === 95)) return false;
  }
  return false;
}

function isOpeningBracket(ch: string | undefined): boolean {
  return ch === '（' || ch === '(';
}

function isClosingBracket(ch: string | undefined): boolean {
  return ch === '）' || ch === ')';
}

/** The parts of a duration, largest first: the word, its length in seconds, its rank (分钟 and 分 share one). */
const DURATION_PARTS: ReadonlyArray<readonly [string, number, number]> = [
  ['小时', 3600, 0],
  ['分钟', 60, 1],
  ['分', 60, 1],
  ['秒', 1, 2],
];
const DURATION_UNIT_BY_RANK = ['小时', '分钟', '秒'];

interface Duration {
  end: number;
  /** In the unit of its smallest part. */
  value: number;
  unit: string;
  precision: number;
}

/**
 * A duration in two or three parts from `first` on, each part smaller than the one before (2分50秒,
 * 1小时20分钟, 1小时5分30秒), or undefined. 分 alone is minutes only before another part: 3分 is a score.
 */
function readDuration(text: string, first: Reading): Duration | undefined {
  let part = first;
  let rank = -1;
  let seconds = 0;
  let parts = 0;
  let end = first.end;
  let precision = 0;
  for (;;) {
    const found = DURATION_PARTS.find(([word, , partRank]) => partRank > rank && text.startsWith(word, part.end));
    if (!found) break;
    seconds += part.value * found[1];
    rank = found[2];
    precision = part.precision;
    end = part.end + found[0].length;
    parts++;
    const next = NUMERAL_START_UNITS[text.charCodeAt(end)] ? readNumeral(text, end) : undefined;
    if (!next || next.magnitude !== 1) break;
    part = next;
  }
  if (parts < 2) return undefined;
  const inSeconds = DURATION_PARTS.find(([, , partRank]) => partRank === rank)![1];
  return { end, value: Number((seconds / inSeconds).toFixed(precision)), unit: DURATION_UNIT_BY_RANK[rank]!, precision };
}

/** The metric of a duration at `at`, with a bound written after it (2分50秒以内). */
function durationMetric(text: string, at: number, duration: Duration, qualifier: Qualifier | undefined): Found {
  let approx = qualifier?.approx;
  let end = duration.end;
  const after = qualifierAfter(text, end);
  if (after) {
    approx = after.approx;
    end = after.end;
  }
  const metric: Found['metric'] = {
    type: 'metric',
    start: at,
    end,
    value: duration.value,
    unit: duration.unit,
    kind: 'time',
    precision: duration.precision,
  };
  if (approx) metric.approx = approx;
  return { metric, subjectEnd: approxStart(text, at, qualifier) };
}

/** The upper end of an ordinal range after its first number (第1|—3条, 第一|至第三章), with its unit. */
function ordinalRangeEnd(
  text: string,
  from: number,
): { value: number; precision: number; unitStart: number; unit: string; end: number } | undefined {
  RANGE_DASH.lastIndex = from;
  if (!RANGE_DASH.exec(text)) return undefined;
  let secondAt = RANGE_DASH.lastIndex;
  if (text[secondAt] === '第') secondAt++;
  const second = readNumeral(text, secondAt) ?? ordinalOne(text, secondAt);
  if (!second || second.magnitude !== 1) return undefined;
  const unitStart = skipInlineSpace(text, second.end);
  const unit = unitAt(text, unitStart, ORDINAL_UNITS);
  if (!unit) return undefined;
  return { value: second.value, precision: second.precision, unitStart, unit, end: unitStart + unit.length };
}

/** A place level or a mountain right after a Chinese count: the count is a place's name (三台县, 五台山). */
const PLACE_LEVEL_AFTER = /[县市区镇乡村山]/;
/** A list item's number and a year read as one decimal: 1.2023. */
const LIST_NUMBER_THEN_YEAR = /^\d{1,2}\.(?:19|20)\d\d$/;

/** What a term of a congress or committee is followed by: 二十届二中全会, 二十届二中、三中全会, 十四届全国人大, 十三届市委. */
const BODY_AFTER_TERM =
  /^(?:[一二三四五六七八九十]+中(?:全会|、)|全国人大|全国人民代表大会|全国政协|全国委员会|中央委员会|中央纪委|人大|政协|党代会|省委|市委|区委|县委|[一二三四五六七八九十]+次(?:会议|全体会议|全会))/;
/** A body right before a session: 全国人大二次会议, 市政协十三届三次会议. */
const BODY_BEFORE_SESSION = /(?:人大|政协|常委会|委员会|代表大会|党代会|届)$/;

/**
 * Whether a Chinese-numeral 届 or 次 is the ordinal of a term or session (二十届二中全会 is the 20th term,
 * 全国人大二次会议 the 2nd session), not a count (连续三届, 召开三次会议).
 */
function isOrdinalTerm(text: string, unit: string, chinese: boolean, at: number, unitEnd: number): boolean {
  // 两 only counts (连续两届全国技工院校…大赛)
  if (!chinese || text[at] === '两') return false;
  if (unit === '届') return BODY_AFTER_TERM.test(text.slice(unitEnd, unitEnd + 8));
  return (
    unit === '次' &&
    /^(?:会议|全体会议)/.test(text.slice(unitEnd, unitEnd + 4)) &&
    BODY_BEFORE_SESSION.test(text.slice(Math.max(0, at - 5), at))
  );
}

/**
 * 九成以上, 超过七成，, 两成的企业, 近5成的: tenths of a whole, where 成 ends the phrase (not 成为, 一成不变).
 */
const TENTHS = /([一二两三四五六七八九1-9])成(?=以上|以下|左右|多|[，,。；;、的）)]|$)/y;

/** 九成 (90%): tenths of a whole, read as the percentage they are. */
function readTenths(text: string, at: number): Found | undefined {
  TENTHS.lastIndex = at;
  const m = TENTHS.exec(text);
  if (!m) return undefined;
  const tenths = m[1]! <= '9' ? Number(m[1]) : parseChineseNumeral(m[1]!)!;
  return percentInWords(text, at, at + m[0].length, tenths * 10, '%', 0);
}

/** 三分之二 (66.67%), 十分之一: a share of the whole, read as the percentage it is. */
function readFractionWord(text: string, at: number): Found | undefined {
  FRACTION_WORD.lastIndex = at;
  const m = FRACTION_WORD.exec(text);
  if (!m) return undefined;
  const denominator = parseChineseNumeral(m[1]!);
  const numerator = parseChineseNumeral(m[2]!);
  if (!denominator || !numerator || numerator >= denominator || !isWellFormedChineseNumeral(m[1]!)) return undefined;
  return percentInWords(text, at, at + m[0].length, Number(((numerator / denominator) * 100).toFixed(2)), '%', 2);
}

/** 百分之二十, 百分之5.5, 百分之五点六; 千分之三 (‰) */
function readPercentWord(text: string, at: number, blocked: Uint8Array): Found | undefined {
  const unit = text[at] === '千' ? '‰' : '%';
  const numberAt = at + 3;
  if (blocked[numberAt]) return undefined;
  const code = text.charCodeAt(numberAt);
  let reading: Reading | undefined;
  if (code >= 48 && code <= 57) reading = readPlainArabic(text, numberAt);
  else {
    const run = chineseNumeralRunAt(text, numberAt);
    // 百分之一 is a percent; the 一-alone rule is for measure words
    const value = run && (isWellFormedChineseNumeral(run) || run === '一') ? parseChineseNumeral(run) : undefined;
    if (run && value !== undefined) reading = { start: numberAt, end: numberAt + run.length, value, precision: 0, magnitude: 1 };
    // 百分之百
    if (run === '百' && unit === '%') reading = { start: numberAt, end: numberAt + 1, value: 100, precision: 0, magnitude: 1 };
    // 百分之五点六
    CN_DECIMALS.lastIndex = reading?.end ?? 0;
    const decimals = reading ? CN_DECIMALS.exec(text) : null;
    if (reading && decimals) {
      const digits = [...decimals[1]!].map((d) => String(parseChineseNumeral(d === '〇' ? '零' : d) ?? 0)).join('');
      reading = {
        ...reading,
        end: reading.end + decimals[0].length,
        value: Number(`${reading.value}.${digits}`),
        precision: digits.length,
      };
    }
  }
  if (!reading) return undefined;
  return percentInWords(text, at, reading.end, reading.value, unit, reading.precision);
}

/** A percentage written in words from `at` to `end`, with the qualifier before or after it (九成以上, 超过三分之一). */
function percentInWords(text: string, at: number, end: number, value: number, unit: '%' | '‰', precision: number): Found {
  const qualifier = qualifierBefore(text, at);
  let approx = qualifier?.approx;
  const after = qualifierAfter(text, end);
  if (after) {
    approx = after.approx;
    end = after.end;
  }
  const metric: Found['metric'] = { type: 'metric', start: at, end, value, unit, kind: 'percent', precision };
  if (approx) metric.approx = approx;
  return { metric, subjectEnd: approxStart(text, at, qualifier) };
}

/**
 * Where the words before a figure end: before its qualifier (超过, 近...), so the subject does not include it.
 * `qualifier` is qualifierBefore(text, at), which the caller has read already.
 */
function approxStart(text: string, at: number, qualifier: Qualifier | undefined): number {
  if (qualifier) return qualifier.start;
  let back = at;
  while (back > 0 && isInlineSpace(text.charCodeAt(back - 1))) back--;
  return back;
}

export const metricRecognizer: EntityRecognizer = {
  id: 'metric',
  description: msg('指标：数字及其单位（9.9万人、98%以上、第45届）', 'Metrics: figures with their units (9.9万人, 98%以上, 第45届)'),
  recognize,
};
