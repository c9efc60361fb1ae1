/**
 * duplicated-unit: a unit written twice after a figure, as OCR and careless editing leave it:
 * 890余万元元, 12人人次 is not this (人次 is one unit), 890余万\n元元 (the copy sits across a column break).
 * Also doubled: the last unit of a compound unit (586.35亿人公里公里, 5平方米米, 3万人次次, 0.05个百分点点),
 * the magnitude of a figure (300万万元, 3.6亿亿元) and a percent sign (40.5％％). The text is read in its
 * simplified view, so 77,650億元元 is found as 77,650亿元元.
 *
 * Only a repetition right after a figure is flagged, and never when the second copy starts a word of its
 * own (10家家庭, 3个个体户, 5人人均, 10亿元元宇宙): reduplication is ordinary Chinese, a doubled unit after a
 * number is not. A measure word after a lone 一 is reduplicated on purpose (一条条生产线, 一个个项目), and so is
 * 万万 after anything but digits (万万不可).
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import type { Finding } from '../types';

/** Units that are checked for doubling (the scan takes the longest that matches, so 万元 wins over 元). */
const UNITS = [
  '个百分点',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '千瓦时',
  '万元',
  '亿元',
  '人次',
  '架次',
  '人公里',
  '吨公里',
  '公里',
  '公顷',
  '千米',
  '千瓦',
  '小时',
  '学时',
  '课时',
  '元',
  '米',
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
  '％',
  '‰',
];

/**
 * Units that end a compound unit but are not scanned for on their own: 时 after a figure is mostly a clock
 * time (10时30分), and 时 is too common a character to look up at every occurrence for that; 百分点 and 点
 * end 个百分点 (0.05个百分点点), and 点 alone after a figure is a clock time or a decimal point read out.
 */
const TAIL_ONLY_UNITS = ['时', '百分点', '点'];

/**
 * A unit and the units its compound ends with, longest first (人公里 → 公里, 平方米 → 米, 万元 → 元,
 * 个百分点 → 百分点 and 点), which OCR doubles too.
 */
interface Unit {
  readonly text: string;
  readonly tails: readonly string[];
}

/** The proper suffixes of `unit` that are units themselves, longest first: what a doubled ending of it repeats. */
function tailsOf(unit: string): string[] {
  const tails: string[] = [];
  for (let k = 1; k < unit.length; k++) {
    const suffix = unit.slice(k);
    if (UNITS.includes(suffix) || TAIL_ONLY_UNITS.includes(suffix)) tails.push(suffix);
  }
  return tails;
}

/**
 * UNITS by first code unit, longest first, so most positions are passed over at once (by code unit: making
 * a one-character string of every position cost more than the lookup).
 */
const UNITS_BY_FIRST = new Map<number, Unit[]>();
/** 1 for each code unit that begins a unit: most characters begin none, and a typed-array read is far cheaper than a Map lookup. */
const BEGINS_UNIT = new Uint8Array(65536);
for (const text of [...UNITS].sort((a, b) => b.length - a.length)) {
  const first = text.charCodeAt(0);
  UNITS_BY_FIRST.set(first, [...(UNITS_BY_FIRST.get(first) ?? []), { text, tails: tailsOf(text) }]);
  BEGINS_UNIT[first] = 1;
}

/** 万 and 亿, the magnitudes of a figure: doubled after digits (300万万元) they are damage, elsewhere an adverb (万万不可). */
const MAGNITUDE_WAN = 0x4e07;
const MAGNITUDE_YI = 0x4ebf;

/**
 * The (longest) unit that starts at `at`. A plain loop, not `find` with an arrow: a closure over the scan's
 * loop variable makes V8 allocate a fresh context for every character of the text (16 MB per MB scanned).
 */
function unitAt(text: string, at: number): Unit | undefined {
  const units = UNITS_BY_FIRST.get(text.charCodeAt(at));
  if (units) for (const unit of units) if (text.startsWith(unit.text, at)) return unit;
  return undefined;
}

/** Space, tab, ideographic space and line breaks: what may stand between a unit and its copy. */
function isGapUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d || c === 0x0a;
}

/** Where the copy of a unit ending at `from` may start: past a column break or stray spaces, at most 4 units of them. */
function afterGap(text: string, from: number): number {
  let j = from;
  while (j < text.length && isGapUnit(text.charCodeAt(j)) && j - from < 4) j++;
  return j;
}

/**
 * Words that begin with a unit character and so make a doubled-looking pair legitimate (家家庭 → 家 + 家庭,
 * 10亿元元宇宙 → 10亿元 + 元宇宙). Checked with the segmenter too: its dictionary lacks some (元宇宙), and
 * without it this list is all there is.
 */
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
  '户均',
  '户主',
  '户型',
  '户外',
  '亩均',
  '亩产',
  '吨位',
  '台风',
  '台阶',
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
  '元宇宙',
  '元素',
  '元旦',
  '元器件',
  '元件',
  '元年',
  '元月',
  '元首',
  '元老',
  '元帅',
  '元气',
  '元宵',
  '元凶',
  '元勋',
  '元代',
  '元朝',
  '元数据',
  '米面',
  '米粮',
  '时间',
  '时段',
  '时期',
  '时代',
  '时候',
  '时刻',
  '时限',
  '时效',
  '时长',
  '时节',
  '座谈',
  '份额',
  '间隔',
  '年度',
  '届时',
  '点评',
  '点击',
  '点名',
  '点赞',
  '点亮',
  '点燃',
  '点位',
];

/** A figure (digits or Chinese numerals, then 余/多 and a magnitude) ending where a unit begins. */
const FIGURE_BEFORE = /[0-9０-９一二三四五六七八九十百千万亿两]\s*(?:余|多)?\s*(?:[万亿千百])?\s*$/;
/** A blank line: a figure before one ends the paragraph before, it does not count what follows (4\n\n种种迹象). */
const BLANK_LINE = /\n[^\S\n]*\n|\r[^\S\r]*\r/;
/** Numerals that make a 一 part of a longer figure (十一, 1一): 一 alone before a measure word reduplicates it (一条条). */
const NUMERAL = /[0-9０-９一二三四五六七八九十百千万亿两零〇]/;

/** Whether a figure ends at `at` (a unit of the same paragraph follows it), other than the 一 of 一条条, 一个个. */
function figureEndsAt(text: string, at: number): boolean {
  const figure = FIGURE_BEFORE.exec(text.slice(Math.max(0, at - 12), at));
  if (!figure || BLANK_LINE.test(figure[0])) return false;
  return !(figure[0] === '一' && !NUMERAL.test(text.charAt(at - 2)));
}

/** Whether digits, then perhaps 余 or 多, end at `at`: the figure a doubled magnitude follows (300万万元, 3.6亿亿元). */
function digitsEndAt(text: string, at: number): boolean {
  let k = at - 1;
  const c = text.charCodeAt(k);
  if (c === 0x4f59 /* 余 */ || c === 0x591a /* 多 */) k--;
  const d = text.charCodeAt(k);
  return (d >= 0x30 && d <= 0x39) || (d >= 0xff10 && d <= 0xff19);
}

function findings(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  // units and numerals are read in simplified characters (億元 as 亿元); offsets are the same in both
  const simplified = ctx.simplifiedText;
  const out: Finding[] = [];
  for (let i = 0; i < simplified.length; i++) {
    const c = simplified.charCodeAt(i);
    if (!BEGINS_UNIT[c]) continue;
    if (c === MAGNITUDE_WAN || c === MAGNITUDE_YI) {
      const j = afterGap(simplified, i + 1);
      if (simplified.charCodeAt(j) === c && digitsEndAt(simplified, i)) {
        out.push(doubledMagnitude(text, i, j));
        // the second copy may begin a unit that is doubled too (300万万元元)
        i = j - 1;
        continue;
      }
    }
    const unit = unitAt(simplified, i);
    if (!unit) continue;
    // the copy may sit after a line break or stray spaces (a column break)
    const j = afterGap(simplified, i + unit.text.length);
    // the whole unit doubled, or a unit it ends with (人公里公里, 万元元, 个百分点点)
    const copy = simplified.startsWith(unit.text, j) ? unit.text : doubledTail(simplified, unit, j);
    // on no repeat, move one unit on
    if (copy === undefined) continue;
    // the figure test first: it is cheap and most repeats (人人, 个个) follow no figure; the figure stands
    // before the whole unit (586.35亿 before 人公里公里)
    if (figureEndsAt(simplified, i) && !startsWord(ctx, simplified, j, copy))
      out.push(doubledUnit(text, i + unit.text.length - copy.length, j, copy));
    i = j + copy.length - 1;
  }
  return out;
}

/** The first unit that `unit` ends with written again at `j` (a plain loop: see unitAt). */
function doubledTail(text: string, unit: Unit, j: number): string | undefined {
  for (const tail of unit.tails) if (text.startsWith(tail, j)) return tail;
  return undefined;
}

/**
 * The finding for the unit `copy` at `first` written again at `j`. A doubled end of a compound unit is
 * reported as that end doubled (人公里公里 as 公里公里; 万元元 as 元元, as it always was),
 * so that findings silenced by their text stay silenced.
 */
function doubledUnit(text: string, first: number, j: number, copy: string): Finding {
  // named as written (億元元 says 元), though matched in simplified characters
  const written = text.slice(j, j + copy.length);
  return {
    code: 'duplicated-unit',
    severity: 'warning',
    start: first,
    end: j + copy.length,
    message: msg(
      `单位“${written}”重复出现，疑为录入或识别错误。修复将删去多余的“${written}”。`,
      `The unit "${written}" is written twice after a figure. The fix removes the extra copy.`,
    ),
    fixes: [
      {
        title: msg(`删除重复的“${written}”`, `Remove the repeated "${written}"`),
        edits: [{ start: j, end: j + copy.length, newText: '' }],
      },
    ],
    fixAllSafe: true,
  };
}

/** The finding for a magnitude (万, 亿) at `i` written again at `j`, after digits. */
function doubledMagnitude(text: string, i: number, j: number): Finding {
  const written = text.charAt(j);
  return {
    code: 'duplicated-unit',
    severity: 'warning',
    start: i,
    end: j + 1,
    message: msg(
      `数字后的“${written}”重复出现，疑为录入或识别错误。修复将删去多余的“${written}”。`,
      `"${written}" is written twice after a figure. The fix removes the extra copy.`,
    ),
    fixes: [{ title: msg(`删除重复的“${written}”`, `Remove the repeated "${written}"`), edits: [{ start: j, end: j + 1, newText: '' }] }],
    fixAllSafe: true,
  };
}

/**
 * Whether the second copy begins a word (家家庭 → 家 + 家庭, 元元宇宙 → 元 + 元宇宙), from the list or, with the
 * segmenter, its words. A longer unit starting there is no such word: 万人人次 is 万人次 with a 人 too many.
 */
function startsWord(ctx: AnalysisContext, simplified: string, at: number, copy: string): boolean {
  const longer = unitAt(simplified, at);
  if (longer !== undefined && longer.text.length > copy.length) return false;
  const after = simplified.slice(at, at + copy.length + 3);
  return WORDS_STARTING_WITH_UNIT.some((w) => after.startsWith(w)) || startsSegmentedWord(ctx, at, copy);
}

/** With the segmenter: whether the second copy is the start of a longer word (家庭, 人均, 元旦). */
function startsSegmentedWord(ctx: AnalysisContext, at: number, copy: string): boolean {
  if (copy.length > 1) return false;
  const word = ctx.wordAt(at);
  return word !== undefined && word.start === at && word.end - word.start > copy.length && word.word !== copy + copy;
}

export const duplicatedUnit: Detector = {
  id: 'duplicated-unit',
  codes: ['duplicated-unit'],
  description: msg('重复的计量单位（万元元）', 'A unit repeated after a figure (万元元)'),
  detect: findings,
};
