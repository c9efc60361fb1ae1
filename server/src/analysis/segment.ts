/**
 * The nodejieba wrapper. The segmenter is a native module whose dictionaries take about a third of a
 * second and ~110 MB to load (patched: see ARCHITECTURE.md, "Dependencies"), so it is loaded once per
 * process or thread and the analysis core never depends on it being there: detectors that need it
 * receive it through the context and degrade (or stay silent) without it.
 *
 * Everything handed to the native code is sanitised first: a crash inside it would take the whole
 * language server down, so NUL bytes, lone surrogates and very long runs never reach it.
 */
import { createRequire } from 'node:module';
// The native loader opens these files itself and aborts the process on a missing one (cppjieba's
// XCHECK), so segment.ts, the one door to native code, must look at them first.
// eslint-disable-next-line no-restricted-imports
import { readFileSync, statSync } from 'node:fs';
import type { Localized } from './types';

/** A word with its part-of-speech tag (jieba's ICTCLAS-style tags: ns place, nt organisation, nr person...). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** What detectors may ask of a segmenter. Tests can pass a fake one. */
export interface Segmenter {
  /** Words of `text`, concatenating back to the sanitised text. */
  cut(text: string): string[];
  /** Words with part-of-speech tags. */
  tag(text: string): TaggedWord[];
  /**
   * Words of `text` from the dictionary alone, without the HMM that guesses unknown words: a word here is
   * one the dictionary knows, which is what "does a word span this gap?" questions need. Optional so that
   * fake segmenters in tests may leave it out (callers then fall back to `cut`).
   */
  cutDictionary?(text: string): string[];
  /**
   * Every word the loaded dictionaries give this part-of-speech tag (the same array on every call). The
   * tagger gives a dictionary word its dictionary tag and any other word m, eng or x, so a word can only
   * be tagged `nt` if it is listed here: the analysis tags just the clauses holding one. Optional, as
   * for `cutDictionary`; callers without it tag everything.
   */
  dictionaryWordsTagged?(tag: string): readonly string[];
  /**
   * The words' lengths (UTF-16 units, adding up to the text's length) and their tags joined by single
   * spaces: what `tag` answers, without a string and an object per word. The analysis tags whole clauses
   * to read a few words of each, so it keeps them in this form. Optional, as for `cutDictionary`.
   */
  tagLengths?(text: string): TaggedLengths;
  /**
   * The lengths (UTF-16 units) of `cutDictionary`'s words: for the callers that judge thousands of short
   * windows and need only where the words end. Optional, as for `cutDictionary`.
   */
  cutDictionaryLengths?(text: string): ArrayLike<number>;
}

/** Words as lengths, with their tags in one string (see `Segmenter.tagLengths`). */
export interface TaggedLengths {
  lengths: ArrayLike<number>;
  /** The tags in word order, joined by single spaces. */
  tags: string;
}

/** Files a segmenter is loaded from; unset fields use nodejieba's bundled dictionaries. */
export interface SegmenterOptions {
  /** Extra user dictionaries (jieba format: `word [freq] [tag]` per line), merged in order. */
  userDicts?: string[];
  /** Whether to load PolicyMark's own dictionary (server/data/policymark.dict.utf8) first; default true. */
  bundledDict?: boolean;
}

/** PolicyMark's jieba dictionary of institution names and suffixes: beside the bundles (out/ → ../data) or the sources (src/analysis/ → ../../data). */
export function bundledDictionary(from: string = __dirname): string {
  const candidates = [`${from}/../data/policymark.dict.utf8`, `${from}/../../data/policymark.dict.utf8`];
  return candidates.find((file) => checkUserDictionary(file) === undefined) ?? candidates[0]!;
}

/**
 * nodejieba.load also builds the keyword extractors (an IDF table of ~260,000 entries and a stop-word
 * list) that PolicyMark never calls: one-line files in server/data stand in for them, found like the
 * bundled dictionary. Undefined (nodejieba's defaults) when they are missing, since a missing file aborts
 * the native loader.
 */
function keywordStandIns(from: string = __dirname): { idfDict: string; stopWordDict: string } | undefined {
  for (const dir of [`${from}/../data`, `${from}/../../data`]) {
    const idfDict = `${dir}/jieba-idf.min.utf8`;
    const stopWordDict = `${dir}/jieba-stopwords.min.utf8`;
    if (checkUserDictionary(idfDict) === undefined && checkUserDictionary(stopWordDict) === undefined) return { idfDict, stopWordDict };
  }
  return undefined;
}

/** A user dictionary that was left out, and why (the built-in dictionaries are used without it). */
export interface SkippedDictionary {
  file: string;
  reason: Localized;
}

/** Largest user dictionary accepted (jieba's own dictionary is about 5 MB). */
const MAX_DICT_BYTES = 64 * 1024 * 1024;

/**
 * Checks a user dictionary before nodejieba sees it: a missing file aborts the native loader (the whole
 * process, not an exception), invalid UTF-8 or NUL bytes feed garbage into its trie, and a `|` in the path
 * would be read as nodejieba's list separator. Returns why the file cannot be used, or undefined.
 */
export function checkUserDictionary(file: string): Localized | undefined {
  if (typeof file !== 'string' || file.trim() === '') return { zh: '路径为空', en: 'empty path' };
  if (/[|\0]/.test(file))
    return { zh: '路径含有“|”或 NUL，无法交给分词器', en: 'the path contains "|" or NUL, which the segmenter cannot take' };
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { zh: '不是普通文件', en: 'not a regular file' };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { zh: `无法访问（${code}）`, en: `cannot be accessed (${code})` };
  }
  if (size > MAX_DICT_BYTES) return { zh: `文件过大（${size} 字节）`, en: `too large (${size} bytes)` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { zh: `无法读取（${code}）`, en: `cannot be read (${code})` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { zh: '不是有效的 UTF-8 文本（词典须为 UTF-8）', en: 'is not valid UTF-8 (dictionaries must be UTF-8)' };
  }
  // eslint-disable-next-line no-control-regex
  const bad = text.split(/\r?\n/).findIndex((line) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(line));
  if (bad >= 0) return { zh: `第 ${bad + 1} 行含有控制字符`, en: `line ${bad + 1} contains control characters` };
  return undefined;
}

/** Longest piece handed to the native code in one call; longer text is cut at safe boundaries first. */
const MAX_PIECE = 2000;

/**
 * Replaces what must not reach native code: NUL and other C0 controls except tab/newlines, DEL and C1
 * controls, and lone surrogates (N-API would re-encode them as U+FFFD behind our back and the words would
 * no longer spell the text). Each becomes U+FFFD, one unit for one unit, so offsets are unchanged.
 */
export function sanitizeForNative(text: string): string {
  return text.replace(UNSAFE_FOR_NATIVE, '\uFFFD');
}

/* eslint-disable no-control-regex -- control characters are exactly what this matches */
const UNSAFE_FOR_NATIVE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The same units, tested for (no global flag, so no `lastIndex` to carry between calls). */
const HAS_UNSAFE_FOR_NATIVE = new RegExp(UNSAFE_FOR_NATIVE.source);
/* eslint-enable no-control-regex */

/** Splits text into pieces of at most MAX_PIECE units, preferring line and sentence ends, never inside a surrogate pair. */
export function splitForNative(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > MAX_PIECE) {
    let cut = start + MAX_PIECE;
    const window = text.slice(start, cut);
    const soft = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf('，'));
    if (soft > MAX_PIECE / 2) cut = start + soft + 1;
    else if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut -= 1;
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

export interface NodeJieba {
  load(options?: Record<string, string>): void;
  cut(text: string, strict?: boolean): string[];
  tag(text: string): TaggedWord[];
  /**
   * Added by the project's patch (absent from a stock build): the words' lengths in UTF-16 units, empty when
   * they would not spell the text; and the same with the tags joined by spaces.
   */
  cutLengths?(text: string, hmm: boolean): Uint32Array;
  tagLengths?(text: string): [Uint32Array, string];
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
}

let loaded: Segmenter | undefined;
let loadError: Error | undefined;
let skipped: SkippedDictionary[] = [];

/** User dictionaries the last load left out, each with the reason (for a warning naming the file). */
export function skippedDictionaries(): readonly SkippedDictionary[] {
  return skipped;
}

/** The segmenter if it has been loaded in this process, else undefined (never loads). */
export function currentSegmenter(): Segmenter | undefined {
  return loaded;
}

/** Why loading failed, if it did. */
export function segmenterLoadError(): Error | undefined {
  return loadError;
}

/**
 * Loads nodejieba once (synchronously: call it from a CLI, a worker, or after the server has answered
 * its first requests). Returns undefined, and remembers why, when the native module cannot be loaded;
 * the analysis then runs without segmentation.
 */
export function loadSegmenter(options: SegmenterOptions = {}, requireFrom: string = __filename): Segmenter | undefined {
  if (loaded || loadError) return loaded;
  try {
    const jieba = createRequire(requireFrom)('nodejieba') as NodeJieba;
    const usable: string[] = [];
    skipped = [];
    // the bundled dictionary goes through the same checks: a missing file must not abort the loader
    const files = [...(options.bundledDict === false ? [] : [bundledDictionary()]), ...(options.userDicts ?? [])];
    for (const file of files) {
      const reason = checkUserDictionary(file);
      if (reason) skipped.push({ file, reason });
      else usable.push(file);
    }
    const userDict = [jieba.DEFAULT_USER_DICT, ...usable].join('|');
    jieba.load({ userDict, ...keywordStandIns() });
    loaded = wrap(jieba, [jieba.DEFAULT_DICT, jieba.DEFAULT_USER_DICT, ...usable]);
  } catch (error) {
    loadError = error instanceof Error ? error : new Error(String(error));
  }
  return loaded;
}

function wrap(jieba: NodeJieba, dictionaries: readonly string[]): Segmenter {
  const byTag = new Map<string, readonly string[]>();
  const cutPiece = cutterOf(jieba);
  const tagPiece = taggerOf(jieba);
  const eachPiece = <T>(text: string, segment: (piece: string) => T[]): T[] => {
    const out: T[] = [];
    for (const piece of nativePieces(text)) for (const item of segment(piece)) out.push(item);
    return out;
  };
  const segmenter: Segmenter = {
    dictionaryWordsTagged(tag) {
      let words = byTag.get(tag);
      if (!words) byTag.set(tag, (words = readWordsTagged(dictionaries, tag)));
      return words;
    },
    cut: (text) => eachPiece(text, (piece) => cutPiece(piece, true)),
    cutDictionary: (text) => eachPiece(text, (piece) => cutPiece(piece, false)),
    tag: (text) => eachPiece(text, tagPiece),
  };
  const cutLengths = jieba.cutLengths;
  if (typeof cutLengths === 'function') {
    const lengthsOf = (piece: string): ArrayLike<number> => {
      const lengths = cutLengths.call(jieba, piece, false);
      return spellsPiece(piece, lengths) ? lengths : [piece.length];
    };
    segmenter.cutDictionaryLengths = (text) => (isOnePiece(text) ? lengthsOf(text) : concatLengths(nativePieces(text).map(lengthsOf)));
  }
  const tagPieceLengths = taggedLengthsOf(jieba);
  if (tagPieceLengths) {
    segmenter.tagLengths = (text) => {
      if (isOnePiece(text)) return tagPieceLengths(text);
      const parts = nativePieces(text).map(tagPieceLengths);
      if (parts.length === 1) return parts[0]!;
      return { lengths: concatLengths(parts.map((part) => part.lengths)), tags: parts.map((part) => part.tags).join(' ') };
    };
  }
  return segmenter;
}

/**
 * Whether `text` is its own one piece (`nativePieces(text)` would be `[text]`): not empty, short enough and
 * with nothing to sanitise. The clauses and gap windows the rules ask about almost all are, and go to the
 * native code without the three arrays the general path builds (a tenth of the allocation of a check).
 */
function isOnePiece(text: string): boolean {
  return text.length > 0 && text.length <= MAX_PIECE && !HAS_UNSAFE_FOR_NATIVE.test(text);
}

/** The sanitised, non-empty pieces of `text`, one native call each. */
function nativePieces(text: string): string[] {
  return splitForNative(sanitizeForNative(text)).filter((piece) => piece !== '');
}

/** The lengths of consecutive pieces as one list (a single piece's own array, uncopied). */
function concatLengths(parts: readonly ArrayLike<number>[]): ArrayLike<number> {
  if (parts.length === 1) return parts[0]!;
  const out: number[] = [];
  for (const part of parts) for (let i = 0; i < part.length; i++) out.push(part[i]!);
  return out;
}

/**
 * Cuts one sanitised piece. The patched binding hands back the words' lengths, and the words are sliced
 * from the piece here: one typed array crosses from native code instead of a string per word (a third of
 * the time the analysis spends segmenting). A stock build's `cut` is used as it is.
 */
export function cutterOf(jieba: NodeJieba): (piece: string, hmm: boolean) => string[] {
  const cutLengths = jieba.cutLengths;
  if (typeof cutLengths !== 'function') return (piece, hmm) => wholeOrOne(piece, jieba.cut(piece, hmm));
  return (piece, hmm) => sliceByLengths(piece, cutLengths.call(jieba, piece, hmm)) ?? [piece];
}

/** Tags one sanitised piece; as `cutterOf`, with the tags in one string. */
export function taggerOf(jieba: NodeJieba): (piece: string) => TaggedWord[] {
  const tagLengths = jieba.tagLengths;
  if (typeof tagLengths !== 'function') {
    return (piece) => {
      const tagged = jieba.tag(piece);
      const spelled = Array.isArray(tagged) && tagged.map((t) => t.word).join('') === piece;
      return spelled ? tagged : [{ word: piece, tag: 'x' }];
    };
  }
  return (piece) => {
    const answer = tagLengths.call(jieba, piece);
    const words = Array.isArray(answer) ? sliceByLengths(piece, answer[0]) : undefined;
    const tags = words && typeof answer[1] === 'string' ? answer[1].split(' ') : undefined;
    if (!words || !tags || tags.length !== words.length) return [{ word: piece, tag: 'x' }];
    return words.map((word, i) => ({ word, tag: tags[i]! }));
  };
}

/**
 * Tags one sanitised piece as lengths and joined tags, with the patched binding; undefined with a stock
 * build. A piece whose answer does not spell it is one word tagged x, as in `taggerOf`.
 */
function taggedLengthsOf(jieba: NodeJieba): ((piece: string) => TaggedLengths) | undefined {
  const tagLengths = jieba.tagLengths;
  if (typeof tagLengths !== 'function') return undefined;
  return (piece) => {
    const answer = tagLengths.call(jieba, piece);
    if (
      Array.isArray(answer) &&
      spellsPiece(piece, answer[0]) &&
      typeof answer[1] === 'string' &&
      countWords(answer[1]) === answer[0].length
    )
      return { lengths: answer[0], tags: answer[1] };
    return { lengths: [piece.length], tags: 'x' };
  };
}

/** Whether `lengths` (a Uint32Array of positive lengths) add up to the piece's length. */
function spellsPiece(piece: string, lengths: unknown): lengths is Uint32Array {
  if (!(lengths instanceof Uint32Array) || lengths.length === 0) return false;
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (lengths[i] === 0) return false;
    at += lengths[i]!;
  }
  return at === piece.length;
}

/** How many space-separated tags a joined tag string holds. */
function countWords(tags: string): number {
  let count = 1;
  for (let i = 0; i < tags.length; i++) if (tags.charCodeAt(i) === 32) count++;
  return count;
}

/**
 * The words of `piece` given their lengths, or undefined unless the lengths cover it exactly (the native
 * side answers an empty array when its words would not spell the piece).
 */
export function sliceByLengths(piece: string, lengths: unknown): string[] | undefined {
  if (!spellsPiece(piece, lengths)) return undefined;
  const words = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) words[i] = piece.slice(at, (at += lengths[i]!));
  return words;
}

/**
 * The words tagged `tag` in jieba dictionaries (`word freq tag` or, in user dictionaries, `word tag`).
 * Read from the same files the native loader read; a file that cannot be read adds nothing.
 */
function readWordsTagged(files: readonly string[], tag: string): readonly string[] {
  const words = new Set<string>();
  // searched as bytes: jieba's dictionary is 5 MB, and decoding all of it into a string only to keep a
  // few thousand words grew the resident size of the server by as much again
  const suffix = Buffer.from(` ${tag}`);
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (let at = bytes.indexOf(suffix); at >= 0; at = bytes.indexOf(suffix, at + 1)) {
      const after = at + suffix.length;
      if (after < bytes.length && bytes[after] !== 0x0a && bytes[after] !== 0x0d) continue;
      const lineStart = bytes.lastIndexOf(0x0a, at) + 1;
      const word = bytes.toString('utf8', lineStart, at).split(' ')[0];
      if (word) words.add(word);
    }
  }
  return [...words];
}

/**
 * Callers turn words into offsets by adding up their lengths, so the words must spell the piece exactly.
 * Should the native code ever drop or re-encode a character, the piece is one unsegmented word instead
 * of a source of ranges pointing at the wrong text.
 */
function wholeOrOne(piece: string, words: string[]): string[] {
  return Array.isArray(words) && words.join('') === piece ? words : [piece];
}

/** Lines kept per document by a line-caching segmenter: the words of each line of its last analyses. */
export interface LineCache {
  cut: Map<string, string[]>;
  dict: Map<string, string[]>;
  tag: Map<string, TaggedWord[]>;
  /** Lines looked up since the last `retain()`, which keeps only those. */
  used: Set<string>;
}

/** An empty line cache. */
export function createLineCache(): LineCache {
  return { cut: new Map(), dict: new Map(), tag: new Map(), used: new Set() };
}

/** Keeps only the lines looked up since the last call (those of the latest analysis), so the cache stays the size of the document. */
export function retainUsedLines(cache: LineCache): void {
  for (const map of [cache.cut, cache.dict, cache.tag] as Map<string, unknown>[]) {
    for (const line of map.keys()) if (!cache.used.has(line)) map.delete(line);
  }
  cache.used.clear();
}

/** Texts shorter than this are segmented directly: a word or two gains nothing from the cache. */
const MIN_CACHED_TEXT = 8;

/**
 * A segmenter that segments line by line and remembers each line's words, so that re-analysing an edited
 * document re-segments only the lines the edit touched. The analysis asks clause by clause (see
 * AnalysisContext), so in practice the "lines" kept are the clauses of the document. The words are the same as `base`'s: jieba treats
 * a newline as a hard separator (cppjieba's PreFilter splits at it and makes it a word of its own), so
 * segmenting lines apart cannot change them.
 */
export function lineCachingSegmenter(base: Segmenter, cache: LineCache): Segmenter {
  function byLine<T>(text: string, map: Map<string, T[]>, segment: (line: string) => T[], newline: T): T[] {
    if (text.length < MIN_CACHED_TEXT) return segment(text);
    const out: T[] = [];
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        const line = text.slice(start, end);
        let words = map.get(line);
        // a key of its own: a slice would keep the whole text of this version alive in the cache
        if (!words) map.set((' ' + line).slice(1), (words = segment(line)));
        cache.used.add(line);
        for (const word of words) out.push(word);
      }
      if (end < text.length) out.push(newline);
      start = end + 1;
    }
    return out;
  }
  const cached: Segmenter = {
    cut: (text) => byLine(text, cache.cut, (line) => base.cut(line), '\n'),
    tag: (text) => byLine(text, cache.tag, (line) => base.tag(line), { word: '\n', tag: 'x' }),
  };
  const dictionary = base.cutDictionary?.bind(base);
  if (dictionary) cached.cutDictionary = (text) => byLine(text, cache.dict, dictionary, '\n');
  if (base.dictionaryWordsTagged) cached.dictionaryWordsTagged = base.dictionaryWordsTagged.bind(base);
  return cached;
}
