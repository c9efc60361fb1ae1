/**
 * Figures for the consistency checks (sum-mismatch, ratio-mismatch, growth-mismatch, shares-sum).
 *
 * OCR'd newspaper columns break sentences over short lines and scatter spaces inside them
 * ("才达到375万人,其中\n\n高技能人才102.5万\n\n人,占…的 27.3%"), so these checks read a compact view of the
 * text with line breaks and stray spaces removed and map every offset back to the original text.
 *
 * A figure here is a number with its approximation words and unit, plus the interval of true values its
 * wording allows: 375万人 is 374.5万–375.5万 (rounded to 万), 超过168万名 is 168万–169万, 20余个 is 20–30,
 * 12个 is exactly 12. The checks compare intervals, so rounding at the stated precision never shows up as
 * a contradiction.
 */
import { CN_NUMERAL_UNITS, parseChineseNumeral, readNumberAt, toHalfWidthDigits, type ReadNumber } from './numbers';
import type { AnalysisContext } from './context';
import { Literals } from './entities/literals';
import { unitTable } from './text';
import type { Approx, DiagnosticCode, Finding, Localized, MetricEntity, MetricKind, Severity } from './types';

/** The text without line breaks and stray spaces, with a map back to the original offsets. */
export interface CompactText {
  /** The compact text, half-width digits and percent. */
  text: string;
  /** `origin[i]` is the original offset of compact unit `i`; `origin[text.length]` is the original length. */
  origin: Int32Array;
  /**
   * Compact offsets of removed line breaks that end a paragraph (after 。！？ or a closing quote). Breaks
   * inside a sentence are column breaks of the layout and are not recorded.
   */
  breaks: Set<number>;
}

/** Units after which a removed line break ends a paragraph. */
const PARAGRAPH_END_UNITS = unitTable('。！？!?”」』');

/**
 * Removes line breaks and spaces, except a space between two Latin letters or digits ("2019 2020" stays
 * two numbers). Offsets stay UTF-16 units: each kept unit maps to its own original offset.
 */
/** C0 controls other than tab and line ends, and DEL. */
function isControl(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
}

/** Units compactText removes or treats apart (spaces and controls): one table read per kept unit. */
const REMOVED_UNITS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (isSpace(c) || isControl(c)) REMOVED_UNITS[c] = 1;

export function compactText(original: string): CompactText {
  const half = toHalfWidthDigits(original);
  // runs of kept units are sliced whole and joined once: one string per unit cost more than the scan
  const pieces: string[] = [];
  const n = half.length;
  // a typed array sized for the worst case (nothing removed): pushing one number per unit of a 400,000-unit
  // text grew a plain array again and again
  const origin = new Int32Array(n + 1);
  let kept = 0;
  const breaks = new Set<number>();
  /** The last kept unit, -1 before the first. */
  let last = -1;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && !REMOVED_UNITS[half.charCodeAt(j)]) origin[kept++] = j++;
    if (j > i) {
      pieces.push(i === 0 && j === n ? half : half.slice(i, j));
      last = half.charCodeAt(j - 1);
    }
    if (j >= n) break;
    // a control character (ESC, NUL… left by a conversion) is invisible: the units around it join
    // (新增债券2\u001B512.0亿元 reads 2512.0亿)
    if (isControl(half.charCodeAt(j))) {
      i = j + 1;
      continue;
    }
    let k = j;
    let sawBreak = false;
    while (k < n && isSpace(half.charCodeAt(k))) {
      const c = half.charCodeAt(k);
      if (c === 10 || c === 13) sawBreak = true;
      k++;
    }
    if (sawBreak && k < n && numberBrokenAt(half, j, k)) {
      // 美兰机场8⏎6.4万人次: a narrow column's line break inside a number joins it, with no space
    } else if (last >= 0 && k < n && isAlnum(last) && isAlnum(half.charCodeAt(k))) {
      pieces.push(' ');
      origin[kept++] = j;
      last = 32;
    }
    if (sawBreak && last >= 0 && PARAGRAPH_END_UNITS[last]) breaks.add(kept);
    i = k;
  }
  origin[kept++] = original.length;
  return { text: pieces.join(''), origin: origin.subarray(0, kept), breaks };
}

/**
 * Whether the line break in `[breakStart, resume)` falls inside a number of running text: digits on both
 * sides, a Han character before the first part (美兰机场8) and a unit or more text after the second
 * (6.4万人次), so that a column of figures one per line (2019⏎2020) is not joined.
 */
function numberBrokenAt(text: string, breakStart: number, resume: number): boolean {
  if (!isDigitUnit(text.charCodeAt(breakStart - 1)) || !isDigitUnit(text.charCodeAt(resume))) return false;
  let before = breakStart - 1;
  while (before > 0 && (isDigitUnit(text.charCodeAt(before - 1)) || text.charCodeAt(before - 1) === 46)) before--;
  const lead = text.charCodeAt(before - 1);
  if (!(lead >= 0x4e00 && lead <= 0x9fff)) return false;
  let after = resume;
  while (after < text.length && (isDigitUnit(text.charCodeAt(after)) || text.charCodeAt(after) === 46)) after++;
  const next = text.charCodeAt(after);
  return (next >= 0x4e00 && next <= 0x9fff) || next === 37;
}

function isDigitUnit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** [0-9A-Za-z] */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Space, tab, CR, LF, no-break space and the ideographic space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

/** Original `[start, end)` of the compact span `[cStart, cEnd)`. */
export function originalSpan(compact: CompactText, cStart: number, cEnd: number): { start: number; end: number } {
  const start = compact.origin[cStart]!;
  const end = cEnd > cStart ? compact.origin[cEnd - 1]! + 1 : start;
  return { start, end };
}

/** A compact span: a figure, or any stretch of the compact text. */
export interface CompactSpan {
  cStart: number;
  cEnd: number;
}

/**
 * A finding of a consistency check (figures that contradict each other) on a compact span, with the
 * figures it names as related spans, all in offsets of the text. No fix: the text does not say which
 * of the figures is wrong.
 */
export function figuresFinding(
  compact: CompactText,
  code: DiagnosticCode,
  severity: Severity,
  message: Localized,
  at: CompactSpan,
  related: ReadonlyArray<{ figure: CompactSpan; message: Localized }>,
): Finding {
  return {
    code,
    severity,
    message,
    ...originalSpan(compact, at.cStart, at.cEnd),
    fixes: [],
    related: related.map((r) => ({ ...originalSpan(compact, r.figure.cStart, r.figure.cEnd), message: r.message })),
  };
}

/** What a figure's unit lets it be compared with: 人 and 名 both count people, 万元 and 亿元 are both 元. */
export type UnitFamily = string;

/** A figure read from the compact text. */
export interface Figure {
  /** Compact offsets of the whole figure, approximation words and unit included. */
  cStart: number;
  cEnd: number;
  /** Compact offsets of the number alone (with its magnitude word), for messages. */
  numberStart: number;
  numberEnd: number;
  /** The value in the base unit (9.9万 → 99000; 73.7% → 73.7). */
  value: number;
  /** The unit as written after the number (万 and 亿 belong to the value): 人, 元, %, 个百分点, 倍, ''. */
  unit: string;
  /** Units that count the same thing share a family (人/名/位 → 人). */
  family: UnitFamily;
  kind: MetricKind;
  approx?: Approx;
  /** Decimals as written. */
  precision: number;
  /** 1, 1e4 (万), 1e8 (亿)... */
  magnitude: number;
  /** The smallest and largest true value that the wording allows. */
  lo: number;
  hi: number;
  /** The number as written, in half-width digits (102.5万); a Chinese numeral as its value (十二 → 12). */
  numberText: string;
  script: 'arabic' | 'chinese';
}

/** Units after a number, longest first. */
const UNITS = [
  // concentrations (环境质量公报): compared year on year, never added up
  '微克/立方米',
  '毫克/立方米',
  '毫克/升',
  '平方公里',
  '个百分点',
  '百分点',
  '平方米',
  '立方米',
  '人次',
  '架次',
  '家次',
  '件次',
  '户次',
  '辆次',
  '台次',
  '艘次',
  '标箱',
  '公斤',
  '兆瓦',
  '公里',
  '公顷',
  '学时',
  '课时',
  '%',
  '倍',
  '元',
  '人',
  '名',
  '位',
  '个',
  '所',
  '家',
  '项',
  '件',
  '宗',
  '次',
  '处',
  '座',
  '条',
  '户',
  '台',
  '套',
  '篇',
  '部',
  '册',
  '门',
  '种',
  '支',
  '批',
  '间',
  '场',
  '亩',
  '吨',
  '米',
  '年',
  '月',
  '日',
  '天',
  '岁',
  '届',
  '期',
  '号',
  // vehicles, vessels, trees, sheets, copies, buildings, cases, transactions
  '辆',
  '艘',
  '株',
  '棵',
  '张',
  '份',
  '栋',
  '幢',
  '宗',
  '笔',
  '例',
  '人日',
  '辆次',
];

/** Units that are not quantities these checks compare (dates, ages, editions). */
const NOT_QUANTITIES = new Set(['年', '月', '日', '天', '岁', '届', '期', '号']);

const PERSON_UNITS = new Set(['人', '名', '位']);
const CONCENTRATIONS = new Set(['微克/立方米', '毫克/立方米', '毫克/升']);

function familyOf(unit: string): UnitFamily {
  if (PERSON_UNITS.has(unit)) return '人';
  if (unit === '百分点') return '个百分点';
  return unit;
}

function kindOf(unit: string): MetricKind {
  if (unit === '%') return 'percent';
  if (unit === '个百分点' || unit === '百分点') return 'percentage-point';
  if (unit === '倍') return 'multiple';
  if (unit === '元') return 'money';
  if (unit === '平方公里' || unit === '平方米' || unit === '公顷' || unit === '亩') return 'area';
  if (unit === '公里' || unit === '米') return 'length';
  if (unit === '吨' || unit === '公斤') return 'weight';
  if (NOT_QUANTITIES.has(unit) || unit === '学时' || unit === '课时') return 'time';
  if (CONCENTRATIONS.has(unit)) return 'other';
  return unit ? 'count' : 'other';
}

/** Words before a number that qualify it, longest first, and what they mean. */
const APPROX_BEFORE: readonly [string, Approx][] = [
  ['不少于', 'at-least'],
  ['不低于', 'at-least'],
  ['不足', 'less-than'],
  ['不到', 'less-than'],
  ['超过', 'more-than'],
  ['多于', 'more-than'],
  ['大约', 'about'],
  ['至少', 'at-least'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['约', 'about'],
  ['近', 'nearly'],
  ['逾', 'more-than'],
];

/** Words after the number, the magnitude or the unit. */
const APPROX_AFTER: readonly [string, Approx][] = [
  ['以上', 'at-least'],
  ['以下', 'at-most'],
  ['以内', 'at-most'],
  ['左右', 'about'],
  ['上下', 'about'],
  ['余', 'more-than'],
  ['多', 'more-than'],
];

/**
 * The word lists above as Literals, for the lookups at every figure: a list scanned with `startsWith` (and
 * a closure per figure) cost more than reading the figure itself. The lists are longest first, and two
 * different words of one length never match at one place, so the longest match is the list's first match.
 */
const UNIT_WORDS = new Literals(UNITS);
const APPROX_BEFORE_WORDS = new Literals(APPROX_BEFORE.map(([word]) => word));
const APPROX_AFTER_WORDS = new Literals(APPROX_AFTER.map(([word]) => word));
const APPROX_MEANING = new Map<string, Approx>([...APPROX_BEFORE, ...APPROX_AFTER]);
/** Before a number, what makes it an ordinal, a document number or a code (第, 〔, [, 【, #). */
const NOT_A_QUANTITY_BEFORE = unitTable('第〔[【#');

function isLatinLetter(unit: number): boolean {
  return (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

const MAGNITUDE_AFTER_APPROX: readonly [string, number][] = [
  ['万亿', 1e12],
  ['万', 1e4],
  ['亿', 1e8],
];

const CN_START_UNITS = unitTable('一二三四五六七八九十两');

function isDigitOrDot(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || unit === 46;
}

/** Reads every figure of the compact text, in order. Ordinals (第4届) and document numbers are skipped. */
export function readFigures(compact: CompactText): Figure[] {
  const text = compact.text;
  const out: Figure[] = [];
  for (let i = 0; i < text.length; i++) {
    // most units start no figure: test the code unit before making any string of it
    const unit = text.charCodeAt(i);
    const arabic = unit >= 48 && unit <= 57;
    if (!arabic && !CN_START_UNITS[unit]) continue;
    // inside a longer number or word: 12 of 312, 三 of 十三 (code units, not one-character strings: a Han
    // character's string is a fresh allocation)
    const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
    if (prev >= 0 && (isDigitOrDot(prev) || (!arabic && CN_NUMERAL_UNITS[prev]))) continue;
    if (arabic && i >= 2) {
      const beforePrev = text.charCodeAt(i - 2);
      // the decimal part of a figure whose point OCR read as a comma (1,1万), or a letter's neighbour in a
      // figure OCR garbled (7.I2万): not a figure of its own (garbled-figure and letter-for-digit report them)
      if ((prev === 44 || prev === 0xff0c) && isDigitUnit(beforePrev) && !threeDigitGroupAt(text, i)) continue;
      if (isLatinLetter(prev) && isDigitOrDot(beforePrev)) continue;
    }
    const figure = readFigureAt(text, i, arabic);
    if (!figure) continue;
    out.push(figure);
    i = figure.cEnd - 1;
  }
  return out;
}

/** The approximation word (以上, 左右, 余...) at `at`, if any: its meaning, and where reading goes on. */
function approxAfter(text: string, at: number): { approx: Approx | undefined; end: number } | undefined {
  const word = APPROX_AFTER_WORDS.longestAt(text, at);
  return word === undefined ? undefined : { approx: APPROX_MEANING.get(word), end: at + word.length };
}

/** Exactly three digits at `at` (a thousands group: 1,234), not four. */
function threeDigitGroupAt(text: string, at: number): boolean {
  return (
    isDigitUnit(text.charCodeAt(at)) &&
    isDigitUnit(text.charCodeAt(at + 1)) &&
    isDigitUnit(text.charCodeAt(at + 2)) &&
    !isDigitUnit(text.charCodeAt(at + 3))
  );
}

function readFigureAt(text: string, at: number, arabic: boolean): Figure | undefined {
  // an ordinal, a document number or a code, not a quantity
  if (at > 0 && NOT_A_QUANTITY_BEFORE[text.charCodeAt(at - 1)]) return undefined;
  // a Chinese numeral is only a figure with a unit, which most (一 of 统一, 进一步) lack: it is parsed last
  let number: ReadNumber | undefined;
  let numberEnd: number;
  if (arabic) {
    number = readNumberAt(text, at);
    if (!number) return undefined;
    numberEnd = number.end;
    if (isLatinLetter(text.charCodeAt(numberEnd))) return undefined;
  } else {
    numberEnd = at + 1;
    while (CN_NUMERAL_UNITS[text.charCodeAt(numberEnd)]) numberEnd++;
  }

  let end = numberEnd;
  let magnitude = number ? number.magnitude : 1;
  /** 万 or 亿 read after 余 (1200余万元), 0 when none. */
  let magnitudeAfterApprox = 0;
  let approx: Approx | undefined;

  // 以上, 左右, 余...: the first one read gives the meaning, each is read past (once one is read, no other
  // is looked for)
  let after = approxAfter(text, end);
  if (after) ({ approx, end } = after);
  // 1200余万元: the magnitude comes after 余
  if (magnitude === 1 && approx) {
    for (const [magnitudeWord, mag] of MAGNITUDE_AFTER_APPROX) {
      if (text.startsWith(magnitudeWord, end)) {
        magnitude = mag;
        magnitudeAfterApprox = mag;
        end += magnitudeWord.length;
        break;
      }
    }
  }
  // 1.2万余人 has 余 after the magnitude, read with the number
  if (!approx && (after = approxAfter(text, end))) ({ approx, end } = after);

  const unit = UNIT_WORDS.longestAt(text, end) ?? '';
  if (!arabic && (!unit || NOT_QUANTITIES.has(unit))) return undefined;
  // 一个百分点 reads; 一个人 reads as 1个 with 人 left over, which is right
  end += unit.length;
  if (unit && !approx && (after = approxAfter(text, end))) ({ approx, end } = after);

  const before = APPROX_BEFORE_WORDS.longestEndingAt(text, at);
  if (before !== undefined) approx ??= APPROX_MEANING.get(before);

  const numberText = text.slice(at, numberEnd);
  const precision = number ? number.precision : 0;
  const written = number ? number.value : parseChineseNumeral(numberText)!;
  const value = magnitudeAfterApprox ? Number((written * magnitudeAfterApprox).toFixed(Math.max(0, precision))) : written;
  const script = number ? number.script : 'chinese';
  const kind = kindOf(unit);
  const rate = kind === 'percent' || kind === 'percentage-point' || kind === 'multiple';
  const { lo, hi } = intervalOf(value, precision, magnitude, approx, numberText, script === 'chinese', rate);
  const figure: Figure = {
    cStart: at,
    cEnd: end,
    numberStart: at,
    numberEnd,
    value,
    unit,
    family: familyOf(unit),
    kind,
    precision,
    magnitude,
    lo,
    hi,
    numberText: script === 'chinese' ? String(value) : numberText,
    script,
    // always present, undefined when none: every figure then has one shape, and the checks that read
    // thousands of figures stay monomorphic
    approx,
  };
  return figure;
}

/** Place value of the last non-zero digit of an integer as written (1200 → 100, 168 → 1, 20 → 10). */
function placeValue(digits: string): number {
  // trailing zeros counted past separators, without building the digits alone
  let zeros = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    const c = digits.charCodeAt(i);
    if (c === 44 || c === 46) continue;
    if (c !== 48) return Math.pow(10, zeros);
    zeros++;
  }
  // no digit but zeros (0, 0.00)
  return 1;
}

/**
 * The true values a wording allows. A plain count without a magnitude word is exact; a figure with
 * decimals or 万/亿, and any percentage or multiple, is rounded to its last written digit; 余/多/超过 add up to one place value above,
 * 近/不足 take it away, 约/左右 allow half of it either side.
 */
function intervalOf(
  value: number,
  precision: number,
  magnitude: number,
  approx: Approx | undefined,
  written: string,
  chinese: boolean,
  rate: boolean,
): { lo: number; hi: number } {
  // a count without decimals or 万 is exact; a rate (90%, 1.3倍) is always rounded to its last digit
  const rounding = precision > 0 || rate ? Math.pow(10, -precision) * magnitude : magnitude > 1 ? magnitude : 0;
  const place =
    precision > 0 ? Math.pow(10, -precision) * magnitude : (chinese ? placeOfValue(value / magnitude) : placeValue(written)) * magnitude;
  switch (approx) {
    case 'more-than':
    case 'at-least':
      return { lo: value - rounding / 2, hi: value + place };
    case 'nearly':
    case 'at-most':
    case 'less-than':
      return { lo: value - place, hi: value + rounding / 2 };
    case 'about':
      return { lo: value - Math.max(place / 2, rounding / 2), hi: value + Math.max(place / 2, rounding / 2) };
    default:
      return { lo: value - rounding / 2, hi: value + rounding / 2 };
  }
}

function placeOfValue(value: number): number {
  return Number.isInteger(value) ? placeValue(String(value)) : 1;
}

/** Whether two figures count the same kind of thing and can be added or divided. */
export function sameFamily(a: Figure, b: Figure): boolean {
  return a.family !== '' && a.family === b.family;
}

/** Characters that end a sentence; a clause ends at these and at ，,；; too. */
export const SENTENCE_END = /[。！？!?]/;
export const CLAUSE_END = /[。！？!?；;，,：:]/;
/** SENTENCE_END and CLAUSE_END as unit tables for the look-backs, which test a unit at a time. */
const SENTENCE_END_UNITS = unitTable('。！？!?');
const CLAUSE_END_UNITS = unitTable('。！？!?；;，,：:');

/**
 * Longest sentence and clause the checks look at (compact units). Text without punctuation (tables, lists
 * of names) would otherwise make every look-back run to the start of the file.
 */
const MAX_SENTENCE = 400;
const MAX_CLAUSE = 200;

/** Compact offset where the sentence containing `at` starts (after the previous 。！？), at most MAX_SENTENCE back. */
export function sentenceStart(text: string, at: number): number {
  const limit = Math.max(0, at - MAX_SENTENCE);
  let i = at - 1;
  while (i >= limit && !SENTENCE_END_UNITS[text.charCodeAt(i)]) i--;
  return i + 1;
}

/**
 * Formats a number for a message without binary noise: 21, 73.67, 1.304, 102.5万. Values of 万 and above
 * keep the magnitude the text used so that the reader recognises them.
 */
export function formatNumber(value: number, decimals = 2, magnitude = 1): string {
  if (magnitude > 1) {
    const word =
      magnitude === 1e3
        ? '千'
        : magnitude === 1e4
          ? '万'
          : magnitude === 1e8
            ? '亿'
            : magnitude === 1e12
              ? '万亿'
              : magnitude === 100
                ? '百'
                : '';
    if (word) return formatNumber(value / magnitude, decimals) + word;
  }
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** The magnitude shared by all figures (万 when every one is in 万), else 1. */
export function commonMagnitude(figures: readonly Figure[]): number {
  const first = figures[0]?.magnitude ?? 1;
  return figures.every((f) => f.magnitude === first) ? first : 1;
}

/**
 * Brings in what the metric recognizer knows and this reader does not: qualifiers it reads (超, 最多,
 * 不超过…) and figures that are ordinals or ranges (第45届, 5—20%), which are no point values to add up.
 */
export function reconcileWithMetrics(compact: CompactText, figures: readonly Figure[], metrics: readonly MetricEntity[]): Figure[] {
  const out: Figure[] = [];
  let m = 0;
  for (const figure of figures) {
    const at = compact.origin[figure.numberStart]!;
    while (m < metrics.length && metrics[m]!.end <= at) m++;
    const metric = metrics[m];
    if (!metric || metric.start > at) {
      out.push(figure);
      continue;
    }
    if (metric.kind === 'ordinal' || metric.kind === 'range' || metric.range) continue;
    if (metric.approx && !figure.approx) {
      const rate = ['percent', 'percentage-point', 'multiple'].includes(figure.kind);
      const written = figure.numberText;
      const interval = intervalOf(
        figure.value,
        figure.precision,
        figure.magnitude,
        metric.approx,
        written,
        figure.script === 'chinese',
        rate,
      );
      out.push({ ...figure, approx: metric.approx, ...interval });
      continue;
    }
    out.push(figure);
  }
  return out;
}

const cache = new WeakMap<AnalysisContext, { compact: CompactText; figures: Figure[] }>();

/**
 * The compact text and its figures, read once per analysis and shared by the four checks; refined by the
 * metric entities when the recognizer ran.
 */
export function figuresOf(ctx: AnalysisContext): { compact: CompactText; figures: Figure[] } {
  let entry = cache.get(ctx);
  if (!entry) {
    // read in simplified characters (億, 萬, 佔, 較 of a traditional text are 亿, 万, 占, 较); same offsets
    const compact = compactText(ctx.simplifiedText);
    const metrics = ctx.entitiesOf('metric');
    const figures = readFigures(compact);
    entry = { compact, figures: metrics.length ? reconcileWithMetrics(compact, figures, metrics) : figures };
    cache.set(ctx, entry);
  }
  return entry;
}

/** One item of a listed breakdown: a label and its figure (国家级 + 4个), or a bare figure after 分别. */
export interface ListItem {
  labelStart: number;
  label: string;
  figure: Figure;
}

/** A list read by `readItemList`, with where it stopped. */
export interface ItemList {
  items: ListItem[];
  /** Compact offset after the last item's figure. */
  end: number;
  /** The list is open-ended (等, 其他…等): its parts need not add up to the whole. */
  open: boolean;
}

/** Options of `readItemList`. */
export interface ItemListOptions {
  /** Which figures may be items (same unit as the total, percentages...). */
  accept: (figure: Figure) => boolean;
  /** Separators between items; 、 always, ，；when the list runs over clauses. */
  separators: string;
  /** Longest label; a longer stretch of text is not a label but a new clause. */
  maxLabel?: number;
  /** Whether an item may be a bare figure (10个、20个 after 分别). */
  bareFigures?: boolean;
}

/** What joins the last item of a list to the one before it. */
const FINAL_CONJUNCTION = /^(?:以及|和|及|与)/;

/**
 * Reads a list of "label figure" items starting at compact offset `from`: 国家级4个、省部级10个、市级2个.
 * Stops before the first stretch that is not such an item, so "3.51%80%以上的…" ends the list at 3.51%
 * (the 80% has no label and no separator before it).
 */
export function readItemList(compact: CompactText, figures: readonly Figure[], from: number, options: ItemListOptions): ItemList {
  const text = compact.text;
  const maxLabel = options.maxLabel ?? 16;
  const items: ListItem[] = [];
  let pos = from;
  let end = from;
  let k = firstFigureAtOrAfter(figures, pos);
  let lastItem = false;
  for (;;) {
    const figure = figures[k];
    if (!figure) break;
    const label = text.slice(pos, figure.cStart);
    // digits end a label, except an ordinal or a year naming the item (第1包, 2021年查处)
    if (label.length > maxLabel || /[0-9。！？；;，,：:()（）]/.test(label.replace(NUMBERED_LABEL, ''))) break;
    if (!label && !options.bareFigures) break;
    if (!options.accept(figure)) break;
    items.push({ labelStart: pos, label, figure });
    end = figure.cEnd;
    if (lastItem) break;
    // 1.32万套（间）, 1546.8万吨吨: what a unit leaves after the figure
    end = afterUnitTail(text, end);
    const sep = text[end];
    // 分别占42%、35%和28%: a conjunction right after an item puts the last one after it
    const conjunction = FINAL_CONJUNCTION.exec(text.slice(end, end + 2));
    if (conjunction) {
      pos = end + conjunction[0].length;
      lastItem = true;
    } else if (sep === undefined || !options.separators.includes(sep)) break;
    else pos = end + 1;
    k++;
  }
  const open = text.startsWith('等', end) || items.some((item) => /等$/.test(item.label));
  return { items, end, open };
}

/** An ordinal or a year that names a list's item (第1包, 第2标段, 2021年): digits a label may hold. */
const NUMBERED_LABEL = /第[0-9]{1,3}[包标段批期号类项]|(?:19|20)[0-9]{2}年/g;
/** A unit's note in brackets right after a figure: 万套（间）, 人（次）. */
const UNIT_NOTE = /^[（(][\u4e00-\u9fff]{1,2}[）)]/;

/** Where the text goes on after a figure ending at `at`, past a unit's note in brackets (万套（间）) or a doubled last unit character (万吨吨). */
export function afterUnitTail(text: string, at: number): number {
  const note = UNIT_NOTE.exec(text.slice(at, at + 6));
  if (note) return at + note[0].length;
  // 1546.8万吨吨: a unit's last character written twice (duplicated-unit reports it) does not end the list
  if (at > 0 && text[at] === text[at - 1] && /[\u4e00-\u9fff%]/.test(text[at]!) && /[、，,；;]/.test(text[at + 1] ?? '')) return at + 1;
  return at;
}

/** Index of the first figure that starts at or after `pos` (figures.length when none). */
export function firstFigureAtOrAfter(figures: readonly Figure[], pos: number): number {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid]!.cStart < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sum of the figures' intervals. */
export function sumInterval(figures: readonly Figure[]): { value: number; lo: number; hi: number } {
  let value = 0;
  let lo = 0;
  let hi = 0;
  for (const f of figures) {
    value += f.value;
    lo += f.lo;
    hi += f.hi;
  }
  return { value, lo, hi };
}

/** Whether the figure is a quantity that parts can add up to (not a percentage, multiple, date or age). */
export function isAdditive(figure: Figure): boolean {
  if (figure.family === '') return false;
  switch (figure.kind) {
    case 'percent':
    case 'percentage-point':
    case 'multiple':
    case 'time':
    case 'other':
      return false;
    default:
      return true;
  }
}

/** Slack for floating point noise in sums of decimals. */
export const EPSILON = 1e-9;

/** Compact offset where the clause containing `at` starts (after the previous ，；。 and the like), at most MAX_CLAUSE back. */
export function clauseStart(text: string, at: number): number {
  const limit = Math.max(0, at - MAX_CLAUSE);
  let i = at - 1;
  while (i >= limit && !CLAUSE_END_UNITS[text.charCodeAt(i)]) i--;
  return i + 1;
}

/**
 * Whether a figure is the old value of a comparison (比2010年的230万人, 较上年的, 从230万人): it is not
 * what the clause is about, so it is never the part or the whole of a ratio.
 */
export function isComparisonBase(text: string, figure: Figure, clause = clauseStart(text, figure.cStart)): boolean {
  // most clauses hold none of 比, 较, 从, 由 and most figures have no 倍 after them: those are answered
  // without slicing the clause or running a regular expression
  const compares = hasUnitIn(text, COMPARISON_UNITS, clause, figure.cStart);
  if (!compares && !digitAfterDe(text, figure.cEnd)) return false;
  const prefix = text.slice(clause, figure.cStart);
  const base = compares ? /((?<!占)比|较|相比|从|由)([^，,；;。]*)$/.exec(prefix) : null;
  if (base) {
    // 由上年的62.0亿元增加到72.5亿元: the figure after 到 is the new one, not the base
    const fromTo = (base[1] === '从' || base[1] === '由') && /到|至/.test(base[2]!);
    if (!fromTo) return true;
  }
  // 是去年同期2.78万人次的3.1倍, 相当于上年的1.2倍: what a multiple is taken of
  return /^的?[\d.]+倍/.test(text.slice(figure.cEnd, figure.cEnd + 8)) && /(?:是|为|相当于|达到|达)[^，,；;。]*$/.test(prefix);
}

/** The units of the comparison words isComparisonBase looks for (相比 holds 比). */
const COMPARISON_UNITS = unitTable('比较从由');

/** Whether some unit of `[from, to)` is in the table. */
function hasUnitIn(text: string, table: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (table[text.charCodeAt(i)]) return true;
  return false;
}

/** Whether a digit or a point starts at `at`, after a 的 perhaps: what must begin a multiple (的3.1倍). */
function digitAfterDe(text: string, at: number): boolean {
  const unit = text.charCodeAt(at) === 0x7684 /* 的 */ ? text.charCodeAt(at + 1) : text.charCodeAt(at);
  return isDigitOrDot(unit);
}

/** The label before a figure: the text from its clause start, at most `max` units (开办专业点 of 开办专业点414个). */
export function labelBefore(text: string, figure: Figure, max = 24, clause = clauseStart(text, figure.cStart)): string {
  const from = Math.max(clause, figure.cStart - max);
  return text.slice(from, figure.cStart);
}

/**
 * Whether the figure at `k` is a later item of an enumeration (东部地区286个、…、东北地区70个): the figure
 * before it ends right at a 、 in its clause, so it is one part among others, never the total a following
 * sentence breaks down. (A 、 inside a label, 教育、卫生支出500亿元, does not make one.)
 */
export function isLaterListItem(text: string, figures: readonly Figure[], k: number): boolean {
  const figure = figures[k]!;
  const previous = figures[k - 1];
  if (!previous) return false;
  const comma = text.lastIndexOf('、', figure.cStart - 1);
  return comma >= clauseStart(text, figure.cStart) && comma >= previous.cEnd && text.slice(previous.cEnd, comma).trim() === '';
}

/** Whether a compact range contains a removed line break (the two ends sit in different paragraphs or lines). */
export function crossesBreak(compact: CompactText, from: number, to: number): boolean {
  for (const b of compact.breaks) if (b > from && b <= to) return true;
  return false;
}

/** The interval a stated percentage or multiple allows: rounding at its precision, and truncation too. */
export function statedInterval(figure: Figure): { lo: number; hi: number } {
  const unit = Math.pow(10, -figure.precision) * (figure.magnitude > 1 ? figure.magnitude : 1);
  // sources both round and truncate: 66.67 may be printed 66.7 or 66.6
  // truncation never reaches the next digit: 4 is [4, 5), not [4, 5]
  return { lo: Math.min(figure.lo, figure.value - unit / 2), hi: Math.max(figure.hi, figure.value + unit * (1 - 1e-6)) };
}

/** Words that divide a whole in two or more by themselves: 城镇3.1万人，农村3.2万人; 出口…，进口…. */
export const COMPLEMENTS = [
  ['城镇', '城市', '农村', '乡村'],
  ['线上', '线下'],
  ['境内', '境外'],
  ['国内', '国外'],
  ['省内', '省外'],
  ['市内', '市外'],
  ['区内', '区外'],
  ['公办', '民办'],
  ['男', '女'],
  ['出口', '进口'],
  ['东部', '中部', '西部', '东北'],
  ['上半年', '下半年'],
];

/** The COMPLEMENTS group the labels cover whole, one word each (省内 and 省外), or undefined. */
export function coveredGroup(labels: readonly string[]): readonly string[] | undefined {
  for (const group of COMPLEMENTS) {
    const found = labels.map((label) => group.findIndex((word) => label.includes(word)));
    if (found.some((i) => i < 0) || new Set(found).size !== labels.length) continue;
    // the whole: every word of the group, or town and country (城镇/城市 with 农村/乡村)
    const covered = new Set(found.map((i) => group[i]!));
    const whole =
      group.length === 4 && group[0] === '城镇'
        ? covered.size === 2 && found.some((i) => i < 2) && found.some((i) => i >= 2)
        : covered.size === group.length;
    if (whole) return group;
  }
  return undefined;
}
