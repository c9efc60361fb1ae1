/**
 * Whether closing a gap (a space, a line break) between two pieces of Chinese text rejoins a word that the
 * gap split: 中国汽 | 车行业 → 汽车 spans the gap; 控辍保学 | 义务教育 → nothing does.
 *
 * Shared by the detectors that look at gaps inside running text (cjk-stray-space, column-break). Only the
 * segmenter's dictionary is trusted: its HMM guesses new words out of any two single characters, which
 * would see a "word" across almost every gap.
 */
import type { Segmenter } from './segment';
import { isHanAt } from './text';

/**
 * What the gap between `left` and `right` is:
 * - `split-word`: a dictionary word spans the gap and at least one side is a fragment on its own
 *   (汽 | 车, 工程技术人 | 员): the gap is damage;
 * - `compound`: the two sides are whole words that also form a longer dictionary word (职业 | 院校): the gap
 *   may be deliberate;
 * - `boundary`: no word spans the gap (or one would only by breaking a word on the other side);
 * - `unknown`: no segmenter to ask.
 */
export type JunctionKind = 'split-word' | 'compound' | 'boundary' | 'unknown';

/** The verdict on one gap, with the word that spans it when there is one. */
export interface JunctionVerdict {
  kind: JunctionKind;
  /** The dictionary word across the gap (for split-word and compound). */
  word?: string;
  /** When no word spans the gap: the words right before and after it in the closed text. */
  before?: string;
  after?: string;
}

/** Characters taken on each side of a gap: enough for the longest common words, short enough to stay local. */
export const JUNCTION_CONTEXT = 6;

/**
 * The lengths of the dictionary-only words of `text` (its ordinary cut without them): judging a gap needs
 * only where words end, and lengths spare a string per word on the thousands of gaps of a long text.
 */
function dictionaryWordLengths(segmenter: Segmenter, text: string): ArrayLike<number> {
  if (segmenter.cutDictionaryLengths) return segmenter.cutDictionaryLengths(text);
  return (segmenter.cutDictionary ? segmenter.cutDictionary(text) : segmenter.cut(text)).map((word) => word.length);
}

/**
 * The dictionary words of `left` and of `right`, each cut on its own, asked for in one call: nodejieba cuts
 * the text on either side of a line break apart and answers the break as a word of its own, so
 * `left⏎right` gives both cuts at once (half of the gaps a long text judges need them: one native call
 * each instead of two). Any segmenter that does not part the two there is asked twice instead.
 */
function sidesCutApart(segmenter: Segmenter, left: string, right: string): [ArrayLike<number>, ArrayLike<number>] {
  const both = dictionaryWordLengths(segmenter, `${left}\n${right}`);
  let end = 0;
  let i = 0;
  while (i < both.length && end < left.length) end += both[i++]!;
  if (end === left.length && both[i] === 1 && sumOf(both, i + 1) === right.length) {
    return [part(both, 0, i), part(both, i + 1, both.length)];
  }
  return [dictionaryWordLengths(segmenter, left), dictionaryWordLengths(segmenter, right)];
}

/** Lengths `from`..`to` of `lengths`, a view when it is a typed array (the native cut's answer). */
function part(lengths: ArrayLike<number>, from: number, to: number): ArrayLike<number> {
  if (lengths instanceof Uint32Array) return lengths.subarray(from, to);
  return Array.from({ length: to - from }, (_, k) => lengths[from + k]!);
}

function sumOf(lengths: ArrayLike<number>, from: number): number {
  let sum = 0;
  for (let i = from; i < lengths.length; i++) sum += lengths[i]!;
  return sum;
}

/** How many words are a single Han character: what a split leaves stranded on each side of the gap. */
function strandedCount(text: string, lengths: ArrayLike<number>): number {
  let count = 0;
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (lengths[i] === 1 && isHanAt(text, at)) count++;
    at += lengths[i]!;
  }
  return count;
}

/**
 * Judges the gap between `left` (the text just before it) and `right` (the text just after it). Pass a few
 * characters of context on each side (see JUNCTION_CONTEXT), without the gap itself.
 */
export function judgeJunction(segmenter: Segmenter | undefined, left: string, right: string): JunctionVerdict {
  if (!segmenter) return { kind: 'unknown' };
  if (!left || !right) return { kind: 'boundary' };
  const text = left + right;
  const joined = dictionaryWordLengths(segmenter, text);
  const gap = left.length;
  let start = 0;
  let spanning: { start: number; end: number } | undefined;
  let before: string | undefined;
  let after: string | undefined;
  for (let i = 0; i < joined.length; i++) {
    const end = start + joined[i]!;
    if (start < gap && gap < end) {
      spanning = { start, end };
      break;
    }
    if (end === gap) before = text.slice(start, end);
    if (start === gap) after = text.slice(start, end);
    start = end;
  }
  if (!spanning) return { kind: 'boundary', before, after };
  const word = text.slice(spanning.start, spanning.end);
  // a "word" made of digits or Latin letters across the gap is not a Chinese word split by it
  if (!isHanAt(left, left.length - 1) || !isHanAt(right, 0)) return { kind: 'boundary' };
  const [leftWords, rightWords] = sidesCutApart(segmenter, left, right);
  const leftPart = gap - spanning.start;
  const rightPart = spanning.end - gap;
  // two whole words that also make a longer one (职业 | 院校, 中国 | 人民) may be spaced on purpose (the last
  // word of the left side is the part of the word there when their lengths agree: both end the side)
  if (leftWords[leftWords.length - 1] === leftPart && rightWords[0] === rightPart && leftPart >= 2 && rightPart >= 2) {
    return { kind: 'compound', word };
  }
  // Closing a real split leaves fewer stranded single characters (中国/汽 + 车/行业 → 中国/汽车行业); a
  // "word" that only moves the stranding elsewhere (之/力 + 阻断 → 之/力阻/断) is a coincidence of the
  // dictionary, not a split.
  if (strandedCount(text, joined) >= strandedCount(left, leftWords) + strandedCount(right, rightWords)) return { kind: 'boundary' };
  return { kind: 'split-word', word };
}

/** Whether the character at `i` may belong to a word's context: Han, digits, Latin letters. */
export function isWordChar(text: string, i: number): boolean {
  if (isHanAt(text, i)) return true;
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x25;
}

/** Up to `max` word characters ending at `end` (exclusive), stopping at anything else. */
export function wordContextBefore(text: string, end: number, max = JUNCTION_CONTEXT): string {
  let start = end;
  while (start > 0 && end - start < max && isWordChar(text, start - 1)) start--;
  return text.slice(start, end);
}

/** Up to `max` word characters starting at `start`, stopping at anything else. */
export function wordContextAfter(text: string, start: number, max = JUNCTION_CONTEXT): string {
  let end = start;
  while (end < text.length && end - start < max && isWordChar(text, end)) end++;
  return text.slice(start, end);
}
