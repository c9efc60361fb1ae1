/**
 * The nodejieba wrapper. The segmenter is a native module whose dictionaries take about a second and
 * ~300 MB to load, so it is loaded once per process and the analysis core never depends on it being
 * there: detectors that need it receive it through the context and degrade (or stay silent) without it.
 *
 * Everything handed to the native code is sanitised first: a crash inside it would take the whole
 * language server down, so NUL bytes, lone surrogates and very long runs never reach it.
 */
import { createRequire } from 'node:module';

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
}

/** Files a segmenter is loaded from; unset fields use nodejieba's bundled dictionaries. */
export interface SegmenterOptions {
  /** Extra user dictionaries (jieba format: `word [freq] [tag]` per line), merged in order. */
  userDicts?: string[];
}

/** Longest piece handed to the native code in one call; longer text is cut at safe boundaries first. */
const MAX_PIECE = 2000;

/**
 * Replaces what must not reach native code: NUL and other C0 controls except tab/newlines, and lone
 * surrogates (each becomes U+FFFD, one unit for one unit, so offsets are unchanged).
 */
export function sanitizeForNative(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

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

interface NodeJieba {
  load(options?: Record<string, string>): void;
  cut(text: string, strict?: boolean): string[];
  tag(text: string): TaggedWord[];
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
}

let loaded: Segmenter | undefined;
let loadError: Error | undefined;

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
    const userDict = [jieba.DEFAULT_USER_DICT, ...(options.userDicts ?? [])].join('|');
    jieba.load({ userDict });
    loaded = wrap(jieba);
  } catch (error) {
    loadError = error instanceof Error ? error : new Error(String(error));
  }
  return loaded;
}

function wrap(jieba: NodeJieba): Segmenter {
  return {
    cut(text) {
      const out: string[] = [];
      for (const piece of splitForNative(sanitizeForNative(text))) if (piece) out.push(...jieba.cut(piece, true));
      return out;
    },
    tag(text) {
      const out: TaggedWord[] = [];
      for (const piece of splitForNative(sanitizeForNative(text))) if (piece) out.push(...jieba.tag(piece));
      return out;
    },
  };
}
