/**
 * fused-ordinal: two consecutive ordinals whose separator was lost, 第4243届 for 第42、43届 (the 42nd
 * and 43rd editions), 第1011次 for 第10、11次.
 *
 * Two facts must both hold: the digits split into n and n+1 (4243 → 42 | 43, 910 → 9 | 10, 99100 →
 * 99 | 100), and the whole is implausible as one ordinal of that kind (no event has had 4243 editions).
 * Real large ordinals never split that way or stay below the bound: 第125届广交会, 第100期, 第2000次.
 * The repair inserts 、 between the two; it keeps every digit.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import type { Finding } from '../types';

/**
 * Above these, an ordinal of the unit is implausible: editions (届) of recurring events and congresses
 * stay in the low hundreds; sessions (次), issues (期), rounds (轮) and batches (批) can run higher.
 */
const PLAUSIBLE_MAX: Record<string, number> = { 届: 300, 次: 1000, 期: 3000, 轮: 200, 批: 300, 季: 200, 代: 50, 任: 200 };

// a narrow column's line break may fall between the digits and the unit (第1718⏎届)
const FUSED = new RegExp(`第(\\d{2,6})(?:[ \\t\\u3000]*\\r?\\n[ \\t\\u3000]*)?(${Object.keys(PLAUSIBLE_MAX).join('|')})`, 'g');

/** The split point where the digits read as n followed by n+1, if any (no leading zeros). */
export function consecutiveSplit(digits: string): number | undefined {
  for (let cut = 1; cut < digits.length; cut++) {
    const left = digits.slice(0, cut);
    const right = digits.slice(cut);
    if (right.startsWith('0') || left.startsWith('0')) continue;
    if (Number(right) === Number(left) + 1) return cut;
  }
  return undefined;
}

function detect(ctx: AnalysisContext): Finding[] {
  const text = toHalfWidthDigits(ctx.text);
  const out: Finding[] = [];
  for (const m of text.matchAll(FUSED)) {
    const digits = m[1]!;
    const unit = m[2]!;
    if (Number(digits) <= PLAUSIBLE_MAX[unit]!) continue;
    // part of a longer figure (第4243.5届 or a digit right before 第) is something else
    if (/[\d.]/.test(text[m.index + m[0].length] ?? '')) continue;
    const cut = consecutiveSplit(digits);
    if (cut === undefined) continue;
    // 第8990次会议, 此前第8989次会议: a numbering the text runs in that range is real (the UN Security
    // Council's meetings), so a near number of the same kind elsewhere keeps this one whole
    if (nearNumberElsewhere(text, m.index, Number(digits), unit)) continue;
    // sessions and issues can be numbered in thousands: there the reading is a guess
    const loose = LOOSE_UNITS.has(unit);
    const digitsStart = m.index + 1;
    const first = ctx.text.slice(digitsStart, digitsStart + cut);
    const second = ctx.text.slice(digitsStart + cut, digitsStart + digits.length);
    out.push({
      code: 'fused-ordinal',
      severity: loose ? 'information' : 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: msg(
        `“第${digits}${unit}”不像一个序数，应是相连的两个序数“第${first}、${second}${unit}”丢了分隔符。修复将插入“、”。`,
        `"第${digits}${unit}" is not a plausible ordinal: it reads as two consecutive ones, ${first} and ${second}, with the separator lost. The fix inserts "、".`,
      ),
      fixes: [
        {
          title: msg(`改为“第${first}、${second}${unit}”`, `Change to "第${first}、${second}${unit}"`),
          edits: [{ start: digitsStart + cut, end: digitsStart + cut, newText: '、' }],
        },
      ],
      fixAllSafe: !loose,
    });
  }
  return out;
}

/** Units whose ordinals real numberings run into the thousands (meetings, issues, batches). */
const LOOSE_UNITS = new Set(['次', '期', '批']);
/** How near another ordinal of the unit must be to show the numbering runs that high. */
const NEAR_ORDINAL = 200;

/** Whether another 第N of the same unit, N near `value`, stands in the text within a few hundred units. */
function nearNumberElsewhere(text: string, at: number, value: number, unit: string): boolean {
  const around = text.slice(Math.max(0, at - 300), at + 300);
  for (const m of around.matchAll(/第(\d{2,6})/g)) {
    if (!around.startsWith(unit, m.index + m[0].length)) continue;
    const n = Number(m[1]);
    if (n !== value && Math.abs(n - value) <= NEAR_ORDINAL) return true;
  }
  return false;
}

export const fusedOrdinal: Detector = {
  id: 'fused-ordinal',
  codes: ['fused-ordinal'],
  description: msg('两个相连序数粘连（第4243届）', 'Two consecutive ordinals run together (第4243届)'),
  detect,
};
