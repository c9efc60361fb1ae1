/**
 * Re-anchoring after the text changed where we could not see the edits (another program, git, a second
 * window): as Hypothesis does, find the quote exactly first, then approximately, and use the prefix and
 * suffix (and the old position, weakly) to pick the best of several candidates. An annotation that cannot
 * be placed with confidence is kept and marked orphan, never dropped.
 */
import { approxSearch } from './fuzzy';
import { contentHash, quoteSelector, sortAnnotations } from './model';
import type { Annotation, Sidecar } from './types';

/** What happened to each annotation in a re-anchoring. */
export interface ReanchorReport {
  /** True when the text's hash matched the sidecar: nothing was done. */
  unchanged: boolean;
  /** Found where the offsets said. */
  kept: string[];
  /** Found elsewhere by exact quote. */
  moved: string[];
  /** Found by approximate match (the quote was edited, e.g. an OCR repair inside it). */
  fuzzy: string[];
  /** Not found: kept with `orphan: true`. */
  orphans: string[];
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Similarity in [0, 1] of `pattern` to the end (prefix) or start (suffix) of the neighbouring text. */
function contextScore(text: string, pattern: string, at: number, side: 'before' | 'after'): number {
  if (pattern.length === 0) {
    // an empty context means the span touched the start or end of the text
    const atEdge = side === 'before' ? at === 0 : at === text.length;
    return atEdge ? 1 : 0.5;
  }
  const window = side === 'before' ? text.slice(Math.max(0, at - pattern.length), at) : text.slice(at, at + pattern.length);
  if (window === pattern) return 1;
  if (window.length === 0) return 0;
  const matches = approxSearch(window, pattern, pattern.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : pattern.length;
  return Math.max(0, 1 - errors / pattern.length);
}

interface Scored extends Candidate {
  quote: number;
  context: number;
  score: number;
}

function score(text: string, a: Annotation, c: Candidate): Scored {
  const quote = 1 - c.errors / Math.max(1, a.exact.length);
  const prefix = contextScore(text, a.prefix, c.start, 'before');
  const suffix = contextScore(text, a.suffix, c.end, 'after');
  const position = 1 - Math.min(1, Math.abs(c.start - a.start) / Math.max(1, text.length));
  // Hypothesis's weights: quote 50, prefix 20, suffix 20, position 2
  return { ...c, quote, context: (prefix + suffix) / 2, score: (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92 };
}

function exactCandidates(text: string, exact: string): Candidate[] {
  const out: Candidate[] = [];
  if (!exact) return out;
  for (let i = text.indexOf(exact); i >= 0 && out.length < 10_000; i = text.indexOf(exact, i + 1))
    out.push({ start: i, end: i + exact.length, errors: 0 });
  return out;
}

/** Finds the best place for `a` in `text`, or undefined. Exported for the "re-anchor" code paths and tests. */
export function locate(text: string, a: Annotation): { start: number; end: number; how: 'kept' | 'moved' | 'fuzzy' } | undefined {
  if (!a.exact) return undefined;
  if (!a.orphan && text.slice(a.start, a.end) === a.exact) {
    // still in place; only an identical quote elsewhere with better context would beat it
    const here = score(text, a, { start: a.start, end: a.end, errors: 0 });
    if (here.context >= 0.75) return { start: a.start, end: a.end, how: 'kept' };
  }
  const exact = exactCandidates(text, a.exact).map((c) => score(text, a, c));
  if (exact.length) {
    const best = exact.reduce((x, y) => (y.score > x.score ? y : x));
    // a unique exact quote is taken; among several, the context must say which one
    if (exact.length === 1 || best.context >= 0.5) {
      const how = best.start === a.start && !a.orphan ? 'kept' : 'moved';
      return { start: best.start, end: best.end, how };
    }
  }
  const maxErrors = Math.min(256, Math.floor(a.exact.length / 2));
  if (maxErrors === 0) return undefined;
  const fuzzy = approxSearch(text, a.exact, maxErrors).map((c) => score(text, a, c));
  if (!fuzzy.length) return undefined;
  const best = fuzzy.reduce((x, y) => (y.score > x.score ? y : x));
  // an approximate quote is only trusted where its context agrees: a different figure elsewhere
  // (9.8万人 for 9.9万人) is a near match of the quote and must not capture the annotation
  if (best.quote >= 0.5 && best.context >= 0.6) return { start: best.start, end: best.end, how: 'fuzzy' };
  return undefined;
}

/**
 * Re-anchors every annotation in `text`. When the text's hash equals the sidecar's, nothing is done
 * (unless `force`, used after a merge brought in annotations made against another version of the text).
 */
export function reanchor(
  sidecar: Sidecar,
  text: string,
  options: { force?: boolean; only?: ReadonlySet<string> } = {},
): { sidecar: Sidecar; report: ReanchorReport } {
  const report: ReanchorReport = { unchanged: false, kept: [], moved: [], fuzzy: [], orphans: [] };
  const hash = contentHash(text);
  if (hash === sidecar.hash && !options.force && !options.only) {
    report.unchanged = true;
    for (const a of sidecar.annotations) (a.orphan ? report.orphans : report.kept).push(a.id);
    return { sidecar, report };
  }
  const annotations = sidecar.annotations.map((a): Annotation => {
    if (options.only && !options.only.has(a.id)) {
      (a.orphan ? report.orphans : report.kept).push(a.id);
      return a;
    }
    const found = locate(text, a);
    if (!found) {
      report.orphans.push(a.id);
      // keep the last known quote and offsets (clamped to the text) so the user can see what is missing
      const start = Math.min(a.start, text.length);
      return { ...a, start, end: Math.min(Math.max(a.end, start), text.length), orphan: true };
    }
    report[found.how].push(a.id);
    const { orphan: _orphan, ...rest } = a;
    return { ...rest, start: found.start, end: found.end, ...quoteSelector(text, found.start, found.end) };
  });
  return { sidecar: { ...sidecar, hash, annotations: sortAnnotations(annotations) }, report };
}
