/**
 * Dates and years (type `date`): 2020年, 2021年12月31日, 2022-01-05, 2020—2023年, 2018-2019学年度,
 * 二〇二〇年, 3月12日. Recognized first so that later recognizers never read a year as a count.
 */
import type { AnalysisContext } from '../context';
import type { EntityRecognizer } from '../detector';
import { msg } from '../l10n';
import { parseChineseNumeral, toHalfWidthDigits } from '../numbers';
import type { DateEntity } from '../types';

const DASH = '[-—–～~至到]';
const YEAR = '(?<![\\d.])(1[89]\\d\\d|20\\d\\d)';
const CN_YEAR = '([一二三四五六七八九〇零]{4})';

// One alternation, tried left to right at each position; the longest forms come first.
const PATTERN = new RegExp(
  [
    `${YEAR}\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?`, // 2021年12月31日, 2021年12月
    `${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, // 2022-01-05
    `${YEAR}\\s*${DASH}\\s*${YEAR}\\s*(?:学?年度?|年)`, // 2020—2023年, 2018-2019学年度
    `${YEAR}\\s*(?:学?年度|年)(?!代)`, // 2020年, 2019学年度 (not 2020年代... which is still a year but a decade)
    `${CN_YEAR}年`, // 二〇二〇年
    `(?<![\\d.])(\\d{1,2})月(\\d{1,2})[日号]`, // 3月12日
  ].join('|'),
  'g',
);

function recognize(ctx: AnalysisContext): DateEntity[] {
  const text = toHalfWidthDigits(ctx.text);
  const out: DateEntity[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    const base = { type: 'date' as const, start, end, text: ctx.text.slice(start, end) };
    if (m[1]) out.push({ ...base, year: +m[1], month: +m[2]!, ...(m[3] ? { day: +m[3] } : {}) });
    else if (m[4]) out.push({ ...base, year: +m[4], month: +m[5]!, day: +m[6]! });
    else if (m[7]) out.push({ ...base, year: +m[7], toYear: +m[8]! });
    else if (m[9]) out.push({ ...base, year: +m[9] });
    else if (m[10]) {
      const year = parseChineseNumeral(m[10]);
      if (year !== undefined && year >= 1800 && year <= 2199) out.push({ ...base, year });
    } else if (m[11]) {
      const month = +m[11];
      const day = +m[12]!;
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push({ ...base, month, day });
    }
  }
  return out.filter(
    (d) => (d.month === undefined || (d.month >= 1 && d.month <= 12)) && (d.day === undefined || (d.day >= 1 && d.day <= 31)),
  );
}

export const dateRecognizer: EntityRecognizer = {
  id: 'date',
  description: msg('年份与日期', 'Years and dates'),
  recognize,
};
