/**
 * ratio-mismatch: "X…，其中Y…，占Z%" where Y/X is not Z% within rounding.
 *
 *   技能人才达到375万人,其中高技能人才102.5万人,占技能人才总数的27.3%   102.5万/375万 = 27.33%: silent
 *   技能人才达到375万人,其中高技能人才102.5万人,占技能人才总数的35%     → 102.5万/375万 = 27.33% ≠ 35%
 *
 * The part Y is the last count before 占 in the same sentence that is not the old value of a comparison
 * (比2010年的61万名). The whole X is, when 占 names it (占技能人才总数的, 占专业点总数), the nearest earlier
 * figure of the same unit whose label contains that name, even paragraphs back (开办专业点414个); when it
 * does not (占比31.7%), the nearest earlier count of the same unit in the sentence that has no share of its
 * own (a sibling part: 其中A…占x%；B…占y%), and a mismatch is then only information, since the text leaves
 * the whole to the reader.
 *
 * Each figure is an interval (375万 is 374.5万–375.5万, 超过168万 is 168万–169万); the stated percentage
 * may be rounded or truncated at its precision. Only a ratio whose whole interval misses it is reported.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import {
  EPSILON,
  crossesBreak,
  figuresOf,
  formatNumber,
  isAdditive,
  isComparisonBase,
  isLaterListItem,
  labelBefore,
  figuresFinding,
  sameFamily,
  sentenceStart,
  statedInterval,
  type CompactText,
  type Figure,
} from '../figures';
import { msg } from '../l10n';
import type { Finding } from '../types';

/** 占…的 before a percentage: group 1 is the named whole, if any (技能人才 of 占技能人才总数的). */
/** Words for "the total" that follow the name of the whole (技能人才总数, 专业点数量). */
const TOTAL_WORDS = '总数|总量|总额|总值|总人数|总和|总体|总规模';
const SHARE_LEAD = new RegExp(
  `占(?:比|比重|比例)?(?:(.{1,16}?)(?:${TOTAL_WORDS}|人数|数量|比重|比例)?的?(?:比重|比例)?)?(?:为|是|已达|达到|达|约|近|超过|突破|逾)?$`,
);
/** What is left of a captured name once an aside and the total's words are dropped. */
const AFTER_WHOLE = new RegExp(`(?:${TOTAL_WORDS}|人数|数量)?的?(?:比重|比例)?$`);
const NO_WHOLE = new RegExp(`^(?:${TOTAL_WORDS}|总|其|全部|整体)?$`);
/** The verb before the figure, which the optional name may swallow: 占比达到55% names no whole. */
const VERB_BEFORE_FIGURE = /(?:为|是|已达|达到|达|约|近|超过|突破|逾)$/;

/** How far back a named whole may be looked for (compact units): a few paragraphs of a news feature. */
const MAX_WHOLE_LOOKBACK = 2500;
/** How far before 占 the part may be (compact units). */
const MAX_PART_DISTANCE = 80;

/** A whole wider than the text's own (占全国的, 占全球总量的): looked for by that name, never taken from context. */
const WIDER_SCOPE = /^(?:全国|全球|世界|全世界|全省|全市|全区|全县)$/;

/** Modifiers that do not belong to the name of the whole: 全市技能人才 is 技能人才. */
const SCOPE = /^(?:全国|全省|全市|全区|全县|全校|我国|我省|我市|该市|本市|全)/;

function detect(ctx: AnalysisContext): Finding[] {
  const { compact, figures } = figuresOf(ctx);
  const text = compact.text;
  const out: Finding[] = [];
  for (let k = 0; k < figures.length; k++) {
    const share = figures[k]!;
    if (share.kind !== 'percent') continue;
    const previous = figures[k - 1];
    const leadFrom = Math.max(previous?.cEnd ?? 0, sentenceStart(text, share.cStart), share.cStart - 30);
    const lead = text.slice(leadFrom, share.cStart);
    // 占全省地区生产总值82553亿元的13.0%: the whole stated inside the 占 phrase
    const stated = statedWhole(text, figures, k);
    if (stated) {
      const { whole, zhan } = stated;
      const partIndex = findPart(compact, figures, k - 1, zhan);
      if (partIndex >= 0 && sameFamily(figures[partIndex]!, whole) && whole.lo > 0) {
        const finding = judge(compact, share, figures[partIndex]!, whole, true);
        if (finding) out.push(finding);
      }
      continue;
    }
    const m = SHARE_LEAD.exec(lead);
    if (!m) {
      const finding = URBANISATION_RATE.test(lead) ? urbanisation(compact, figures, k) : namedRate(compact, figures, k, lead);
      if (finding) out.push(finding);
      continue;
    }
    const zhan = leadFrom + m.index;
    if (RESPECTIVELY.test(text.slice(Math.max(0, zhan - 2), zhan))) {
      // 男性4800人，女性5200人，分别占48%和52%: shares of the parts in turn
      k = respectiveShares(compact, figures, k, zhan, wholeName(m[1]), out);
      continue;
    }
    // 稻谷产量占粮食总产量的比重: a part the text names but gives no figure of (a sum of the figures before
    // it) is not the last count before 占
    const namedPartIndex = namedPart(text, figures, k, zhan);
    if (namedPartIndex === undefined && namesNoFigure(text, figures, k, zhan)) continue;
    const partIndex = namedPartIndex ?? findPart(compact, figures, k, zhan);
    if (partIndex < 0) continue;
    const part = figures[partIndex]!;
    const named = wholeName(m[1]);
    const whole = named ? findNamedWhole(compact, figures, partIndex, named) : findUnnamedWhole(compact, figures, partIndex);
    if (!whole || whole.lo <= 0) continue;
    const finding = judge(compact, share, part, whole, named !== '');
    if (finding) out.push(finding);
  }
  return out;
}

/** The name of the whole without scope words; '' when 占 only says "the total" (占总数的, 占全市的). */
function wholeName(captured: string | undefined): string {
  // 占常住人口比重（常住人口城镇化率）为: an aside in brackets names the share, not the whole
  const unscoped = (captured ?? '')
    .replace(/[（(][^（()）]*[）)]$/, '')
    .replace(VERB_BEFORE_FIGURE, '')
    .replace(AFTER_WHOLE, '');
  // 占全国总量的2.1%: the nation's total, a whole a provincial text need not state; it is named 全国
  if (WIDER_SCOPE.test(unscoped)) return unscoped;
  const name = unscoped.replace(SCOPE, '');
  return NO_WHOLE.test(name) ? '' : name;
}

/** Between a whole stated inside the 占 phrase and its share: 的, 的比重为. */
const AFTER_STATED_WHOLE = /^的(?:比重|比例)?(?:为|是|达到|达|约)?$/;
/** Before it: 占 and the whole's name (占全省地区生产总值). */
const ZHAN_BEFORE_STATED_WHOLE = /占[^，,；;。、\d]{0,16}$/;

/** The whole of `…占<name><whole>的<share>` (the figure before the share) and where its 占 stands. */
function statedWhole(text: string, figures: readonly Figure[], shareIndex: number): { whole: Figure; zhan: number } | undefined {
  const whole = figures[shareIndex - 1];
  if (!whole || !isAdditive(whole) || !AFTER_STATED_WHOLE.test(text.slice(whole.cEnd, figures[shareIndex]!.cStart))) return undefined;
  const from = Math.max(0, whole.cStart - 20);
  const m = ZHAN_BEFORE_STATED_WHOLE.exec(text.slice(from, whole.cStart));
  return m ? { whole, zhan: from + m.index } : undefined;
}

/** 常住人口城镇化率为64.06%: the share of the urban population, which bulletins state without 占. */
const URBANISATION_RATE = /城镇化率(?:为|达到|达|是)?$/;
/** How far back the two populations may be stated (compact units): the same paragraph of a bulletin. */
const MAX_POPULATION_LOOKBACK = 200;

/**
 * 常住人口936.0万人，其中城镇常住人口599.6万人，常住人口城镇化率为66.04%: the rate is the urban population
 * over the whole one, both stated just before it (人口 in their labels, 城镇 in the urban one's only).
 */
function urbanisation(compact: CompactText, figures: readonly Figure[], rateIndex: number): Finding | undefined {
  const text = compact.text;
  const rate = figures[rateIndex]!;
  let urban: Figure | undefined;
  let whole: Figure | undefined;
  for (let j = rateIndex - 1; j >= 0 && !(urban && whole); j--) {
    const f = figures[j]!;
    if (rate.cStart - f.cEnd > MAX_POPULATION_LOOKBACK) break;
    if (f.family !== '人' || isComparisonBase(text, f)) continue;
    // the label after the figure before it: 城镇人口780万人、农村人口420万人 gives 420万 the label 农村人口
    const label = labelBefore(text, f).replace(/^.*、/, '');
    if (!/人口/.test(label)) continue;
    if (/城镇/.test(label)) urban ??= f;
    else if (!/乡村|农村|户籍|出生|死亡|流动/.test(label) && urban) whole ??= f;
  }
  if (!urban || !whole || !(whole.lo > 0)) return undefined;
  return judge(compact, rate, urban, whole, true);
}

/** A rate named by what it counts: 整改率, 网上可办率 (group 1: 整改, 网上可办). */
const NAMED_RATE = /([\u4e00-\u9fff]{2,4})率(?:为|是|达到|达)?$/;

/**
 * 排查隐患4.52万项，已整改4.47万项，整改率89.9%: a rate named by an action is the count of that action over
 * the count before it in the sentence. The part's label must hold every character of the rate's name
 * (已整改 for 整改, 可网上办理的 for 网上可办); the whole is the text's reading, so a mismatch is information.
 */
function namedRate(compact: CompactText, figures: readonly Figure[], rateIndex: number, lead: string): Finding | undefined {
  const name = NAMED_RATE.exec(lead)?.[1];
  if (!name) return undefined;
  const text = compact.text;
  const rate = figures[rateIndex]!;
  const from = sentenceStart(text, rate.cStart);
  const part = figures[rateIndex - 1];
  if (!part || part.cStart < from || !isAdditive(part) || isComparisonBase(text, part)) return undefined;
  // only a clause mark between the part and the rate's name: 已整改4.47万项，整改率
  if (!/^[，,；;]?$/.test(text.slice(part.cEnd, rate.cStart - lead.length + lead.lastIndexOf(name)))) return undefined;
  const label = labelBefore(text, part);
  if (![...name].every((c) => label.includes(c))) return undefined;
  // 不合格78批次，合格率…: the part is the rate's complement, not what it counts
  if (label.includes(`不${name}`) || label.includes(`未${name}`)) return undefined;
  const whole = figures[rateIndex - 2];
  if (!whole || whole.cStart < from || !sameFamily(whole, part) || !isAdditive(whole) || isComparisonBase(text, whole)) return undefined;
  if (!canHold(whole, part) || !(whole.lo > 0)) return undefined;
  return judge(compact, rate, part, whole, false);
}

/** 分别占, 依次占: the shares that follow are those of the parts before, in order. */
const RESPECTIVELY = /(?:分别|依次)$/;
/** Separators between the shares of one 分别占 list. */
const SHARE_LIST_SEPARATOR = /^(?:、|，|,|和|及|与|以及)$/;

/**
 * 其中男性4800人，女性5200人，分别占48%和52%: pairs each share of the list starting at `first` with the
 * part in the same place among the counts before 分别, and judges each against the named whole (分别占已就业
 * 毕业生的…). Without a named whole the text leaves it to the parts' sum, which shares-sum checks: silent.
 * Returns the index of the list's last share, so the caller goes on after it.
 */
function respectiveShares(
  compact: CompactText,
  figures: readonly Figure[],
  first: number,
  zhan: number,
  named: string,
  out: Finding[],
): number {
  const text = compact.text;
  let last = first;
  while (figures[last + 1]?.kind === 'percent' && SHARE_LIST_SEPARATOR.test(text.slice(figures[last]!.cEnd, figures[last + 1]!.cStart)))
    last++;
  const count = last - first + 1;
  const from = sentenceStart(text, zhan);
  const parts: number[] = [];
  for (let j = first - 1; j >= 0 && parts.length < count; j--) {
    const f = figures[j]!;
    if (f.cStart < from) break;
    if (f.cEnd > zhan || !isAdditive(f) || isComparisonBase(text, f)) continue;
    parts.unshift(j);
  }
  if (!named || parts.length < count || parts.some((j) => !sameFamily(figures[j]!, figures[parts[0]!]!))) return last;
  const whole = findNamedWhole(compact, figures, parts[0]!, named);
  if (!whole || whole.lo <= 0) return last;
  for (let i = 0; i < count; i++) {
    const finding = judge(compact, figures[first + i]!, figures[parts[i]!]!, whole, true);
    if (finding) out.push(finding);
  }
  return last;
}

/**
 * 其中省内转移1520.6万人、省外输出1137.7万人，省内转移占比57.2%: 占 right after a name gives the part by
 * that name, not the last count before it. The index of the figure the name labels, or undefined.
 */
function namedPart(text: string, figures: readonly Figure[], shareIndex: number, zhan: number): number | undefined {
  const name = NAME_BEFORE_ZHAN.exec(text.slice(Math.max(0, zhan - 12), zhan))?.[0];
  if (!name) return undefined;
  const from = Math.max(0, sentenceStart(text, zhan) - 1);
  for (let j = shareIndex - 1; j >= 0; j--) {
    const f = figures[j]!;
    if (f.cStart < from) return undefined;
    if (f.cEnd > zhan || !isAdditive(f)) continue;
    if (labelBefore(text, f).replace(SCOPE, '').endsWith(name)) return j;
  }
  return undefined;
}

/**
 * Whether the name right before 占 is of something the figures before do not count: no figure of the
 * sentence has a label holding it (稻谷产量 after 早稻…、中稻…、晚稻产量…).
 */
function namesNoFigure(text: string, figures: readonly Figure[], shareIndex: number, zhan: number): boolean {
  const name = NAME_BEFORE_ZHAN.exec(text.slice(Math.max(0, zhan - 12), zhan))?.[0];
  if (!name || name.length < 3) return false;
  const from = sentenceStart(text, zhan);
  for (let j = shareIndex - 1; j >= 0 && figures[j]!.cStart >= from; j--) {
    if (labelBefore(text, figures[j]!).includes(name.slice(0, 2))) return false;
  }
  return true;
}

/** The name right before 占 (省内转移占比): two to eight Han characters after a clause mark. */
const NAME_BEFORE_ZHAN = /(?<=[，,；;。、])[\u4e00-\u9fff]{2,8}$/;

/** The last count before 占 in the sentence, skipping comparison bases, percentages and multiples. */
function findPart(compact: CompactText, figures: readonly Figure[], shareIndex: number, zhan: number): number {
  const text = compact.text;
  const from = Math.max(sentenceStart(text, zhan), zhan - MAX_PART_DISTANCE);
  for (let j = shareIndex - 1; j >= 0; j--) {
    const f = figures[j]!;
    if (f.cStart < from) return -1;
    if (f.cEnd > zhan) continue;
    if (!isAdditive(f) || isComparisonBase(text, f)) continue;
    // 144平方米以上住宅成交占14.3%: a bound that names a category, not a count of it
    if (isCategoryBound(text, f)) return -1;
    return j;
  }
  return -1;
}

/** A bound that makes a figure part of a category's name when a noun follows: 90平方米以下住宅, 144平方米以上住宅. */
const BOUND = /(?:及)?以[上下内]$/;

/** Whether a figure is a bound naming a category (90平方米以下住宅, 90至144平方米住宅), not a count. */
function isCategoryBound(text: string, f: Figure): boolean {
  const after = text.slice(f.cEnd, f.cEnd + 3);
  const bound =
    BOUND.test(text.slice(Math.max(f.cStart, f.cEnd - 3), f.cEnd)) ||
    /^(?:及)?以[上下内]/.test(after) ||
    /[0-9](?:至|到|~|～|—|-)$/.test(text.slice(Math.max(0, f.cStart - 2), f.cStart));
  const rest = after.replace(/^(?:及)?以[上下内]/, '');
  return bound && /^[\u4e00-\u9fff]/.test(rest) && !/^[的为是占达]/.test(rest);
}

/** The nearest earlier figure of the part's unit whose label names the whole (开办专业点414个 for 专业点). */
function findNamedWhole(compact: CompactText, figures: readonly Figure[], partIndex: number, name: string): Figure | undefined {
  const text = compact.text;
  const part = figures[partIndex]!;
  if (name.length < 2) return undefined;
  let smaller: Figure | undefined;
  for (let j = partIndex - 1; j >= 0; j--) {
    const f = figures[j]!;
    if (part.cStart - f.cStart > MAX_WHOLE_LOOKBACK) break;
    if (!sameFamily(f, part) || isComparisonBase(text, f)) continue;
    // the whole's name may open a long clause (一般公共预算收入由上年的62.0亿元增加到72.5亿元)
    const label = labelBefore(text, f, 40);
    const at = label.lastIndexOf(name);
    // 出口 is not the 出口 of 进出口 (imports and exports together)
    if (at > 0 && COMPOUND_BEFORE[name] === label[at - 1]) continue;
    // 人均地区生产总值98562元 is a figure per head, not the 地区生产总值 a share of it is taken of
    if (at < 0 || PER_UNIT.test(label.slice(0, at))) continue;
    if (canHold(f, part)) return f;
    smaller ??= f;
  }
  return smaller;
}

/** A character that makes a whole's name part of a longer one: 进 before 出口 (进出口). */
const COMPOUND_BEFORE: Record<string, string> = { 出口: '进', 出口总额: '进', 出口额: '进' };

/** A label ending in these before the whole's name makes a figure per person, household or unit. */
const PER_UNIT = /(?:人均|户均|亩均|均|每[^，,；;]{0,3})$/;

/**
 * Whether `whole` can be the whole `part` is a share of: not smaller than the part. A "whole" below its part
 * is more often another figure that carries the name (an earlier year's, one region's) than a total that
 * lost a digit: one that can hold the part is looked for first, and the smaller one used only if none is found.
 */
function canHold(whole: Figure, part: Figure): boolean {
  return whole.hi >= part.lo;
}

/** 530万人…高技能人才超过168万名…占比31.7%: the nearest earlier count of the same unit in the sentence. */
function findUnnamedWhole(compact: CompactText, figures: readonly Figure[], partIndex: number): Figure | undefined {
  const text = compact.text;
  const part = figures[partIndex]!;
  const ownSentence = sentenceStart(text, part.cStart);
  let from = ownSentence;
  // 总诊疗人次4.86亿人次。其中：医院2.18亿人次（占43.8%）: a sentence opening with 其中 breaks down the one before
  if (OPENS_BREAKDOWN.test(text.slice(from, from + 3)) && from > 0 && !crossesBreak(compact, from - 1, from))
    from = sentenceStart(text, from - 1);
  for (let j = partIndex - 1; j >= 0; j--) {
    const f = figures[j]!;
    if (f.cStart < from) return undefined;
    if (!isAdditive(f) || isComparisonBase(text, f)) continue;
    // 其中男生1500人、女生1365人，占47.6%: an item of the part's own list is its sibling, not its whole;
    // so is one closing a clause of a list (…水污染702件；噪声污染486件，占16.7%)
    if (text[f.cEnd] === '、' || text[f.cEnd] === '；' || text[f.cEnd] === ';') continue;
    // 其中省外游客3200万人次，占比37.2%；入境游客…: a figure with a share of its own is another part of the
    // same whole, not the whole; so is …486件，占16.79/6 (a share OCR left unreadable) and 出口4012.6亿元，
    // 增长11.3%，占… (a share after its growth, before the clause's ；)
    if (hasShareInItsClauses(text, figures, j, part.cStart)) continue;
    // in the sentence before, only a total: not one item of a list (…、东北地区70个。其中…), not below the part
    if (f.cStart < ownSentence && (isLaterListItem(text, figures, j) || !canHold(f, part))) return undefined;
    // a different unit in between means the sentence moved on to something else
    return sameFamily(f, part) ? f : undefined;
  }
  return undefined;
}

/**
 * Whether 占 follows the figure at `j` in its own clauses: before the next ；or 。, before `limit`, and
 * before any other count (a growth rate may stand between: 出口4012.6亿元，增长11.3%，占…).
 */
function hasShareInItsClauses(text: string, figures: readonly Figure[], j: number, limit: number): boolean {
  const from = figures[j]!.cEnd;
  let next = j + 1;
  for (let i = from; i < limit && i - from < 40; i++) {
    while (figures[next] && figures[next]!.cEnd <= i) next++;
    const f = figures[next];
    if (f && f.cStart <= i && isAdditive(f)) return false;
    const c = text[i];
    if (c === '；' || c === ';' || c === '。') return false;
    if (c === '占') return true;
  }
  return false;
}

/** What opens a sentence that breaks down the total of the sentence before. */
const OPENS_BREAKDOWN = /^其中[：:，,]?/;

function judge(compact: CompactText, share: Figure, part: Figure, whole: Figure, named: boolean): Finding | undefined {
  const lo = (part.lo / whole.hi) * 100;
  const hi = (part.hi / whole.lo) * 100;
  const stated = statedInterval(share);
  if (hi >= stated.lo - EPSILON && lo <= stated.hi + EPSILON) return undefined;

  const actual = (part.value / whole.value) * 100;
  const decimals = Math.max(2, share.precision + 1);
  const equation = `${part.numberText}/${whole.numberText} = ${formatNumber(actual, decimals)}% ≠ ${share.numberText}%`;
  const approx = [part, whole].some((f) => f.approx !== undefined);
  const range = approx
    ? msg(
        `（按约数可在 ${formatNumber(lo, decimals)}%–${formatNumber(hi, decimals)}% 之间）`,
        ` (${formatNumber(lo, decimals)}%–${formatNumber(hi, decimals)}% allowing for the approximate wording)`,
      )
    : msg('', '');
  // a whole found by its name in the same paragraph is certain; one taken from context or from far back is not
  const certain = named && !crossesBreak(compact, whole.cEnd, share.cStart);
  return figuresFinding(
    compact,
    'ratio-mismatch',
    certain ? 'warning' : 'information',
    msg(`所述比例与数字不符：${equation}${range.zh}。`, `The stated share does not match the figures: ${equation}${range.en}.`),
    share,
    [
      { figure: part, message: msg('部分', 'The part') },
      { figure: whole, message: msg('总数', 'The whole') },
    ],
  );
}

export const ratioMismatch: Detector = {
  id: 'ratio-mismatch',
  codes: ['ratio-mismatch'],
  description: msg('“其中…占…%”的比例与数字不符', 'A stated share (其中…占…%) that does not match its figures'),
  detect,
};
