/**
 * garbled-figure: a number that cannot be read as one figure where it stands, such as 共获得6727优胜
 * (several counts fused: 6金7银2铜7优胜 or the like). No repair can be derived, so it is only flagged;
 * except a decimal point read as a comma (6148,2亿元), which is repaired (see decimalCommas).
 *
 * The signal: a verb of counting or obtaining (获得, 共, 累计, 达到…) is followed by a bare integer and
 * then by a word that is not a measure word or unit. Chinese needs a measure word between a count and its
 * noun (6727个 / 6727项), so a noun right after the number means the figure lost its structure. Codes
 * that are read as names (12345热线, 985高校, 5G) are not counted: they follow no counting verb, or are
 * followed by Latin letters. With the segmenter, a following word tagged as a measure word or numeral is
 * also accepted. A guess, hence information severity.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import { unitAfterFigure } from '../entities/metric';
import type { Finding } from '../types';

/** Words after which a count follows. */
const COUNTING_VERBS = [
  '获得',
  '取得',
  '荣获',
  '斩获',
  '摘得',
  '夺得',
  '累计',
  '共计',
  '合计',
  '总计',
  '达到',
  '共有',
  '拥有',
  '新增',
  '培养',
  '共',
];

/**
 * Characters that may follow a count: measure words, units, magnitudes, approximators (余/多/来), and
 * characters that start a unit (平方米, 公里, 小时, 亿元...). Broad on purpose: a miss is cheap, a false
 * alarm is not.
 */
const MEASURE_START = new Set(
  [
    '个件项名位人次元角分万亿千百十所家条座台套辆架艘只头匹株棵亩顷公米里斤吨克升度册本部篇期届批轮场门种类份户间栋层处',
    '支队组对双张把根块片枚颗粒封幅首笔单宗起番遍回道环站岗款卷年月日天周时秒号岁倍等级星档型版集章节页行字点强佳例',
    '余多来几平立千小毫厘微兆美欧英港澳台港币吉瓦伏焦帕秒码尺寸斗升桶箱包袋瓶罐盒盘碗杯锅车船机床班届期轮拨波季代任',
    '线网户校院园区县乡镇村省市国',
  ].join(''),
);

/** Words that follow a number used as a name or code (12345热线, 985工程, 3D打印 is Latin and skipped anyway). */
const CODE_NAMES = ['热线', '工程', '计划', '专线', '平台', '号码', '系列', '高校', '院校', '模式', '战略', '体系'];

const BARE_COUNT = new RegExp(`(${COUNTING_VERBS.join('|')})(\\d{2,})(?![\\d.,%％])`, 'g');

function detect(ctx: AnalysisContext): Finding[] {
  const text = toHalfWidthDigits(ctx.text);
  const out: Finding[] = [];
  for (const m of text.matchAll(BARE_COUNT)) {
    const numberStart = m.index + m[1]!.length;
    const numberEnd = numberStart + m[2]!.length;
    const next = text[numberEnd] ?? '';
    // only a Han word right after the number is suspicious (Latin letters make codes: 5G, 4A)
    if (!/[\u4e00-\u9fff]/.test(next) || MEASURE_START.has(next)) continue;
    if (CODE_NAMES.some((name) => text.startsWith(name, numberEnd))) continue;
    const word = followingWord(ctx, numberEnd);
    if (word.accepted) continue;
    out.push({
      code: 'garbled-figure',
      severity: 'information',
      start: numberStart,
      end: numberEnd + word.length,
      message: msg(
        `“${ctx.text.slice(m.index, numberEnd + word.length)}”：数字“${m[2]}”后直接跟名词、缺少量词，疑为几个数字粘连或识别错误，请对照原文核对。无法自动修复。`,
        `"${ctx.text.slice(m.index, numberEnd + word.length)}": the number ${m[2]} is followed by a noun without a measure word; several figures may have run together. Check it against the source; there is no automatic fix.`,
      ),
      fixes: [],
    });
  }
  out.push(...twoDecimalPoints(text));
  out.push(...decimalCommas(text));
  return out;
}

/**
 * A decimal point read as a comma (一般债务6148,2亿元, 约1,1万人次): a thousands separator is followed by
 * three digits, so one or two digits and a unit after a comma are a decimal part. The repair writes the
 * point; 第1,2条 (a list of ordinals) and 1,2,3 (a list of numbers) are left alone.
 */
const DECIMAL_COMMA = /(?<![\d.,，A-Za-z第])(\d{1,7}),(\d{1,2})(?![\d,])/g;

function decimalCommas(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(DECIMAL_COMMA)) {
    const end = m.index + m[0].length;
    if (!unitAfterFigure(text, end)) continue;
    const comma = m.index + m[1]!.length;
    const repaired = `${m[1]}.${m[2]}`;
    out.push({
      code: 'garbled-figure',
      severity: 'warning',
      start: m.index,
      end,
      message: msg(
        `“${m[0]}”中逗号后只有${m[2]!.length}位数字，不是千位分隔符，疑为小数点识别成了逗号。修复将改为“${repaired}”。`,
        `"${m[0]}" has ${m[2]!.length === 1 ? 'one digit' : 'two digits'} after its comma, so the comma is no thousands separator: a decimal point read as a comma. The fix changes it to "${repaired}".`,
      ),
      fixes: [{ title: msg(`改为“${repaired}”`, `Change to "${repaired}"`), edits: [{ start: comma, end: comma + 1, newText: '.' }] }],
      fixAllSafe: true,
    });
  }
  return out;
}

/**
 * A figure with two decimal points before its unit (接待游客1.0.2亿人次): a point too many, or two figures
 * run together; no reading is certain. Version numbers (V1.2.3, 2.0.1版), dates (2023.10.15) and section
 * numbers at a line's start are not figures with a unit, and are left alone.
 */
const TWO_POINTS = /(?<![\d.A-Za-z])\d{1,6}\.\d{1,6}\.\d{1,6}(?![\d.])/g;

function twoDecimalPoints(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(TWO_POINTS)) {
    const end = m.index + m[0].length;
    if (!unitAfterFigure(text, end) || /^(?:19|20)\d\d\./.test(m[0])) continue;
    // 第5.5.17条, 第3.2.1款: a standard's clause number, not a figure
    if (text[m.index - 1] === '第' || /^[条款节项章]/.test(text.slice(end, end + 1))) continue;
    out.push({
      code: 'garbled-figure',
      severity: 'warning',
      start: m.index,
      end,
      message: msg(
        `“${m[0]}”有两个小数点，不能读作一个数：多了一个小数点，或两个数粘连在一起，请对照原文核对。无法自动修复。`,
        `"${m[0]}" has two decimal points and cannot be read as one figure: a point too many, or two figures run together. Check it against the source; there is no automatic fix.`,
      ),
      fixes: [],
    });
  }
  return out;
}

/** The word after the number (by the segmenter when loaded, else up to four Han characters). */
function followingWord(ctx: AnalysisContext, at: number): { length: number; accepted: boolean } {
  const segmenter = ctx.segmenter;
  const window = ctx.text.slice(at, at + 12);
  if (segmenter) {
    const [first] = segmenter.tag(window);
    if (first) {
      const tag = first.tag;
      // a measure word (q), numeral (m) or time word (t) can follow a count
      return { length: first.word.length, accepted: tag === 'q' || tag === 'm' || tag === 't' || tag === 'mq' };
    }
  }
  const han = /^[\u4e00-\u9fff]{1,4}/.exec(window)?.[0] ?? '';
  return { length: Math.min(2, han.length), accepted: false };
}

export const garbledFigure: Detector = {
  id: 'garbled-figure',
  codes: ['garbled-figure'],
  description: msg('无法读作一个数字的数（6727优胜）', 'A number that cannot be read as one figure (6727优胜)'),
  detect,
};
