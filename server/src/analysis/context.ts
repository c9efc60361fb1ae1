/**
 * What a detector sees: the text, its lines, the segmenter if loaded, the options, and (for diagnostic
 * detectors) the entities found first. Expensive views (lines, words) are computed once, on first use.
 */
import type { Segmenter } from './segment';
import { splitLines, type Line } from './text';
import type { AnalysisOptions } from './options';
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

/** The per-analysis view handed to every detector and recognizer. */
export class AnalysisContext {
  private cachedLines?: Line[];
  private cachedParagraphs?: Span[];
  private cachedWords?: Word[] | null;
  /** Entities found by the recognizers; filled before diagnostic detectors run. */
  entities: Entity[] = [];

  constructor(
    readonly text: string,
    readonly options: AnalysisOptions,
  ) {}

  private sharedSegmenter?: Segmenter;
  /** The tagged words of the whole text, once something asked for them. */
  private tagged?: ReturnType<Segmenter['tag']>;

  /**
   * The segmenter, when one was passed in (it may still be loading in the server). Tagging the whole
   * text and cutting it give the same words (jieba's tagger cuts with the same HMM segmenter, then looks
   * up tags), so the whole text is segmented once per analysis and its cut is read off its tags.
   */
  get segmenter(): Segmenter | undefined {
    const base = this.options.segmenter;
    if (!base) return undefined;
    if (!this.sharedSegmenter) {
      const text = this.text;
      const shared: Segmenter = {
        cut: (t) => (t === text && this.tagged ? this.tagged.map((w) => w.word) : base.cut(t)),
        tag: (t) => (t === text ? (this.tagged ??= base.tag(t)) : base.tag(t)),
      };
      if (base.cutDictionary) shared.cutDictionary = base.cutDictionary.bind(base);
      this.sharedSegmenter = shared;
    }
    return this.sharedSegmenter;
  }

  /** Lines of the text (\n, \r\n, \r). */
  get lines(): Line[] {
    return (this.cachedLines ??= splitLines(this.text));
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

  /** Segmented words with offsets, or undefined without a segmenter. */
  words(): Word[] | undefined {
    if (this.cachedWords === undefined) {
      const segmenter = this.segmenter;
      if (!segmenter) {
        this.cachedWords = null;
      } else {
        const words: Word[] = [];
        let offset = 0;
        // the tagged words when the text was tagged (the same words, see `segmenter`), read in place
        // rather than through a copy of half a million strings per megabyte
        const add = (length: number): void => {
          words.push({ start: offset, end: offset + length, word: this.text.slice(offset, offset + length) });
          offset += length;
        };
        if (this.tagged) for (const { word } of this.tagged) add(word.length);
        else for (const word of segmenter.cut(this.text)) add(word.length);
        this.cachedWords = words;
      }
    }
    return this.cachedWords ?? undefined;
  }

  /**
   * The segmented word containing `offset`, or undefined (no segmenter, or out of range). The words are
   * in text order and do not overlap, so a binary search finds it; detectors ask this per candidate and
   * a linear search made them quadratic.
   */
  wordAt(offset: number): Word | undefined {
    const words = this.words();
    if (!words) return undefined;
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

  /** Entities of one type, in text order. */
  entitiesOf<T extends Entity['type']>(type: T): Extract<Entity, { type: T }>[] {
    return this.entities.filter((e): e is Extract<Entity, { type: T }> => e.type === type);
  }
}
