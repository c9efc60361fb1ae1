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
 * characters are traditional, the text is a traditional text and is left alone.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { isHanAt } from '../text';
import type { Finding } from '../types';

/** Above this share of traditional characters among Han characters, the text is a traditional text. */
const TRADITIONAL_TEXT_SHARE = 0.03;

/**
 * Characters that are also correct simplified characters in some words or names (乾 in 乾坤 and 乾县,
 * 著 in 著作, 藉 in 狼藉, 瞭 in 瞭望, 覆 in 覆盖…). OpenCC's phrases cover the common words; elsewhere
 * the finding is a guess.
 */
const ALSO_SIMPLIFIED = new Set('乾著藉瞭覆夥徵麽蘋祇隻鍾锺讚钜硃閒');

/** What this detector needs of opencc-js: its converter, and the tables the converter is built from. */
interface OpenCC {
  Converter(options: { from: string; to: string }): (text: string) => string;
  Locale?: { configs?: Record<string, Record<string, unknown> | undefined> };
}

let opencc: OpenCC | undefined;
let toSimplified: ((text: string) => string) | undefined;
let changeableUnits: Uint8Array | undefined;

function openccModule(): OpenCC {
  // opencc-js is an ES module package with a CommonJS build for require(); this project compiles to
  // CommonJS, where a static import of it does not type-check, so the CommonJS build is required here
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (opencc ??= require('opencc-js/t2cn') as OpenCC);
}

/** OpenCC's converter, built on first use (its tables take a moment to load). */
function converter(): (text: string) => string {
  return (toSimplified ??= openccModule().Converter({ from: 't', to: 'cn' }));
}

/**
 * 1 for each UTF-16 unit that the conversion may change: the characters a rule of its tables rewrites
 * (乾 of 乾燥 → 干燥, 鋒 → 锋; for a rule that changes the length, every character of it; for a character
 * outside the BMP, its lead surrogate). A line without any of them converts to itself, whatever its
 * phrases, so only the few lines with one are converted: converting every line was most of this
 * detector's time. When the tables cannot be read (another opencc-js layout), every unit counts.
 */
function changeable(): Uint8Array {
  if (changeableUnits) return changeableUnits;
  const units = new Uint8Array(65536);
  let read = 0;
  const rule = (from: string, to: string) => {
    read++;
    if (from === to) return;
    const same = from.length === to.length;
    for (let i = 0; i < from.length; i++) if (!same || from[i] !== to[i]) units[from.charCodeAt(i)] = 1;
  };
  // a table is "from to|from to" or [from, to] pairs; configurations nest them in chains and groups
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const entry of value.split('|')) {
        const [from, to] = entry.split(' ');
        if (from !== undefined && to !== undefined) rule(from, to);
      }
    } else if (Array.isArray(value)) {
      if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !value[0].includes(' '))
        rule(value[0], value[1]);
      else value.forEach(visit);
    }
  };
  // the tables of Converter({ from: 't', to: 'cn' }): opencc-js's "t2s" configuration
  const config = openccModule().Locale?.configs?.t2s;
  if (config) [config.normalizationChain, config.segmentation, config.conversionChain].forEach(visit);
  if (read === 0) units.fill(1);
  return (changeableUnits = units);
}

/** Whether converting `text.slice(start, end)` may change it: false means it converts to itself. */
export function mayConvert(text: string, start = 0, end = text.length): boolean {
  const units = changeable();
  for (let i = start; i < end; i++) if (units[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Offsets where the converted text differs from `text`, per line so that a length change stays local. */
function changedOffsets(text: string, ctx: AnalysisContext): number[] {
  const out: number[] = [];
  for (const line of ctx.lines) {
    if (!mayConvert(text, line.start, line.end)) continue;
    const original = text.slice(line.start, line.end);
    const converted = converter()(original);
    if (converted === original || converted.length !== original.length) continue;
    for (let i = 0; i < original.length; i++) {
      if (original[i] !== converted[i] && isHanAt(original, i)) out.push(line.start + i);
    }
  }
  return out;
}

function detect(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const changed = changedOffsets(text, ctx);
  if (changed.length === 0) return [];
  let han = 0;
  for (let i = 0; i < text.length; i++) if (isHanAt(text, i)) han++;
  if (changed.length > TRADITIONAL_TEXT_SHARE * han) return [];

  const userWords = ctx.options.userWords ?? [];
  const out: Finding[] = [];
  let covered = -1;
  for (const at of changed) {
    if (at < covered) continue;
    const span = wordAround(at, ctx);
    covered = span.end;
    const word = text.slice(span.start, span.end);
    if (userWords.some((w) => w.includes(word) || word.includes(w))) continue;
    const simplified = converter()(word);
    if (simplified === word || simplified.length !== word.length) continue;
    const chars = [...word].filter((c, i) => c !== [...simplified][i]);
    const guess = chars.some((c) => ALSO_SIMPLIFIED.has(c));
    out.push({
      code: 'traditional-char',
      severity: guess ? 'information' : 'warning',
      start: span.start,
      end: span.end,
      message: msg(
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
