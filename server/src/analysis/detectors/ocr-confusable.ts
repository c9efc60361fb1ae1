/**
 * ocr-confusable: a character misread by OCR as a look-alike, leaving a non-word: 农村而积大 for 农村面积大,
 * 自已 for 自己, 时问 for 时间.
 *
 * server/data/ocr-confusables.json lists groups of look-alike characters (而/面, 己/已/巳, 末/未…) and, for
 * each character, the common words that contain it (from jieba's dictionary, with frequency). A
 * character is flagged only when all of these hold, judged by the segmenter's dictionary-only cut (no
 * guessing of unknown words):
 * - as written, the character forms no dictionary word with its neighbours (it stands alone);
 * - swapping it for a look-alike makes a common word spanning it (for misreadings that right text hardly
 *   ever has standing alone, 兔去 or 纳税入, a rarer word will do: jieba's general corpus holds policy words
 *   such as 免去 and 纳税人 far below their weight in policy texts; some, 环比 and 拨付, the data counts as
 *   common; and of very common repair characters, 上 and 目, only a few listed words repair: 比土年, 日标);
 * - the swap breaks no dictionary word of the original (而积极 stays: 积极 is a word; 让人学会 stays: 学会);
 * - the character before or after is not one that ends/starts a word with the character as written.
 * Common characters used as words of their own (而 in 而且 is in a word; 而 alone in 大而全 is not made a
 * word by 面) therefore stay silent, and so do names (杜会明, 张昕). Misreadings that the dictionary lists as
 * rare words (千部, 侯选人, 自已) come from a generated list instead (`rareWords`), and so do those that the
 * cut hides in a word of their own (发盲人 is 发/盲人: `hiddenWords`, with a few known misreadings no rule
 * finds: 四舍五人, 采购入代表); look-alikes next to figures (45兀, 8曰, 12月未，, 30782.9忆元, 五干元) are found
 * by their place, and characters never right in a modern text (城巿, 釆购, 刑亊) wherever they stand. Lines
 * in traditional characters are judged in their simplified form (失業卒 as 失业卒). Without the segmenter
 * the detector is silent.
 *
 * It is a reading, not a proof: information, or warning when the repaired word is very common; never
 * applied by fix-all.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { mayConvert } from '../simplified';
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

/** The hundred commonest surnames: names are what a lone character of right text most often is. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Characters no given name has: after a surname's swap they show the word (杜会的 is 社会的). */
const NEVER_IN_NAMES = '的了和与及或是在对把被等';
/** Look-alikes that are characters of given names far more than anything else (张昕, 王昕). */
const GIVEN_NAMES = '昕';
/** Phrases right as written that a swap would make a word of: 古有…今有… is not 占有. */
const RIGHT_AS_WRITTEN = ['古有'];

/** One-character conjunctions that OCR look-alikes also make (而 of 面): at a clause's start they may be right. */
const CONJUNCTIONS = new Set(['而']);
/** What ends the text before a clause. */
const CLAUSE_MARK_BEFORE = /[，。；：,;:！？]/;

/** Word frequency (jieba) from which a repaired word is certain enough to be a warning. */
const VERY_COMMON = 5000;
/** Characters either side of the candidate that the local re-segmentation looks at. */
const WINDOW = 4;

/**
 * For each character of a group, the dictionary words (two or three characters) containing it, with their
 * frequency: any of them may be the repair, and one from COMMON_FREQUENCY on, as written, shows that the
 * character is right.
 */
const WORDS = data.words as Record<string, Record<string, number>>;
const COMMON_FREQUENCY = data.commonFrequency;
/**
 * Misreadings (suspect, then repair: 兔免, 入人) that right text hardly ever has standing alone, so that a
 * rarer word may be the repair (兔去 → 免去, 纳税入 → 纳税人); only common words repair the others.
 */
const RARER_REPAIRS = new Set(data.rarerRepairs);
/** Suspects that a rarer word repairs only inside it, not at its start: 叶露 is a name, not 吐露. */
const RARER_INSIDE_ONLY = new Set(data.rarerInsideOnly);
/**
 * Look-alikes by UTF-16 code unit, as the generator gives them (a character in two groups has the
 * look-alikes of both; the common side of a one-way pair, 成 of 戍/成, has none, so it is never suspected).
 * The scan visits every unit of the text, and a number key spares a one-character string per unit. (A
 * character of two units could never equal one unit of the text, so only one-unit characters are entered.)
 */
const LOOK_ALIKES = new Map<number, string[]>();
/** 1 for each code unit in LOOK_ALIKES: most characters have no look-alike, and a typed-array read is far cheaper than a Map lookup. */
const HAS_LOOK_ALIKE = new Uint8Array(65536);
for (const [c, alikes] of Object.entries(data.lookAlikes as Record<string, string>)) {
  if (c.length !== 1) continue;
  LOOK_ALIKES.set(c.charCodeAt(0), [...alikes]);
  HAS_LOOK_ALIKE[c.charCodeAt(0)] = 1;
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
/**
 * Misreadings that the dictionary-only cut hides in a word (发盲人 is 发/盲人, for 发言人), each with the
 * word of three characters it was read from; looked up by name with the rare ones.
 */
const HIDDEN_MISREADINGS = data.hiddenWords as Record<string, string>;
const RARE_WORDS = new Literals([...Object.keys(RARE_MISREADINGS), ...Object.keys(HIDDEN_MISREADINGS)]);
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

/**
 * The most frequent word (in the data, from `minimum` on, or from `minimumAtStart` on for a word that
 * `alike` starts) inside `made` that contains offset `at`, where `alike` now stands.
 */
function commonWordWithin(
  swappedWindow: string,
  from: number,
  made: Piece,
  at: number,
  alike: string,
  minimum: number,
  minimumAtStart: number,
): { word: string; frequency: number; start: number } | undefined {
  const known = WORDS[alike];
  if (!known) return undefined;
  let best: { word: string; frequency: number; start: number } | undefined;
  for (let length = Math.min(3, made.end - made.start); length >= 2; length--) {
    for (let start = Math.max(made.start, at - length + 1); start <= at && start + length <= made.end; start++) {
      const word = swappedWindow.slice(start - from, start - from + length);
      const frequency = known[word];
      if (frequency === undefined || frequency < (start === at ? minimumAtStart : minimum)) continue;
      if (!best || frequency > best.frequency) best = { word, frequency, start };
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
  // words are judged in simplified characters, unit for unit (the dictionary's words are simplified:
  // 失業卒 is 失业卒, 輸出人類 is 输出人类); the text itself unless some line has traditional characters
  const source = ctx.simplifiedText;
  const traditionalLines = source === text ? undefined : new Map<number, boolean>();
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // a traditional character itself (converted in the simplified view) is another detector's business
    if (!HAS_LOOK_ALIKE[unit] || source.charCodeAt(i) !== unit) continue;
    // in a common word with a neighbour (项目, 报告): as written, so no segmentation is asked for
    if (inCommonWord(source, i)) continue;
    // in traditional text 著 is the particle 着 (执行著, 记著 "keep in mind"), not a misread 者
    if (unit === ZHU && traditionalLines && isTraditionalLine(text, i, traditionalLines)) continue;
    const alikes = LOOK_ALIKES.get(unit)!;
    // the clause around the character: Han characters only, so punctuation and digits bound it
    let from = i;
    while (from > 0 && i - from < WINDOW && isHanAt(text, from - 1)) from--;
    let to = i + 1;
    while (to < text.length && to - i <= WINDOW && isHanAt(text, to)) to++;
    if (to - from < 2) continue;
    const window = source.slice(from, to);
    const key = `${i - from}:${window}`;
    let swap = verdicts.get(key);
    if (swap === undefined) {
      // most lone characters make no word with a look-alike in their place: no segmentation for them
      swap = mayRepair(window, i - from, alikes) ? judge(window, i - from, alikes, userWords, cutOnce, tagAfter) : null;
      verdicts.set(key, swap);
    }
    if (!swap) continue;
    const { alike, word, frequency } = swap;
    const span = { start: from + swap.start, end: from + swap.start + word.length };
    const damaged = text.slice(span.start, span.end);
    // ；而对主动整改的企业: 而 opening a clause is the conjunction as often as a misread 面 (面对): a guess
    const conjunctionAtClauseStart = CONJUNCTIONS.has(text[i]!) && i === span.start && CLAUSE_MARK_BEFORE.test(text[i - 1] ?? '');
    const certain = frequency >= VERY_COMMON && !conjunctionAtClauseStart;
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
  out.push(...besideFigures(text, new Set(out.flatMap((f) => f.fixes[0]!.edits.map((e) => e.start)))));
  out.push(...neverRight(text));
  return out;
}

/** Characters never right in a modern policy text (巿 U+5DFF, 釆 U+91C6, 亊), each with its repair (市, 采, 事). */
const NEVER_RIGHT = Object.entries(data.neverRight as Record<string, string>);

/** Each character of NEVER_RIGHT, wherever it stands (城巿, 釆购, 刑亊), found without the segmenter. */
function neverRight(text: string): Finding[] {
  const out: Finding[] = [];
  // from each of these (rare) characters, not by a scan of every character
  for (const [c, repair] of NEVER_RIGHT) {
    for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
      const code = c.charCodeAt(0).toString(16).toUpperCase();
      out.push({
        code: 'ocr-confusable',
        severity: 'warning',
        start: at,
        end: at + 1,
        message: msg(
          `“${c}”（U+${code}）不是现代汉语用字，疑为形近字“${repair}”识别混淆。修复将改为“${repair}”。`,
          `"${c}" (U+${code}) is no character of modern Chinese: it looks like an OCR misreading of "${repair}". The fix changes it to "${repair}".`,
        ),
        fixes: [{ title: msg(`改为“${repair}”`, `Change to "${repair}"`), edits: [{ start: at, end: at + 1, newText: repair }] }],
        fixAllSafe: false,
      });
    }
  }
  return out;
}

/**
 * Rare dictionary words that are misreadings of a common one (千部 for 干部), where the segmenter reads
 * the rare word as written: inside a longer word (接收人) or split otherwise it is something else. A
 * hidden misreading (发盲人) counts where no word of the cut crosses its ends (出入口数 is not 入口数).
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
    const start = index - from;
    const end = start + word.length;
    const hidden = HIDDEN_MISREADINGS[word];
    if (
      hidden === undefined
        ? !asWritten.some((p) => p.start === start && p.end === end)
        : asWritten.some((p) => (p.start < start && start < p.end) || (p.start < end && end < p.end))
    )
      continue;
    const repaired = hidden ?? RARE_MISREADINGS[word]!;
    const at = [...word].findIndex((c, k) => c !== repaired[k]);
    out.push({
      code: 'ocr-confusable',
      severity: 'warning',
      start: index,
      end: index + word.length,
      message:
        hidden === undefined
          ? msg(
              `“${word}”疑为“${repaired}”的识别错误（“${word[at]}”与形近字“${repaired[at]}”混淆；“${word}”虽可成词但极少见）。修复将改为“${repaired}”。`,
              `"${word}" looks like an OCR misreading of "${repaired}" ("${word[at]}" for the look-alike "${repaired[at]}"; "${word}" is a word, but a very rare one). The fix changes it to "${repaired}".`,
            )
          : msg(
              `“${word}”不成词，疑为“${repaired}”的识别错误（“${word[at]}”与形近字“${repaired[at]}”混淆）。修复将改为“${repaired}”。`,
              `"${word}" is not a word: it looks like an OCR misreading of "${repaired}" ("${word[at]}" for the look-alike "${repaired[at]}"). The fix changes it to "${repaired}".`,
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
const DIGIT = /[0-9０-９]/;
/**
 * 干 between a numeral and a unit or magnitude is 千 (五干元, 3干瓦, 两干多人). Not 人 (一干人 is a group of
 * people) and, after 一, only units of measure (一干家属 is not 一千家); 十干 (the ten heavenly stems) and 若干 have
 * none of these numerals before them.
 */
const NUMERAL_BEFORE_GAN = /[0-9０-９一二三四五六七八九两几百]/;
const UNIT_AFTER_GAN = /[元万亿米克瓦吨亩户名余多个家套台辆册]/;
const MEASURE_AFTER_GAN = /[元万亿米克瓦吨亩]/;
/** 五月八曰: a day of the month in Chinese numerals, after its month. */
const DAY_IN_NUMERALS = /月[一二三四五六七八九十]{1,3}$/;
/** 12月未, 2023年未: a month or a year in figures ended by 未 (the clause ends right after it). */
const PERIOD_IN_FIGURES = /[0-9０-９一二三四五六七八九十][月年]$/;

/**
 * Look-alikes next to a figure, found without the segmenter: 介 for the measure word 个 (1.08万介), 兀 for
 * 元 (45兀: 兀 never follows a digit), 忆 for 亿 (30782.9忆元: nor does 忆), 干 for 千 between a numeral and a
 * unit (五干元), 曰 for 日 after a day (8曰, 五月八曰), and 未 for 末 ending a month or a year
 * (截至2023年12月未，: 未 before a verb, 12月未完成, is right and left alone). Skips offsets `taken` by a
 * finding already made.
 */
function besideFigures(text: string, taken: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  const report = (at: number, repair: string, zh: string, en: string) => {
    if (taken.has(at)) return;
    out.push({
      code: 'ocr-confusable',
      severity: 'warning',
      start: at,
      end: at + 1,
      message: msg(`${zh}修复将改为“${repair}”。`, `${en} The fix changes it to "${repair}".`),
      fixes: [{ title: msg(`改为“${repair}”`, `Change to "${repair}"`), edits: [{ start: at, end: at + 1, newText: repair }] }],
      fixAllSafe: false,
    });
  };
  // from each of these (rare) characters, not by a look-behind expression tried at every character
  for (let at = text.indexOf('介'); at >= 0; at = text.indexOf('介', at + 1)) {
    if (!FIGURE_END_BEFORE_JIE.test(text[at - 1] ?? '') || WORD_AFTER_JIE.test(text[at + 1] ?? '')) continue;
    report(
      at,
      '个',
      '数字后的“介”不成词，疑为量词“个”识别混淆。',
      '"介" after a figure is not a word: it looks like an OCR misreading of the measure word "个".',
    );
  }
  for (let at = text.indexOf('兀'); at >= 0; at = text.indexOf('兀', at + 1)) {
    if (!DIGIT.test(text[at - 1] ?? '')) continue;
    report(at, '元', '数字后的“兀”疑为“元”识别混淆。', '"兀" after a figure looks like an OCR misreading of "元".');
  }
  for (let at = text.indexOf('忆'); at >= 0; at = text.indexOf('忆', at + 1)) {
    if (!DIGIT.test(text[at - 1] ?? '')) continue;
    report(at, '亿', '数字后的“忆”疑为“亿”识别混淆。', '"忆" after a figure looks like an OCR misreading of "亿".');
  }
  for (let at = text.indexOf('干'); at >= 0; at = text.indexOf('干', at + 1)) {
    const before = text[at - 1] ?? '';
    if (!NUMERAL_BEFORE_GAN.test(before) || !(before === '一' ? MEASURE_AFTER_GAN : UNIT_AFTER_GAN).test(text[at + 1] ?? '')) continue;
    report(at, '千', '数字后的“干”疑为“千”识别混淆。', '"干" in a figure looks like an OCR misreading of "千".');
  }
  for (let at = text.indexOf('曰'); at >= 0; at = text.indexOf('曰', at + 1)) {
    if (!DIGIT.test(text[at - 1] ?? '') && !DAY_IN_NUMERALS.test(text.slice(Math.max(0, at - 5), at))) continue;
    report(at, '日', '日期中的“曰”疑为“日”识别混淆。', '"曰" in a date looks like an OCR misreading of "日".');
  }
  for (let at = text.indexOf('未'); at >= 0; at = text.indexOf('未', at + 1)) {
    if (!PERIOD_IN_FIGURES.test(text.slice(Math.max(0, at - 2), at)) || isHanAt(text, at + 1)) continue;
    report(
      at,
      '末',
      '月份或年份后的“未”疑为“末”识别混淆。',
      '"未" after a month or a year looks like an OCR misreading of "末" (the end of it).',
    );
  }
  return out;
}

const ZHU = '著'.charCodeAt(0);

/** Whether the line around offset `at` has a traditional character, remembered by the line's start. */
function isTraditionalLine(text: string, at: number, known: Map<number, boolean>): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  let traditional = known.get(start);
  if (traditional === undefined) {
    const end = text.indexOf('\n', at);
    known.set(start, (traditional = mayConvert(text, start, end < 0 ? text.length : end)));
  }
  return traditional;
}

/**
 * Per suspect character (by code unit), its common words of two or three units as number keys, built on
 * first use: the scan asks this of every suspect character, and looking words up by key spares slicing
 * five strings each time. A two-unit key is below 2^32 and a three-unit one above it (exact in a double).
 */
const commonWordKeys = new Map<number, Set<number> | null>();

function commonWordKeysOf(unit: number): Set<number> | null {
  let keys = commonWordKeys.get(unit);
  if (keys === undefined) {
    const words = WORDS[String.fromCharCode(unit)];
    keys = null;
    if (words) {
      keys = new Set();
      for (const [word, frequency] of Object.entries(words)) {
        if ((word.length === 2 || word.length === 3) && frequency >= COMMON_FREQUENCY) keys.add(unitsKey(word, 0, word.length));
      }
    }
    commonWordKeys.set(unit, keys);
  }
  return keys;
}

/** The number key of the two or three units of `text` from `start`. */
function unitsKey(text: string, start: number, length: number): number {
  const two = text.charCodeAt(start) * 0x10000 + text.charCodeAt(start + 1);
  return length === 2 ? two : two * 0x10000 + text.charCodeAt(start + 2);
}

/** Whether the character at `i` makes a common word (two or three characters) with the ones next to it. */
function inCommonWord(text: string, i: number): boolean {
  const keys = commonWordKeysOf(text.charCodeAt(i));
  if (!keys) return false;
  for (let length = 2; length <= 3; length++) {
    for (let start = i - length + 1; start <= i; start++) {
      if (start >= 0 && start + length <= text.length && keys.has(unitsKey(text, start, length))) return true;
    }
  }
  return false;
}

/** Look-alikes that the adverb and fixed-phrase rules of `judge` take without a word of the data. */
const JUDGED_WITHOUT_WORD = new Set([...ADVERBS_BEFORE_VERBS, ...FIXED_PHRASES.join('')]);

/**
 * Whether a look-alike in place of the character at `i` of `window` could make a word that `judge`
 * accepts: a word of the data (frequent enough for the pair) spanning `i`, or a look-alike that the adverb
 * and fixed-phrase rules take. A necessary condition of judge's, checked without the segmenter.
 */
function mayRepair(window: string, i: number, alikes: readonly string[]): boolean {
  for (const alike of alikes) {
    if (JUDGED_WITHOUT_WORD.has(alike)) return true;
    const known = WORDS[alike];
    if (!known) continue;
    const minimum = RARER_REPAIRS.has(window[i]! + alike) ? 0 : COMMON_FREQUENCY;
    for (let length = 2; length <= 3; length++) {
      for (let start = Math.max(0, i - length + 1); start <= i && start + length <= window.length; start++) {
        if ((known[window.slice(start, i) + alike + window.slice(i + 1, start + length)] ?? 0) >= minimum) return true;
      }
    }
  }
  return false;
}

/** Whether `pieces` has a word of two characters or more spanning exactly `start` to `end`. */
function isWord(pieces: readonly Piece[], start: number, end: number): boolean {
  return end - start > 1 && pieces.some((p) => p.start === start && p.end === end);
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
  // 昕 after a surname is a given name (张昕说 is not 听说)
  if (GIVEN_NAMES.includes(window[i]!) && i > 0 && SURNAMES.includes(window[i - 1]!)) return null;
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
    const minimum = RARER_REPAIRS.has(window[i]! + alike) ? 0 : COMMON_FREQUENCY;
    const minimumAtStart = RARER_INSIDE_ONLY.has(window[i]!) ? COMMON_FREQUENCY : minimum;
    const common = commonWordWithin(swappedWindow, 0, made, i, alike, minimum, minimumAtStart);
    if (!common) continue;
    const { word, frequency } = common;
    // a reduplication (人人, 日日) made from two look-alikes says nothing
    if (new Set(word).size === 1) continue;
    // the swap must not break a word of the original (而积极: 积极 is a word, the 而 is right, as 极 left
    // alone shows); words of the original inside the new one are fine (耕地 in 耕地面积), and so is one
    // that the swap divides into words (成交价恪 → 成交/价格)
    const breaks = original.some(
      (p) =>
        p.end - p.start > 1 &&
        p.start < made.end &&
        made.start < p.end &&
        ((p.start < made.start && !isWord(swapped, p.start, made.start)) || (p.end > made.end && !isWord(swapped, made.end, p.end))),
    );
    if (breaks) continue;
    // a surname made the start of a two-character word, a lone character after it: a name of three
    // characters (杜会明 is not 社会明, 李度华 not 季度华)
    if (SURNAMES.includes(window[i]!) && common.start === i && word.length === 2) {
      const next = swapped.find((p) => p.start === i + 2);
      if (next && next.end - next.start === 1 && !NEVER_IN_NAMES.includes(window[i + 2]!)) continue;
    }
    const damaged = window.slice(common.start, common.start + word.length);
    if (userWords.some((w) => w.includes(damaged)) || RIGHT_AS_WRITTEN.includes(damaged)) continue;
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
