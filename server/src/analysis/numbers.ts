/**
 * Reading numerals as they appear in Chinese policy texts: Arabic (with thousands separators),
 * full-width (１９９７), Chinese (十四, 三万, 两千五百, 一百零八) and mixed (9.9万, 1.5亿, 10.6万).
 * Pure functions over strings; offsets are UTF-16 units.
 */
import { unitTable } from './text';

/** Full-width digits, percent sign and full stop: each is its ASCII twin plus 0xFEE0. */
const FULLWIDTH_FIGURE_UNIT = /[\uFF05\uFF0E\uFF10-\uFF19]/;
const FULLWIDTH_FIGURE_UNITS = /[\uFF05\uFF0E\uFF10-\uFF19]/g;

/**
 * The last two long texts converted and their conversions: the recognizers and detectors of one analysis
 * each ask for the same text, or for its simplified view (eight whole-text passes of three replacements
 * each, about 0.1 s per 10 MB, before this; with one entry, the two views and the short strings asked in
 * between took turns evicting each other, five whole-text passes per piece).
 */
const recent: Array<{ text: string; half: string }> = [];
/** Shorter texts are converted each time: they cost little, and would evict the long ones. */
const MIN_REMEMBERED = 1000;

/** Converts full-width digits, dot and percent to ASCII, one unit for one unit (offsets survive). */
export function toHalfWidthDigits(text: string): string {
  for (const entry of recent) if (entry.text === text) return entry.half;
  const half = FULLWIDTH_FIGURE_UNIT.test(text)
    ? text.replace(FULLWIDTH_FIGURE_UNITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : text;
  if (text.length >= MIN_REMEMBERED) {
    recent.unshift({ text, half });
    if (recent.length > 2) recent.pop();
  }
  return half;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8 };

/** Characters that can form a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿萬億';
/** CN_NUMERAL_CHARS by UTF-16 unit (each is one unit), for the scans that find a numeral's end. */
export const CN_NUMERAL_UNITS = unitTable(CN_NUMERAL_CHARS);

/**
 * What each UTF-16 unit is in a Chinese numeral, for a parse by code units with no string per character:
 * NOT_NUMERAL, a digit (DIGIT + its value) or a unit (SMALL_UNIT or BIG_UNIT + the index of its value in
 * NUMERAL_UNIT_VALUES).
 */
const NOT_NUMERAL = 0;
const DIGIT = 1;
const SMALL_UNIT = 16;
const BIG_UNIT = 32;
const NUMERAL_UNIT_VALUES: number[] = [];
const NUMERAL_ROLE = new Uint8Array(65536);
for (const [ch, value] of Object.entries(CN_DIGITS)) NUMERAL_ROLE[ch.charCodeAt(0)] = DIGIT + value;
for (const [units, role] of [
  [CN_SMALL_UNITS, SMALL_UNIT],
  [CN_BIG_UNITS, BIG_UNIT],
] as const) {
  for (const [ch, value] of Object.entries(units)) {
    NUMERAL_ROLE[ch.charCodeAt(0)] = role + NUMERAL_UNIT_VALUES.length;
    NUMERAL_UNIT_VALUES.push(value);
  }
}

/**
 * Value of a Chinese numeral (十四 → 14, 两千五百 → 2500, 一百零八 → 108, 三万 → 30000), or undefined.
 * Digit-by-digit forms (二〇二〇 → 2020) are read as written digits.
 */
export function parseChineseNumeral(text: string): number | undefined {
  return parseChineseNumeralIn(text, 0, text.length);
}

/** parseChineseNumeral of text.slice(start, end), without the slice. */
export function parseChineseNumeralIn(text: string, start: number, end: number): number | undefined {
  if (end <= start) return undefined;
  let hasUnit = false;
  for (let i = start; i < end; i++) {
    const role = NUMERAL_ROLE[text.charCodeAt(i)]!;
    if (role === NOT_NUMERAL) return undefined;
    if (role >= SMALL_UNIT) hasUnit = true;
  }
  if (!hasUnit) {
    // 二〇二〇 is a digit string; a single digit is itself. Up to 15 digits the sum is exact; longer, the
    // digits are read as a decimal string, rounded as Number() rounds them
    if (end - start <= 15) {
      let value = 0;
      for (let i = start; i < end; i++) value = value * 10 + NUMERAL_ROLE[text.charCodeAt(i)]! - DIGIT;
      return value;
    }
    let digits = '';
    for (let i = start; i < end; i++) digits += NUMERAL_ROLE[text.charCodeAt(i)]! - DIGIT;
    return Number(digits);
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (let i = start; i < end; i++) {
    const role = NUMERAL_ROLE[text.charCodeAt(i)]!;
    if (role < SMALL_UNIT) {
      digit = role - DIGIT;
    } else if (role < BIG_UNIT) {
      section += (digit ?? 1) * NUMERAL_UNIT_VALUES[role - SMALL_UNIT]!;
      digit = undefined;
    } else {
      const big = NUMERAL_UNIT_VALUES[role - BIG_UNIT]!;
      section += digit ?? 0;
      total = (total + section) * big;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Multiplier of a magnitude word that may follow an Arabic number: 万, 亿, 千, 百, 万亿. */
export function magnitudeOf(word: string): number | undefined {
  switch (word) {
    case '十':
      return 10;
    case '百':
      return 100;
    case '千':
      return 1000;
    case '万':
    case '萬':
      return 1e4;
    case '十万':
      return 1e5;
    case '百万':
      return 1e6;
    case '千万':
      return 1e7;
    case '亿':
    case '億':
      return 1e8;
    case '万亿':
      return 1e12;
    default:
      return undefined;
  }
}

/** A number read from text, with where it was and how it was written. */
export interface ReadNumber {
  start: number;
  end: number;
  /** The value including any magnitude word (9.9万 → 99000). */
  value: number;
  /** Decimal places as written (9.9 → 1), for rounding-aware comparisons. */
  precision: number;
  /** The magnitude multiplier that was applied (万 → 10000), 1 when none. */
  magnitude: number;
  /** 'arabic' for 9.9万 or 1,234; 'chinese' for 三万. */
  script: 'arabic' | 'chinese';
}

const MAGNITUDE_AT = /万亿|十万|百万|千万|[万亿萬億千百]/y;
/** The first characters of MAGNITUDE_AT's words, by UTF-16 unit. */
const MAGNITUDE_START_UNITS = new Uint8Array(65536);
for (const ch of '万亿萬億千百十') MAGNITUDE_START_UNITS[ch.charCodeAt(0)] = 1;

function isAsciiDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/**
 * Where the Arabic number that starts at `offset` ends, `offset` when none does: what
 * /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y matches there (thousands groups only after one to three
 * digits; 1,2345 is 1,234), read by code unit with no match array.
 */
function arabicNumberEnd(text: string, offset: number): number {
  let end = offset;
  while (isAsciiDigit(text.charCodeAt(end))) end++;
  if (end === offset) return offset;
  if (end - offset <= 3) {
    while (
      text.charCodeAt(end) === 44 &&
      isAsciiDigit(text.charCodeAt(end + 1)) &&
      isAsciiDigit(text.charCodeAt(end + 2)) &&
      isAsciiDigit(text.charCodeAt(end + 3))
    ) {
      end += 4;
    }
  }
  if (text.charCodeAt(end) === 46 && isAsciiDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (isAsciiDigit(text.charCodeAt(end))) end++;
  }
  return end;
}
const CHINESE_AT = new RegExp(`[${CN_NUMERAL_CHARS}]+`, 'y');

/** The run of Chinese numeral characters (一…十, 百, 千, 万, 亿, 两, 零, 〇, 壹…) starting at `offset`, if any. */
export function chineseNumeralRunAt(text: string, offset: number): string | undefined {
  CHINESE_AT.lastIndex = offset;
  return CHINESE_AT.exec(text)?.[0];
}

/**
 * Reads the number that starts at `offset` in `text` (already half-width), with a following magnitude
 * word, or undefined when none starts there.
 */
export function readNumberAt(text: string, offset: number): ReadNumber | undefined {
  const arabicEnd = arabicNumberEnd(text, offset);
  if (arabicEnd > offset) {
    const written = text.slice(offset, arabicEnd);
    const digits = written.includes(',') ? written.replace(/,/g, '') : written;
    let end = arabicEnd;
    let magnitude = 1;
    // the expression is run only where one of its words may start: most numbers have none
    if (MAGNITUDE_START_UNITS[text.charCodeAt(end)]) {
      MAGNITUDE_AT.lastIndex = end;
      const mag = MAGNITUDE_AT.exec(text);
      if (mag) {
        magnitude = magnitudeOf(mag[0]) ?? 1;
        end += mag[0].length;
      }
    }
    const dot = digits.indexOf('.');
    const precision = dot < 0 ? 0 : digits.length - dot - 1;
    return { start: offset, end, value: scale(Number(digits), magnitude, precision), precision, magnitude, script: 'arabic' };
  }
  const chinese = chineseNumeralRunAt(text, offset);
  if (chinese) {
    const value = parseChineseNumeral(chinese);
    if (value === undefined) return undefined;
    return { start: offset, end: offset + chinese.length, value, precision: 0, magnitude: 1, script: 'chinese' };
  }
  return undefined;
}

/** value × magnitude without binary noise (9.9 × 10000 = 99000, not 98999.99999999999). */
export function scale(value: number, magnitude: number, precision: number): number {
  if (magnitude === 1) return value;
  return Number((value * magnitude).toFixed(Math.max(0, precision)));
}
