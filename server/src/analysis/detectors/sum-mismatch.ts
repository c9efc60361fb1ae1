/**
 * sum-mismatch: a total followed by its breakdown whose parts do not add up to it.
 *
 *   建成大师工作室20个(国家级4个、省部级10个、市级2个、公司级5个)   → 4+10+2+5 = 21 ≠ 20
 *   共有院校51所，其中技师学院20所、高级技工学校15所、技工学校10所   → 20+15+10 = 45 ≠ 51
 *   共有院校51所，其中技师学院、高级技工学校分别为20所、35所          → 20+35 = 55 ≠ 51
 *   共有学生1000人，其中女生1200人                                     → 1200 > 1000
 *   新建学校3所、改扩建学校5所，合计10所                                → 3+5 = 8 ≠ 10
 *
 * A breakdown in brackets, or after 其中/分别 with two or more parts of the total's unit, is taken as
 * exhaustive; a list ending in 等 or a single part after 其中 is not, and is only checked for exceeding the
 * total. Every figure is an interval (375万 is 374.5万–375.5万, 20余个 is 20–30), so rounding and
 * approximate wording never make a mismatch; only sums whose whole interval misses the total's are reported.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import {
  EPSILON,
  commonMagnitude,
  figuresOf,
  firstFigureAtOrAfter,
  formatNumber,
  isAdditive,
  afterUnitTail,
  isComparisonBase,
  isLaterListItem,
  clauseStart,
  labelBefore,
  COMPLEMENTS,
  coveredGroup,
  crossesBreak,
  figuresFinding,
  readItemList,
  sameFamily,
  sentenceStart,
  sumInterval,
  type CompactText,
  type Figure,
  type ListItem,
} from '../figures';
import { msg } from '../l10n';
import { unitTable } from '../text';
import type { Finding, Severity } from '../types';

/**
 * What opens a breakdown that names every part in a bulletin, so that it is exhaustive: by the three
 * industries (分产业看，第一产业增加值…；第二产业…；第三产业…, or 其中，第一产业增加值…), by town and country
 * (分城乡看，城镇消费品零售额…；乡村…) or by region (分区域看，东部地区…；中部…；西部…；东北…). Not by trade
 * or by kind of ownership, which bulletins give for a few notable ones.
 */
const BY_INDUSTRY =
  /^(?:分产业看|分三次产业看|按产业分|按三次产业分|分三次产业|分城乡看|按城乡分|分区域看|分地区看|按区域分|其中(?=[，,：:]?第一产业))[，,：:]?/;
/** What may follow a part before the next one: its growth (，增长3.8%, ，比上年下降1.2%). */
const GROWTH_TAIL = /^[，,](?:比上年|比去年|较上年|同比)?(?:增长|下降|增加|减少|提高|回落)[^；;。]*?$/;

/**
 * 全年地区生产总值4860.2亿元，比上年增长5.6%。分产业看，第一产业增加值312.5亿元，增长3.8%；第二产业增加值
 * 2015.3亿元，增长6.1%；第三产业增加值2532.4亿元，增长5.4%。: the parts are the figures of the total's unit
 * after the opener, each followed only by its growth, up to the end of that sentence.
 */
function industryBreakdown(compact: CompactText, figures: readonly Figure[], k: number, at: number | undefined): Breakdown | undefined {
  if (at === undefined) return undefined;
  const total = figures[k]!;
  const text = compact.text;
  const opener = BY_INDUSTRY.exec(text.slice(at, at + 12));
  if (!opener) return undefined;
  const stop = text.indexOf('。', at);
  const end = stop < 0 ? text.length : stop;
  const parts: Figure[] = [];
  let pos = at + opener[0].length;
  for (let j = firstFigureAtOrAfter(figures, pos); j < figures.length && figures[j]!.cStart < end; j++) {
    const f = figures[j]!;
    if (f.kind === 'percent' || isComparisonBase(text, f) || !isAdditive(f)) continue;
    // 第一产业增加值312.5亿元，其中农业增加值200.1亿元: a part of a part
    if (text.startsWith('其中', clauseStart(text, f.cStart))) {
      pos = f.cEnd;
      continue;
    }
    if (!sameFamily(f, total)) return undefined;
    // between two parts only a separator and the previous part's growth (，增长3.8%；)
    const between = text.slice(pos, clauseStart(text, f.cStart)).replace(/[；;，,]$/, '');
    if (parts.length > 0 && between !== '' && !GROWTH_TAIL.test(between)) return undefined;
    parts.push(f);
    pos = f.cEnd;
  }
  if (parts.length < 2) return undefined;
  return { total, parts, end: parts[parts.length - 1]!.cEnd, exhaustive: true, form: 'industries' };
}

/**
 * 进出口总值30.8万亿元。其中，出口17.6万亿元，增长10.6%；进口12.3万亿元，增长4.3%: after 其中, clauses whose
 * labels divide the whole between them (出口/进口, 城镇/农村, 男/女: COMPLEMENTS), each a part with perhaps its
 * growth, separated by ；or ，. Every part of the division is named, so they add up to the total.
 */
function complementBreakdown(compact: CompactText, figures: readonly Figure[], k: number, at: number): Breakdown | undefined {
  const total = figures[k]!;
  const text = compact.text;
  const stop = text.indexOf('。', at);
  const end = stop < 0 ? text.length : stop;
  const parts: Figure[] = [];
  const labels: string[] = [];
  let pos = at + 2;
  for (let j = firstFigureAtOrAfter(figures, pos); j < figures.length && figures[j]!.cStart < end; j++) {
    const f = figures[j]!;
    if (f.kind === 'percent' || f.kind === 'percentage-point' || isComparisonBase(text, f)) continue;
    if (!isAdditive(f) || !sameFamily(f, total)) return undefined;
    const clause = clauseStart(text, f.cStart);
    // between two parts only a separator and the previous part's growth (，增长10.6%；)
    const between = text.slice(pos, clause).replace(/[；;，,]$/, '');
    if (parts.length > 0 && between !== '' && !GROWTH_TAIL.test(between)) return undefined;
    parts.push(f);
    labels.push(text.slice(clause, f.cStart).replace(/^其中[，,：:]?/, ''));
    pos = f.cEnd;
  }
  if (parts.length < 2 || !coveredGroup(labels)) return undefined;
  return { total, parts, end: parts[parts.length - 1]!.cEnd, exhaustive: true, form: 'list' };
}

/**
 * What states a total right after its parts: ，合计10所 / ，共计8.5万辆 / ，总共约20个. Not 累计, which
 * adds earlier years (今年新建3所，累计建成100所), nor a total of something else (共惠及学生1000人: another unit).
 */
const TOTAL_AFTER_PARTS = /[，,](?:合计|共计|总计|总共|一共|共有|共)(?:为|是|达到|达|有)?(?:约|近|超过|不少于|不到|逾)?$/;

/** Most items a list before its 合计 is read back over. */
const MAX_PARTS_BEFORE_TOTAL = 12;

/**
 * 新建学校3所、改扩建学校5所，合计10所: the parts come first, each with its label, then the total. The list
 * is the whole clause run before the total's marker: it starts after a clause boundary of the sentence and
 * reaches the marker with nothing but its items in between.
 */
function totalAfterParts(compact: CompactText, figures: readonly Figure[], k: number): Breakdown | undefined {
  const total = figures[k]!;
  const text = compact.text;
  // cheap tests first, this is asked of every figure: a part of the same unit, a comma, then the marker
  const previous = figures[k - 1];
  if (k < 2 || !previous || total.cStart - previous.cEnd > 10 || !/[，,]/.test(text[previous.cEnd] ?? '')) return undefined;
  if (!sameFamily(previous, total)) return undefined;
  const marker = TOTAL_AFTER_PARTS.exec(text.slice(previous.cEnd, total.cStart));
  if (!marker || marker.index !== 0) return undefined;
  const markerStart = previous.cEnd;
  const sentence = sentenceStart(text, markerStart);
  const accept = (f: Figure): boolean => sameFamily(f, total) && !isComparisonBase(text, f);
  // the candidate starts, farthest first: the sentence start and the position after each clause boundary
  const starts = [sentence];
  for (let i = sentence; i < markerStart; i++) if (/[，,：:；;]/.test(text[i]!)) starts.push(i + 1);
  for (const from of starts) {
    // the list reads on into the total itself (its label is the marker): the parts are the items before it
    const read = readItemList(compact, figures, from, { accept, separators: '、，,' }).items;
    const last = read.findIndex((item) => item.figure === previous);
    if (last < 1 || last >= MAX_PARTS_BEFORE_TOTAL) continue;
    const items = read.slice(0, last + 1);
    // after a comma, the next item must run parallel to the one before (男生600人，女生400人); 等 leaves some out
    if (parallelPrefix(text, items).length !== items.length || items.some((item) => /等$/.test(item.label))) return undefined;
    return { total, parts: items.map((i) => i.figure), end: total.cEnd, exhaustive: true, form: 'total-after' };
  }
  return undefined;
}

/** Labels of figures per head, per household or on average: not sums of their kinds. */
const PER_UNIT_LABEL = /人均|户均|亩均|平均|均价|单价/;

/** 以上货值金额合计188,304.00元: a total of what the sentence before listed; group 1 names what is summed. */
const TOTAL_OF_ABOVE = /(?:^|[。；;])以上([\u4e00-\u9fff]{0,10}?)(?:合计|共计|总计|累计)(?:为|人民币|金额)?$/;

/**
 * 第一批次货值金额64,638.00元；第二批次…42,000.00元。以上货值金额合计188,304.00元 (a penalty decision's
 * sums): the parts are the figures of the total's unit in the sentence before, those whose labels end with
 * the name the total gives (货值金额) when any do, else all of them.
 */
function totalOfAbove(compact: CompactText, figures: readonly Figure[], k: number): Breakdown | undefined {
  const total = figures[k]!;
  const text = compact.text;
  const clause = clauseStart(text, total.cStart);
  // asked of every figure: the clause must open with 以上 before anything is sliced
  if (!text.startsWith('以上', clause)) return undefined;
  const m = TOTAL_OF_ABOVE.exec(text.slice(Math.max(0, clause - 1), total.cStart));
  if (!m) return undefined;
  const sentenceEnd = clause - 1;
  if (text[sentenceEnd] !== '。' && text[sentenceEnd] !== '；' && text[sentenceEnd] !== ';') return undefined;
  const from = sentenceStart(text, sentenceEnd);
  const candidates: Figure[] = [];
  for (let j = k - 1; j >= 0 && figures[j]!.cStart >= from; j--) {
    const f = figures[j]!;
    if (sameFamily(f, total) && !isComparisonBase(text, f)) candidates.unshift(f);
  }
  const named = m[1] ? candidates.filter((f) => labelBefore(text, f).endsWith(m[1]!)) : [];
  const parts = named.length >= 2 ? named : candidates;
  if (parts.length < 2) return undefined;
  return { total, parts, end: total.cEnd, exhaustive: true, form: 'total-after' };
}

/** A label for the rest of a breakdown: 其他粮食作物, 其余. */
const OTHERS = /^(?:其他|其它|其余)/;

/** How far after a total its 其中 may come (in compact units): "共有学生1000人，其中". */
const MAX_GAP_TO_QIZHONG = 12;
/** How far, when only figures of another kind stand between them: "招聘活动2150场，提供岗位86.5万个，其中". */
const MAX_GAP_PAST_OTHER_FIGURES = 30;

interface Breakdown {
  total: Figure;
  parts: Figure[];
  /** Compact end of the breakdown (closing bracket or last part). */
  end: number;
  /** Parts listed in brackets or as two or more after 其中/分别, not ending in 等. */
  exhaustive: boolean;
  /**
   * Brackets, a breakdown by the three industries and a total stated after its parts (合计) name every
   * part; a list after 其中 may leave one out.
   */
  form: 'brackets' | 'list' | 'industries' | 'total-after';
  /**
   * Other totals the breakdown may be of: when 其中 opens the next sentence, the figures of the total's
   * kind earlier in its sentence (受理186.42万件，审结171.35万件。其中，受理…): parts that add up to one
   * of them are no mismatch.
   */
  alternatives?: Figure[];
  /** The parts' labels, where the breakdown is a list after 其中. */
  labels?: string[];
}

/**
 * Words of classes that overlap: certifications and ranks of firms (规模以上, 高新技术, 专精特新, 上市…) and
 * groups of people that policy counts separately though one person may be in several (高校毕业生, 农民工,
 * 就业困难人员…).
 */
const OVERLAPPING_CLASS =
  /规模以上|规上|高新技术|专精特新|小巨人|上市|龙头|瞪羚|独角兽|国家级|省级|市级|示范|重点|高校毕业生|大学生|农民工|退役军人|就业困难|脱贫|残疾|失业人员|返乡|青年|妇女|女性/;

/** Whether two or more of a list's labels name classes that may overlap. */
function overlappingClasses(labels: readonly string[]): boolean {
  return labels.filter((label) => OVERLAPPING_CLASS.test(label)).length >= 2;
}

function detect(ctx: AnalysisContext): Finding[] {
  const { compact, figures } = figuresOf(ctx);
  const out: Finding[] = [];
  for (let k = 0; k < figures.length; k++) {
    const total = figures[k]!;
    if (!isAdditive(total)) continue;
    // the clause start, found once for the label and the comparison
    const clause = clauseStart(compact.text, total.cStart);
    // a figure per head or an average (居民人均可支配收入71589元) is no total its kinds add up to
    if (PER_UNIT_LABEL.test(labelBefore(compact.text, total, undefined, clause))) continue;
    // what a comparison or a multiple is taken of (是去年同期2.78万人次的3.1倍) is no total either
    if (isComparisonBase(compact.text, total, clause)) continue;
    let breakdown = bracketBreakdown(compact, figures, k);
    if (!breakdown) {
      // read once for both the breakdown by industry and the 其中 of the next sentence
      const nextSentence = sentenceAfterComparisons(compact, figures, k);
      breakdown =
        // before 其中 lists: 其中，第一产业增加值…，增长…；第二产业… is read by industry, growth clauses and all
        industryBreakdown(compact, figures, k, nextSentence) ??
        pairedBreakdown(compact, figures, k) ??
        qizhongBreakdown(compact, figures, k, nextSentence) ??
        totalAfterParts(compact, figures, k) ??
        totalOfAbove(compact, figures, k);
    }
    if (!breakdown) continue;
    const finding = judge(compact, breakdown);
    if (finding) out.push(finding);
  }
  return out;
}

/** What may stand between the two totals of a pair: a separator and the second one's label (，完成投资). */
const PAIR_GAP = /^[、，,](?:[\u4e00-\u9fff]{0,8})$/;
/** What may stand between the pair and its 其中: a separator (，其中 / 。其中), perhaps 其中's comma after it. */
const PAIR_TO_QIZHONG = /^[，,。]?其中[，,：:]?/;
/** Longest label of a part of a pair (基础设施项目, 完成投资). */
const MAX_PAIR_LABEL = 12;

/**
 * 实施重点项目426个、完成投资1152亿元，其中产业项目268个、完成投资705亿元，基础设施项目103个、完成投资312亿元，
 * 社会民生项目55个、完成投资135亿元: two totals of different units, then after 其中 each part gives both, in
 * the same order. Each total is broken down by the figures of its own unit. `k` may be either total.
 */
function pairedBreakdown(compact: CompactText, figures: readonly Figure[], k: number): Breakdown | undefined {
  const text = compact.text;
  const pairOf = (first: number): [Figure, Figure] | undefined => {
    const a = figures[first];
    const b = figures[first + 1];
    if (!a || !b || !isAdditive(a) || !isAdditive(b) || a.family === b.family || a.family === '' || b.family === '') return undefined;
    if (!PAIR_GAP.test(text.slice(afterUnitTail(text, a.cEnd), b.cStart))) return undefined;
    return [a, b];
  };
  /** The 其中 (with its separators) right after a figure, if any. */
  const qizhongRightAfter = (f: Figure | undefined) => (f ? PAIR_TO_QIZHONG.exec(text.slice(f.cEnd, f.cEnd + 4)) : null);
  // cheap test first, this is asked of every figure: 其中 right after the pair's second figure, which is
  // the figure after k (k is the first total) or k itself (k is the second)
  const afterNext = qizhongRightAfter(figures[k + 1]);
  const first = afterNext ? k : k - 1;
  const opener = afterNext ?? qizhongRightAfter(figures[k]);
  const pair = opener && first >= 0 ? pairOf(first) : undefined;
  if (!opener || !pair) return undefined;
  const [a, b] = pair;
  const stop = text.indexOf('。', b.cEnd + opener[0].length);
  const end = stop < 0 ? text.length : stop;
  // the parts: figures alternating a's unit and b's, each after a short label and one separator
  const partsA: Figure[] = [];
  const partsB: Figure[] = [];
  const labelsA: string[] = [];
  let pos = b.cEnd + opener[0].length;
  for (let j = firstFigureAtOrAfter(figures, pos); j < figures.length && figures[j]!.cStart < end; j++) {
    const f = figures[j]!;
    const expected = (partsA.length + partsB.length) % 2 === 0 ? a : b;
    const label = text.slice(pos, f.cStart);
    if (!sameFamily(f, expected) || isComparisonBase(text, f) || label.length > MAX_PAIR_LABEL || /[0-9。；;：:()（）]/.test(label)) {
      return undefined;
    }
    if (expected === a) {
      partsA.push(f);
      labelsA.push(label);
    } else partsB.push(f);
    const after = afterUnitTail(text, f.cEnd);
    if (after >= end) break;
    if (!/[、，,；;]/.test(text[after] ?? '')) return undefined;
    pos = after + 1;
  }
  if (partsA.length < 2 || partsA.length !== partsB.length) return undefined;
  const last = partsB[partsB.length - 1]!;
  // the list must reach the sentence's end: a rest (其余…) or 等 leaves parts out
  const tail = text.slice(afterUnitTail(text, last.cEnd), end);
  const open = tail !== '' || labelsA.some((label) => /等$/.test(label));
  const mine = figures[k] === a;
  return {
    total: mine ? a : b,
    parts: mine ? partsA : partsB,
    end: last.cEnd,
    exhaustive: !open,
    form: 'list',
    labels: labelsA,
  };
}

/** 20个(国家级4个、省部级10个、市级2个、公司级4个): the bracket right after the total holds only its parts. */
function bracketBreakdown(compact: CompactText, figures: readonly Figure[], k: number): Breakdown | undefined {
  const total = figures[k]!;
  const text = compact.text;
  const open = text[total.cEnd];
  if (open !== '(' && open !== '（') return undefined;
  let from = total.cEnd + 1;
  if (text.startsWith('其中', from)) from += 2;
  const list = readItemList(compact, figures, from, {
    accept: (f) => sameFamily(f, total),
    separators: '、，,；;',
  });
  let end = list.end;
  if (text.startsWith('等', end)) end++;
  if (text[end] !== ')' && text[end] !== '）') return undefined;
  if (list.items.length < 2) return undefined;
  return { total, parts: list.items.map((i) => i.figure), end: end + 1, exhaustive: !list.open, form: 'brackets' };
}

/**
 * 共N…，其中A…、B… and 其中A、B分别为x、y. The total is the figure right before 其中 in the same sentence.
 */
function qizhongBreakdown(
  compact: CompactText,
  figures: readonly Figure[],
  k: number,
  nextSentence: number | undefined,
): Breakdown | undefined {
  const total = figures[k]!;
  const text = compact.text;
  const at = qizhongAfter(compact, figures, k, nextSentence);
  if (at === undefined) return undefined;
  // first the clauses of a division (出口…；进口…), read whole, growth and all
  const division = complementBreakdown(compact, figures, k, at);
  if (division) return division;
  // 其中，稻谷… : the comma after 其中 belongs to it
  const from = /^[，,：:]/.test(text.slice(at + 2, at + 3)) ? at + 3 : at + 2;
  const accept = (f: Figure): boolean => sameFamily(f, total);

  const respectively = respectivelyList(compact, figures, from, accept);
  if (respectively) return { total, ...respectively, exhaustive: respectively.parts.length >= 2 && !respectively.open, form: 'list' };

  const list = readItemList(compact, figures, from, { accept, separators: '、，,' });
  const { items, loose } = listPrefix(text, list.items);
  if (items.length === 0) return undefined;
  // a list cut where its labels stop running parallel may go on past the cut: its parts are not all there
  // a list that goes on past its last readable item (…、巡游出租汽车2.l2亿人): a part is missing from the sum
  const lastEnd = items[items.length - 1]!.figure.cEnd;
  const after = text.slice(lastEnd, lastEnd + 20);
  // …，其余为幼儿园: the text says the list leaves a rest; …、巡游出租汽车2.l2亿人: the list goes on past its
  // last readable item. Either way a part is missing from the sum
  const restNamed = /^[，,；;]?(?:其余|其他|余下|剩余)/.test(after);
  const goesOn = /^[、，,][^。；;]{0,16}?[0-9０-９]/.test(after);
  const open = loose || goesOn || restNamed || (items.length === list.items.length ? list.open : true);
  const end = items[items.length - 1]!.figure.cEnd;
  // a single part, or a list that says it is incomplete, can only be checked for exceeding the total
  const breakdown: Breakdown = {
    total,
    parts: items.map((i) => i.figure),
    end,
    exhaustive: items.length >= 2 && !open,
    form: 'list',
    labels: items.map((i) => i.label),
  };
  const sentence = sentenceStart(text, total.cStart);
  if (sentenceStart(text, at) > total.cEnd) {
    breakdown.alternatives = figures
      .slice(0, k)
      .filter((f) => f.cStart >= sentence && isAdditive(f) && sameFamily(f, total) && !isComparisonBase(text, f));
  }
  return breakdown;
}

/** How the sentences that break a total down begin: 其中, or BY_INDUSTRY's 分…/按…. */
function breakdownOpenerAt(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit === 0x5206 /* 分 */ || unit === 0x6309 /* 按 */ || (unit === QI && text.charCodeAt(at + 1) === ZHONG);
}

/** What ends the stretch after a total: a sentence end, or a semicolon (another clause of a list). */
const SENTENCE_OR_CLAUSE_STOP = unitTable('。；;！？');

/** How far a sentence may run past its total before the 其中 that starts the next one (compact units). */
const MAX_SENTENCE_TO_QIZHONG = 40;

/** 其 and 中 as code units. */
const QI = 0x5176;
const ZHONG = 0x4e2d;

/** Offset of the first 其中 that lies whole in `[from, to)`, or -1 (no slice and no search past `to`). */
function qizhongWithin(text: string, from: number, to: number): number {
  const last = Math.min(to, text.length) - 2;
  for (let i = from; i <= last; i++) if (text.charCodeAt(i) === QI && text.charCodeAt(i + 1) === ZHONG) return i;
  return -1;
}

/**
 * Where the 其中 of the total at `k` begins, if it has one: right after it in the same sentence (共有学生1000人，
 * 其中…), or at the start of the next sentence (`nextSentence`, from sentenceAfterComparisons) when all that
 * the first one adds after the total is a comparison (全年粮食播种面积385.6千公顷，比上年增加2.1千公顷。其中，稻谷…),
 * as statistical bulletins write.
 */
function qizhongAfter(compact: CompactText, figures: readonly Figure[], k: number, nextSentence: number | undefined): number | undefined {
  const text = compact.text;
  const total = figures[k]!;
  const found = qizhongWithin(text, total.cEnd, total.cEnd + MAX_GAP_PAST_OTHER_FIGURES + 2);
  const gap = found < 0 ? -1 : found - total.cEnd;
  if (gap >= 0) {
    const at = total.cEnd + gap;
    // figures between the total and 其中 (招聘活动2150场，提供岗位86.5万个，其中线上1200场…) are allowed when
    // all are of another kind than the total: the parts, of the total's kind, cannot be theirs
    let between = 0;
    let othersOnly = true;
    for (let j = k + 1; j < figures.length && figures[j]!.cStart < at; j++) {
      between++;
      const f = figures[j]!;
      // a comparison (是去年同期2.78万人次的3.1倍) compares the total; it does not compete with it
      if (isComparisonBase(text, f) || f.kind === 'multiple' || f.kind === 'percent') continue;
      if (f.family === '' || sameFamily(f, total)) othersOnly = false;
    }
    const near = gap <= MAX_GAP_TO_QIZHONG;
    // a 其中 that opens the next sentence is looked at below, with what the total's sentence adds
    const sameSentence = sentenceStart(text, at) <= total.cStart;
    if (sameSentence && (between === 0 ? near : othersOnly)) {
      // no clause of a list between the total and 其中
      if (/[；;]/.test(text.slice(total.cEnd, at))) return undefined;
      return at;
    }
    // a figure of the total's kind (or of none known) between them: the parts after 其中 are that one's
    if (near && sameSentence) return undefined;
  }
  const at = nextSentence;
  return at !== undefined && text.startsWith('其中', at) ? at : undefined;
}

/**
 * Where the sentence after the total at `k` starts, when all that the total's own sentence adds after it is
 * a comparison (…385.6千公顷，比上年增加2.1千公顷。): the next sentence may then break the total down.
 */
function sentenceAfterComparisons(compact: CompactText, figures: readonly Figure[], k: number): number | undefined {
  const text = compact.text;
  const total = figures[k]!;
  // the sentence end first: most figures have none near, and this is asked of every figure
  let stop = total.cEnd;
  const limit = Math.min(text.length, total.cEnd + MAX_SENTENCE_TO_QIZHONG);
  while (stop < limit && !SENTENCE_OR_CLAUSE_STOP[text.charCodeAt(stop)]) stop++;
  if (stop >= limit || text.charCodeAt(stop) !== 0x3002) return undefined;
  const at = stop + 1;
  if (!breakdownOpenerAt(text, at)) return undefined;
  // a breakdown goes on in the same paragraph; a new one opening with 其中 is about something else
  if (crossesBreak(compact, total.cEnd, at)) return undefined;
  if (isComparisonBase(text, total) || isLaterListItem(text, figures, k)) return undefined;
  for (let j = k + 1; j < figures.length && figures[j]!.cStart < at; j++) {
    const f = figures[j]!;
    if (isAdditive(f) && !isComparisonBase(text, f)) return undefined;
  }
  return at;
}

/**
 * The items that belong to one breakdown. After 、 the next item always does; after a comma only when
 * its label runs parallel to the previous one (男生600人，女生400人), since a comma may as well start a
 * clause about something else (其中男生600人，参加培训800人).
 */
function parallelPrefix(text: string, items: readonly ListItem[]): ListItem[] {
  return listPrefix(text, items).items;
}

/**
 * parallelPrefix, and whether an item was kept only as a plain name after a comma (中外合作办学400人): such a
 * list may name a few notable kinds (医院186个，乡镇卫生院142个…), so it is checked only for exceeding its total.
 */
function listPrefix(text: string, items: readonly ListItem[]): { items: ListItem[]; loose: boolean } {
  const kept: ListItem[] = [];
  let loose = false;
  for (const item of items) {
    const prev = kept[kept.length - 1];
    // 其他粮食作物 closes a list of 稻谷播种面积, 小麦播种面积…: "the others" run parallel to any item
    if (
      prev &&
      text[afterUnitTail(text, prev.figure.cEnd)] !== '、' &&
      prev.label.slice(-1) !== item.label.slice(-1) &&
      !OTHERS.test(item.label) &&
      !complementary(prev.label, item.label)
    ) {
      if (!plainName(item.label)) break;
      loose = true;
    }
    kept.push(item);
  }
  return { items: kept, loose };
}

/**
 * A label that only names a kind, with no verb or comparison in it (中外合作办学, 国家专项计划): after a comma
 * it goes on with a list of kinds (普通类6240人，艺术类180人，中外合作办学400人…), where 参加培训800人 would not.
 */
function plainName(label: string): boolean {
  const name = label.replace(/^[，,]/, '');
  return name.length >= 2 && name.length <= 8 && /^[\u4e00-\u9fff]+$/.test(name) && !CLAUSE_WORDS.test(name);
}

/** Verbs, comparisons and function words that make a label a clause of its own. */
const CLAUSE_WORDS =
  /均|参加|参与|开展|完成|实现|培训|获得|获|达到|达|新增|建成|举办|组织|提供|吸纳|带动|帮助|服务|落实|发放|支付|投入|安排|有|为|是|占|增|减|比|超|共|累计|其中|的|和|与|及|或/;

/**
 * Whether two labels start alike: with words of one of COMPLEMENTS, or with the same two characters
 * (参保职工…，参保离退休人员…), after a leading 其中 or 向.
 */
function complementary(a: string, b: string): boolean {
  const bare = (label: string) => label.replace(/^[，,：:]?(?:其中|向|对)[，,：:]?/, '');
  const [x, y] = [bare(a), bare(b)];
  if (x.length >= 3 && y.length >= 3 && x.slice(0, 2) === y.slice(0, 2)) return true;
  return COMPLEMENTS.some((group) => {
    const i = group.findIndex((word) => x.startsWith(word));
    const j = group.findIndex((word) => y.startsWith(word));
    return i >= 0 && j >= 0 && i !== j;
  });
}

/** 技师学院、高级技工学校分别为20所、35所: as many labels as figures. */
function respectivelyList(
  compact: CompactText,
  figures: readonly Figure[],
  from: number,
  accept: (f: Figure) => boolean,
): { parts: Figure[]; end: number; open: boolean } | undefined {
  const text = compact.text;
  const match = /^([^，,。；;：:0-9]{1,60}?)分别(?:为|是|有|达到|达|占)?/.exec(text.slice(from, from + 70));
  if (!match) return undefined;
  const labels = match[1]!.split('、').filter(Boolean);
  if (labels.length < 2) return undefined;
  const open = /等$/.test(match[1]!);
  const listStart = from + match[0].length;
  const k = firstFigureAtOrAfter(figures, listStart);
  if (figures[k]?.cStart !== listStart) return undefined;
  const list = readItemList(compact, figures, listStart, { accept, separators: '、', bareFigures: true });
  if (list.items.some((i) => i.label !== '') || list.items.length !== labels.length) return undefined;
  return { parts: list.items.map((i) => i.figure), end: list.end, open };
}

function judge(compact: CompactText, b: Breakdown): Finding | undefined {
  const sum = sumInterval(b.parts);
  const { total } = b;
  const exceeds = sum.lo > total.hi + EPSILON;
  const fallsShort = sum.hi < total.lo - EPSILON;
  if (!exceeds && !(fallsShort && b.exhaustive)) return undefined;
  // 其中规模以上企业41家、国家级高新技术企业23家: classes a unit may belong to several of, not a breakdown
  if (b.form === 'list' && b.labels && overlappingClasses(b.labels)) return undefined;
  if (b.alternatives?.some((f) => sum.hi >= f.lo - EPSILON && sum.lo <= f.hi + EPSILON)) return undefined;
  // 引进各类人才1200余人，其中博士120人、硕士560人: a total given as "more than" names a few notable parts
  if (fallsShort && b.form === 'list' && total.approx !== undefined) return undefined;
  // a 其中 list whose unlisted rest outweighs every listed part names a few notable kinds, not all of them
  // (卫生机构4567个，其中医院234个，卫生院123个): a category left out leaves a rest of the size of a part
  if (fallsShort && b.form === 'list' && total.lo - sum.hi > Math.max(...b.parts.map((p) => p.hi))) return undefined;

  // figures as written (8000万, 1.5亿); the sum in the total's magnitude so that the two compare at a glance
  const shown = (f: Figure): string => f.numberText;
  const magnitude = total.magnitude > 1 ? total.magnitude : commonMagnitude(b.parts);
  const sumText = formatNumber(sum.value, 4, magnitude);
  const approx = [total, ...b.parts].some((f) => f.approx !== undefined || f.lo !== f.hi);
  const note = approx ? msg('（已计入约数与舍入的误差）', ' (allowing for rounding and approximate wording)') : msg('', '');
  let severity: Severity = 'warning';
  let message;
  if (b.parts.length === 1) {
    message = msg(
      `其中的分项 ${shown(b.parts[0]!)} 大于总数 ${shown(total)}${note.zh}。`,
      `The part ${shown(b.parts[0]!)} is larger than the total ${shown(total)}${note.en}.`,
    );
  } else {
    const equation = `${b.parts.map(shown).join('+')} = ${sumText} ≠ ${shown(total)}`;
    // after 其中, a short sum may be a list that leaves a category out
    if (fallsShort && b.form === 'list') severity = 'information';
    message = msg(`分项之和与总数不符：${equation}${note.zh}。`, `The parts do not add up to the stated total: ${equation}${note.en}.`);
  }
  // the finding covers the total and its parts, in the order written
  const span = b.form === 'total-after' ? { cStart: b.parts[0]!.cStart, cEnd: total.cEnd } : { cStart: total.cStart, cEnd: b.end };
  return figuresFinding(compact, 'sum-mismatch', severity, message, span, [
    { figure: total, message: msg('所述总数', 'The stated total') },
  ]);
}

export const sumMismatch: Detector = {
  id: 'sum-mismatch',
  codes: ['sum-mismatch'],
  description: msg('分项之和与所述总数不符', 'Parts of a breakdown that do not add up to the stated total'),
  detect,
};
