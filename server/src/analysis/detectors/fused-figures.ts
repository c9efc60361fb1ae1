/**
 * fused-figures: two figures written with no separator between them, as OCR leaves a list or two
 * clauses whose punctuation it lost: 3.51%80%以上 (…3.51%；80%以上…), 50万元30万元.
 *
 * Only figures that cannot be one figure are flagged: a percentage followed at once by another number
 * and percent sign or by an amount with its unit, or an amount followed at once by another amount of the
 * same unit. Reduplicated
 * phrases (1人1岗, 一人一档) use a count unit without digits on both sides and are not matched.
 *
 * The repair inserts a separator between the two. Which one is a matter of reading: 、 when the figures
 * are items of a list that goes on with 、, else the clause comma in the style the text uses (， or ,).
 * Every choice is offered; none is applied by fix-all, since the right one is the reader's call.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import type { Finding, Fix } from '../types';

const NUMBER = '\\d+(?:\\.\\d+)?';
/** Units whose repetition right after a figure cannot be one figure. */
const AMOUNT_UNITS = ['万元', '亿元', '万人次', '万人', '人次', '平方米', '公里', '元'];

// the look-behind makes a match start only where a number starts: without it a long run of digits is
// tried from every position (quadratic)
const PERCENTS = new RegExp(`(?<![\\d.])(${NUMBER})%(?=(${NUMBER})%)`, 'g');
/** Units that a figure with its magnitude (3.2万亩) repeats when two quantities run together: 3.2万亩38.6万亩. */
const REPEATED_UNITS = ['平方公里', '平方米', '立方米', '千瓦', '公顷', '公里', '亩', '吨', '辆', '套', '座', '户', '家', '所', '项'];
const AMOUNTS = new RegExp(
  `(?<![\\d.])(${NUMBER})(${AMOUNT_UNITS.join('|')}|(?:万|亿)(?:${REPEATED_UNITS.join('|')})|${REPEATED_UNITS.join('|')})(?=(${NUMBER})\\2)`,
  'g',
);
/**
 * A percentage followed at once by an amount with a unit (达到3.5%1.2亿人次): no figure reads on past its
 * percent sign. A bare digit after it may be a footnote mark, so a unit is required.
 */
const PERCENT_THEN_AMOUNT = new RegExp(
  `(?<![\\d.])(${NUMBER})%(?=(${NUMBER}(?:万|亿|千)?(?:${AMOUNT_UNITS.join('|')}|人|个|家|所|项|吨|亩|公顷|米|千克|辆|台|套|座|条|件|场|次|户)))`,
  'g',
);

/** Two times of day run together: 上午9:0012:00 (9:00—12:00). */
const FUSED_TIMES = /(?<![\d:])([0-2]?\d[:：][0-5]\d)([0-2]?\d[:：][0-5]\d)(?![\d:])/g;

/** How a message names the two figures. */
const KIND_WORDS = {
  percent: { zh: '百分数', en: 'percentages' },
  amount: { zh: '数额', en: 'amounts' },
  mixed: { zh: '数', en: 'figures' },
};

/** The comma the text uses for clauses: full-width unless ASCII commas dominate (common in OCR output). */
function clauseComma(text: string): string {
  let full = 0;
  let ascii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c) full++;
    else if (c === 0x2c) ascii++;
  }
  return ascii > full ? ',' : '，';
}

function detect(ctx: AnalysisContext): Finding[] {
  const text = toHalfWidthDigits(ctx.text);
  // counted over the whole text only when a finding needs it: most texts have none
  let comma: string | undefined;
  const out: Finding[] = [];
  const report = (start: number, at: number, end: number, what: keyof typeof KIND_WORDS) => {
    // the figure must not continue a longer number on its left (12.3.51%...)
    if (/[\d.]/.test(text[start - 1] ?? '')) return;
    const after = text.slice(end, end + 6);
    const listGoesOn = /^[、]/.test(after);
    comma ??= clauseComma(ctx.text);
    const separators = listGoesOn ? ['、', comma, '；'] : [comma, '；', '、'];
    const fixes: Fix[] = separators.map((sep) => ({
      title: msg(`在两个数之间插入“${sep}”`, `Insert "${sep}" between the two figures`),
      edits: [{ start: at, end: at, newText: sep }],
    }));
    const first = ctx.text.slice(start, at);
    const second = ctx.text.slice(at, end);
    out.push({
      code: 'fused-figures',
      severity: 'warning',
      start,
      end,
      message: msg(
        `“${first}”与“${second}”是两个${KIND_WORDS[what].zh}，中间缺少分隔符。修复将在两者之间插入“${separators[0]}”。`,
        `"${first}" and "${second}" are two ${KIND_WORDS[what].en} with no separator between them. The fix inserts "${separators[0]}" between them.`,
      ),
      fixes,
      fixAllSafe: false,
    });
  };
  for (const m of text.matchAll(PERCENTS)) {
    const at = m.index + m[1]!.length + 1;
    report(m.index, at, at + m[2]!.length + 1, 'percent');
  }
  for (const m of text.matchAll(FUSED_TIMES)) {
    const at = m.index + m[1]!.length;
    const end = at + m[2]!.length;
    out.push({
      code: 'fused-figures',
      severity: 'warning',
      start: m.index,
      end,
      message: msg(
        `“${m[1]}”与“${m[2]}”是两个时刻，中间缺少分隔符。修复将在两者之间插入“—”。`,
        `"${m[1]}" and "${m[2]}" are two times of day with no separator between them. The fix inserts "—" between them.`,
      ),
      fixes: ['—', '-', '至'].map((sep) => ({
        title: msg(`在两个时刻之间插入“${sep}”`, `Insert "${sep}" between the two times`),
        edits: [{ start: at, end: at, newText: sep }],
      })),
      fixAllSafe: false,
    });
  }
  for (const m of text.matchAll(PERCENT_THEN_AMOUNT)) {
    const at = m.index + m[1]!.length + 1;
    if (out.some((f) => f.start === m.index)) continue;
    report(m.index, at, at + m[2]!.length, 'mixed');
  }
  for (const m of text.matchAll(AMOUNTS)) {
    const at = m.index + m[1]!.length + m[2]!.length;
    const end = at + m[3]!.length + m[2]!.length;
    if (out.some((f) => f.start < end && m.index < f.end)) continue;
    report(m.index, at, end, 'amount');
  }
  return out;
}

export const fusedFigures: Detector = {
  id: 'fused-figures',
  codes: ['fused-figures'],
  description: msg('两个数字之间缺少分隔符（3.51%80%）', 'Two figures run together with no separator (3.51%80%)'),
  detect,
};
