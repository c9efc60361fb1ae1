/**
 * A set of literal words indexed by their first and last UTF-16 unit, for the word lookups the
 * recognizers make at every position of a text (suffixes, stop words, places, dictionary names). A
 * regular expression alternation of a few hundred words tries every alternative at every offset; this
 * tries the handful that share the character at hand, so a scan stays linear with a small constant.
 */
export class Literals {
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();
  /** 1 for every UTF-16 unit that begins some word: most characters of a text begin none, and a typed-array read is far cheaper than a Map lookup. */
  private readonly firstUnits = new Uint8Array(65536);
  /** The same for the last unit of a word (longestEndingAt). */
  private readonly lastUnits = new Uint8Array(65536);
  readonly size: number;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
    for (const word of unique) {
      push(this.byFirst, word.charCodeAt(0), word);
      this.firstUnits[word.charCodeAt(0)] = 1;
      push(this.byLast, word.charCodeAt(word.length - 1), word);
      this.lastUnits[word.charCodeAt(word.length - 1)] = 1;
    }
    this.size = unique.length;
  }

  /** The longest word that starts at `at`, or undefined. */
  longestAt(text: string, at: number): string | undefined {
    if (!this.firstUnits[text.charCodeAt(at)]) return undefined;
    const group = this.byFirst.get(text.charCodeAt(at));
    if (group) for (const word of group) if (text.startsWith(word, at)) return word;
    return undefined;
  }

  /** The longest word that ends just before `at` (text.slice(at - word.length, at) === word), or undefined. */
  longestEndingAt(text: string, at: number): string | undefined {
    if (at <= 0 || !this.lastUnits[text.charCodeAt(at - 1)]) return undefined;
    const group = this.byLast.get(text.charCodeAt(at - 1));
    if (group) for (const word of group) if (at >= word.length && text.endsWith(word, at)) return word;
    return undefined;
  }

  /** Leftmost-longest, non-overlapping occurrences, as a global regular expression of the words would find them. */
  matches(text: string, from = 0, to = text.length): Array<{ index: number; word: string }> {
    const out: Array<{ index: number; word: string }> = [];
    const firstUnits = this.firstUnits;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (!firstUnits[unit]) continue;
      const group = this.byFirst.get(unit);
      if (!group) continue;
      for (const word of group) {
        if (i + word.length <= to && text.startsWith(word, i)) {
          out.push({ index: i, word });
          i += word.length - 1;
          break;
        }
      }
    }
    return out;
  }
}

function push(map: Map<number, string[]>, key: number, word: string): void {
  const group = map.get(key);
  if (group) group.push(word);
  else map.set(key, [word]);
}
