/**
 * The section structure of a policy text, from its heading markers: 一、 (level 1), （一） (2), 专栏 boxes
 * (3), 1. / 1、 (4), （1） (5). Shared by the outline (document symbols) and folding. Offsets are UTF-16.
 */
import { splitLines } from '../analysis/text';

/** One heading and the text it governs. */
export interface Section {
  level: number;
  /** The heading as shown in an outline: marker and title, without the body run into the same line. */
  title: string;
  /** The heading line. */
  headingStart: number;
  headingEnd: number;
  /** 0-based line of the heading and the last line of the section (before the next heading at its level or above). */
  startLine: number;
  endLine: number;
  /** Offset where the section ends (exclusive). */
  end: number;
  children: Section[];
}

const HEADINGS: { level: number; pattern: RegExp }[] = [
  { level: 1, pattern: /^[ \t\u3000]*[一二三四五六七八九十百]{1,3}、/ },
  { level: 2, pattern: /^[ \t\u3000]*[（(][一二三四五六七八九十百]{1,3}[）)]/ },
  { level: 3, pattern: /^[ \t\u3000]*专栏[ \t\u3000]*[0-9０-９一二三四五六七八九十]*/ },
  // 1. and 1、 but not a figure (1.5万人) or a date (1、2月)
  { level: 4, pattern: /^[ \t\u3000]*[0-9０-９]{1,2}[.．、](?![0-9０-９月日])/ },
  { level: 5, pattern: /^[ \t\u3000]*[（(][0-9０-９]{1,2}[）)]/ },
];

/** Longest heading title shown; a longer first clause is cut with an ellipsis. */
const MAX_TITLE = 30;

/** The heading level of a line, or 0. */
export function headingLevel(line: string): number {
  for (const { level, pattern } of HEADINGS) if (pattern.test(line)) return level;
  return 0;
}

/** A heading's title: up to the first sentence or clause end, at most MAX_TITLE characters. */
function titleOf(line: string): string {
  const trimmed = line.trim();
  const stop = trimmed.search(/[。；;：:！？]/);
  const clause = stop > 0 ? trimmed.slice(0, stop) : trimmed;
  return clause.length > MAX_TITLE ? `${clause.slice(0, MAX_TITLE)}…` : clause;
}

/** The sections of a text as a tree (top-level sections first). */
export function findSections(text: string): Section[] {
  const lines = splitLines(text);
  const flat: Section[] = [];
  lines.forEach((line, number) => {
    const content = text.slice(line.start, line.end);
    const level = headingLevel(content);
    if (level === 0) return;
    flat.push({
      level,
      title: titleOf(content),
      headingStart: line.start + (content.length - content.trimStart().length),
      headingEnd: line.end,
      startLine: number,
      endLine: number,
      end: line.end,
      children: [],
    });
  });
  // a section runs to the last non-blank line before the next heading at its level or above
  const lastContentLineBefore = (lineNumber: number, floor: number) => {
    let n = lineNumber - 1;
    while (n > floor && text.slice(lines[n]!.start, lines[n]!.end).trim() === '') n--;
    return n;
  };
  for (let i = 0; i < flat.length; i++) {
    const section = flat[i]!;
    let next = flat.length;
    for (let j = i + 1; j < flat.length; j++) {
      if (flat[j]!.level <= section.level) {
        next = j;
        break;
      }
    }
    const boundary = next < flat.length ? flat[next]!.startLine : lines.length;
    section.endLine = lastContentLineBefore(boundary, section.startLine);
    section.end = lines[section.endLine]!.end;
  }
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const section of flat) {
    while (stack.length && stack[stack.length - 1]!.level >= section.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : roots).push(section);
    stack.push(section);
  }
  return roots;
}
