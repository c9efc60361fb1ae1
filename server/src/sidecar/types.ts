/**
 * The sidecar file's data model (DESIGN.md, "Sidecar file"): `article.txt` → `article.txt.policymark.json`.
 * Plain data only, so the same objects are parsed, validated, merged and written by the CLI, the language
 * server and the extension. Offsets are UTF-16 code units into the text after BOM removal; `end` is exclusive.
 */
import type { DiagnosticCode } from '../analysis/types';

/** The format version written by this code. Readers refuse a newer major version instead of guessing. */
export const SIDECAR_VERSION = 1;

/** Characters of context kept on each side of an annotation's quote (W3C TextQuoteSelector prefix/suffix). */
export const QUOTE_CONTEXT = 32;

/** Labels every installation knows; users add their own through `policymark.labels`. */
export const BUILTIN_LABELS = ['metric', 'org', 'docref'] as const;

/** A W3C-style text quote selector: the annotated text and its context, for re-anchoring after outside edits. */
export interface QuoteSelector {
  exact: string;
  /** Up to 32 UTF-16 units before the span (fewer at the start of the text). */
  prefix: string;
  /** Up to 32 UTF-16 units after the span. */
  suffix: string;
}

/**
 * What an annotation says about its span besides its label. The named keys mirror the entity attributes
 * of `policymark entities`; anything else a user sets with `--attr k=v` is kept as given.
 */
export interface AnnotationAttributes {
  /** Normalised value of a metric in its base unit (9.9万人 → 99000). */
  value?: number;
  unit?: string;
  /** Full name of an organisation. */
  canonical?: string;
  /** Issuer code, year and serial of a document number. */
  issuer?: string;
  year?: number;
  serial?: number;
  /** A free-text note. */
  note?: string;
  [key: string]: string | number | boolean | undefined;
}

/** One annotation: a labelled span of the text, anchored by offsets and by quote. */
export interface Annotation extends QuoteSelector {
  /** Stable identity across edits, merges and exports (a random UUID). */
  id: string;
  /** metric | org | docref | a custom label. */
  label: string;
  start: number;
  end: number;
  attributes?: AnnotationAttributes;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  /**
   * Set when the quote could not be found in the current text. The annotation is kept, with its last
   * offsets and quote, until the user re-anchors or deletes it: nothing is ever silently dropped.
   */
  orphan?: boolean;
  /** Set on the copy kept when two writers changed the same annotation: the id of the one it conflicts with. */
  conflictOf?: string;
}

/** A single finding silenced by the user, keyed by code and quoted context (see analysis/silence.ts). */
export interface SilencedEntry {
  code: DiagnosticCode;
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** The whole sidecar file. */
export interface Sidecar {
  version: number;
  /** The text file's base name (`article.txt`), to tell which text a moved or copied sidecar belongs to. */
  source: string;
  /** `sha256:` + hex digest of the text (UTF-8, BOM removed) that the offsets refer to. */
  hash: string;
  annotations: Annotation[];
  silenced: SilencedEntry[];
}
