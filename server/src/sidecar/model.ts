/**
 * Building and changing a sidecar in memory. Every function returns a new Sidecar and leaves its input
 * alone, so that the version last read stays intact as the base of a three-way merge.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  QUOTE_CONTEXT,
  SIDECAR_VERSION,
  type Annotation,
  type AnnotationAttributes,
  type QuoteSelector,
  type SilencedEntry,
  type Sidecar,
} from './types';

/** The content hash stored in the sidecar: sha256 of the text's UTF-8 bytes (BOM removed). */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Whether `offset` falls between the two halves of a surrogate pair (an Extension B character such as 𠮷). */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** The quote selector of `[start, end)`; the context never starts or ends inside a surrogate pair. */
export function quoteSelector(text: string, start: number, end: number): QuoteSelector {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (splitsPair(text, from)) from++;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (splitsPair(text, to)) to--;
  return { exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** An empty sidecar for the text `source` (its base name) with content `text`. */
export function emptySidecar(source: string, text: string): Sidecar {
  return { version: SIDECAR_VERSION, source, hash: contentHash(text), annotations: [], silenced: [] };
}

/** Thrown when a span does not fit the text (a caller bug or bad CLI arguments). */
export class SpanError extends RangeError {}

/** Checks that `[start, end)` is a non-empty span of `text` that does not split a surrogate pair. */
export function checkSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    throw new SpanError(`span [${start}, ${end}) is not a non-empty range of a ${text.length}-unit text`);
  if (splitsPair(text, start) || splitsPair(text, end)) throw new SpanError(`span [${start}, ${end}) splits a surrogate pair`);
}

/** What a new annotation needs; the id, quote and timestamps are filled in. */
export interface NewAnnotation {
  label: string;
  start: number;
  end: number;
  attributes?: AnnotationAttributes;
}

/** Drops undefined and empty-string attribute values; returns undefined when nothing is left. */
export function cleanAttributes(attributes: AnnotationAttributes | undefined): AnnotationAttributes | undefined {
  if (!attributes) return undefined;
  const kept = Object.entries(attributes).filter(([, v]) => v !== undefined && v !== '');
  return kept.length ? (Object.fromEntries(kept) as AnnotationAttributes) : undefined;
}

/** Creates an annotation of `text` (not yet added to a sidecar). */
export function createAnnotation(text: string, input: NewAnnotation, now: Date = new Date()): Annotation {
  checkSpan(text, input.start, input.end);
  const label = input.label.trim();
  if (!label) throw new SpanError('an annotation needs a non-empty label');
  const stamp = now.toISOString();
  const attributes = cleanAttributes(input.attributes);
  return {
    id: randomUUID(),
    label,
    start: input.start,
    end: input.end,
    ...quoteSelector(text, input.start, input.end),
    ...(attributes ? { attributes } : {}),
    created: stamp,
    modified: stamp,
  };
}

/** Orders annotations by position, then by id, so files and exports are stable. */
export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Adds annotations of `text` to the sidecar. The hash is set to `text`'s: the offsets refer to it. */
export function addAnnotations(
  sidecar: Sidecar,
  text: string,
  inputs: readonly NewAnnotation[],
  now: Date = new Date(),
): { sidecar: Sidecar; added: Annotation[] } {
  const added = inputs.map((input) => createAnnotation(text, input, now));
  return { sidecar: { ...sidecar, hash: contentHash(text), annotations: sortAnnotations([...sidecar.annotations, ...added]) }, added };
}

/** Whether the sidecar already has an annotation with this exact span and label. */
export function hasAnnotation(sidecar: Sidecar, start: number, end: number, label: string): boolean {
  return sidecar.annotations.some((a) => !a.orphan && a.start === start && a.end === end && a.label === label);
}

/** Changes to an existing annotation: label, attributes (replaced as a whole), or a new span of `text`. */
export interface AnnotationChange {
  label?: string;
  attributes?: AnnotationAttributes | null;
  span?: { start: number; end: number; text: string };
}

/** Applies `change` to annotation `id`; throws when there is no such annotation. */
export function updateAnnotation(sidecar: Sidecar, id: string, change: AnnotationChange, now: Date = new Date()): Sidecar {
  const index = sidecar.annotations.findIndex((a) => a.id === id);
  if (index < 0) throw new SpanError(`no annotation with id ${id}`);
  const old = sidecar.annotations[index]!;
  const next: Annotation = { ...old, modified: now.toISOString() };
  if (change.label !== undefined) {
    const label = change.label.trim();
    if (!label) throw new SpanError('an annotation needs a non-empty label');
    next.label = label;
  }
  if (change.attributes !== undefined) {
    const attributes = cleanAttributes(change.attributes ?? undefined);
    if (attributes) next.attributes = attributes;
    else delete next.attributes;
  }
  let hash = sidecar.hash;
  if (change.span) {
    const { start, end, text } = change.span;
    checkSpan(text, start, end);
    Object.assign(next, { start, end }, quoteSelector(text, start, end));
    delete next.orphan;
    hash = contentHash(text);
  }
  const annotations = [...sidecar.annotations];
  annotations[index] = next;
  return { ...sidecar, hash, annotations: sortAnnotations(annotations) };
}

/** Changes the label of annotation `id`. */
export function relabelAnnotation(sidecar: Sidecar, id: string, label: string, now: Date = new Date()): Sidecar {
  return updateAnnotation(sidecar, id, { label }, now);
}

/** Removes annotation `id` (no-op when it is already gone, e.g. deleted by another writer). */
export function deleteAnnotation(sidecar: Sidecar, id: string): Sidecar {
  return { ...sidecar, annotations: sidecar.annotations.filter((a) => a.id !== id) };
}

/** Annotations that cover `offset` (an annotation's end counts, so the cursor just after a span finds it), innermost first. */
export function annotationsAt(sidecar: Sidecar, offset: number): Annotation[] {
  return sidecar.annotations
    .filter((a) => !a.orphan && a.start <= offset && offset <= a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** The identity of a silenced finding: code and quote (context included). */
export function silencedKeyOf(entry: SilencedEntry): string {
  return JSON.stringify([entry.code, entry.exact, entry.prefix ?? null, entry.suffix ?? null]);
}

/** Adds a silenced finding unless the same one is there already. */
export function addSilenced(sidecar: Sidecar, entry: SilencedEntry): Sidecar {
  const key = silencedKeyOf(entry);
  if (sidecar.silenced.some((s) => silencedKeyOf(s) === key)) return sidecar;
  const clean: SilencedEntry = { code: entry.code, exact: entry.exact };
  if (entry.prefix !== undefined) clean.prefix = entry.prefix;
  if (entry.suffix !== undefined) clean.suffix = entry.suffix;
  return { ...sidecar, silenced: [...sidecar.silenced, clean] };
}

/** Removes a silenced finding. */
export function removeSilenced(sidecar: Sidecar, entry: SilencedEntry): Sidecar {
  const key = silencedKeyOf(entry);
  return { ...sidecar, silenced: sidecar.silenced.filter((s) => silencedKeyOf(s) !== key) };
}

/** Labels used in a sidecar with their counts. */
export function labelCounts(sidecar: Sidecar): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of sidecar.annotations) counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
  return counts;
}

/** Entity fields that are position or bookkeeping, not attributes worth keeping on an annotation. */
const NOT_ATTRIBUTES = new Set(['type', 'start', 'end', 'text', 'id', 'sameAs', 'range', 'resolvedBy', 'precision']);

/** The attributes of a detected entity (value, unit, canonical, issuer, year, serial...) for an annotation. */
export function entityAttributes(entity: object): AnnotationAttributes | undefined {
  const out: AnnotationAttributes = {};
  for (const [key, value] of Object.entries(entity)) {
    if (NOT_ATTRIBUTES.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
  }
  return cleanAttributes(out);
}
