/**
 * letter-for-digit: a Latin letter that OCR read for a digit inside a figure, as scanned pages do with the
 * shapes they share: 2O20年, 1O%, 共有l2所, 3.l万人, 6B% (O and o for 0, l and I for 1, B for 8, S for 5).
 * The repair writes the digit, full-width in a figure of full-width digits.
 *
 * Letters stand next to digits legitimately in codes and names (5G, O2O, ISO9001, PM2.5, COVID-19, 1080P),
 * so a run of digits and confusable letters counts only when
 * - no other Latin letter touches it (ISO9001, iOS, 1080P are words or codes), and
 * - it does not begin and end with a letter (O2O), and
 * - every confusable letter in it either sits between two digits (1O0, 2O21) or, at the run's edge, the
 *   run is a figure by what follows: a unit the metric recognizer reads (个, 所, 万人, %, 年...) or 月, 日,
 *   号 (l20个, 1O%, 12l所).
 * A letter between digits is certainly damage (warning, fixed by fix-all); an edge letter is as likely
 * but the reader should look (warning, not in fix-all).
 *
 * A year in Chinese numerals (二〇二三年, the form of dates in older documents and signatures) loses its 〇
 * the same way: 二O二三年, 二0二三年. Written with the circle ○ (U+25CB), as typists often do, it is no
 * OCR damage but the same repair (information). 零 is a style, left alone.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { unitAfterFigure } from '../entities/metric';
import { unitTable } from '../text';
import type { Finding } from '../types';

/** The letters OCR reads for digits, and the digit each stands for (full-width forms included). */
const DIGIT_FOR_LETTER: Record<string, string> = {
  O: '0',
  o: '0',
  Ｏ: '0',
  ｏ: '0',
  l: '1',
  I: '1',
  ｌ: '1',
  Ｉ: '1',
  // the rounder shapes scanned at low resolution: 6B% for 68%, 5S个 for 55个 (4S店, 5G, B2B stay: see above)
  B: '8',
  Ｂ: '8',
  S: '5',
  Ｓ: '5',
};

/** The letters added for rounder shapes, which also label things (1B号楼, B1层). */
const ROUND_LETTERS = new Set(['B', 'Ｂ', 'S', 'Ｓ']);
/** What follows a road's number: S205省道, G1501高速, X012县道. */
const ROAD_AFTER = /^(?:省道|国道|县道|乡道|高速|线)/;
/** What a label of a building, floor, seat or line is followed by. */
const LABEL_AFTER = /[号座栋幢层楼室区线型级门期]/;

/** Full-width digits by half-width digit: a figure written in full-width digits keeps them (２Ｏ２３ → ２０２３). */
const FULL_WIDTH_DIGIT: Record<string, string> = Object.fromEntries([...'0123456789'].map((d, i) => [d, String.fromCharCode(0xff10 + i)]));

/** Date words that follow a figure without being units (2O20年 is one: 年 is a unit): 1O月, 3O日, 2O号. */
const DATE_WORDS = /^[月日号]/;

/** 1 for the code units of DIGIT_FOR_LETTER's letters: the scan reads code units, not one-character strings. */
const LETTER_UNITS = unitTable(Object.keys(DIGIT_FOR_LETTER).join(''));

function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
}

function isLatinLetter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-zＡ-Ｚａ-ｚ]/.test(c);
}

function isRunUnit(c: string | undefined): boolean {
  return c !== undefined && (isDigit(c) || c in DIGIT_FOR_LETTER || c === '.' || c === '．');
}

function detect(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const out: Finding[] = [];
  for (let i = 0; i < text.length; i++) {
    // only runs that hold a confusable letter: most text has none, and digits alone are left to others
    if (!LETTER_UNITS[text.charCodeAt(i)]) continue;
    let start = i;
    while (start > 0 && isRunUnit(text[start - 1])) start--;
    let end = i + 1;
    while (end < text.length && isRunUnit(text[end])) end++;
    i = end - 1;
    const run = text.slice(start, end);
    if (![...run].some(isDigit)) continue;
    if (isLatinLetter(text[start - 1]) || isLatinLetter(text[end])) continue;
    // a run may not begin or end with a point (…2.O is a sentence, not a figure), nor be wrapped in
    // letters (O2O, I2I are names)
    if (/^[.．]|[.．]$/.test(run)) continue;
    if (run[0]! in DIGIT_FOR_LETTER && run[run.length - 1]! in DIGIT_FOR_LETTER) continue;
    // a road's number (S205省道, G1501高速): its letter is its class
    if (run[0]! in DIGIT_FOR_LETTER && ROAD_AFTER.test(text.slice(end, end + 2))) continue;
    // 3B05室, 1B2号楼: a round letter in a room's or building's label, between digits or not, is the label's
    if ([...run].some((c) => ROUND_LETTERS.has(c)) && LABEL_AFTER.test(text.slice(end, end + 1))) continue;
    const unitAfter = unitAfterFigure(text, end) !== undefined;
    const followedByUnit = unitAfter || DATE_WORDS.test(text.slice(end, end + 1));
    // B and S end names of buildings, floors and lines as well (1B号楼, 3B座, S1线): at an edge they need a
    // unit that counts or measures
    const quantityAfter = unitAfter && !LABEL_AFTER.test(text.slice(end, end + 1));
    let certain = true;
    let readable = true;
    for (let k = 0; k < run.length; k++) {
      if (!(run[k]! in DIGIT_FOR_LETTER)) continue;
      const between =
        isRunUnit(run[k - 1]) && isRunUnit(run[k + 1]) && !(run[k - 1]! in DIGIT_FOR_LETTER && run[k + 1]! in DIGIT_FOR_LETTER);
      if (!between) certain = false;
      if (!between && !(ROUND_LETTERS.has(run[k]!) ? quantityAfter : followedByUnit)) readable = false;
    }
    if (!readable) continue;
    const fullWidth = /[０-９]/.test(run) || (!/[0-9]/.test(run) && /[Ａ-Ｚａ-ｚ]/.test(run));
    const figure = [...run]
      .map((c) => {
        const digit = DIGIT_FOR_LETTER[c];
        return digit === undefined ? c : fullWidth ? FULL_WIDTH_DIGIT[digit]! : digit;
      })
      .join('');
    out.push({
      code: 'letter-for-digit',
      severity: 'warning',
      start,
      end,
      message: msg(
        `“${run}”中的字母应为数字，疑为 OCR 把形近的数字识别成了字母。修复将改为“${figure}”。`,
        `"${run}" has a letter where a digit belongs, a digit OCR read as a look-alike letter. The fix changes it to "${figure}".`,
      ),
      fixes: [{ title: msg(`改为“${figure}”`, `Change to "${figure}"`), edits: [{ start, end, newText: figure }] }],
      fixAllSafe: certain,
    });
  }
  out.push(...chineseYears(text));
  return out;
}

/** The characters of a year in Chinese numerals, and the look-alikes of 〇 (O, 0, ○...). */
const YEAR_UNITS = unitTable('一二三四五六七八九〇零○OoＯｏ0０');
const ZERO_LOOK_ALIKES = /[○OoＯｏ0０]/g;

/** Four Chinese numerals before 年, one or more of them a look-alike of 〇: found from each 年. */
function chineseYears(text: string): Finding[] {
  const out: Finding[] = [];
  for (let nian = text.indexOf('年', 4); nian >= 0; nian = text.indexOf('年', nian + 1)) {
    const start = nian - 4;
    if (YEAR_UNITS[text.charCodeAt(start - 1)]) continue;
    let all = true;
    for (let i = start; i < nian && all; i++) all = YEAR_UNITS[text.charCodeAt(i)] === 1;
    if (!all) continue;
    const year = text.slice(start, nian);
    // a year in Chinese numerals starts 一 or 二 and has two real numerals at least (not 2020, not OOO一)
    if (!/^[一二]/.test(year) || (year.match(/[一二三四五六七八九]/g) ?? []).length < 2) continue;
    const wrong = year.match(ZERO_LOOK_ALIKES);
    if (!wrong) continue;
    const fixed = year.replace(ZERO_LOOK_ALIKES, '〇');
    const typed = wrong.every((c) => c === '○');
    out.push({
      code: 'letter-for-digit',
      severity: typed ? 'information' : 'warning',
      start,
      end: nian,
      message: typed
        ? msg(
            `年份“${year}年”中的“○”是圆圈符号，数字零应写作“〇”。修复将改为“${fixed}”。`,
            `The year "${year}年" is written with the circle sign ○ where the numeral 〇 belongs. The fix changes it to "${fixed}".`,
          )
        : msg(
            `年份“${year}年”中的“${wrong.join('')}”应为汉字数字“〇”，疑为 OCR 误识。修复将改为“${fixed}”。`,
            `The year "${year}年" has "${wrong.join('')}" where the numeral 〇 belongs, an OCR misreading. The fix changes it to "${fixed}".`,
          ),
      fixes: [{ title: msg(`改为“${fixed}”`, `Change to "${fixed}"`), edits: [{ start, end: nian, newText: fixed }] }],
      fixAllSafe: !typed,
    });
  }
  return out;
}

export const letterForDigit: Detector = {
  id: 'letter-for-digit',
  codes: ['letter-for-digit'],
  description: msg('数字中被误识为字母的数字（2O20年、l20个）', 'A digit misread as a letter inside a figure (2O20年, l20个)'),
  detect,
};
