/**
 * growth-mismatch: a stated growth that the old and new figures contradict.
 *
 *   530万人，比2010年的230万人增加了1.3倍        530万/230万 = 2.304 = 1 + 1.304: silent
 *   530万人，比2010年的230万人增长了150%         → (530万 − 230万)/230万 = 130.43% ≠ 150%
 *   从230万人增加到530万人，增长130%              silent
 *   530万人，是2010年230万人的2.3倍               530万/230万 = 2.304: silent
 *   就业率从90%提高到95%，提高了5个百分点          silent; 提高了4个百分点 → 95% − 90% = 5 ≠ 4
 *   新增就业5.8万人，比上年增加0.6万人，增长11.5%     0.6万/(5.8万 − 0.6万) = 11.54%: silent
 *   利润186亿元，比上年增长12%，上年为160亿元          → (186亿 − 160亿)/160亿 = 16.25% ≠ 12%
 *
 * Chinese usage: 增加了N倍 / 增长N倍 means new = old × (1 + N); 增加到N倍 and 是…的N倍 mean new = old × N;
 * 增长N% means new = old × (1 + N/100) and 下降N% new = old × (1 − N/100). When 增加了N倍 is written but
 * the figures give old × N (a common slip for 增加到N倍), the finding is information and says so.
 *
 * Figures are intervals (230万 is 229.5万–230.5万, 超过168万 is 168万–169万) and the stated growth may be
 * rounded or truncated at its precision; only a growth outside every combination is reported. Growth
 * rates stated in % between two percentages (就业率从90%增长5%) are ambiguous and left alone.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import {
  EPSILON,
  clauseStart,
  figuresOf,
  firstFigureAtOrAfter,
  formatNumber,
  isAdditive,
  figuresFinding,
  sameFamily,
  sentenceStart,
  statedInterval,
  type CompactText,
  type Figure,
} from '../figures';
import { msg } from '../l10n';
import type { Finding, Localized, Severity } from '../types';

const UP = '增加|增长|提高|上升|上涨|扩大|提升|增多';
const DOWN = '减少|下降|降低|缩小|缩减|下滑|下跌|回落';
/** The verb right before the stated growth: 增加了, 增长, 下降了, 增加到. */
const GROWTH_VERB = new RegExp(`(${UP}|${DOWN})(了)?(到|至|为)?(?:约|近|超过|逾)?$`);
/** 比上年增加0.6万人: a verb right before the figure after 比 (not 增加到, which names the new figure). */
const CHANGE_VERB = new RegExp(`(${UP}|${DOWN})(?:了)?(?:约|近|超过|逾)?$`);
/** 从A增加到N / 由A下降至N: the verb right before the new figure. */
const TO_VERB = new RegExp(`(?:${UP}|${DOWN})(?:了)?(?:到|至)(?:\\d{4}年(?:底|末)?的?)?$`);

/** A growth over the previous year with no figure after 比: …，比上年增长12% (同比 is read the same way). */
const PREVIOUS_YEAR_COMPARISON = /(?:(?:比|较)(?:上年|去年|上一年)(?:同期)?|同比)/;
/** Between the growth and the previous year's figure stated after it: ，上年为, ，去年同期为. */
const OLD_AFTER_GROWTH = /^[，,]?(?:上年|去年|上一年)(?:同期)?(?:为|是)$/;

type Relation = 'times-plus-one' | 'times' | 'percent-up' | 'percent-down' | 'points-up' | 'points-down';

interface Growth {
  old: Figure;
  new: Figure;
  stated: Figure;
  relation: Relation;
  /**
   * 比上年增加0.6万人，增长11.5%: the figure after 比 is the change, not the old figure (which is then
   * new − change); `old` holds the change itself.
   */
  byChange?: boolean;
  /** Compact span of the comparison, for the finding's range (its end: the stated growth's, unless given). */
  start: number;
  end?: number;
  /** The verb as written before the stated growth (增长, 增加了), for the message. */
  verb?: string;
}

function detect(ctx: AnalysisContext): Finding[] {
  const { compact, figures } = figuresOf(ctx);
  const out: Finding[] = [];
  for (let k = 0; k < figures.length; k++) {
    const stated = figures[k]!;
    if (stated.kind !== 'multiple' && stated.kind !== 'percent' && stated.kind !== 'percentage-point') continue;
    const growth = comparison(compact, figures, k);
    if (!growth) continue;
    const finding = judge(compact, growth);
    if (finding) out.push(finding);
  }
  out.push(...doublings(compact, figures));
  return out;
}

/** 翻了一番 (doubled), 翻两番 (quadrupled): the power of two the phrase says. */
const DOUBLING = /翻了?([一两二三四])番/g;
const DOUBLINGS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 };
/** How far from the power of two a doubling may be and still be called so in prose (翻一番 for ×1.9 or ×2.2). */
const DOUBLING_SLACK = { below: 0.85, above: 1.25 };

/**
 * 达到16.8万辆，比2020年的8.4万辆翻了一番: the new figure is the old one times 2, 4… (翻两番). Prose uses the
 * phrase loosely, so only a ratio well away from it (12.6万 against 8.4万: ×1.5) is reported, as information.
 */
function doublings(compact: CompactText, figures: readonly Figure[]): Finding[] {
  const text = compact.text;
  const out: Finding[] = [];
  for (const m of text.matchAll(DOUBLING)) {
    const at = m.index;
    // 翻了一番多, 翻一番以上: more than doubled
    if (/^(?:多|还多|以上|有余)/.test(text.slice(at + m[0].length, at + m[0].length + 2))) continue;
    const sentence = sentenceStart(text, at);
    // the old figure right before the phrase, after 比…的 or 较…
    // the last figure before the phrase
    const a = firstFigureAtOrAfter(figures, at) - 1;
    const old = figures[a];
    if (!old || old.cStart < sentence || !/^\s?$/.test(text.slice(old.cEnd, at))) continue;
    const clause = text.slice(clauseStart(text, old.cStart), old.cStart);
    const bi = COMPARING_BI.exec(clause);
    if (!bi) continue;
    const biAt = clauseStart(text, old.cStart) + bi.index;
    const n = previousQuantity(figures, a, sentence);
    const neu = figures[n];
    if (!neu || neu.cEnd > biAt || !comparable(neu, old) || !(old.lo > 0)) continue;
    const times = 2 ** DOUBLINGS[m[1]!]!;
    const ratio = neu.value / old.value;
    if (ratio >= times * DOUBLING_SLACK.below && ratio <= times * DOUBLING_SLACK.above) continue;
    const equation = `${neu.numberText}/${old.numberText} = ${formatNumber(ratio, 2)} ≠ ${times}`;
    out.push(
      figuresFinding(
        compact,
        'growth-mismatch',
        'information',
        msg(
          `“${m[0]}”指新值约为原值的${times}倍，但数字不符：${equation}。`,
          `"${m[0]}" says the new figure is about ${times} times the old one, but the figures disagree: ${equation}.`,
        ),
        { cStart: neu.cStart, cEnd: at + m[0].length },
        [
          { figure: old, message: msg('原值', 'The old figure') },
          { figure: neu, message: msg('新值', 'The new figure') },
        ],
      ),
    );
  }
  return out;
}

/** The previous figure that is a quantity (years such as 2010年 are skipped), within the sentence. */
function previousQuantity(figures: readonly Figure[], k: number, from: number): number {
  for (let j = k - 1; j >= 0; j--) {
    const f = figures[j]!;
    if (f.cStart < from) return -1;
    if (f.kind === 'time') continue;
    return j;
  }
  return -1;
}

function comparison(compact: CompactText, figures: readonly Figure[], k: number): Growth | undefined {
  const text = compact.text;
  const stated = figures[k]!;
  const sentence = sentenceStart(text, stated.cStart);
  const a = previousQuantity(figures, k, sentence);
  if (a < 0) return undefined;
  const prev = figures[a]!;
  const lead = text.slice(prev.cEnd, stated.cStart);

  // 是2010年230万人的2.3倍
  if (stated.kind === 'multiple' && /^的$/.test(lead)) {
    const old = prev;
    const clause = text.slice(clauseStart(text, old.cStart), old.cStart);
    if (!/是[^，,；;。]*$/.test(clause)) return undefined;
    const n = previousQuantity(figures, a, sentence);
    const neu = figures[n];
    if (!neu || !comparable(neu, old) || neu.cEnd > text.lastIndexOf('是', old.cStart)) return undefined;
    return { old, new: neu, stated, relation: 'times', start: neu.cStart };
  }

  const verb = GROWTH_VERB.exec(lead);
  if (!verb || lead.length - verb[0].length > 6) return undefined;
  // 年均增长9.5%: a yearly rate compounds over years the sentence need not state; not the whole change
  if (YEARLY_AVERAGE.test(lead.slice(0, lead.length - verb[0].length))) return undefined;
  const down = new RegExp(`^(?:${DOWN})$`).test(verb[1]!);
  const to = verb[3] !== undefined;
  const relation = relationOf(stated, down, to);
  if (!relation) return undefined;
  const growth = growthAfterVerb(text, figures, k, a, sentence, relation);
  // the verb as written (增长, 增加了), for the message's 增加了/增加到 note
  return growth && { ...growth, verb: verb[1]! + (verb[2] ?? '') };
}

/** The old and new figures of a growth stated after its verb (增加了1.3倍, 增长12%), `a` the figure before it. */
function growthAfterVerb(
  text: string,
  figures: readonly Figure[],
  k: number,
  a: number,
  sentence: number,
  relation: Relation,
): Growth | undefined {
  const stated = figures[k]!;
  const prev = figures[a]!;
  const lead = text.slice(prev.cEnd, stated.cStart);
  const prevClause = text.slice(clauseStart(text, prev.cStart), prev.cStart);
  // 比2010年的230万人增加了1.3倍: prev is the old figure, the new one comes before 比
  const comparing = COMPARING_BI.exec(prevClause);
  if (comparing) {
    const old = prev;
    const biInClause = comparing.index;
    // …296家、…2517家，总数比…的2181家增长29.0%: the new figure is a total the text does not write out
    if (UNWRITTEN_TOTAL.test(prevClause.slice(0, biInClause))) return undefined;
    const bi = clauseStart(text, old.cStart) + biInClause;
    // 比上年增加0.6万人: a verb between 比 and the figure makes it the change
    const change = CHANGE_VERB.exec(prevClause.slice(biInClause));
    // the new figure is in the same clause group: a ； before 比 starts another statement (…增长10.2%；…)
    const from = Math.max(sentence, text.lastIndexOf('；', bi) + 1, text.lastIndexOf(';', bi) + 1);
    for (let j = a - 1; j >= 0; j--) {
      const f = figures[j]!;
      if (f.cStart < from) return undefined;
      if (f.cEnd > bi || f.kind === 'time') continue;
      // 税负为5%（25%×20%），较…: a figure in a bracketed aside or a formula is not the compared one
      if (inAside(text, f, bi)) continue;
      // 2023年…4386人，2024年比上年增加234人: the change belongs to another year than that figure
      if (change && otherYear(text, f, bi)) return undefined;
      // 收入3562.8亿元，为预算的101.2%，比上年的…: a share or multiple of something else between them
      if (old.kind !== 'percent' && (f.kind === 'percent' || f.kind === 'multiple' || f.kind === 'percentage-point')) continue;
      if (!comparable(f, old)) return undefined;
      if (!change) return { old, new: f, stated, relation, start: f.cStart };
      // only a percentage growth relates a change to its base; its direction must be the change's
      const changeDown = new RegExp(`^(?:${DOWN})$`).test(change[1]!);
      if (relation !== (changeDown ? 'percent-down' : 'percent-up')) return undefined;
      return { old, new: f, stated, relation, start: f.cStart, byChange: true };
    }
    return undefined;
  }
  // 利润总额186亿元，比上年增长12%，上年为160亿元: the old figure is stated after the growth
  if (PREVIOUS_YEAR_COMPARISON.test(lead)) {
    const next = figures[k + 1];
    if (next && OLD_AFTER_GROWTH.test(text.slice(stated.cEnd, next.cStart)) && comparable(prev, next)) {
      return { old: next, new: prev, stated, relation, start: prev.cStart, end: next.cEnd };
    }
  }
  // 从230万人增加到530万人，增长130%: prev is the new figure, the old one follows 从/由
  const b = previousQuantity(figures, a, sentence);
  const old = figures[b];
  if (!old) return undefined;
  if (!TO_VERB.test(text.slice(old.cEnd, prev.cStart))) return undefined;
  if (!/(?:从|由)[^，,；;。]*$/.test(text.slice(clauseStart(text, old.cStart), old.cStart))) return undefined;
  if (!comparable(prev, old)) return undefined;
  return { old, new: prev, stated, relation, start: old.cStart };
}

/**
 * The 比 or 较 of a comparison with the figure after it (比上年, 较法定税率): not the 比 of a ratio's name
 * (投入强度（与地区生产总值之比）, 比率, 比重, 比例, 占比, 对比).
 */
const COMPARING_BI = /(?:(?<![占之对相类排无])比(?![率重例值])|较)[^，,；;。比较]*$/;
/** Before 比: a total of the figures before, not one of them (总数比…, 两者合计比…). */
const UNWRITTEN_TOTAL = /(?:总数|总量|总计|合计|共计|两者|二者|三者)$/;

/** Before the growth verb: a yearly average (年均增长, 年平均增长, 平均每年增长). */
const YEARLY_AVERAGE = /(?:年均|年平均|平均每年|每年平均|平均)$/;

/** Whether figure `f` sits in a bracket that closes before `limit`, or in a formula (25%×20%). */
function inAside(text: string, f: Figure, limit: number): boolean {
  const before = text.slice(Math.max(0, f.cStart - 20), f.cStart);
  const after = text.slice(f.cEnd, limit);
  if (/[×÷*＊/＝=]$/.test(before) || /^[×÷*＊/＝=]/.test(after)) return true;
  const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  return open >= 0 && open > Math.max(before.lastIndexOf('）'), before.lastIndexOf(')')) && /[）)]/.test(after);
}

/** The year a clause names (2024年比上年…), if any. */
const CLAUSE_YEAR = /((?:19|20)\d\d)年/;

/** Whether the clause of `f` and the clause of the comparison at `bi` name different years. */
function otherYear(text: string, f: Figure, bi: number): boolean {
  const own = CLAUSE_YEAR.exec(text.slice(clauseStart(text, f.cStart), f.cStart))?.[1];
  const comparison = CLAUSE_YEAR.exec(text.slice(clauseStart(text, bi), bi))?.[1];
  return own !== undefined && comparison !== undefined && own !== comparison;
}

function relationOf(stated: Figure, down: boolean, to: boolean): Relation | undefined {
  if (stated.kind === 'multiple') return down ? undefined : to ? 'times' : 'times-plus-one';
  if (to) return undefined;
  if (stated.kind === 'percent') return down ? 'percent-down' : 'percent-up';
  return down ? 'points-down' : 'points-up';
}

/** Old and new figures that a growth can relate: same unit, and both counts or both percentages. */
function comparable(a: Figure, b: Figure): boolean {
  if (a.kind === 'percent' && b.kind === 'percent') return true;
  // concentrations (9微克/立方米, 比上年的10微克/立方米) compare though they do not add up
  if (a.kind === 'other' && a.unit !== '' && a.unit === b.unit) return true;
  return isAdditive(a) && sameFamily(a, b);
}

function judge(compact: CompactText, g: Growth): Finding | undefined {
  if (g.byChange) return judgeChange(compact, g);
  const { old, stated } = g;
  const neu = g.new;
  const rates = old.kind === 'percent';
  // a growth in % between two rates may mean points or relative change: undecidable
  if (rates !== (g.relation === 'points-up' || g.relation === 'points-down')) return undefined;
  const s = statedInterval(stated);
  const ratio = { lo: neu.lo / old.hi, hi: neu.hi / old.lo, value: neu.value / old.value };
  const diff = { lo: neu.lo - old.hi, hi: neu.hi - old.lo, value: neu.value - old.value };
  if (!(old.lo > 0)) return undefined;

  const shownRatio = `${neu.numberText}/${old.numberText}`;
  let actual: { lo: number; hi: number; value: number };
  let equation: string;
  switch (g.relation) {
    case 'times-plus-one':
      actual = { lo: ratio.lo - 1, hi: ratio.hi - 1, value: ratio.value - 1 };
      equation = `${shownRatio} − 1 = ${formatNumber(actual.value, Math.max(2, stated.precision + 1))} ≠ ${stated.numberText}`;
      break;
    case 'times':
      actual = ratio;
      equation = `${shownRatio} = ${formatNumber(actual.value, Math.max(2, stated.precision + 1))} ≠ ${stated.numberText}`;
      break;
    case 'percent-up':
    case 'percent-down': {
      const sign = g.relation === 'percent-up' ? 1 : -1;
      const rate = (r: number): number => sign * (r - 1) * 100;
      actual = { lo: Math.min(rate(ratio.lo), rate(ratio.hi)), hi: Math.max(rate(ratio.lo), rate(ratio.hi)), value: rate(ratio.value) };
      const formula =
        sign > 0
          ? `(${neu.numberText} − ${old.numberText})/${old.numberText}`
          : `(${old.numberText} − ${neu.numberText})/${old.numberText}`;
      equation = `${formula} = ${formatNumber(actual.value, Math.max(2, stated.precision + 1))}% ≠ ${stated.numberText}%`;
      break;
    }
    default: {
      const sign = g.relation === 'points-up' ? 1 : -1;
      actual = sign > 0 ? diff : { lo: -diff.hi, hi: -diff.lo, value: -diff.value };
      const formula = sign > 0 ? `${neu.numberText}% − ${old.numberText}%` : `${old.numberText}% − ${neu.numberText}%`;
      equation = `${formula} = ${formatNumber(actual.value, Math.max(2, stated.precision + 1))} ≠ ${stated.numberText}`;
    }
  }
  if (actual.hi >= s.lo - EPSILON && actual.lo <= s.hi + EPSILON) return undefined;

  let severity: Severity = 'warning';
  let note: Localized = msg('', '');
  // the slip of 增加了N倍 for 增加到N倍: the figures as written (not only their rounding) give ×N
  if (g.relation === 'times-plus-one' && ratio.value >= s.lo - EPSILON && ratio.value <= s.hi + EPSILON) {
    severity = 'information';
    const said = g.verb || '增加了';
    const to = `${said.replace(/了$/, '')}到`;
    note = msg(
      `；“${said}${stated.numberText}倍”指新值为原值的${formatNumber(stated.value + 1, 4)}倍，按数字应为“${to}${stated.numberText}倍”或“${said}${formatNumber(ratio.value - 1, 2)}倍”`,
      `; "${said}${stated.numberText}倍" means ×${formatNumber(stated.value + 1, 4)}; the figures give "${to}${stated.numberText}倍" (×${stated.numberText}), i.e. ${said}${formatNumber(ratio.value - 1, 2)}倍`,
    );
  }
  return figuresFinding(
    compact,
    'growth-mismatch',
    severity,
    msg(`所述增幅与数字不符：${equation}${note.zh}。`, `The stated growth does not match the figures: ${equation}${note.en}.`),
    { cStart: g.start, cEnd: g.end ?? stated.cEnd },
    [
      { figure: old, message: msg('原值', 'The old figure') },
      { figure: neu, message: msg('新值', 'The new figure') },
    ],
  );
}

/** 新增就业5.8万人，比上年增加0.6万人，增长11.5%: the rate is change / (new − change). */
function judgeChange(compact: CompactText, g: Growth): Finding | undefined {
  const { stated } = g;
  const change = g.old;
  const neu = g.new;
  if (change.kind === 'percent' || neu.kind === 'percent') return undefined;
  const up = g.relation === 'percent-up';
  const base = up
    ? { lo: neu.lo - change.hi, hi: neu.hi - change.lo, value: neu.value - change.value }
    : { lo: neu.lo + change.lo, hi: neu.hi + change.hi, value: neu.value + change.value };
  if (!(base.lo > 0)) return undefined;
  const actual = { lo: (change.lo / base.hi) * 100, hi: (change.hi / base.lo) * 100, value: (change.value / base.value) * 100 };
  const s = statedInterval(stated);
  if (actual.hi >= s.lo - EPSILON && actual.lo <= s.hi + EPSILON) return undefined;
  const equation = `${change.numberText}/(${neu.numberText} ${up ? '−' : '+'} ${change.numberText}) = ${formatNumber(actual.value, Math.max(2, stated.precision + 1))}% ≠ ${stated.numberText}%`;
  return figuresFinding(
    compact,
    'growth-mismatch',
    'warning',
    msg(`所述增幅与数字不符：${equation}。`, `The stated growth does not match the figures: ${equation}.`),
    { cStart: g.start, cEnd: g.end ?? stated.cEnd },
    [
      { figure: change, message: msg(up ? '增量' : '减量', up ? 'The increase' : 'The decrease') },
      { figure: neu, message: msg('新值', 'The new figure') },
    ],
  );
}

export const growthMismatch: Detector = {
  id: 'growth-mismatch',
  codes: ['growth-mismatch'],
  description: msg('所述增长倍数或百分比与前后数字不符', 'A stated growth (增加了N倍, 增长N%) that the old and new figures contradict'),
  detect,
};
