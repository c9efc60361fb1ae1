/**
 * cjk-stray-space: spaces (ASCII, U+3000, no-break) left inside Chinese text by narrow-column layouts and
 * OCR: 中国汽 车行业, 工程技术人 员, 技 能类奖项, or a whole word letter-spaced across a justified line
 * (职业 教 育 提 升 工程).
 *
 * Chinese puts no spaces between words, but a space between two complete words is ordinary typography in
 * headlines (控辍保学 义务教育一个都不能少), titles, bylines and infographics, and spaces around figures and
 * Latin words are normal (专利 14687 件). So a space is only damage when the segmenter's dictionary sees a
 * word across it and one side is a fragment on its own (see word-junction.ts); that is a warning whose
 * fix removes the space. A space between items that each end with a figure (工作室1个 市级技能大师工作室3个)
 * is a list glued by a space: a hint whose fix puts 、 in its place. A space inside a figure (学校4 5所) is
 * damage too (see spacedFigures). Everything else is left alone, and without the segmenter only the list
 * hint and the spaced figures remain.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { isHanAt, stickyMatches, unitTable } from '../text';
import { unitAfterFigure } from '../entities/metric';
import type { Finding, TextEdit } from '../types';
import { JUNCTION_CONTEXT, judgeJunction, wordContextAfter, wordContextBefore } from '../word-junction';

/** Spaces that may sit inside a line of Chinese text (ASCII, ideographic, no-break, en/thin). Tabs are layout, not OCR residue. */
const SPACE = /[ \u3000\u00A0\u2002-\u200A]+/g;

/** A run of spaces between two Han characters on one line. */
interface Gap {
  start: number;
  end: number;
}

/** Measure words and units that end a counted list item: 1个, 74人, 226项, 80余项. */
const ITEM_END = /\d(?:\.\d+)?[万亿千百]?[余多]?[个人名项件次家所元台套篇部册期届份间座条户位支批处场种门天岁]$/;
/** Where a list item ends or begins: spaces, punctuation, line ends. */
const ITEM_SEPARATOR = /[\s，。、；：！？,.;:!?“”"（）()《》\-—]/;

function gapsOf(text: string): Gap[] {
  const gaps: Gap[] = [];
  for (const m of text.matchAll(SPACE)) {
    const start = m.index;
    const end = start + m[0].length;
    // leading indentation and trailing spaces are not inside text; only Han on both sides is Chinese text
    if (start === 0 || end >= text.length) continue;
    if (!isHanAt(text, start - 1) || !isHanAt(text, end)) continue;
    if (isPadding(text, start, end)) continue;
    gaps.push({ start, end });
  }
  return gaps;
}

/**
 * Ideographic spaces that pad a two-character word to the width of four, as official documents align
 * their labels and headings (总 则 and 传 真： with two ideographic spaces) and newspapers a two-character name (记者 赵 云): the word
 * stands alone, with no Han character right before or after it.
 */
function isPadding(text: string, start: number, end: number): boolean {
  // two spaces or more after a character standing alone: alignment of a short word or name (副组长：林  涛
  // 副市长, 主  办：); inside a longer run (高质量发   展) the spaces are OCR's
  if (end - start >= 2 && !isHanAt(text, start - 2)) return true;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x3000) return false;
  return !isHanAt(text, start - 2) && !isHanAt(text, end + 1);
}

/** Whether the unit at `i` is white space other than a line end. */
function isInlineSpace(text: string, i: number): boolean {
  return /[^\S\r\n]/.test(text[i] ?? '');
}

/**
 * Letter-spaced runs: three or more single Han characters separated by spaces (职 业 教 育). Returned as
 * lists of consecutive gaps; a gap belongs to at most one run.
 */
function letterSpacedRuns(text: string, gaps: readonly Gap[]): Gap[][] {
  const runs: Gap[][] = [];
  let current: Gap[] = [];
  for (const gap of gaps) {
    const previous = current[current.length - 1];
    if (previous && previous.end + 1 === gap.start) current.push(gap);
    else {
      if (current.length >= 2) runs.push(current);
      current = [gap];
    }
  }
  if (current.length >= 2) runs.push(current);
  return runs.filter((run) => run.length >= 2 && text.length > 0);
}

/**
 * A line made of nothing but spaced single characters (通 知, 目  录, 前 言), at the start of a paragraph: a
 * spaced title, set that way on purpose. Inside a column (the line before runs on into it) it is a
 * justified line instead, and its spaces are damage.
 */
function isSpacedTitle(text: string, gaps: readonly Gap[]): boolean {
  const first = gaps[0]!;
  const last = gaps[gaps.length - 1]!;
  for (let k = 1; k < gaps.length; k++) if (gaps[k]!.start !== gaps[k - 1]!.end + 1) return false;
  // nothing but white space between the spaced characters and the ends of their line (walked over white
  // space only, so that a huge line costs nothing here)
  let lineStart = first.start - 1;
  while (lineStart > 0 && isInlineSpace(text, lineStart - 1)) lineStart--;
  if (lineStart > 0 && !/[\r\n]/.test(text[lineStart - 1]!)) return false;
  let lineEnd = last.end + 1;
  while (lineEnd < text.length && isInlineSpace(text, lineEnd)) lineEnd++;
  if (lineEnd < text.length && !/[\r\n]/.test(text[lineEnd]!)) return false;
  // the line before must be blank, absent, or end a sentence
  let i = lineStart - 1;
  let breaks = 0;
  while (i >= 0 && /[\r\n]/.test(text[i]!)) {
    if (text[i] === '\n' || text[i + 1] !== '\n') breaks++;
    i--;
  }
  if (i < 0 || breaks >= 2) return true;
  return /[。！？!?”’》）)：:]\s*$/.test(text.slice(Math.max(0, i - 2), i + 1));
}

function removeSpaces(title: [string, string], gaps: readonly Gap[]): { title: ReturnType<typeof msg>; edits: TextEdit[] } {
  return { title: msg(...title), edits: gaps.map((g) => ({ start: g.start, end: g.end, newText: '' })) };
}

function shown(text: string, gap: Gap): string {
  return `${wordContextBefore(text, gap.start, 4)}␣${wordContextAfter(text, gap.end, 4)}`;
}

function splitWordFinding(text: string, gap: Gap, word: string): Finding {
  const around = shown(text, gap);
  return {
    code: 'cjk-stray-space',
    severity: 'warning',
    start: gap.start,
    end: gap.end,
    message: msg(
      `空格把词语“${word}”拆成了两半（${around}），多为分栏排版或识别留下的残迹。修复将删除这个空格。`,
      `A space splits the word "${word}" (${around}), a leftover of column layout or OCR. The fix removes the space.`,
    ),
    fixes: [removeSpaces(['删除词中空格', 'Remove the space inside the word'], [gap])],
    fixAllSafe: true,
  };
}

function letterSpacedFinding(text: string, run: readonly Gap[], words: readonly string[]): Finding {
  const start = run[0]!.start - 1;
  const end = run[run.length - 1]!.end + 1;
  const spaced = text.slice(start, end);
  const list = words.map((w) => `“${w}”`).join('');
  return {
    code: 'cjk-stray-space',
    severity: 'warning',
    start,
    end,
    message: msg(
      `“${spaced}”字与字之间插入了空格，拆开了${list}等词。修复将删除这些空格。`,
      `"${spaced}" is letter-spaced, which splits words such as ${words.map((w) => `"${w}"`).join(', ')}. The fix removes the spaces.`,
    ),
    fixes: [removeSpaces(['删除字间空格', 'Remove the spaces between the characters'], run)],
    fixAllSafe: true,
  };
}

function listFinding(text: string, gap: Gap): Finding {
  const around = shown(text, gap);
  return {
    code: 'cjk-stray-space',
    severity: 'hint',
    start: gap.start,
    end: gap.end,
    message: msg(
      `并列的两项之间只有空格（${around}），中文通常用顿号分隔。修复将把空格换成“、”。`,
      `Two list items are separated only by a space (${around}); Chinese separates them with 、. The fix replaces the space with 、.`,
    ),
    fixes: [
      { title: msg('把空格换成顿号“、”', 'Replace the space with 、'), edits: [{ start: gap.start, end: gap.end, newText: '、' }] },
      removeSpaces(['删除空格', 'Remove the space'], [gap]),
    ],
    fixAllSafe: false,
  };
}

/** An article's, chapter's or section's number right before a space: 第一条, 第十二章, 第3节. */
const ARTICLE_BEFORE = /第[一二三四五六七八九十百零〇0-9０-９]+[条章节款项编部分篇]$/;

/** Roles before a name in a byline or a transcript. */
const BYLINE_BEFORE = /(?:记者|通讯员|实习生|主持人|嘉宾|编辑|摄影|作者|撰稿|整理|审核|校对)$/;

/** How far either side of a gap its line is read. */
const LINE_WINDOW = 200;

/** Han characters right before `at`, counted up to `enough` and one more (a long run costs nothing more). */
function hanRunBefore(text: string, at: number, enough: number): number {
  let n = 0;
  for (let i = at - 1; i >= 0 && n <= enough && isHanAt(text, i); i--) n++;
  return n;
}

/** Han characters from `at` on, counted the same way. */
function hanRunAfter(text: string, at: number, enough: number): number {
  let n = 0;
  for (let i = at; i < text.length && n <= enough && isHanAt(text, i); i++) n++;
  return n;
}

/** Han characters a gap between two words needs before and after it, in its clause, to be inside running prose. */
const PROSE_BEFORE = 3;
const PROSE_AFTER = 2;

/**
 * Whether a space between two whole words stands inside a sentence of running prose (市卫生 健康委, 事业
 * 单位2023年): its line holds a comma or a full stop, and four Han characters or more run on each side of
 * it up to the next punctuation or space. Headlines, bylines (记者 王五), dates (8日 星期一) and labels fail.
 */
function isInProse(text: string, gap: Gap): boolean {
  const before = hanRunBefore(text, gap.start, PROSE_BEFORE);
  const after = hanRunAfter(text, gap.end, PROSE_AFTER);
  if (before < PROSE_BEFORE || after < PROSE_AFTER) return false;
  // 第一条 为了…, 第三章 总则: an article's or chapter's number is set off by a space
  if (ARTICLE_BEFORE.test(text.slice(Math.max(0, gap.start - 10), gap.start))) return false;
  // 本报记者 王五, 通讯员 李四: a byline sets the name off
  if (BYLINE_BEFORE.test(text.slice(Math.max(0, gap.start - 6), gap.start))) return false;
  // 主持人 张三：… introduces a speaker
  if (/[：:]/.test(text[gap.end + hanRunAfter(text, gap.end, 6)] ?? '')) return false;
  // the line around the gap, at most LINE_WINDOW units either side: a text of one huge line costs no more
  const lineStart = Math.max(text.lastIndexOf('\n', gap.start) + 1, gap.start - LINE_WINDOW);
  const newline = text.indexOf('\n', gap.end);
  const lineEnd = Math.min(newline < 0 ? text.length : newline, gap.end + LINE_WINDOW);
  // a line of prose, not a headline: a clause mark in it, and no other space between Han characters
  const line = text.slice(lineStart, lineEnd);
  if (!/[，。；]/.test(line) || (line.match(/[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]/g) ?? []).length !== 1) return false;
  // a table row (spaces between its cells) or a field line (会务联系人：…处 王晓东) sets values apart on purpose
  if ((line.trim().match(/[ \u3000\t]+/g) ?? []).length > 1 || /[：:]/.test(text.slice(lineStart, gap.start))) return false;
  // a title keeps the spaces its issuer gave it (《关于深化技工院校改革 大力发展技工教育的实施意见》)
  const head = text.slice(lineStart, gap.start);
  return head.lastIndexOf('《') <= head.lastIndexOf('》') && head.lastIndexOf('“') <= head.lastIndexOf('”');
}

function betweenWordsFinding(text: string, gap: Gap): Finding {
  const around = shown(text, gap);
  return {
    code: 'cjk-stray-space',
    severity: 'information',
    start: gap.start,
    end: gap.end,
    message: msg(
      `句子中间两个词之间有空格（${around}），中文行文不在词间加空格，多为排版或识别的残迹。修复将删除这个空格。`,
      `A space between two words in the middle of a sentence (${around}); Chinese prose puts none there, so it is likely a leftover of layout or OCR. The fix removes the space.`,
    ),
    fixes: [removeSpaces(['删除空格', 'Remove the space'], [gap])],
    fixAllSafe: false,
  };
}

/** The item before the gap ends with a counted figure and the item after it holds one too. */
function isCountedListGap(text: string, gap: Gap): boolean {
  let i = gap.start;
  while (i > 0 && gap.start - i < 30 && !ITEM_SEPARATOR.test(text[i - 1]!)) i--;
  if (!ITEM_END.test(text.slice(i, gap.start))) return false;
  let j = gap.end;
  while (j < text.length && j - gap.end < 30 && !ITEM_SEPARATOR.test(text[j]!)) j++;
  return /\d/.test(text.slice(gap.end, j));
}

/** Whether a user word written with a space covers the gap (a name the user spells that way). */
function isUserWord(text: string, gap: Gap, userWords: readonly string[]): boolean {
  return userWords.some((word) => {
    if (!/\s/.test(word)) return false;
    // only the few placements of the word that cover the gap, never a scan of the text
    for (let at = Math.max(0, gap.end - word.length); at <= gap.start; at++) if (text.startsWith(word, at)) return true;
    return false;
  });
}

function findings(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const out: Finding[] = [];
  const userWords = ctx.options.userWords ?? [];
  const gaps = gapsOf(text).filter((g) => !isUserWord(text, g, userWords));
  const inRun = new Set<Gap>();
  /** Starts of the lines holding a letter-spaced run that splits words. */
  const spacedLines = new Set<number>();

  for (const run of letterSpacedRuns(text, gaps)) {
    for (const gap of run) inRun.add(gap);
    if (!ctx.segmenter || isSpacedTitle(text, run)) continue;
    // judge every gap on the text with the run's spaces closed
    const first = run[0]!.start - 1;
    const last = run[run.length - 1]!.end + 1;
    const before = wordContextBefore(text, first);
    const letters = run.map((g) => text[g.start - 1]!).join('') + text[last - 1]!;
    const after = wordContextAfter(text, last);
    const closed = before + letters + after;
    const words: string[] = [];
    for (let k = 1; k < letters.length; k++) {
      const at = before.length + k;
      const verdict = judgeJunction(
        ctx.segmenter,
        closed.slice(Math.max(0, at - JUNCTION_CONTEXT), at),
        closed.slice(at, at + JUNCTION_CONTEXT),
      );
      if (verdict.kind === 'split-word' && verdict.word) words.push(verdict.word);
    }
    if (words.length > 0) {
      out.push(letterSpacedFinding(text, run, [...new Set(words)]));
      spacedLines.add(lineStartOf(text, run[0]!.start));
    }
  }
  out.push(...spacedPunctuation(text, spacedLines));

  for (let k = 0; k < gaps.length; k++) {
    const gap = gaps[k]!;
    if (inRun.has(gap) || isSpacedTitle(text, [gap])) continue;
    // 张三 李四 王五 赵六: short items a line sets apart with spaces are a list, whatever words their
    // neighbours happen to make (张三李四, 马克思)
    if (inSpacedList(text, gaps, k)) continue;
    const verdict = judgeJunction(ctx.segmenter, wordContextBefore(text, gap.start), wordContextAfter(text, gap.end));
    if (verdict.kind === 'split-word' && verdict.word) out.push(splitWordFinding(text, gap, verdict.word));
    else if (isCountedListGap(text, gap)) out.push(listFinding(text, gap));
    else if (verdict.kind === 'boundary' && isInProse(text, gap)) out.push(betweenWordsFinding(text, gap));
  }
  out.push(...spacedFigures(text), ...spacedDocNumbers(ctx));
  return out;
}

/**
 * Whether the gap at `k` sets apart short items of a list (张三 李四 王五 赵六等): two to four characters
 * before it, two to six after it, and a neighbouring gap of the list within six characters on the same line.
 */
function inSpacedList(text: string, gaps: readonly Gap[], k: number): boolean {
  const item = (g: Gap): boolean => {
    const before = hanRunBefore(text, g.start, 4);
    const after = hanRunAfter(text, g.end, 6);
    return before >= 2 && before <= 4 && after >= 2 && after <= 6;
  };
  const gap = gaps[k]!;
  if (!item(gap)) return false;
  return [gaps[k - 1], gaps[k + 1]].some(
    (g) =>
      g !== undefined &&
      Math.abs(g.start - gap.start) <= 6 &&
      !/\n/.test(text.slice(Math.min(g.start, gap.start), Math.max(g.end, gap.end))) &&
      item(g),
  );
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** A space between a Han character and full-width punctuation, either way round (发 《 重, 划 》 的). */
const SPACE_BY_PUNCTUATION =
  /(?<=[\u4e00-\u9fff《》“”（）〔〕【】、，：])[ \u3000](?=[《》“”（）〔〕【】、，：])|(?<=[《》“”（）〔〕【】、，：])[ \u3000](?=[\u4e00-\u9fff])/g;

/**
 * In a letter-spaced line (关 于 印 发 《 重 庆 … 》 的 通 知) the spaces around its punctuation are the same
 * spacing: removed with the rest. Elsewhere a space beside full-width punctuation is left alone.
 */
function spacedPunctuation(text: string, lines: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  for (const lineStart of lines) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const gaps = [...line.matchAll(SPACE_BY_PUNCTUATION)].map((m) => ({ start: lineStart + m.index, end: lineStart + m.index + 1 }));
    if (gaps.length === 0) continue;
    const first = gaps[0]!;
    const last = gaps[gaps.length - 1]!;
    out.push({
      code: 'cjk-stray-space',
      severity: 'warning',
      start: first.start,
      end: last.end,
      message: msg(
        '这一行字距被拉开，标点两侧也留下了空格。修复将删除这些空格。',
        'This line is letter-spaced, and its punctuation has spaces beside it too. The fix removes them.',
      ),
      fixes: [removeSpaces(['删除标点两侧的空格', 'Remove the spaces beside the punctuation'], gaps)],
      fixAllSafe: true,
    });
  }
  return out;
}

/**
 * A space inside a figure in running Chinese text: 中职学校4 5所, 在校生1 2.3万人, 就业率9 8% (PDF extraction and
 * OCR of letter-spaced digits). Only one space run between two digit groups, right after a Han character and
 * right before a unit the metric recognizer reads that is not a time (所, 万人, %): a table row (2022 2023),
 * a list of numbers (1 2 3) or a range of dates (5 6月, 2022 2023年) is not matched, nor a space before a group of three digits (14 687件), which
 * is a thousands separator. The repair removes the space.
 */
const SPACED_FIGURE = /(?<=[\u4e00-\u9fff])([0-9０-９]{1,4})([ \u3000\u00A0\u2002-\u200A]{1,2})([0-9０-９]{1,4}(?:[.．][0-9０-９]+)?)/y;

/**
 * A space on either side of a decimal point, in running text and before a unit: 合计8 .5万辆, 增长12. 5%,
 * 8 . 5亿元. A numbered heading (1. 5G网络) starts a line, not right after a Han character, and is not
 * followed by a unit.
 */
const SPACED_DECIMAL_POINT =
  /(?<=[\u4e00-\u9fff])([0-9０-９]{1,6})([ \u3000\u00A0\u2002-\u200A]{0,2})([.．])([ \u3000\u00A0\u2002-\u200A]{0,2})([0-9０-９]+)/y;

/** Digits, where the two patterns above can start: they are tried only there (see stickyMatches). */
const DIGIT_UNITS = unitTable('0123456789０１２３４５６７８９');

/** A finding on spaces inside a figure, whose fix removes them. */
function spaceInFigure(start: number, end: number, message: Finding['message'], gaps: readonly Gap[], fixAllSafe: boolean): Finding {
  return {
    code: 'cjk-stray-space',
    severity: 'warning',
    start,
    end,
    message,
    fixes: [removeSpaces(['删除数字中的空格', 'Remove the space inside the figure'], gaps)],
    fixAllSafe,
  };
}

/** What numbers a table, figure or attachment: the number after it ends before the space. */
const CAPTION_BEFORE = /(?:表|图|附件|序号|编号|栏)$/;

function spacedFigures(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of stickyMatches(text, SPACED_DECIMAL_POINT, DIGIT_UNITS)) {
    if (!m[2] && !m[4]) continue;
    const start = m.index;
    const before = { start: start + m[1]!.length, end: start + m[1]!.length + m[2]!.length };
    const after = { start: before.end + 1, end: before.end + 1 + m[4]!.length };
    const end = after.end + m[5]!.length;
    const unit = unitAfterFigure(text, end);
    if (!unit || unit.kind === 'time') continue;
    const figure = m[1]! + m[3]! + m[5]!;
    const message = msg(
      `空格把数字“${figure}”的小数点隔开了（${text.slice(start, end)}），多为排版或识别留下的残迹。修复将删除空格。`,
      `A space sits by the decimal point of "${figure}" (${text.slice(start, end)}), a leftover of layout or OCR. The fix removes it.`,
    );
    // certain: a decimal point has no space on either side in any style
    out.push(
      spaceInFigure(
        start,
        end,
        message,
        [before, after].filter((g) => g.end > g.start),
        true,
      ),
    );
  }
  for (const m of stickyMatches(text, SPACED_FIGURE, DIGIT_UNITS)) {
    // 14 687件: a space as thousands separator is a style, not damage
    if (/^[0-9０-９]{3}$/.test(m[3]!)) continue;
    const start = m.index;
    // 表1 2023届毕业生 (an ideographic space between): a caption's number, then what it is about
    if (CAPTION_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
    const gapStart = start + m[1]!.length;
    const gap = { start: gapStart, end: gapStart + m[2]!.length };
    const end = gap.end + m[3]!.length;
    // a count, amount or share, not a time (2022 2023年 is a range of years)
    const unit = unitAfterFigure(text, end);
    if (!unit || unit.kind === 'time') continue;
    const figure = m[1]! + m[3]!;
    const message = msg(
      `空格把数字“${figure}”拆成了两段（${text.slice(start, end)}），多为排版或识别留下的残迹。修复将删除这个空格。`,
      `A space splits the figure "${figure}" (${text.slice(start, end)}), a leftover of layout or OCR. The fix removes the space.`,
    );
    out.push(spaceInFigure(start, end, message, [gap], false));
  }
  return out;
}

/**
 * Spaces inside a document number (国发〔2022〕 9号, 国办发 〔2021〕35号, 〔 2020〕12 号): the recognizer reads
 * the number through them, and the standard form (GB/T 9704) has none. The repair removes them.
 */
function spacedDocNumbers(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const e of ctx.entities) {
    if (e.type !== 'docref' || e.form !== 'number') continue;
    // a number without its closing bracket (粤府〔2019 10号): the space stands for the bracket, which
    // docnum-bracket puts back; removing the space would only hide the loss
    if (!/[〕\]】)）］〗}]/.test(e.text)) continue;
    const gaps = [...e.text.matchAll(SPACE)].map((m) => ({ start: e.start + m.index, end: e.start + m.index + m[0].length }));
    if (gaps.length === 0) continue;
    const standard = e.text.replace(SPACE, '');
    out.push({
      code: 'cjk-stray-space',
      severity: 'warning',
      start: e.start,
      end: e.end,
      message: msg(
        `文号“${standard}”中间有空格（${e.text}），多为排版或识别留下的残迹。修复将删除空格。`,
        `The document number "${standard}" has a space inside (${e.text}), a leftover of layout or OCR. The fix removes it.`,
      ),
      fixes: [removeSpaces(['删除文号中的空格', 'Remove the space inside the document number'], gaps)],
      fixAllSafe: true,
    });
  }
  return out;
}

export const cjkStraySpace: Detector = {
  id: 'cjk-stray-space',
  codes: ['cjk-stray-space'],
  description: msg('中文词语中间的多余空格（中国汽 车行业）', 'A stray space inside Chinese text that splits a word (中国汽 车行业)'),
  detect: findings,
};
