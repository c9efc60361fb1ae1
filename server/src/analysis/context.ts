/**
 * What a detector sees: the text, its lines, the segmenter if loaded, the options, and (for diagnostic
 * detectors) the entities found first. Expensive views (lines, words) are computed once, on first use.
 */
import type { Segmenter, TaggedLengths, TaggedWord } from './segment';
import { splitLines, unitTable, type Line } from './text';
import type { AnalysisOptions } from './options';
import { mayConvert, simplifiedOf } from './simplified';
import type { Entity } from './types';

/** A word of the segmented text with its offsets. */
export interface Word {
  start: number;
  end: number;
  word: string;
}

/** A half-open range of the text. */
export interface Span {
  start: number;
  end: number;
}

/** A word of the segmented text with its offsets and part-of-speech tag. */
export interface TaggedWordSpan extends Word {
  tag: string;
}

/**
 * cppjieba's pre-filter separators (SegmentBase.hpp: space, tab, newline, ，and 。): jieba cuts the text at
 * each of them, makes each a word of its own, and segments the pieces between them independently. So a
 * clause between two separators has the same words alone as inside the whole text, and the analysis
 * segments only the clauses a detector asks about instead of the whole text.
 */
const SEPARATOR_UNITS = unitTable(' \t\n，。');

/** Longest clause segmented in one piece (the native wrapper cuts longer text itself, at the same size). */
const MAX_CLAUSE = 2000;

/** The per-analysis view handed to every detector and recognizer. */
export class AnalysisContext {
  private cachedLines?: Line[];
  private cachedParagraphs?: Span[];
  private cachedSimplified?: string;
  /** Start offsets of the clauses (see SEPARATOR_UNITS), computed on first use; a clause ends where the next starts. */
  private clauseStarts?: Int32Array;
  /** Words of each clause, by clause index, once segmented (tagged when a tag was asked for). */
  private readonly clauseWords = new Map<number, Word[]>();
  private readonly clauseTags = new Map<number, TaggedWordSpan[]>();
  /** Tagged clauses kept as word ends and tags (see `TaggedClause`), when the segmenter can answer so. */
  private readonly taggedClauses = new Map<number, TaggedClause>();
  /** Entities found by the recognizers; filled before diagnostic detectors run. */
  entities: Entity[] = [];

  constructor(
    readonly text: string,
    readonly options: AnalysisOptions,
  ) {}

  /** The segmenter, when one was passed in (it may still be loading in the server). */
  get segmenter(): Segmenter | undefined {
    return this.options.segmenter;
  }

  /** Lines of the text (\n, \r\n, \r). */
  get lines(): Line[] {
    return (this.cachedLines ??= splitLines(this.text));
  }

  /**
   * The text in simplified characters, unit for unit: a line whose conversion changes its length (a rare
   * phrase rule) stays as written, so every offset is the same in both. Recognizers read names in it (省財政廳
   * is found as 省财政厅); the text itself when nothing converts, as in almost every document.
   */
  get simplifiedText(): string {
    if (this.cachedSimplified !== undefined) return this.cachedSimplified;
    const text = this.text;
    let out: string[] | undefined;
    let copied = 0;
    for (const line of this.lines) {
      if (!mayConvert(text, line.start, line.end)) continue;
      const converted = simplifiedOf(text.slice(line.start, line.end));
      if (converted.length !== line.end - line.start) continue;
      (out ??= []).push(text.slice(copied, line.start), converted);
      copied = line.end;
    }
    // one join, not join + concatenation: a concatenated string is a rope, and reading it unit by unit (the
    // scans of traditional-char and duplicated-unit) costs half again as much as reading a flat string
    if (out) out.push(text.slice(copied));
    return (this.cachedSimplified = out ? out.join('') : text);
  }

  /**
   * Paragraphs: runs of non-blank lines, `[start, end)` without the final line break. A list or a sentence
   * broken over the short lines of a column stays one paragraph; a blank line ends it.
   */
  get paragraphs(): readonly Span[] {
    if (!this.cachedParagraphs) {
      const out: Span[] = [];
      let current: Span | undefined;
      for (const line of this.lines) {
        if (this.text.slice(line.start, line.end).trim() === '') {
          if (current) out.push(current);
          current = undefined;
        } else if (current) current.end = line.end;
        else current = { start: line.start, end: line.end };
      }
      if (current) out.push(current);
      this.cachedParagraphs = out;
    }
    return this.cachedParagraphs;
  }

  /** How many clauses the text has (each separator is a clause of its own). */
  get clauseCount(): number {
    return this.clauses().length - 1;
  }

  /** The clause `[start, end)` with this index. */
  clause(index: number): Span {
    const starts = this.clauses();
    return { start: starts[index]!, end: starts[index + 1]! };
  }

  /** Index of the clause containing `offset` (0 <= offset < text.length). */
  clauseIndexAt(offset: number): number {
    const starts = this.clauses();
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Clause boundaries, one pass over the text: a separator is a clause of one unit, the text between two
   * separators is one clause (cut every MAX_CLAUSE units, as the native wrapper would). The array ends
   * with text.length, so clause i is [starts[i], starts[i + 1]).
   */
  private clauses(): Int32Array {
    if (this.clauseStarts) return this.clauseStarts;
    const text = this.text;
    const starts: number[] = [0];
    let clauseStart = 0;
    for (let i = 0; i < text.length; i++) {
      if (SEPARATOR_UNITS[text.charCodeAt(i)]) {
        if (i > clauseStart) starts.push(i);
        starts.push(i + 1);
        clauseStart = i + 1;
      } else if (i - clauseStart >= MAX_CLAUSE && !isLowSurrogate(text.charCodeAt(i))) {
        starts.push(i);
        clauseStart = i;
      }
    }
    if (starts[starts.length - 1] !== text.length) starts.push(text.length);
    return (this.clauseStarts = Int32Array.from(starts));
  }

  /** The words of clause `index` (tagged ones when the clause was tagged: the same words), segmenting it once. */
  private wordsOfClause(index: number, segmenter: Segmenter): Word[] {
    let words = this.clauseWords.get(index);
    if (!words) {
      words = this.clauseTags.get(index) ?? this.taggedClauses.get(index)?.words(this.text);
      if (!words) {
        const { start, end } = this.clause(index);
        words = placeWords(segmenter.cut(this.text.slice(start, end)), start);
      }
      this.clauseWords.set(index, words);
    }
    return words;
  }

  /** The tagged words of clause `index`, tagging it once. */
  taggedWordsOfClause(index: number): TaggedWordSpan[] | undefined {
    const segmenter = this.segmenter;
    if (!segmenter) return undefined;
    let words = this.clauseTags.get(index);
    if (!words) {
      const compact = this.taggedClause(index, segmenter);
      if (compact) words = compact.words(this.text);
      else {
        const { start, end } = this.clause(index);
        words = placeTaggedWords(segmenter.tag(this.text.slice(start, end)), start);
      }
      this.clauseTags.set(index, words);
    }
    return words;
  }

  /** Clause `index` tagged as word ends and tags, tagging it once; undefined unless the segmenter has `tagLengths`. */
  private taggedClause(index: number, segmenter: Segmenter): TaggedClause | undefined {
    if (!segmenter.tagLengths) return undefined;
    let tagged = this.taggedClauses.get(index);
    if (!tagged) {
      const { start, end } = this.clause(index);
      tagged = new TaggedClause(segmenter.tagLengths(this.text.slice(start, end)), start);
      this.taggedClauses.set(index, tagged);
    }
    return tagged;
  }

  /**
   * The segmented word containing `offset`, or undefined (no segmenter, or out of range). Only the clause
   * around `offset` is segmented, once per analysis; its words are in order, so a binary search finds it.
   */
  wordAt(offset: number): Word | undefined {
    const segmenter = this.segmenter;
    if (!segmenter || offset < 0 || offset >= this.text.length) return undefined;
    return findContaining(this.wordsOfClause(this.clauseIndexAt(offset), segmenter), offset);
  }

  /** The tagged word containing `offset`, or undefined (no segmenter, or out of range). */
  taggedWordAt(offset: number): TaggedWordSpan | undefined {
    const segmenter = this.segmenter;
    if (!segmenter || offset < 0 || offset >= this.text.length) return undefined;
    const index = this.clauseIndexAt(offset);
    // a few words of each tagged clause are asked for: only those become objects
    const compact = this.clauseTags.has(index) ? undefined : this.taggedClause(index, segmenter);
    if (compact) return compact.wordContaining(this.text, offset);
    const words = this.taggedWordsOfClause(index);
    return words && findContaining(words, offset);
  }

  /** Entities of one type, in text order. */
  entitiesOf<T extends Entity['type']>(type: T): Extract<Entity, { type: T }>[] {
    return this.entities.filter((e): e is Extract<Entity, { type: T }> => e.type === type);
  }
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Places the segmenter's words of a clause at their offsets. The words spell the clause (the wrapper
 * guarantees it), so offsets are running sums of their lengths.
 */
function placeWords(words: readonly string[], from: number): Word[] {
  let at = from;
  return words.map((word) => {
    const start = at;
    at += word.length;
    return { word, start, end: at };
  });
}

/** `placeWords` for tagged words. (Spreading the native module's word objects instead cost a second per 10 MB.) */
function placeTaggedWords(words: readonly TaggedWord[], from: number): TaggedWordSpan[] {
  let at = from;
  return words.map(({ word, tag }) => {
    const start = at;
    at += word.length;
    return { word, tag, start, end: at };
  });
}

/**
 * A tagged clause as the segmenter's `tagLengths` answers it: the words' end offsets and their tags in one
 * string. Tagging a clause makes about thirty words, of which the analysis reads one or two: keeping them
 * as numbers spares a string and two objects per word (half the time tagging took outside native code).
 */
class TaggedClause {
  /** End offset of each word in the text. */
  private readonly ends: Int32Array;
  /** Where each word's tag starts in `tags`; one more entry, past the end, closes the last. */
  private readonly tagStarts: Int32Array;
  private readonly tags: string;

  constructor(
    answer: TaggedLengths,
    private readonly start: number,
  ) {
    const count = answer.lengths.length;
    this.ends = new Int32Array(count);
    let at = start;
    for (let i = 0; i < count; i++) this.ends[i] = at += answer.lengths[i]!;
    this.tags = answer.tags;
    this.tagStarts = new Int32Array(count + 1);
    let word = 1;
    for (let i = 0; i < answer.tags.length && word < count; i++) if (answer.tags.charCodeAt(i) === 32) this.tagStarts[word++] = i + 1;
    this.tagStarts[count] = answer.tags.length + 1;
  }

  /** The word containing `offset`, which lies inside this clause. */
  wordContaining(text: string, offset: number): TaggedWordSpan | undefined {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < ends.length ? this.word(text, lo) : undefined;
  }

  /** Every word, as objects (for the callers that walk a whole clause). */
  words(text: string): TaggedWordSpan[] {
    const out: TaggedWordSpan[] = [];
    for (let i = 0; i < this.ends.length; i++) out.push(this.word(text, i));
    return out;
  }

  private word(text: string, i: number): TaggedWordSpan {
    const start = i === 0 ? this.start : this.ends[i - 1]!;
    const end = this.ends[i]!;
    return { word: text.slice(start, end), tag: this.tags.slice(this.tagStarts[i]!, this.tagStarts[i + 1]! - 1), start, end };
  }
}

/** The span of `words` (in order, not overlapping) containing `offset`, by binary search. */
function findContaining<W extends Span>(words: readonly W[], offset: number): W | undefined {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const word = words[lo];
  return word && word.start <= offset && offset < word.end ? word : undefined;
}
