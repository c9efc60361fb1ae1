/**
 * Moving annotations with text edits made where we can see them (the editor's content changes, fix-all,
 * `check --fix`): an insertion before a span shifts it, an edit inside it stretches or shrinks it, an edit
 * across a boundary keeps what is left of the span. A span whose text is swallowed by an edit is looked
 * for in the new text and otherwise kept as an orphan, never dropped.
 */
import type { TextEdit } from '../analysis/types';
import { contentHash, quoteSelector, sortAnnotations } from './model';
import { locate } from './reanchor';
import type { Annotation, Sidecar } from './types';

/** Maps one annotation's span through simultaneous, non-overlapping `edits` (offsets of the old text). */
function mapSpan(a: Annotation, edits: readonly TextEdit[]): { start: number; end: number; swallowedBy?: TextEdit; deltaBefore: number } {
  let deltaStart = 0;
  let deltaEnd = 0;
  let startFixed: number | undefined;
  let endFixed: number | undefined;
  let deltaBefore = 0;
  for (const edit of edits) {
    const delta = edit.newText.length - (edit.end - edit.start);
    // an edit replacing more than the whole span (or the span's text deleted exactly) takes its text away
    const covers = edit.start <= a.start && a.end <= edit.end && edit.end > edit.start;
    const exactReplacement = edit.start === a.start && edit.end === a.end && edit.newText.length > 0;
    if (covers && !exactReplacement) return { start: a.start, end: a.end, swallowedBy: edit, deltaBefore };
    // start boundary: edits ending at or before it shift it (an insertion at the start goes before the span)
    if (edit.end <= a.start) {
      deltaStart += delta;
      deltaBefore += delta;
    } else if (edit.start < a.start) startFixed = edit.start + deltaStart;
    // end boundary: edits ending before it (or deleting up to it) move it; an insertion at the end goes after
    // (an edit across the start moves the end by its delta too: what it inserted joins the span's beginning)
    if (edit.end < a.end || (edit.end === a.end && edit.start < edit.end)) deltaEnd += delta;
    else if (edit.start < a.end) endFixed = edit.start + edit.newText.length + deltaEnd;
  }
  return { start: startFixed ?? a.start + deltaStart, end: endFixed ?? a.end + deltaEnd, deltaBefore };
}

/**
 * Maps annotations through one round of simultaneous edits (offsets of the text before the round, as in
 * a VS Code change event or one fix-all round). `newText` is the text after the round: the quotes of moved
 * annotations are refreshed from it and the hash set to it.
 */
export function mapThroughEdits(sidecar: Sidecar, edits: readonly TextEdit[], newText: string): Sidecar {
  if (edits.length === 0) return sidecar;
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  const annotations = sidecar.annotations.map((a): Annotation => {
    const { start, end, swallowedBy, deltaBefore } = mapSpan(a, sorted);
    if (swallowedBy) {
      // the span's text was replaced wholesale (fix-all's one edit over the changed middle, a paragraph
      // rewritten): find it again by quote and context, as after an outside change, near where it was
      const hint = Math.max(0, swallowedBy.start + deltaBefore + (a.start - swallowedBy.start));
      const found = a.exact ? locate(newText, { ...a, start: hint, end: hint + a.exact.length, orphan: true }) : undefined;
      if (found) {
        const { orphan: _orphan, ...rest } = a;
        return { ...rest, start: found.start, end: found.end, ...quoteSelector(newText, found.start, found.end) };
      }
      const at = Math.min(newText.length, Math.max(0, swallowedBy.start + deltaBefore));
      return { ...a, start: at, end: at, orphan: true };
    }
    if (a.orphan) return { ...a, start: Math.min(start, newText.length), end: Math.min(Math.max(start, end), newText.length) };
    if (end <= start) return { ...a, start, end: start, orphan: true };
    return { ...a, start, end, ...quoteSelector(newText, start, end) };
  });
  return { ...sidecar, hash: contentHash(newText), annotations: sortAnnotations(annotations) };
}

/** Maps annotations through rounds of edits (as fix-all reports them), given the text before the first round. */
export function mapThroughSteps(
  sidecar: Sidecar,
  oldText: string,
  steps: readonly (readonly TextEdit[])[],
): { sidecar: Sidecar; text: string } {
  let text = oldText;
  let current = sidecar;
  for (const step of steps) {
    text = applySimultaneous(text, step);
    current = mapThroughEdits(current, step, text);
  }
  return { sidecar: current, text };
}

/** Applies simultaneous non-overlapping edits (kept here so the sidecar module depends only on plain data). */
export function applySimultaneous(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > text.length)
      throw new RangeError(`overlapping or out-of-range edit [${e.start}, ${e.end})`);
    out += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}
