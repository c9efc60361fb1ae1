/**
 * Applying text edits and fix-all. Edits are in offsets of the text they were computed on; applying
 * sorts them from the end so earlier offsets stay valid.
 */
import type { Finding, TextEdit } from '../types';

/** Applies non-overlapping edits to `text`. Throws on overlap: a detector bug must not corrupt a file. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit [${edit.start}, ${edit.end})`);
    }
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Whether two half-open ranges overlap, or touch at an insertion point (two insertions at one offset conflict). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Picks the preferred fix of every fix-all-safe finding, skipping any that would overlap an edit already
 * chosen (earlier findings win), and returns the edits with the findings they repair.
 */
export function selectFixAllEdits(findings: readonly Finding[]): { edits: TextEdit[]; applied: Finding[] } {
  const edits: TextEdit[] = [];
  const applied: Finding[] = [];
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  for (const finding of ordered) {
    const fix = finding.fixes[0];
    if (!fix || finding.fixAllSafe === false) continue;
    if (fix.edits.some((e) => edits.some((chosen) => conflicts(e, chosen)))) continue;
    edits.push(...fix.edits);
    applied.push(finding);
  }
  return { edits, applied };
}

/** The result of fix-all on one text. */
export interface FixAllResult {
  text: string;
  /** Findings repaired (offsets of the text of the round that repaired them). */
  applied: Finding[];
  /** The edits of each round, in offsets of that round's input: replay them to map positions (annotations). */
  steps: TextEdit[][];
}

/**
 * Applies fix-all repeatedly until nothing more can be fixed (at most `maxRounds`), so that running it
 * again on the result changes nothing: fix-all is idempotent by construction.
 */
export function fixAllToFixpoint(text: string, findingsOf: (text: string) => readonly Finding[], maxRounds = 5): FixAllResult {
  const applied: Finding[] = [];
  const steps: TextEdit[][] = [];
  let current = text;
  while (steps.length < maxRounds) {
    const { edits, applied: now } = selectFixAllEdits(findingsOf(current));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    steps.push(edits);
    applied.push(...now);
    current = next;
  }
  return { text: current, applied, steps };
}
