/**
 * shares-sum: percentage shares of one whole that do not add up to 100%.
 *
 *   就业的区域及占比为重庆主城50.58%、重庆周边26.04%、发达地区19.87%、所在区县3.51%     100.00: silent
 *   三次产业占比分别为7.3%、40.1%、48.6%                                                 → 96% ≠ 100%
 *   三次产业结构为6.4:41.5:53.1 (a ratio whose parts add up to about 100)                → 101% ≠ 100%
 *
 * Only a list that the text introduces as shares (占比, 构成, 分布, 比例, 比重, 结构, 份额, 分别占) and
 * whose items are all percentages separated by 、，；is summed; a list of rates (就业率98%、对口率88%),
 * growth figures or approximate shares (80%以上) is never added up. The list ends at the first stretch
 * that is not "label percentage" after a separator, so an OCR-fused "3.51%80%以上的…" ends it at 3.51%.
 *
 * Each share may be rounded by half a unit of its last digit, so n shares at d decimals may sum to
 * 100 ± n·0.5·10^-d; sums within 0.1 of 100 are also accepted, since publications often leave them so.
 * A sum off by up to one point beyond rounding is information (a share left out, a misprint, or a source
 * that rounds loosely); beyond that, a warning.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import {
  coveredGroup,
  EPSILON,
  clauseStart,
  figuresOf,
  formatNumber,
  labelBefore,
  originalSpan,
  readItemList,
  type CompactText,
  type Figure,
} from '../figures';
import { msg } from '../l10n';
import type { Finding, Severity } from '../types';

// 占比重 and 占比例 before 占比: 所占比重分别为 is read whole, not as 占比 and a label 重分别为
const SHARE_INTRO = /(?:占比重|占比例|占比|构成|分布|比例|比重|结构|份额|分别占)(?:分别|依次)?(?:为|是|如下|情况为|达到|达)?[:：]?/g;
/** Labels that make an item a rate or a change, not a share of the whole. */
const NOT_A_SHARE = /率|增长|增幅|增速|提高|下降|降低|同比|环比|比上年|较上年/;

/** Beyond this distance from 100 (in points) a sum is a contradiction, not a rounding question. */
const CERTAIN = 1;
/** Sums this close to 100 are accepted whatever the precision. */
const USUAL_SLACK = 0.1;

/**
 * 三次产业结构为5.5:40.6:53.9 (and 由上年的6.6:41.2:52.2调整为…): a structure written as a ratio of three or
 * more parts, which is a list of percentage shares when its parts add up to about 100.
 */
const RATIO = /(?<![\d.:：])(\d{1,3}(?:\.\d+)?(?:[:：]\d{1,3}(?:\.\d+)?){2,})(?![\d.:：%])/g;
/** What must name the ratio a structure, in its clause before it (产业结构由上年的…调整为…). */
const STRUCTURE_WORD = /(?:结构|构成)[^，,。；;]{0,40}$/;
/** How far from 100 the parts of a ratio may add up for it to be read as shares at all (1:2:3 is not). */
const SHARES_RATIO_RANGE = 10;

function detect(ctx: AnalysisContext): Finding[] {
  const { compact, figures } = figuresOf(ctx);
  const text = compact.text;
  const out: Finding[] = [];
  for (const m of text.matchAll(RATIO)) {
    if (!STRUCTURE_WORD.test(text.slice(Math.max(0, m.index - 44), m.index))) continue;
    const parts = m[1]!
      .split(/[:：]/)
      .map((n) => ({ value: Number(n), precision: n.includes('.') ? n.length - n.indexOf('.') - 1 : 0, text: n }));
    const sum = parts.reduce((t, p) => t + p.value, 0);
    if (Math.abs(sum - 100) > SHARES_RATIO_RANGE) continue;
    const finding = judgeValues(parts, false);
    if (!finding) continue;
    const span = originalSpan(compact, m.index, m.index + m[0].length);
    out.push({ ...finding, start: span.start, end: span.end });
  }
  let consumed = 0;
  for (const m of text.matchAll(SHARE_INTRO)) {
    const from = m.index + m[0].length;
    if (from < consumed) continue;
    const list = readItemList(compact, figures, from, {
      accept: (f) => f.kind === 'percent',
      separators: '、，,；;',
      bareFigures: true,
    });
    // 其中 opens a breakdown of the item before it (占比达到55%，其中硕士占25%): not another share of the whole
    const sub = list.items.findIndex((item, i) => i > 0 && item.label.startsWith('其中'));
    const items = sub < 0 ? list.items : list.items.slice(0, sub);
    if (items.length < 2) continue;
    consumed = list.end;
    if (items.some((i) => i.figure.approx !== undefined || NOT_A_SHARE.test(i.label))) continue;
    // 分别占已就业毕业生的70.09%、16.98%…: the first label names the whole, the shares are bare
    const labels = items.map((item, i) => (i === 0 && item.label.endsWith('的') ? '' : item.label));
    // bare figures and labelled ones do not mix in one list of shares
    if (labels.some((l) => l === '') && labels.some((l) => l !== '')) continue;
    // 企业、政府属研究机构、高等学校经费所占比重分别为86.1%、5.4%和7.4%: the parts the text names may be only
    // some of the whole's (a fourth, 其他, left out), so only a sum beyond the whole says something
    const namedBefore = labels.every((l) => l === '') && /、/.test(text.slice(clauseStart(text, m.index), m.index));
    if (namedBefore && items.reduce((sum, i) => sum + i.figure.value, 0) < 100) continue;
    const finding = judge(
      items.map((i) => i.figure),
      list.open,
    );
    if (!finding) continue;
    const span = originalSpan(compact, items[0]!.labelStart, list.end);
    out.push({ ...finding, start: span.start, end: span.end });
  }
  out.push(...complementaryShares(compact, figures));
  out.push(...sharesAfterBreakdownIntro(compact, figures));
  return out;
}

/** Below this sum, clauses of shares after a breakdown's opening may leave parts out. */
const NEAR_WHOLE = 90;

/** What opens a breakdown of one whole: 从户型结构看，, 按事故原因分：, 分地区看，. */
const BREAKDOWN_INTRO = /(?:从|按|分)[\u4e00-\u9fff]{1,10}(?:来看|看|分)[，,：:]$/;
/** A share at the end of its clause: 小户型住宅成交占38.5%. */
const SHARE_IN_CLAUSE = /[\u4e00-\u9fff]占(?:比)?(?:为|达到|达)?$/;

/** A clause naming the rest of a whole (到其他行业就业的占16.3%, 其余占5%): the clauses before it name the other parts. */
const REST_NAMED = /其他|其它|其余/;

/**
 * 从户型结构看，小户型占38.5%，中户型占42.7%，大户型占14.3%: after a breakdown's opening, three or more
 * clauses in a row that each give one part's share cover the whole, so the shares sum to 100%. So do two
 * or more such clauses whose last names the rest (毕业生中，到制造业就业的占46.2%，到服务业就业的占38.5%，
 * 到其他行业就业的占15.3%), opening or not.
 */
function sharesAfterBreakdownIntro(compact: CompactText, figures: readonly Figure[]): Finding[] {
  const text = compact.text;
  const out: Finding[] = [];
  for (let k = 0; k < figures.length; k++) {
    const first = figures[k]!;
    if (first.kind !== 'percent') continue;
    const clause = clauseStart(text, first.cStart);
    if (!SHARE_IN_CLAUSE.test(text.slice(clause, first.cStart))) continue;
    const intro = BREAKDOWN_INTRO.test(text.slice(Math.max(0, clause - 14), clause));
    const shares = [first];
    let j = k + 1;
    for (; j < figures.length; j++) {
      const f = figures[j]!;
      const previous = shares[shares.length - 1]!;
      const start = clauseStart(text, f.cStart);
      // the next clause right after the previous share, and nothing but "label占" before its figure
      if (f.kind !== 'percent' || start !== previous.cEnd + 1 || !/[，,；;]/.test(text[previous.cEnd] ?? '')) break;
      if (!SHARE_IN_CLAUSE.test(text.slice(start, f.cStart)) || NOT_A_SHARE.test(text.slice(start, f.cStart))) break;
      shares.push(f);
    }
    k = j - 1;
    const last = shares[shares.length - 1]!;
    const restNamed = shares.length >= 2 && REST_NAMED.test(text.slice(clauseStart(text, last.cStart), last.cStart));
    if (!restNamed && (!intro || shares.length < 3)) continue;
    if (shares.some((f) => f.approx !== undefined)) continue;
    // the clauses may name only the largest parts (从行业看，制造业占35%，…): a sum well short of the whole
    // says nothing, one near it is a guess; only a sum beyond the whole is certain. A rest named says
    // every part is there.
    const sum = shares.reduce((total, f) => total + f.value, 0);
    if (!restNamed && sum < NEAR_WHOLE) continue;
    const finding = judge(shares, false);
    if (!finding) continue;
    if (!restNamed && sum < 100) finding.severity = 'information';
    const span = originalSpan(compact, clause, shares[shares.length - 1]!.cEnd);
    out.push({ ...finding, start: span.start, end: span.end });
  }
  return out;
}

/** Between a part and its share: 江苏省内安排计划4320人，占60.0%. */
const SHARE_OF_PART = /^[，,]?占(?:比)?(?:为|达到|达)?$/;
/** Between one "part，占x%" and the next: a clause or list mark. */
const BETWEEN_PAIRS = /^[；;，,、]$/;

/**
 * 江苏省内安排计划4320人，占60.0%；省外安排计划2880人，占40.0%: parts whose labels divide a whole between them
 * (省内/省外, 城镇/农村, 男/女, 线上/线下), each with its share: the shares cover the whole and sum to 100%.
 */
function complementaryShares(compact: CompactText, figures: readonly Figure[]): Finding[] {
  const text = compact.text;
  const out: Finding[] = [];
  for (let k = 1; k < figures.length; k++) {
    const pairs: Array<{ part: Figure; share: Figure }> = [];
    let j = k;
    while (
      j < figures.length &&
      figures[j]!.kind === 'percent' &&
      SHARE_OF_PART.test(text.slice(figures[j - 1]!.cEnd, figures[j]!.cStart))
    ) {
      const part = figures[j - 1]!;
      const previous = pairs[pairs.length - 1];
      // one pair after another: the previous share, a clause mark, then this part's clause
      if (part.kind === 'percent' || (previous && !BETWEEN_PAIRS.test(text.slice(previous.share.cEnd, clauseStart(text, part.cStart)))))
        break;
      pairs.push({ part, share: figures[j]! });
      j += 2;
    }
    if (pairs.length < 2) continue;
    k = j - 1;
    const group = coveredGroup(pairs.map((p) => partLabel(compact, p.part)));
    if (!group) continue;
    const finding = judge(
      pairs.map((p) => p.share),
      false,
    );
    if (!finding) continue;
    const span = originalSpan(compact, pairs[0]!.part.cStart, pairs[pairs.length - 1]!.share.cEnd);
    out.push({ ...finding, start: span.start, end: span.end });
  }
  return out;
}

/** The end of a part's label, where the word that says which part it is stands (江苏省内安排计划 of 4320人). */
function partLabel(compact: CompactText, part: Figure): string {
  // the label may run back into a heading before it (二、分省计划安排): its last characters are the part's own
  return labelBefore(compact.text, part).slice(-PART_LABEL);
}

/** How many characters before a part its label is read for the dividing word. */
const PART_LABEL = 10;

function judge(shares: readonly Figure[], open: boolean): Omit<Finding, 'start' | 'end'> | undefined {
  return judgeValues(
    shares.map((f) => ({ value: f.value, precision: f.precision, text: f.numberText })),
    open,
  );
}

/** The check itself, over values with the precision they are written at. */
function judgeValues(
  shares: ReadonlyArray<{ value: number; precision: number; text: string }>,
  open: boolean,
): Omit<Finding, 'start' | 'end'> | undefined {
  const sum = shares.reduce((s, f) => s + f.value, 0);
  const rounding = shares.reduce((s, f) => s + Math.pow(10, -f.precision) / 2, 0);
  const diff = sum - 100;
  const tolerance = Math.max(rounding, USUAL_SLACK) + EPSILON;
  if (Math.abs(diff) <= tolerance) return undefined;
  // an open list (…等) may leave shares out; it can only be wrong by exceeding the whole
  if (open && diff < 0) return undefined;
  const decimals = Math.max(...shares.map((f) => f.precision));
  const equation = `${shares.map((f) => `${f.text}%`).join('+')} = ${formatNumber(sum, decimals)}% ≠ 100%`;
  const severity: Severity = Math.abs(diff) > rounding + CERTAIN ? 'warning' : 'information';
  const hint =
    severity === 'information'
      ? msg('，超出舍入误差，可能遗漏了一项或有数字错误', '; more than rounding allows: a share may be missing or misprinted')
      : msg('', '');
  return {
    code: 'shares-sum',
    severity,
    message: msg(
      `同一整体的各部分占比之和不为100%：${equation}${hint.zh}。`,
      `Shares of one whole do not add up to 100%: ${equation}${hint.en}.`,
    ),
    fixes: [],
  };
}

export const sharesSum: Detector = {
  id: 'shares-sum',
  codes: ['shares-sum'],
  description: msg('同一整体的各部分占比之和不为100%', 'Percentage shares of one whole that do not add up to 100%'),
  detect,
};
