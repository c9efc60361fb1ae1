/**
 * Export to and import from the formats annotation tools read. PolicyMark's offsets are UTF-16 code units;
 * brat's standoff offsets and doccano's are Unicode code points (both tools index Python strings), so
 * offsets are converted here and nowhere else: 𠮷 is one code point and two UTF-16 units.
 * CSV keeps UTF-16 offsets (as `check --format json` does) and adds code-point columns.
 */
import { contentHash, createAnnotation, emptySidecar, sortAnnotations } from './model';
import { reanchor } from './reanchor';
import type { Annotation, AnnotationAttributes, Sidecar } from './types';

/** Converts between UTF-16 offsets and code-point offsets of one text. */
export class CodePointIndex {
  /** UTF-16 offsets where a surrogate pair starts. */
  private readonly pairs: number[] = [];
  constructor(readonly text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs.push(i);
          i++;
        }
      }
    }
  }

  /** Number of pairs whose start is before `limit` according to `key`. */
  private count(limit: number, key: (p: number, i: number) => number): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(this.pairs[mid]!, mid) < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Code-point offset of a UTF-16 offset (one inside a pair counts as after it). */
  toCodePoint(utf16: number): number {
    return utf16 - this.count(utf16 - 1, (p) => p);
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    return codePoint + this.count(codePoint, (p, i) => p - i);
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.pairs.length;
  }
}

/** brat: one text-bound annotation per span (`T1\tlabel start end\ttext`), code-point offsets; a span over line breaks becomes fragments `s e;s e`. */
export function toBrat(text: string, annotations: readonly Annotation[]): string {
  const index = new CodePointIndex(text);
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  for (const a of sortAnnotations(annotations)) {
    if (a.orphan || a.end <= a.start) continue;
    const fragments: [number, number][] = [];
    const re = /[^\r\n]+/g;
    const span = text.slice(a.start, a.end);
    for (let m = re.exec(span); m; m = re.exec(span)) fragments.push([a.start + m.index, a.start + m.index + m[0].length]);
    if (fragments.length === 0) continue;
    t++;
    const label = a.label.replace(/[\s;]+/g, '_');
    const offsets = fragments.map(([s, e]) => `${index.toCodePoint(s)} ${index.toCodePoint(e)}`).join(';');
    lines.push(`T${t}\t${label} ${offsets}\t${fragments.map(([s, e]) => text.slice(s, e)).join(' ')}`);
    const noteText = a.attributes?.note;
    if (noteText) lines.push(`#${++note}\tAnnotatorNotes T${t}\t${noteText.replace(/[\r\n\t]+/g, ' ')}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Offsets of doccano JSONL. doccano's data model (Python) and the tools around it count code points, but its
 * web UI computes spans with JavaScript string indices, i.e. UTF-16 units, unless the project counts grapheme
 * clusters (doccano/doccano#2290). The two differ only after a character outside the BMP (𠮷, emoji), so
 * the default is code points and `utf16` is there for files made in doccano's UI.
 */
export type OffsetUnit = 'codepoint' | 'utf16';

/** doccano sequence-labelling JSONL line: `{"text", "label": [[start, end, label]]}`, code-point offsets by default. */
export function toDoccano(text: string, annotations: readonly Annotation[], file?: string, unit: OffsetUnit = 'codepoint'): string {
  const index = new CodePointIndex(text);
  const at = (offset: number) => (unit === 'utf16' ? offset : index.toCodePoint(offset));
  const label = sortAnnotations(annotations)
    .filter((a) => !a.orphan && a.end > a.start)
    .map((a) => [at(a.start), at(a.end), a.label]);
  return JSON.stringify(file === undefined ? { text, label } : { text, label, file });
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'file',
  'id',
  'label',
  'start',
  'end',
  'start_cp',
  'end_cp',
  'text',
  'value',
  'unit',
  'canonical',
  'issuer',
  'year',
  'serial',
  'note',
  'attributes',
  'orphan',
  'created',
  'modified',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, or line break; quotes doubled. */
export function csvField(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV rows (no header) of one file's annotations; orphans included, flagged. Lines end with CRLF as RFC 4180 says. */
export function toCsvRows(file: string, text: string, annotations: readonly Annotation[]): string[] {
  const index = new CodePointIndex(text);
  const named = new Set(['value', 'unit', 'canonical', 'issuer', 'year', 'serial', 'note']);
  return sortAnnotations(annotations).map((a) => {
    const attrs = a.attributes ?? {};
    const others = Object.fromEntries(Object.entries(attrs).filter(([k]) => !named.has(k)));
    const row = [
      file,
      a.id,
      a.label,
      a.start,
      a.end,
      index.toCodePoint(a.start),
      index.toCodePoint(a.end),
      a.exact,
      attrs.value,
      attrs.unit,
      attrs.canonical,
      attrs.issuer,
      attrs.year,
      attrs.serial,
      attrs.note,
      Object.keys(others).length ? JSON.stringify(others) : '',
      a.orphan ? 'true' : 'false',
      a.created,
      a.modified,
    ];
    return row.map(csvField).join(',');
  });
}

/** The CSV header line. */
export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

/** A span read from another tool, in UTF-16 offsets of `text` (the text the tool's offsets refer to). */
export interface ImportedSpan {
  start: number;
  end: number;
  label: string;
  attributes?: AnnotationAttributes;
}

/** Thrown when an import source cannot be read as its format. */
export class ImportError extends Error {}

/** Parses a brat .ann against its text: text-bound annotations (fragments joined into one span) and AnnotatorNotes. */
export function fromBrat(text: string, ann: string): ImportedSpan[] {
  const index = new CodePointIndex(text);
  const byId = new Map<string, ImportedSpan>();
  const notes: [string, string][] = [];
  for (const [n, line] of ann.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
      if (!m) throw new ImportError(`line ${n + 1}: not a brat text-bound annotation: ${line}`);
      const nums = m[2]!.split(/[ ;]/).map(Number);
      const start = Math.min(...nums);
      const end = Math.max(...nums);
      if (end > index.length)
        throw new ImportError(`line ${n + 1}: offset ${end} is past the end of the text (${index.length} code points)`);
      byId.set(id, { start: index.toUtf16(start), end: index.toUtf16(end), label: m[1]! });
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(cols[1] ?? '');
      if (m) notes.push([m[1]!, cols.slice(2).join('\t')]);
    }
    // relations, events, attributes and normalisations have no place in the sidecar: skipped
  }
  for (const [target, note] of notes) {
    const span = byId.get(target);
    if (span && note) span.attributes = { ...span.attributes, note };
  }
  return [...byId.values()].filter((s) => s.end > s.start);
}

/** One record of a doccano JSONL export, with its spans in UTF-16 offsets of its own `text`. */
export interface DoccanoRecord {
  text: string;
  file?: string;
  spans: ImportedSpan[];
}

/** Parses doccano JSONL: `label: [[s, e, l]]` (sequence labelling) or `entities: [{start_offset, end_offset, label}]`. */
export function fromDoccano(jsonl: string, unit: OffsetUnit = 'codepoint'): DoccanoRecord[] {
  const records: DoccanoRecord[] = [];
  for (const [n, line] of jsonl.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ImportError(`line ${n + 1}: not JSON (${(error as Error).message})`);
    }
    const record = value as { text?: unknown; file?: unknown; label?: unknown; entities?: unknown };
    if (typeof record.text !== 'string') throw new ImportError(`line ${n + 1}: no "text" string`);
    const index = new CodePointIndex(record.text);
    const length = unit === 'utf16' ? record.text.length : index.length;
    const toUtf16 = (offset: number) => (unit === 'utf16' ? offset : index.toUtf16(offset));
    const raw: [unknown, unknown, unknown][] = [];
    if (Array.isArray(record.label)) for (const l of record.label) if (Array.isArray(l)) raw.push([l[0], l[1], l[2]]);
    if (Array.isArray(record.entities))
      for (const e of record.entities as Record<string, unknown>[]) raw.push([e?.start_offset, e?.end_offset, e?.label]);
    const spans: ImportedSpan[] = [];
    for (const [s, e, l] of raw) {
      if (!Number.isInteger(s) || !Number.isInteger(e) || typeof l !== 'string' || !l.trim())
        throw new ImportError(`line ${n + 1}: a label is not [start, end, "label"]`);
      if ((e as number) > length || (s as number) < 0 || (s as number) >= (e as number))
        throw new ImportError(`line ${n + 1}: span [${String(s)}, ${String(e)}) does not fit the text`);
      spans.push({ start: toUtf16(s as number), end: toUtf16(e as number), label: l });
    }
    records.push({ text: record.text, spans, ...(typeof record.file === 'string' ? { file: record.file } : {}) });
  }
  return records;
}

/**
 * Adds imported spans to a sidecar of `text`. The spans are in offsets of `sourceText` (the text the other
 * tool saw); when it differs from `text` (whitespace, an OCR repair since), each span is re-anchored by its
 * quote, and what cannot be placed is still added, as an orphan. Spans already annotated are skipped.
 */
export function importSpans(
  sidecar: Sidecar,
  text: string,
  sourceText: string,
  spans: readonly ImportedSpan[],
  now: Date = new Date(),
): { sidecar: Sidecar; added: Annotation[]; skipped: number; orphans: Annotation[] } {
  let created = spans.map((s) => createAnnotation(sourceText, s, now));
  if (sourceText !== text)
    created = reanchor({ ...emptySidecar(sidecar.source, sourceText), annotations: created }, text).sidecar.annotations;
  const added: Annotation[] = [];
  let skipped = 0;
  for (const a of created) {
    const duplicate = [...sidecar.annotations, ...added].some((b) =>
      a.orphan
        ? b.label === a.label && b.exact === a.exact && b.prefix === a.prefix
        : !b.orphan && b.start === a.start && b.end === a.end && b.label === a.label,
    );
    if (duplicate) skipped++;
    else added.push(a);
  }
  return {
    sidecar: { ...sidecar, hash: contentHash(text), annotations: sortAnnotations([...sidecar.annotations, ...added]) },
    added,
    skipped,
    orphans: added.filter((a) => a.orphan),
  };
}
