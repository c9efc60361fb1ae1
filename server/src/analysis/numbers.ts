/**
 * Reading numerals as they appear in Chinese policy texts: Arabic (with thousands separators),
 * full-width (１９９７), Chinese (十四, 三万, 两千五百, 一百零八) and mixed (9.9万, 1.5亿, 10.6万).
 * Pure functions over strings; offsets are UTF-16 units.
 */

/** Full-width digits, percent sign and full stop: each is its ASCII twin plus 0xFEE0. */
const FULLWIDTH_FIGURE_UNIT = /[\uFF05\uFF0E\uFF10-\uFF19]/;
const FULLWIDTH_FIGURE_UNITS = /[\uFF05\uFF0E\uFF10-\uFF19]/g;

/**
 * The last text converted and its conversion: the recognizers and detectors of one analysis each ask for
 * the same text (eight whole-text passes of three replacements each, about 0.1 s per 10 MB, before this).
 */
let lastText: string | undefined;
let lastHalfWidth = '';

/** Converts full-width digits, dot and percent to ASCII, one unit for one unit (offsets survive). */
export function toHalfWidthDigits(text: string): string {
  if (text === lastText) return lastHalfWidth;
  const half = FULLWIDTH_FIGURE_UNIT.test(text)
    ? text.replace(FULLWIDTH_FIGURE_UNITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : text;
  lastText = text;
  lastHalfWidth = half;
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

/**
 * CN_DIGITS, CN_SMALL_UNITS and CN_BIG_UNITS by UTF-16 unit (every key is one unit): parseChineseNumeral
 * runs on every numeral of a text, and spread strings and `in` tests cost more than the reading.
 */
const CN_DIGIT_OF = new Int8Array(65536).fill(-1);
const CN_SMALL_UNIT_OF = new Uint16Array(65536);
const CN_BIG_UNIT_OF = new Uint32Array(65536);
for (const [ch, digit] of Object.entries(CN_DIGITS)) CN_DIGIT_OF[ch.charCodeAt(0)] = digit;
for (const [ch, unit] of Object.entries(CN_SMALL_UNITS)) CN_SMALL_UNIT_OF[ch.charCodeAt(0)] = unit;
for (const [ch, unit] of Object.entries(CN_BIG_UNITS)) CN_BIG_UNIT_OF[ch.charCodeAt(0)] = unit;

/** Most digits whose value as an integer is exact (below 2^53), so summing them equals Number() of them. */
const MAX_EXACT_DIGITS = 15;

/**
 * Value of a Chinese numeral (十四 → 14, 两千五百 → 2500, 一百零八 → 108, 三万 → 30000), or undefined.
 * Digit-by-digit forms (二〇二〇 → 2020) are read as written digits.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let hasUnit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (CN_DIGIT_OF[c]! >= 0) continue;
    if (!CN_SMALL_UNIT_OF[c] && !CN_BIG_UNIT_OF[c]) return undefined;
    hasUnit = true;
  }
  if (!hasUnit) {
    // 二〇二〇 is a digit string; a single digit is itself
    if (text.length <= MAX_EXACT_DIGITS) {
      let value = 0;
      for (let i = 0; i < text.length; i++) value = value * 10 + CN_DIGIT_OF[text.charCodeAt(i)]!;
      return value;
    }
    let digits = '';
    for (let i = 0; i < text.length; i++) digits += CN_DIGIT_OF[text.charCodeAt(i)]!;
    return Number(digits);
  }
  let total = 0;
  let section = 0;
  /** The digit read since the last unit, -1 when none. */
  let digit = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const small = CN_SMALL_UNIT_OF[c]!;
    if (CN_DIGIT_OF[c]! >= 0) {
      digit = CN_DIGIT_OF[c]!;
    } else if (small) {
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
    } else {
      section += digit < 0 ? 0 : digit;
      total = (total + section) * CN_BIG_UNIT_OF[c]!;
      section = 0;
      digit = -1;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
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

const ARABIC_AT = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const MAGNITUDE_AT = /万亿|十万|百万|千万|[万亿萬億千百]/y;
const CHINESE_AT = new RegExp(`[${CN_NUMERAL_CHARS}]+`, 'y');

/**
 * Reads the number that starts at `offset` in `text` (already half-width), with a following magnitude
 * word, or undefined when none starts there.
 */
export function readNumberAt(text: string, offset: number): ReadNumber | undefined {
  ARABIC_AT.lastIndex = offset;
  const arabic = ARABIC_AT.exec(text);
  if (arabic) {
    // most numbers have no thousands separator: no replacement pass for them
    const digits = arabic[0].includes(',') ? arabic[0].replace(/,/g, '') : arabic[0];
    let end = offset + arabic[0].length;
    let magnitude = 1;
    MAGNITUDE_AT.lastIndex = end;
    const mag = MAGNITUDE_AT.exec(text);
    if (mag) {
      magnitude = magnitudeOf(mag[0]) ?? 1;
      end += mag[0].length;
    }
    const dot = digits.indexOf('.');
    const precision = dot < 0 ? 0 : digits.length - dot - 1;
    return { start: offset, end, value: scale(Number(digits), magnitude, precision), precision, magnitude, script: 'arabic' };
  }
  CHINESE_AT.lastIndex = offset;
  const chinese = CHINESE_AT.exec(text);
  if (chinese) {
    const value = parseChineseNumeral(chinese[0]);
    if (value === undefined) return undefined;
    return { start: offset, end: offset + chinese[0].length, value, precision: 0, magnitude: 1, script: 'chinese' };
  }
  return undefined;
}

/** value × magnitude without binary noise (9.9 × 10000 = 99000, not 98999.99999999999). */
export function scale(value: number, magnitude: number, precision: number): number {
  if (magnitude === 1) return value;
  return Number((value * magnitude).toFixed(Math.max(0, precision)));
}
