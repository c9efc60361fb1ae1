/**
 * Dates and years (type `date`): 2020年, 2021年12月31日, 2022-01-05, 2020—2023年, 2018-2019学年度,
 * 二〇二〇年, 二〇二三年五月八日, 3月12日, 五月八日. Recognized first so that later recognizers never read a
 * year as a count.
 */
import type { AnalysisContext } from '../context';
import type { EntityRecognizer } from '../detector';
import { msg } from '../l10n';
import { parseChineseNumeral, toHalfWidthDigits } from '../numbers';
import { stickyMatches, unitTable } from '../text';
import type { DateEntity } from '../types';

const DASH = '[-—–～~至到]';
const YEAR = '(?<![\\d.])(1[89]\\d\\d|20\\d\\d)';
/** A year in Chinese digits; ○ (a white circle) is how many documents type 〇. */
const CN_YEAR = '([一二三四五六七八九〇○零]{4})';
/** A month in Chinese numerals, 元月 being January: 一 to 九, 十, 十一, 十二. */
const CN_MONTH = '(十[一二]?|[元一二三四五六七八九])';
/** A day of the month in Chinese numerals, 一 to 三十一. */
const CN_DAY = '(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';

// One alternation, tried left to right at each position; the longest forms come first.
export const DATE_PATTERN = new RegExp(
  [
    `${YEAR}\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?`, // 2021年12月31日, 2021年12月
    `${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, // 2022-01-05
    `${YEAR}\\s*${DASH}\\s*${YEAR}\\s*(?:学?年度?|年)`, // 2020—2023年, 2018-2019学年度
    `${YEAR}\\s*(?:学?年度|年)(?!代)`, // 2020年, 2019学年度 (not 2020年代... which is still a year but a decade)
    `${CN_YEAR}年(?:${CN_MONTH}月(?:${CN_DAY}[日号])?)?`, // 二〇二〇年, 二〇二三年五月, 二〇二三年五月八日
    `(?<![\\d.])(\\d{1,2})月(\\d{1,2})[日号]`, // 3月12日
    // 五月八日 (not the end of a longer numeral: 二十五月 is no month)
    `(?<![一二三四五六七八九十〇○零百千])${CN_MONTH}月${CN_DAY}[日号]`,
  ].join('|'),
  'y',
);

/**
 * Units a date can start with (ASCII digits, once full-width ones are made half-width; the Chinese numerals
 * of years, months and days): the pattern is tried only there, since tried at every position its leading
 * lookbehinds cost more than the whole rest of the recognizer.
 */
export const DATE_START = unitTable('0123456789一二三四五六七八九〇○零十元');

function recognize(ctx: AnalysisContext): DateEntity[] {
  const text = toHalfWidthDigits(ctx.text);
  const out: DateEntity[] = [];
  for (const m of stickyMatches(text, DATE_PATTERN, DATE_START)) {
    const start = m.index;
    const end = start + m[0].length;
    const base = { type: 'date' as const, start, end, text: ctx.text.slice(start, end) };
    if (m[1]) out.push({ ...base, year: +m[1], month: +m[2]!, ...(m[3] ? { day: +m[3] } : {}) });
    else if (m[4]) out.push({ ...base, year: +m[4], month: +m[5]!, day: +m[6]! });
    else if (m[7]) out.push({ ...base, year: +m[7], toYear: +m[8]! });
    else if (m[9]) out.push({ ...base, year: +m[9] });
    else if (m[10]) {
      const year = parseChineseNumeral(m[10].replaceAll('○', '〇'));
      if (year === undefined || year < 1800 || year > 2199) continue;
      if (!m[11]) out.push({ ...base, year });
      else out.push({ ...base, year, month: chineseMonth(m[11]), ...(m[12] ? { day: parseChineseNumeral(m[12])! } : {}) });
    } else if (m[13]) {
      const month = +m[13];
      const day = +m[14]!;
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push({ ...base, month, day });
    } else if (m[15]) out.push({ ...base, month: chineseMonth(m[15]), day: parseChineseNumeral(m[16]!)! });
  }
  return out.filter(
    (d) => (d.month === undefined || (d.month >= 1 && d.month <= 12)) && (d.day === undefined || (d.day >= 1 && d.day <= 31)),
  );
}

/** 五 → 5, 十二 → 12; 元月 is January. */
function chineseMonth(numeral: string): number {
  return numeral === '元' ? 1 : parseChineseNumeral(numeral)!;
}

export const dateRecognizer: EntityRecognizer = {
  id: 'date',
  description: msg('年份与日期', 'Years and dates'),
  recognize,
};
