/**
 * A set of literal words indexed by their first two and last two UTF-16 units, for the word lookups the
 * recognizers make at every position of a text (suffixes, stop words, places, dictionary names). A
 * regular expression alternation of a few hundred words tries every alternative at every offset; this
 * tries the handful that share the two characters at hand, so a scan stays linear with a small constant.
 * (By the first unit alone, 国 or 中 led to fifty words to try at each of their many occurrences.)
 */
export class Literals {
  /** Words of two units or more by their first two units (see pairKey), longest first. */
  private readonly byFirst = new Map<number, string[]>();
  /** Words of two units or more by their last two units, longest first. */
  private readonly byLast = new Map<number, string[]>();
  /** 1 for each one-unit word. */
  private readonly singles = new Uint8Array(65536);
  /** 1 for every UTF-16 unit that begins some word: most characters of a text begin none, and a typed-array read is far cheaper than a Map lookup. */
  private readonly firstUnits = new Uint8Array(65536);
  /** The same for the last unit of a word (longestEndingAt). */
  private readonly lastUnits = new Uint8Array(65536);
  /**
   * 1 at pairHash of the first two (and, apart, the last two) units of every word of two units or more: a
   * typed-array read turns down most pairs before the Map lookup (a character that begins some word is
   * mostly followed by one that continues none).
   */
  private readonly firstPairs = new Uint8Array(65536);
  private readonly lastPairs = new Uint8Array(65536);
  readonly size: number;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
    for (const word of unique) {
      this.firstUnits[word.charCodeAt(0)] = 1;
      this.lastUnits[word.charCodeAt(word.length - 1)] = 1;
      if (word.length === 1) {
        this.singles[word.charCodeAt(0)] = 1;
        continue;
      }
      push(this.byFirst, pairKey(word.charCodeAt(0), word.charCodeAt(1)), word);
      push(this.byLast, pairKey(word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 1)), word);
      this.firstPairs[pairHash(word.charCodeAt(0), word.charCodeAt(1))] = 1;
      this.lastPairs[pairHash(word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 1))] = 1;
    }
    this.size = unique.length;
  }

  /** Whether some word ends with this UTF-16 unit (a cheap test before `longestEndingAt`). */
  endsWithUnit(unit: number): boolean {
    return this.lastUnits[unit] === 1;
  }

  /** The longest word that starts at `at`, or undefined. */
  longestAt(text: string, at: number): string | undefined {
    const unit = text.charCodeAt(at);
    if (!this.firstUnits[unit]) return undefined;
    const next = text.charCodeAt(at + 1);
    const group = this.firstPairs[pairHash(unit, next)] ? this.byFirst.get(pairKey(unit, next)) : undefined;
    if (group) for (const word of group) if (text.startsWith(word, at)) return word;
    return this.singles[unit] ? text[at] : undefined;
  }

  /** The longest word that ends just before `at` (text.slice(at - word.length, at) === word), or undefined. */
  longestEndingAt(text: string, at: number): string | undefined {
    if (at <= 0 || at > text.length) return undefined;
    const unit = text.charCodeAt(at - 1);
    if (!this.lastUnits[unit]) return undefined;
    if (at >= 2) {
      const before = text.charCodeAt(at - 2);
      const group = this.lastPairs[pairHash(before, unit)] ? this.byLast.get(pairKey(before, unit)) : undefined;
      if (group) for (const word of group) if (at >= word.length && text.endsWith(word, at)) return word;
    }
    return this.singles[unit] ? text[at - 1] : undefined;
  }

  /** Leftmost-longest, non-overlapping occurrences, as a global regular expression of the words would find them. */
  matches(text: string, from = 0, to = text.length): Array<{ index: number; word: string }> {
    const out: Array<{ index: number; word: string }> = [];
    const firstUnits = this.firstUnits;
    for (let i = from; i < to; i++) {
      if (!firstUnits[text.charCodeAt(i)]) continue;
      const found = this.wordStartingAt(text, i, to);
      if (found === undefined) continue;
      out.push({ index: i, word: found });
      i += found.length - 1;
    }
    return out;
  }

  /** The longest word at `i` (where some word begins) that ends by `to`. */
  private wordStartingAt(text: string, i: number, to: number): string | undefined {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const group = i + 1 < to && this.firstPairs[pairHash(unit, next)] ? this.byFirst.get(pairKey(unit, next)) : undefined;
    if (group) for (const word of group) if (i + word.length <= to && text.startsWith(word, i)) return word;
    return this.singles[unit] ? text[i] : undefined;
  }
}

/** Two UTF-16 units as one small integer key (a Map keyed by small integers hashes fastest). */
function pairKey(first: number, second: number): number {
  return (first << 16) | (second & 0xffff) | 0;
}

/** Two UTF-16 units hashed into 16 bits, for the pair filters (collisions only let a pair through to the Map). */
function pairHash(first: number, second: number): number {
  return ((first * 31) ^ second) & 0xffff;
}

function push(map: Map<number, string[]>, key: number, word: string): void {
  const group = map.get(key);
  if (group) group.push(word);
  else map.set(key, [word]);
}
