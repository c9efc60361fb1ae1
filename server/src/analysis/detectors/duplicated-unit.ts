/**
 * duplicated-unit: a unit written twice after a figure, as OCR and careless editing leave it:
 * 890余万元元, 12人人次 is not this (人次 is one unit), 890余万\n元元 (the copy sits across a column break).
 *
 * Only a repetition right after a figure is flagged, and never when the second copy starts a word of its
 * own (10家家庭, 3个个体户, 5人人均): reduplication is ordinary Chinese, a doubled unit after a number is not.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import type { Finding } from '../types';

/** Units that are checked for doubling, longest first so 万元 wins over 元. */
const UNITS = [
  '平方公里',
  '平方米',
  '万元',
  '亿元',
  '人次',
  '架次',
  '公里',
  '公顷',
  '千米',
  '学时',
  '课时',
  '元',
  '人',
  '个',
  '件',
  '项',
  '名',
  '所',
  '家',
  '次',
  '亩',
  '吨',
  '台',
  '套',
  '篇',
  '部',
  '册',
  '期',
  '届',
  '份',
  '间',
  '座',
  '条',
  '户',
  '位',
  '支',
  '批',
  '处',
  '场',
  '种',
  '门',
  '岁',
  '天',
  '%',
];

/**
 * UNITS by first code unit, in the same order (longest first), so most positions are passed over at once
 * (by code unit: making a one-character string of every position cost more than the lookup).
 */
const UNITS_BY_FIRST = new Map<number, string[]>();
/** 1 for each code unit that begins a unit: most characters begin none, and a typed-array read is far cheaper than a Map lookup. */
const BEGINS_UNIT = new Uint8Array(65536);
for (const unit of UNITS) {
  const first = unit.charCodeAt(0);
  UNITS_BY_FIRST.set(first, [...(UNITS_BY_FIRST.get(first) ?? []), unit]);
  BEGINS_UNIT[first] = 1;
}

/**
 * The (longest) unit that starts at `at`. A plain loop, not `find` with an arrow: a closure over the scan's
 * loop variable makes V8 allocate a fresh context for every character of the text (16 MB per MB scanned).
 */
function unitAt(text: string, at: number): string | undefined {
  for (const unit of UNITS_BY_FIRST.get(text.charCodeAt(at)) ?? []) if (text.startsWith(unit, at)) return unit;
  return undefined;
}

/** Space, tab, ideographic space and line breaks: what may stand between a unit and its copy. */
function isGapUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d || c === 0x0a;
}

/** Words that begin with a unit character and so make a doubled-looking pair legitimate (家家庭 → 家 + 家庭). */
const WORDS_STARTING_WITH_UNIT = [
  '个体',
  '个人',
  '个案',
  '个性',
  '个别',
  '家庭',
  '家长',
  '家族',
  '家乡',
  '家园',
  '家居',
  '家电',
  '人均',
  '人员',
  '人才',
  '人口',
  '人民',
  '人力',
  '人工',
  '人物',
  '人数',
  '人群',
  '人们',
  '人文',
  '人身',
  '次数',
  '次序',
  '次要',
  '名单',
  '名额',
  '名称',
  '名誉',
  '名师',
  '名校',
  '所有',
  '所在',
  '所属',
  '所以',
  '所得',
  '件数',
  '项目',
  '期间',
  '期末',
  '期限',
  '期待',
  '期望',
  '条件',
  '条例',
  '条款',
  '户籍',
  '户口',
  '位置',
  '位于',
  '支持',
  '支付',
  '支出',
  '支撑',
  '批准',
  '批次',
  '处理',
  '处于',
  '场所',
  '场地',
  '场景',
  '种类',
  '种植',
  '门类',
  '门槛',
  '天然',
  '台账',
  '套餐',
  '部门',
  '部分',
  '部署',
  '元素',
  '元旦',
  '座谈',
  '份额',
  '间隔',
  '年度',
  '届时',
];

const FIGURE_BEFORE = /[0-9０-９一二三四五六七八九十百千万亿两]\s*(?:余|多)?\s*(?:[万亿千百])?\s*$/;

function findings(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const out: Finding[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!BEGINS_UNIT[text.charCodeAt(i)]) continue;
    const unit = unitAt(text, i);
    if (!unit) continue;
    // the copy may sit after a line break or stray spaces (a column break)
    let j = i + unit.length;
    while (j < text.length && isGapUnit(text.charCodeAt(j)) && j - (i + unit.length) < 4) j++;
    // on no repeat, move one unit on: 万元元 must still be seen as 元 + 元
    if (!text.startsWith(unit, j)) continue;
    const before = text.slice(Math.max(0, i - 12), i);
    const after = text.slice(j, j + unit.length + 2);
    // the figure test first: it is cheap and most repeats (人人, 个个) follow no figure
    if (FIGURE_BEFORE.test(before) && !startsWord(ctx, after, j, unit)) {
      out.push({
        code: 'duplicated-unit',
        severity: 'warning',
        start: i,
        end: j + unit.length,
        message: msg(
          `单位“${unit}”重复出现，疑为录入或识别错误。修复将删去多余的“${unit}”。`,
          `The unit "${unit}" is written twice after a figure. The fix removes the extra copy.`,
        ),
        fixes: [
          { title: msg(`删除重复的“${unit}”`, `Remove the repeated "${unit}"`), edits: [{ start: j, end: j + unit.length, newText: '' }] },
        ],
        fixAllSafe: true,
      });
    }
    i = j + unit.length - 1;
  }
  return out;
}

/** Whether the second copy begins a word (家家庭 → 家 + 家庭), from the list or, with the segmenter, its words. */
function startsWord(ctx: AnalysisContext, after: string, at: number, unit: string): boolean {
  return WORDS_STARTING_WITH_UNIT.some((w) => after.startsWith(w)) || startsSegmentedWord(ctx, at, unit);
}

/** With the segmenter: whether the second copy is the start of a longer word (家庭, 人均). */
function startsSegmentedWord(ctx: AnalysisContext, at: number, unit: string): boolean {
  if (unit.length > 1) return false;
  const word = ctx.wordAt(at);
  return word !== undefined && word.start === at && word.end - word.start > unit.length && word.word !== unit + unit;
}

export const duplicatedUnit: Detector = {
  id: 'duplicated-unit',
  codes: ['duplicated-unit'],
  description: msg('重复的计量单位（万元元）', 'A unit repeated after a figure (万元元)'),
  detect: findings,
};
