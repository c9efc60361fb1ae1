/**
 * Traditional → mainland-simplified conversion with OpenCC's tables (opencc-js), and of the Japanese forms
 * OCR leaves (増 → 增, from data/variants.json), shared by the
 * traditional-char detector, which reports the characters, and by the recognizers, which give a name or a
 * document number written in traditional characters (鄂政發〔2024〕5号, 省財政廳) the identity of its
 * simplified spelling, so that both link to the same mentions elsewhere.
 */

import variantsData from '../../data/variants.json';

/**
 * Japanese forms (増 for 增, 経 for 经) that OCR engines with Japanese models leave in Chinese text, and
 * that OpenCC's traditional tables do not convert: one character for one, see scripts/gen-variants.mjs.
 */
const VARIANTS = new Map(Object.entries(variantsData.variants as Record<string, string>));

/** 1 for each unit that is one of those forms (keys of one unit only: `converted[i]` is one unit). */
const VARIANT_UNITS = new Uint8Array(65536);
for (const form of VARIANTS.keys()) if (form.length === 1) VARIANT_UNITS[form.charCodeAt(0)] = 1;

/** Whether `char` is one of the Japanese forms above. */
export function isJapaneseForm(char: string): boolean {
  return VARIANTS.has(char);
}

/** What this module needs of opencc-js: its converter, and the tables the converter is built from. */
interface OpenCC {
  Converter(options: { from: string; to: string }): (text: string) => string;
  Locale?: { configs?: Record<string, Record<string, unknown> | undefined> };
}

let opencc: OpenCC | undefined;
let toSimplified: ((text: string) => string) | undefined;
let changeableUnits: Uint8Array | undefined;
/** 1 for each UTF-16 unit a rule of the tables produces from another character (关 of 關 → 关). */
let simplifiedTargets: Uint8Array | undefined;

function openccModule(): OpenCC {
  // opencc-js is an ES module package with a CommonJS build for require(); this project compiles to
  // CommonJS, where a static import of it does not type-check, so the CommonJS build is required here
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (opencc ??= require('opencc-js/t2cn') as OpenCC);
}

/** OpenCC's converter, built on first use (its tables take a moment to load). */
export function converter(): (text: string) => string {
  return (toSimplified ??= openccModule().Converter({ from: 't', to: 'cn' }));
}

/**
 * 1 for each UTF-16 unit that the conversion may change: the characters a rule of its tables rewrites
 * (乾 of 乾燥 → 干燥, 鋒 → 锋; for a rule that changes the length, every character of it; for a character
 * outside the BMP, its lead surrogate). A line without any of them converts to itself, whatever its
 * phrases, so only the few lines with one are converted: converting every line was most of the
 * traditional-char detector's time. When the tables cannot be read (another opencc-js layout), every unit counts.
 */
function changeable(): Uint8Array {
  if (changeableUnits) return changeableUnits;
  const units = new Uint8Array(65536);
  const targets = new Uint8Array(65536);
  let read = 0;
  const rule = (from: string, to: string) => {
    read++;
    if (from === to) return;
    const same = from.length === to.length;
    for (let i = 0; i < from.length; i++) if (!same || from[i] !== to[i]) units[from.charCodeAt(i)] = 1;
    // a simplified form made from a traditional character of the main block (not from a compatibility or
    // variant form, which normalisation maps onto 年 or 流 too)
    if (same)
      for (let i = 0; i < to.length; i++) {
        const source = from.charCodeAt(i);
        if (from[i] !== to[i] && source >= 0x4e00 && source <= 0x9fff) targets[to.charCodeAt(i)] = 1;
      }
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
  for (const form of VARIANTS.keys()) units[form.charCodeAt(0)] = 1;
  simplifiedTargets = targets;
  return (changeableUnits = units);
}

/** Whether converting `text.slice(start, end)` may change it: false means it converts to itself. */
export function mayConvert(text: string, start = 0, end = text.length): boolean {
  const units = changeable();
  for (let i = start; i < end; i++) if (units[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** `text` in simplified characters: itself (no conversion, no copy) when no character of it may change. */
export function simplifiedOf(text: string): string {
  if (!mayConvert(text)) return text;
  const converted = converter()(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < converted.length; i++) {
    // a typed-array read per unit: a Map lookup with a one-character string per unit was a third of this
    if (!VARIANT_UNITS[converted.charCodeAt(i)]) continue;
    const simplified = VARIANTS.get(converted[i]!);
    if (simplified === undefined) continue;
    out += converted.slice(from, i) + simplified;
    from = i + 1;
  }
  return from === 0 ? converted : out + converted.slice(from);
}

/**
 * Whether `text` shows it is written in traditional characters, as a title or name quoted from a
 * Hong Kong or Taiwan source is (《聯合報》, 《兩岸青年交流的新世代》), rather than being simplified text with
 * stray traditional characters (《关于加強…》): a third or more of its Han characters are traditional, or
 * none is a character only simplified usage writes (关, the simplified form of 關; read from the same
 * tables: a character the conversion produces from another and never changes itself).
 */
export function isWrittenTraditional(text: string): boolean {
  const units = changeable();
  const targets = simplifiedTargets!;
  let han = 0;
  let traditional = 0;
  let simplifiedOnly = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400) continue;
    han++;
    if (units[unit]) traditional++;
    else if (targets[unit]) simplifiedOnly = true;
  }
  return traditional > 0 && (traditional * 3 >= han || !simplifiedOnly);
}
