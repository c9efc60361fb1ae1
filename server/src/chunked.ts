/**
 * Analysing very large texts in pieces. The core builds per-text views (lines, compact text, words,
 * entities) several times the size of the text; on a 50 MB scan that is gigabytes. Cutting the text at
 * line ends into pieces of bounded size keeps memory bounded by the piece, not the file. Findings are
 * local to a paragraph, so a cut at a line end (preferably after a sentence end) loses at most what
 * straddles the cut.
 *
 * The language server analyses large documents the same way (so that the editor and `policymark check`
 * agree on them), keeping each piece's result: after an edit only the piece it touched is analysed again.
 * A piece is cut where the text is, not where the edit was, so an edit leaves the pieces before it
 * unchanged and, unless it moves a cut, the pieces after it too.
 */
import { analyze, applyEdits, fixAllToFixpoint } from './analysis/index';
import type { FixAllResult } from './analysis/fixes/apply';
import type { AnalysisOptions } from './analysis/options';
import type { AnalysisResult, Entity, Finding, TextEdit } from './analysis/types';

/** Texts up to this many UTF-16 units are analysed whole. */
export const CHUNK_SIZE = 400_000;

/** Start offsets of the pieces of `text` (the first is 0), each piece at most `size` units long. */
export function chunkStarts(text: string, size = CHUNK_SIZE): number[] {
  const starts = [0];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    // prefer a line end after a sentence end, then any line end, in the second half of the window
    let cut = -1;
    for (let i = limit; i > start + size / 2; i--) {
      const c = text.charCodeAt(i - 1);
      if ((c === 10 || c === 13) && text.charCodeAt(i) !== 10) {
        if (cut < 0) cut = i;
        if (/[。！？；”]/.test(text[i - 2] ?? '')) {
          cut = i;
          break;
        }
      }
    }
    if (cut < 0) {
      // one huge line: cut anywhere, but not inside a surrogate pair or a CRLF
      cut = limit;
      const before = text.charCodeAt(cut - 1);
      if ((before >= 0xd800 && before <= 0xdbff) || (before === 13 && text.charCodeAt(cut) === 10)) cut--;
    }
    starts.push(cut);
    start = cut;
  }
  return starts;
}

function shiftEdit(e: TextEdit, by: number): TextEdit {
  return { ...e, start: e.start + by, end: e.end + by };
}

function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => shiftEdit(e, by)) })),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, start: r.start + by, end: r.end + by })) } : {}),
  };
}

function shiftEntity(e: Entity, by: number): Entity {
  return by === 0 ? e : { ...e, start: e.start + by, end: e.end + by };
}

/** What the results of an analysis depend on besides the text: a cache of piece results is valid for one. */
export function optionsKeyOf(options: AnalysisOptions): string {
  const { segmenter, ...portable } = options;
  return JSON.stringify([portable, segmenter !== undefined], (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

/**
 * A copy of `piece` in a string of its own. `slice` of a long string gives a view into it (V8's sliced
 * string), and every `charCodeAt` of the analysis' character scans then goes through that indirection: on
 * the 10 MB check, analysing copies took 0.98 of the time (whole-process runs, paired). The copy of a
 * 400,000-unit piece costs well under a millisecond.
 */
function flatCopy(piece: string): string {
  return Buffer.from(piece, 'utf16le').toString('utf16le');
}

/**
 * The results of one document's pieces, by their text, from its latest analysis: a later analysis of the
 * document reuses those of the pieces it finds unchanged. Valid for one set of options (`optionsKey`).
 */
export interface PieceCache {
  optionsKey: string;
  pieces: Map<string, AnalysisResult>;
  /** How many pieces the latest analysis took from the cache (for tests and logs). */
  reused: number;
  /**
   * Whether results are copied in and out of the cache, so that a caller may change what it gets. A caller
   * that only sends them on (the analysis worker: postMessage copies them) saves the copies.
   */
  copies: boolean;
}

/** An empty piece cache (see PieceCache.copies). */
export function createPieceCache(copies = true): PieceCache {
  return { optionsKey: '', pieces: new Map(), reused: 0, copies };
}

/**
 * `analyze`, piece by piece for a text longer than `size`; offsets are into the whole text. With a
 * `cache` (one per document) last used with the same options, unchanged pieces are not analysed again;
 * the cache then keeps the pieces of this analysis only.
 */
export function analyzeChunked(text: string, options: AnalysisOptions, size = CHUNK_SIZE, cache?: PieceCache): AnalysisResult {
  if (text.length <= size) {
    // a document that shrank below a piece: nothing of its pieces is current any more
    if (cache) Object.assign(cache, { optionsKey: '', pieces: new Map(), reused: 0 });
    return analyze(text, options);
  }
  const starts = chunkStarts(text, size);
  const result: AnalysisResult = { entities: [], diagnostics: [], segmented: options.segmenter !== undefined };
  // unless the caller only sends results on, the cache holds its own copy: what the caller gets it may change
  const copy = (r: AnalysisResult) => (cache?.copies ? structuredClone(r) : r);
  const optionsKey = cache ? optionsKeyOf(options) : '';
  const known = cache && cache.optionsKey === optionsKey ? cache.pieces : undefined;
  const kept = new Map<string, AnalysisResult>();
  let reused = 0;
  starts.forEach((start, k) => {
    const pieceText = flatCopy(text.slice(start, starts[k + 1] ?? text.length));
    const cached = known?.get(pieceText) ?? kept.get(pieceText);
    if (cached) reused++;
    const fresh = cached ? undefined : analyze(pieceText, options);
    if (cache) kept.set(pieceText, cached ?? copy(fresh!));
    const piece = cached ? copy(cached) : fresh!;
    for (const e of piece.entities) result.entities.push(shiftEntity(e, start));
    for (const f of piece.diagnostics) result.diagnostics.push(shiftFinding(f, start));
  });
  if (cache) Object.assign(cache, { optionsKey, pieces: kept, reused });
  return result;
}

/**
 * Fix-all piece by piece. The rounds of the pieces are merged into rounds over the whole text, each in
 * offsets of the previous round's whole text, as `fixAllToFixpoint` reports them (the sidecar replays them
 * to move annotations).
 */
export function fixAllChunked(text: string, options: AnalysisOptions, size = CHUNK_SIZE): FixAllResult {
  const findingsOf = (t: string) => analyze(t, options).diagnostics;
  if (text.length <= size) return fixAllToFixpoint(text, findingsOf);
  const starts = chunkStarts(text, size);
  const pieces = starts.map((start, k) => {
    const original = text.slice(start, starts[k + 1] ?? text.length);
    const fixed = fixAllToFixpoint(original, findingsOf);
    // the piece's text before each of its rounds, and after the last
    const states = [original];
    for (const _ of fixed.steps) states.push(states[states.length - 1]!);
    let current = original;
    fixed.steps.forEach((edits, r) => {
      current = applyEdits(current, edits);
      states[r + 1] = current;
    });
    return { fixed, states };
  });
  const rounds = Math.max(0, ...pieces.map((p) => p.fixed.steps.length));
  const steps: TextEdit[][] = [];
  for (let r = 0; r < rounds; r++) {
    const edits: TextEdit[] = [];
    let offset = 0;
    for (const { fixed, states } of pieces) {
      for (const e of fixed.steps[r] ?? []) edits.push(shiftEdit(e, offset));
      offset += states[Math.min(r, states.length - 1)]!.length;
    }
    steps.push(edits);
  }
  return {
    text: pieces.map((p) => p.fixed.text).join(''),
    applied: pieces.flatMap((p) => p.fixed.applied),
    steps,
  };
}
