/**
 * Small helpers over text shared by detectors: character classes, line tables and BOM handling.
 * Offsets are UTF-16 units; nothing here iterates by code point.
 */

/** CJK ideographs, including Extension A and the compatibility block. Extension B+ are surrogate pairs. */
export const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';

/** Whether the UTF-16 unit at `i` is a Han character (BMP). */
export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * A table of UTF-16 units (1 for each unit of `chars`) for the scans that test every character of a text:
 * reading a typed array is several times cheaper than `Set.has`, which showed in the profile of a 10 MB
 * check (a tenth of a second for three scans).
 */
export function unitTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * The leftmost, non-overlapping matches of a sticky pattern (flag `y`) that can only start at units
 * `starts` marks: what `matchAll` of the same pattern made global finds, trying it only there. A pattern
 * that opens with a lookbehind or a long alternation is otherwise tried at every position of the text.
 */
export function* stickyMatches(text: string, pattern: RegExp, starts: Uint8Array): Generator<RegExpExecArray> {
  for (let i = 0; i < text.length; i++) {
    if (!starts[text.charCodeAt(i)]) continue;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m) continue;
    yield m;
    // an empty match moves on by one, as matchAll does
    if (m[0].length > 0) i += m[0].length - 1;
  }
}

/** A line break with the spaces and indent around it, as a narrow column leaves one inside a phrase. */
const LINE_BREAK_IN_PHRASE = /[ \t\u3000]*\r?\n[ \t\u3000]*/g;

/**
 * Text as it is spelled, without the line breaks a narrow column put inside it (市人力资源和社⏎会保障局,
 * 28.5万⏎个): for names, subjects and anything shown on one line.
 */
export function withoutLineBreaks(text: string): string {
  return text.includes('\n') ? text.replace(LINE_BREAK_IN_PHRASE, '') : text;
}

/** Removes a leading BOM. Offsets in the project are into the text without it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A line of the text: `[start, end)` without its terminator, and where the terminator ends. */
export interface Line {
  start: number;
  end: number;
  /** Offset after the line terminator (\n, \r\n or \r), equal to `end` on the last line without one. */
  next: number;
}

/** Splits text into lines, honouring \n, \r\n and lone \r. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** Maps offsets to 0-based line and UTF-16 column by binary search over line starts (for reports, not LSP). */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = splitLines(text).map((l) => l.start);
  }
  /** 0-based line and column of `offset`. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo]! };
  }
}
