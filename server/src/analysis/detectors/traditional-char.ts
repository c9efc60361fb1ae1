/**
 * traditional-char: a traditional character left in a simplified text (先鋒 for 先锋), as OCR of old
 * prints or copy-paste from Hong Kong and Taiwan sources leaves them.
 *
 * The text is converted once with OpenCC's traditional → mainland-simplified tables (opencc-js), which
 * work phrase by phrase, so characters that stay in simplified usage in their phrase (乾坤, 乾隆, 显著,
 * 著作, 皇后) are not touched. Each changed stretch is reported with the word around it (the segmenter's
 * word when loaded) and repaired to the converted word.
 *
 * Only texts that are otherwise simplified are checked: when more than a few percent of the Han
 * characters are traditional, the text is a traditional text and is left alone. So is a title or name in
 * quotation marks written in traditional characters throughout (台湾《聯合報》): it is quoted as its source
 * spells it; one with simplified characters too (《关于加強…》) is damaged like the rest.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { isJapaneseForm, isWrittenTraditional, simplifiedOf } from '../simplified';
import { isHanAt } from '../text';
import type { Finding } from '../types';

/** Above this share of traditional characters among Han characters, the text is a traditional text. */
const TRADITIONAL_TEXT_SHARE = 0.03;

/**
 * Characters that are also correct simplified characters in some words or names (乾 in 乾坤 and 乾县,
 * 著 in 著作, 藉 in 狼藉, 瞭 in 瞭望, 覆 in 覆盖…). OpenCC's phrases cover the common words; elsewhere
 * the finding is a guess.
 */
const ALSO_SIMPLIFIED = new Set('乾著藉瞭覆夥徵麽蘋祇隻鍾锺讚钜硃閒於');

/**
 * Offsets of the Han characters that conversion changes: where the context's simplified text (converted
 * line by line, a line whose length the conversion would change left as written) differs from the text.
 */
function changedOffsets(ctx: AnalysisContext): number[] {
  const { text, simplifiedText } = ctx;
  const out: number[] = [];
  if (simplifiedText === text) return out;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== simplifiedText.charCodeAt(i) && isHanAt(text, i)) out.push(i);
  }
  return out;
}

function detect(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const changed = changedOffsets(ctx);
  if (changed.length === 0) return [];
  let han = 0;
  for (let i = 0; i < text.length; i++) if (isHanAt(text, i)) han++;
  if (changed.length > TRADITIONAL_TEXT_SHARE * han) return [];

  const userWords = ctx.options.userWords ?? [];
  const out: Finding[] = [];
  let covered = -1;
  for (const at of changed) {
    if (at < covered) continue;
    // a title or name quoted as its source writes it, in traditional characters throughout (台湾《聯合報》)
    const quoted = quotedSpanAround(text, at);
    if (quoted && isWrittenTraditional(text.slice(quoted.start, quoted.end))) {
      covered = quoted.end;
      continue;
    }
    const span = wordAround(at, ctx);
    covered = span.end;
    const word = text.slice(span.start, span.end);
    if (userWords.some((w) => w.includes(word) || word.includes(w))) continue;
    const simplified = simplifiedOf(word);
    if (simplified === word || simplified.length !== word.length) continue;
    const chars = [...word].filter((c, i) => c !== [...simplified][i]);
    // 間题 → 间题, 影嚮 → 影向: a character that converts to one making no word with its neighbours was
    // perhaps another character misread (問, 響): the conversion is a guess then
    const guess = chars.some((c) => ALSO_SIMPLIFIED.has(c)) || makesNoWord(ctx, span, simplified);
    out.push({
      code: 'traditional-char',
      severity: guess ? 'information' : 'warning',
      start: span.start,
      end: span.end,
      message: chars.every(isJapaneseForm)
        ? msg(
            `简体文本中出现日文字形“${chars.join('')}”（“${word}”），多为 OCR 按日文字库识别所致。修复将改为“${simplified}”。`,
            `Japanese form${chars.length > 1 ? 's' : ''} "${chars.join('')}" in a simplified text ("${word}"), as OCR with a Japanese model leaves them. The fix changes it to "${simplified}".`,
          )
        : msg(
            `简体文本中出现繁体字“${chars.join('')}”（“${word}”）。修复将改为“${simplified}”。`,
            `Traditional character${chars.length > 1 ? 's' : ''} "${chars.join('')}" in a simplified text ("${word}"). The fix changes it to "${simplified}".`,
          ),
      fixes: [
        {
          title: msg(`改为“${simplified}”`, `Change to "${simplified}"`),
          edits: [{ start: span.start, end: span.end, newText: simplified }],
        },
      ],
      fixAllSafe: !guess,
    });
  }
  return out;
}

/**
 * Whether the converted word is no dictionary word (间题), or, a single character, makes none with the
 * characters around it (向 in 影向), judged by the segmenter's dictionary-only cut; false without the segmenter.
 */
function makesNoWord(ctx: AnalysisContext, span: { start: number; end: number }, converted: string): boolean {
  const cut = ctx.segmenter?.cutDictionary;
  if (!cut) return false;
  // a word of two or more: the converted one must be a dictionary word itself (间题 is none)
  if (span.end - span.start > 1) return cut.call(ctx.segmenter, converted).length !== 1;
  const { text } = ctx;
  const before = text.slice(Math.max(0, span.start - 2), span.start).replace(/^.*[^\u4e00-\u9fff]/, '');
  const after = text.slice(span.end, span.end + 2).replace(/[^\u4e00-\u9fff].*$/, '');
  if (before === '' && after === '') return false;
  let at = 0;
  for (const word of cut.call(ctx.segmenter, before + converted + after)) {
    if (at <= before.length && before.length < at + word.length) return word.length < 2;
    at += word.length;
  }
  return false;
}

/** Quotation marks around a title or a name, and their partners. */
const QUOTE_CLOSERS: Record<string, string> = { '《': '》', '“': '”', '‘': '’', '「': '」', '『': '』' };
/** How long a quoted title or name may be. */
const MAX_QUOTED = 60;

/** The inside of the 《…》, “…” or 「…」 around `at`, on one line, or undefined. */
function quotedSpanAround(text: string, at: number): { start: number; end: number } | undefined {
  for (let i = at - 1; i >= 0 && at - i <= MAX_QUOTED; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '》' || c === '”' || c === '’' || c === '」' || c === '』') return undefined;
    const closer = QUOTE_CLOSERS[c];
    if (!closer) continue;
    const end = text.indexOf(closer, at);
    if (end < 0 || end - i > MAX_QUOTED || text.slice(at, end).includes('\n')) return undefined;
    return { start: i + 1, end };
  }
  return undefined;
}

/** The word containing `at`: the segmenter's word, else the run of traditional characters around it. */
function wordAround(at: number, ctx: AnalysisContext): { start: number; end: number } {
  const word = ctx.wordAt(at);
  if (word) return { start: word.start, end: word.end };
  return { start: at, end: at + 1 };
}

export const traditionalChar: Detector = {
  id: 'traditional-char',
  codes: ['traditional-char'],
  description: msg('简体文本中的繁体字（先鋒）', 'A traditional character in a simplified text (先鋒)'),
  detect,
};
