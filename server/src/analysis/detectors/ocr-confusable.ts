/**
 * ocr-confusable: a character misread by OCR as a look-alike, leaving a non-word: 农村而积大 for 农村面积大,
 * 自已 for 自己, 时问 for 时间.
 *
 * server/data/ocr-confusables.json lists groups of look-alike characters (而/面, 己/已/巳, 末/未…) and, for
 * each character, the common words that contain it (from jieba's dictionary, with frequency). A
 * character is flagged only when all of these hold, judged by the segmenter's dictionary-only cut (no
 * guessing of unknown words):
 * - as written, the character forms no dictionary word with its neighbours (it stands alone);
 * - swapping it for a look-alike makes a common word spanning it;
 * - the swap breaks no dictionary word of the original (而积极 stays: 积极 is a word; 让人学会 stays: 学会);
 * - the character before or after is not one that ends/starts a word with the character as written.
 * Common characters used as words of their own (而 in 而且 is in a word; 而 alone in 大而全 is not made a
 * word by 面) therefore stay silent. Misreadings that the dictionary lists as rare words (千部, 侯选人, 自已)
 * come from a generated list instead (`rareWords`). Without the segmenter the detector is silent.
 *
 * It is a reading, not a proof: information, or warning when the repaired word is very common; never
 * applied by fix-all.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { isHanAt } from '../text';
import type { Finding } from '../types';
import { Literals } from '../entities/literals';
import data from '../../../data/ocr-confusables.json';

/**
 * Look-alikes that are adverbs of their own before a verb (未达到, 已完成): the dictionary holds no word for
 * the phrase, so the verb right after the misread character is the evidence instead (末达到, 己完成).
 */
const ADVERBS_BEFORE_VERBS = new Set(['未', '已']);
/** What 末 ends when it means "the end of": a period or a numbered plan (年末, 6月末, 十二五末, 二季度末). */
const PERIOD_BEFORE_END = /[年月日周季期旬度届代纪0-9０-９一二三四五六七八九十百]/;
/** Verb tags (jieba) that such an adverb stands before. */
const VERB_TAG = /^(?:v|vd|vn)$/;

/**
 * Phrases of policy texts that a misread character breaks but that the dictionary holds too rarely (之日,
 * 未经 below the common-word frequency): 自印发之曰起施行, 末经审核, 己于.
 */
const FIXED_PHRASES = ['之日起', '未经', '未能', '未曾', '未予', '已于', '已由', '已被'];

/** Word frequency (jieba) from which a repaired word is certain enough to be a warning. */
const VERY_COMMON = 5000;
/** Characters either side of the candidate that the local re-segmentation looks at. */
const WINDOW = 4;

const WORDS = data.words as Record<string, Record<string, number>>;
/**
 * Look-alikes by UTF-16 code unit: the scan visits every unit of the text, and a number key spares a
 * one-character string per unit. (A character of two units could never equal one unit of the text, so
 * only one-unit characters are entered.)
 */
const LOOK_ALIKES = new Map<number, string[]>();
/** 1 for each code unit in LOOK_ALIKES: most characters have no look-alike, and a typed-array read is far cheaper than a Map lookup. */
const HAS_LOOK_ALIKE = new Uint8Array(65536);
/** Characters that are only ever the repair (成 of 完戍), never suspected themselves. */
const TARGETS_ONLY = new Set(data.targetsOnly);
for (const group of data.groups) {
  for (const c of group)
    if (c.length === 1 && !TARGETS_ONLY.has(c)) {
      LOOK_ALIKES.set(
        c.charCodeAt(0),
        [...group].filter((other) => other !== c),
      );
      HAS_LOOK_ALIKE[c.charCodeAt(0)] = 1;
    }
}

interface Piece {
  start: number;
  end: number;
}

/**
 * Misreadings the dictionary holds as rare words of their own (领导千部, 确定侯选人, 自已), each with the
 * common word it was read from: the non-word test cannot see them, so they are looked up by name.
 */
const RARE_MISREADINGS = data.rareWords as Record<string, string>;
const RARE_WORDS = new Literals(Object.keys(RARE_MISREADINGS));
/** A numeral before 千部 counts (三千部, 上千部 影片): only a 千 with no number before it may be 干. */
const NUMERAL_BEFORE = /[0-9０-９一二三四五六七八九十百两几数上成]/;

/** Words of a dictionary-only segmentation starting at `offset`, as spans. */
function spans(words: string[], offset: number): Piece[] {
  const out: Piece[] = [];
  let at = offset;
  for (const w of words) {
    out.push({ start: at, end: at + w.length });
    at += w.length;
  }
  return out;
}

/** The most frequent common word (in the data) inside `made` that contains offset `at`, where `alike` now stands. */
function commonWordWithin(
  swappedWindow: string,
  from: number,
  made: Piece,
  at: number,
  alike: string,
): { word: string; frequency: number; start: number } | undefined {
  const known = WORDS[alike];
  if (!known) return undefined;
  let best: { word: string; frequency: number; start: number } | undefined;
  for (let length = Math.min(3, made.end - made.start); length >= 2; length--) {
    for (let start = Math.max(made.start, at - length + 1); start <= at && start + length <= made.end; start++) {
      const word = swappedWindow.slice(start - from, start - from + length);
      const frequency = known[word];
      if (frequency !== undefined && (!best || frequency > best.frequency)) best = { word, frequency, start };
    }
  }
  return best;
}

function detect(ctx: AnalysisContext): Finding[] {
  const segmenter = ctx.segmenter;
  if (!segmenter?.cutDictionary) return [];
  const { text } = ctx;
  const userWords = ctx.options.userWords ?? [];
  const out: Finding[] = [];
  // windows repeat (common phrases, boilerplate): segment each distinct one once
  const cuts = new Map<string, string[]>();
  const cutOnce = (window: string): Piece[] => {
    let words = cuts.get(window);
    if (!words) cuts.set(window, (words = segmenter.cutDictionary!(window)));
    return spans(words, 0);
  };
  const tagAfter = (window: string, at: number): string | undefined => {
    let offset = 0;
    for (const w of segmenter.tag(window)) {
      if (offset === at) return w.word.length >= 2 ? w.tag : undefined;
      offset += w.word.length;
    }
    return undefined;
  };
  // the verdict depends only on the window and the character's place in it, and windows repeat, so
  // each (window, place) is judged once
  const verdicts = new Map<string, Swap | null>();
  for (let i = 0; i < text.length; i++) {
    if (!HAS_LOOK_ALIKE[text.charCodeAt(i)]) continue;
    // in a common word with a neighbour (项目, 报告): as written, so no segmentation is asked for
    if (inCommonWord(text, i)) continue;
    const alikes = LOOK_ALIKES.get(text.charCodeAt(i))!;
    // the clause around the character: Han characters only, so punctuation and digits bound it
    let from = i;
    while (from > 0 && i - from < WINDOW && isHanAt(text, from - 1)) from--;
    let to = i + 1;
    while (to < text.length && to - i <= WINDOW && isHanAt(text, to)) to++;
    if (to - from < 2) continue;
    const window = text.slice(from, to);
    const key = `${i - from}:${window}`;
    let swap = verdicts.get(key);
    if (swap === undefined) verdicts.set(key, (swap = judge(window, i - from, alikes, userWords, cutOnce, tagAfter)));
    if (!swap) continue;
    const { alike, word, frequency } = swap;
    const span = { start: from + swap.start, end: from + swap.start + word.length };
    const damaged = text.slice(span.start, span.end);
    const certain = frequency >= VERY_COMMON;
    out.push({
      code: 'ocr-confusable',
      severity: certain ? 'warning' : 'information',
      start: span.start,
      end: span.end,
      message: msg(
        `“${damaged}”不成词，疑为“${text[i]}”与形近字“${alike}”识别混淆，应为“${word}”。修复将改为“${word}”。`,
        `"${damaged}" is not a word: "${text[i]}" looks like an OCR misreading of "${alike}" (${word}). The fix changes it to "${word}".`,
      ),
      fixes: [{ title: msg(`改为“${word}”`, `Change to "${word}"`), edits: [{ start: i, end: i + 1, newText: alike }] }],
      fixAllSafe: false,
    });
  }
  out.push(...rareMisreadings(text, userWords, cutOnce));
  out.push(...measureWordAfterFigure(text));
  return out;
}

/**
 * Rare dictionary words that are misreadings of a common one (千部 for 干部), where the segmenter reads
 * the rare word as written: inside a longer word (接收人) or split otherwise it is something else.
 */
function rareMisreadings(text: string, userWords: readonly string[], cutOnce: (window: string) => Piece[]): Finding[] {
  const out: Finding[] = [];
  for (const { index, word } of RARE_WORDS.matches(text)) {
    if (userWords.some((w) => w.includes(word))) continue;
    if (word[0] === '千' && NUMERAL_BEFORE.test(text[index - 1] ?? '')) continue;
    let from = index;
    while (from > 0 && index - from < WINDOW && isHanAt(text, from - 1)) from--;
    let to = index + word.length;
    while (to < text.length && to - index - word.length < WINDOW && isHanAt(text, to)) to++;
    const asWritten = cutOnce(text.slice(from, to));
    if (!asWritten.some((p) => p.start === index - from && p.end === index - from + word.length)) continue;
    const repaired = RARE_MISREADINGS[word]!;
    const at = [...word].findIndex((c, k) => c !== repaired[k]);
    out.push({
      code: 'ocr-confusable',
      severity: 'warning',
      start: index,
      end: index + word.length,
      message: msg(
        `“${word}”疑为“${repaired}”的识别错误（“${word[at]}”与形近字“${repaired[at]}”混淆；“${word}”虽可成词但极少见）。修复将改为“${repaired}”。`,
        `"${word}" looks like an OCR misreading of "${repaired}" ("${word[at]}" for the look-alike "${repaired[at]}"; "${word}" is a word, but a very rare one). The fix changes it to "${repaired}".`,
      ),
      fixes: [
        {
          title: msg(`改为“${repaired}”`, `Change to "${repaired}"`),
          edits: [{ start: index + at, end: index + at + 1, newText: repaired[at]! }],
        },
      ],
      fixAllSafe: false,
    });
  }
  return out;
}

/**
 * 介 right after a figure (新增学位1.08万介): no word starts so, and the measure word 个 looks like it.
 * 介绍, 介入 and the like after a number (3介绍) are left alone, as is 一介 (一介书生).
 */
const FIGURE_END_BEFORE_JIE = /[0-9０-９万亿千百]/;
const WORD_AFTER_JIE = /[绍入质意于词]/;

function measureWordAfterFigure(text: string): Finding[] {
  const out: Finding[] = [];
  // from each 介 (rare), not by a look-behind expression tried at every character
  for (let at = text.indexOf('介'); at >= 0; at = text.indexOf('介', at + 1)) {
    if (!FIGURE_END_BEFORE_JIE.test(text[at - 1] ?? '') || WORD_AFTER_JIE.test(text[at + 1] ?? '')) continue;
    out.push({
      code: 'ocr-confusable',
      severity: 'warning',
      start: at,
      end: at + 1,
      message: msg(
        '数字后的“介”不成词，疑为量词“个”识别混淆。修复将改为“个”。',
        '"介" after a figure is not a word: it looks like an OCR misreading of the measure word "个". The fix changes it to "个".',
      ),
      fixes: [{ title: msg('改为“个”', 'Change to "个"'), edits: [{ start: at, end: at + 1, newText: '个' }] }],
      fixAllSafe: false,
    });
  }
  return out;
}

/** Whether the character at `i` makes a common word (two or three characters) with the ones next to it. */
function inCommonWord(text: string, i: number): boolean {
  const words = WORDS[text[i]!];
  if (!words) return false;
  for (let length = 2; length <= 3; length++) {
    for (let start = i - length + 1; start <= i; start++) {
      if (start >= 0 && start + length <= text.length && words[text.slice(start, start + length)] !== undefined) return true;
    }
  }
  return false;
}

/** A look-alike swap that makes a common word: `start` is the word's offset in the window. */
interface Swap {
  alike: string;
  word: string;
  frequency: number;
  start: number;
}

/** The first look-alike of the character at `i` of `window` that makes a common word, or null. */
function judge(
  window: string,
  i: number,
  alikes: readonly string[],
  userWords: readonly string[],
  cutOnce: (window: string) => Piece[],
  tagAfter: (window: string, at: number) => string | undefined,
): Swap | null {
  const original = cutOnce(window);
  const own = original.find((p) => p.start <= i && i < p.end);
  if (!own || own.end - own.start !== 1) return null;
  // 末 or 己 alone right before a verb of two characters or more: 未 or 已 (末达到 → 未达到), unless 末 is
  // the end of a period (十二五末达到, 6月末完成)
  const adverb = alikes.find((alike) => ADVERBS_BEFORE_VERBS.has(alike));
  const periodEnd = window[i] === '末' && i > 0 && PERIOD_BEFORE_END.test(window[i - 1]!);
  if (adverb && !periodEnd && original.some((p) => p.start === i + 1 && p.end - p.start >= 2)) {
    const tag = tagAfter(window, i + 1);
    if (tag && VERB_TAG.test(tag)) {
      const next = original.find((p) => p.start === i + 1)!;
      const damaged = window.slice(i, next.end);
      if (!userWords.some((w) => w.includes(damaged))) {
        return { alike: adverb, word: adverb + window.slice(i + 1, next.end), frequency: 0, start: i };
      }
    }
  }
  // fixed phrases of policy texts too rare as dictionary words to be found below (自印发之曰起, 末经审核)
  for (const alike of alikes) {
    const swappedWindow = window.slice(0, i) + alike + window.slice(i + 1);
    const phrase = FIXED_PHRASES.find((p) => {
      const at = swappedWindow.indexOf(p, Math.max(0, i - p.length + 1));
      return at >= 0 && at <= i && i < at + p.length;
    });
    if (!phrase) continue;
    const start = swappedWindow.indexOf(phrase, Math.max(0, i - phrase.length + 1));
    const damaged = window.slice(start, start + phrase.length);
    if (userWords.some((w) => w.includes(damaged))) continue;
    return { alike, word: phrase, frequency: VERY_COMMON, start };
  }
  for (const alike of alikes) {
    const swappedWindow = window.slice(0, i) + alike + window.slice(i + 1);
    const swapped = cutOnce(swappedWindow);
    const made = swapped.find((p) => p.start <= i && i < p.end);
    if (!made || made.end - made.start < 2) continue;
    // the common word is the segmenter's word or a part of it containing the swap (耕地面积 → 面积)
    const common = commonWordWithin(swappedWindow, 0, made, i, alike);
    if (!common) continue;
    const { word, frequency } = common;
    // a reduplication (人人, 日日) made from two look-alikes says nothing
    if (new Set(word).size === 1) continue;
    // the swap must not break a word of the original (而积极: 积极 is a word, the 而 is right);
    // words of the original inside the new one are fine (耕地 in 耕地面积)
    const breaks = original.some(
      (p) => p.end - p.start > 1 && p.start < made.end && made.start < p.end && (p.start < made.start || p.end > made.end),
    );
    if (breaks) continue;
    const damaged = window.slice(common.start, common.start + word.length);
    if (userWords.some((w) => w.includes(damaged))) continue;
    return { alike, word, frequency, start: common.start };
  }
  return null;
}

export const ocrConfusable: Detector = {
  id: 'ocr-confusable',
  codes: ['ocr-confusable'],
  description: msg(
    'OCR 形近字误识造成的非词（而积 → 面积）',
    'An OCR misreading of a look-alike character that makes a non-word (而积 → 面积)',
  ),
  detect,
};
