/**
 * The one place where UTF-16 offsets of the analysis become LSP positions and ranges, and back.
 * LSP positions default to UTF-16 columns, like the core's offsets, so conversion is a line lookup.
 * Positions from the client are untrusted: they are clamped, never thrown on.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

/** LSP range of `[start, end)` in `document`. */
export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** Offset of a client position, clamped into the document (negative or past-the-end positions are fine). */
export function toOffset(document: TextDocument, position: Position): number {
  const line = Number.isFinite(position?.line) ? Math.max(0, Math.trunc(position.line)) : 0;
  const character = Number.isFinite(position?.character) ? Math.max(0, Math.trunc(position.character)) : 0;
  const offset = document.offsetAt({ line, character });
  return Math.min(Math.max(offset, 0), document.getText().length);
}

/** Offsets of a client range, clamped and ordered. */
export function toOffsets(document: TextDocument, range: Range): { start: number; end: number } {
  const a = toOffset(document, range.start);
  const b = toOffset(document, range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}
