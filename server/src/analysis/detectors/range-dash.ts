/**
 * range-dash (reported as ocr-confusable): the numeral 一 between two Arabic figures, where OCR misread the
 * dash of a range or a code as the look-alike character: 今年1一10月 for 1—10月, 2021一2025年 for
 * 2021—2025年, 0571一28869017 for 0571-28869017. And the other way: a dash where OCR misread the numeral
 * after 第 (第—次 for 第一次).
 *
 * Chinese numerals never stand between Arabic digits, so 一 there is damage, and the repair is certain:
 * a range dash (—, as GB/T 15834 and statistical bulletins write ranges), or a hyphen inside a telephone
 * number (a 3- or 4-digit area code starting with 0, then 7 or 8 digits). 第 is always followed by a
 * numeral, so a single dash between it and a Han character is certain damage too; both shapes are
 * found without the segmenter.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import type { Finding } from '../types';

/**
 * A figure (Arabic digits after full-width ones are made half-width, a decimal part allowed: 1.5一2.5亿元), 一,
 * Arabic digits; not starting inside a longer figure.
 */
const ONE_BETWEEN_FIGURES = /(?<![\d.])(\d+(?:\.\d+)?)一(\d+)/g;

/**
 * 第, one dash (any of the shapes OCR gives a horizontal stroke: em dash, horizontal bar, box line,
 * full-width or ASCII hyphen, en dash), a Han character: 第—次, 第－批. A doubled dash (第——) is not one.
 */
const DASH_AFTER_DI = /第[—―─－‐‑–-](?=[\u4e00-\u9fff])/g;

/** An area code and a local number: the dash there is a hyphen. */
function isTelephone(before: string, after: string): boolean {
  return /^0\d{2,3}$/.test(before) && /^\d{7,8}$/.test(after);
}

/** A date in figures (2022一01一05, 2022-01一05): its separators are hyphens, not a range's dash. */
const NUMERIC_DATE = /^(?:19|20)\d\d[一\-－]\d{1,2}[一\-－]\d{1,2}(?!\d)/;

function isNumericDate(text: string, start: number, dashAt: number): boolean {
  // the 一 after the year, or the one after the month (…2022-01一05: the match starts at the month)
  return (
    NUMERIC_DATE.test(text.slice(start, start + 11)) ||
    (dashAt - start <= 2 && NUMERIC_DATE.test(text.slice(Math.max(0, start - 5), start + 6)))
  );
}

function detect(ctx: AnalysisContext): Finding[] {
  const text = toHalfWidthDigits(ctx.text);
  const out: Finding[] = [];
  for (const m of text.matchAll(ONE_BETWEEN_FIGURES)) {
    const before = m[1]!;
    const after = m[2]!;
    const at = m.index + before.length;
    const dash = isTelephone(before, after) || isNumericDate(text, m.index, at) ? '-' : '—';
    const written = ctx.text.slice(m.index, m.index + m[0].length);
    const repaired = `${ctx.text.slice(m.index, at)}${dash}${ctx.text.slice(at + 1, m.index + m[0].length)}`;
    out.push({
      code: 'ocr-confusable',
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: msg(
        `“${written}”中两个数字之间的“一”是 OCR 误读的连接号。修复将改为“${repaired}”。`,
        `"${written}" has the numeral 一 between two figures, a dash that OCR misread. The fix changes it to "${repaired}".`,
      ),
      fixes: [
        {
          title: msg(`改为“${repaired}”`, `Change to "${repaired}"`),
          edits: [{ start: at, end: at + 1, newText: dash }],
        },
      ],
      fixAllSafe: true,
    });
  }
  for (const m of ctx.text.matchAll(DASH_AFTER_DI)) {
    const at = m.index + 1;
    const written = ctx.text.slice(m.index, at + 2);
    const repaired = `第一${ctx.text[at + 1]!}`;
    out.push({
      code: 'ocr-confusable',
      severity: 'warning',
      start: m.index,
      end: at + 2,
      message: msg(
        `“${written}”中“第”后的“${ctx.text[at]!}”是 OCR 误读的“一”。修复将改为“${repaired}”。`,
        `"${written}" has a dash after 第 where OCR misread the numeral 一. The fix changes it to "${repaired}".`,
      ),
      fixes: [{ title: msg(`改为“${repaired}”`, `Change to "${repaired}"`), edits: [{ start: at, end: at + 1, newText: '一' }] }],
      fixAllSafe: true,
    });
  }
  return out;
}

export const rangeDash: Detector = {
  id: 'range-dash',
  codes: ['ocr-confusable'],
  description: msg(
    '数字之间被误读为“一”的连接号（1一10月），“第”后被误读为连接号的“一”（第—次）',
    'A dash between figures misread as 一 (1一10月), and 一 after 第 misread as a dash (第—次)',
  ),
  detect,
};
