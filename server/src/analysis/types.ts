/**
 * Plain data produced by the analysis core. Everything here is serialisable (no classes, no functions)
 * so the same objects travel to the CLI's JSON, the language server's handlers and the tests.
 *
 * All offsets are UTF-16 code units into the analysed text (after BOM removal); `end` is exclusive.
 */

/** A message that users read, in Simplified Chinese and English. */
export interface Localized {
  zh: string;
  en: string;
}

/** The user's language for messages. */
export type Language = 'zh' | 'en';

/** Severity names shared by the CLI, SARIF and LSP mapping. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The diagnostic catalogue of DESIGN.md. Names are stable: users silence findings by them. */
export const DIAGNOSTIC_CODES = [
  'fused-ordinal',
  'fused-figures',
  'garbled-figure',
  'letter-for-digit',
  'docnum-bracket',
  'enum-run-on',
  'cjk-stray-space',
  'column-break',
  'duplicated-unit',
  'duplicated-line',
  'traditional-char',
  'ocr-confusable',
  'unbalanced-bracket',
  'sum-mismatch',
  'ratio-mismatch',
  'growth-mismatch',
  'shares-sum',
  'orphan-annotation',
] as const;

/** One code of the diagnostic catalogue. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A replacement of `[start, end)` by `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A repair: a list of non-overlapping edits, applied together. */
export interface Fix {
  title: Localized;
  edits: TextEdit[];
}

/** Another span that explains a finding (the intact form of a damaged document number, the stated total...). */
export interface RelatedSpan {
  start: number;
  end: number;
  message: Localized;
}

/** A diagnostic found by a detector. `fixes[0]` is the preferred repair. */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: Localized;
  start: number;
  end: number;
  /** Safe repairs, preferred first; empty when the finding can only be explained. */
  fixes: Fix[];
  related?: RelatedSpan[];
  /** Whether fix-all may apply `fixes[0]` without asking (false for guesses). */
  fixAllSafe?: boolean;
}

/** Entity kinds reported by `policymark entities`. */
export type EntityType = 'metric' | 'org' | 'docref' | 'date';

/** How a figure is qualified: 余/多 (more-than), 近 (nearly), 约 (about), 以上/不少于 (at-least)... */
export type Approx = 'more-than' | 'nearly' | 'about' | 'at-least' | 'at-most' | 'less-than';

/** What a metric counts or measures. */
export type MetricKind =
  'count' | 'money' | 'percent' | 'percentage-point' | 'ordinal' | 'range' | 'area' | 'length' | 'weight' | 'time' | 'multiple' | 'other';

interface EntityBase {
  type: EntityType;
  start: number;
  end: number;
  text: string;
}

/** A figure with its unit: 9.9万人, 98%以上, 第45届, 5—20%. */
export interface MetricEntity extends EntityBase {
  type: 'metric';
  /** Normalised to the base unit: 9.9万人 → 99000. For a range, its lower end. */
  value: number;
  /** Base unit: 人, 元, %, 平方米, 届... */
  unit: string;
  kind: MetricKind;
  approx?: Approx;
  /** For a range, both ends in the base unit. */
  range?: { from: number; to: number };
  /** What the figure counts where the text states it: 在校生规模 9.9万人 → 在校生规模. */
  subject?: string;
  /** Number of decimals as written, for rounding-aware consistency checks. */
  precision?: number;
  /**
   * The magnitude word's multiplier as written (9.9万 → 10000), absent when there is none: the figure
   * was rounded to `magnitude × 10^-precision` in the base unit (9.9万 → to the nearest 1000).
   */
  magnitude?: number;
}

/** An organisation: a full name, a central body or an abbreviation. */
export interface OrgEntity extends EntityBase {
  type: 'org';
  /** The full name; equal to `text` for a full-name mention. */
  canonical: string;
  /** Where the canonical name came from. */
  resolvedBy?: 'self' | 'document' | 'workspace' | 'dictionary';
}

/** A document reference: a 《title》 or a document number 渝人社〔2021〕452号. */
export interface DocRefEntity extends EntityBase {
  type: 'docref';
  form: 'title' | 'number';
  /** The title without its book-title marks. */
  title?: string;
  issuer?: string;
  year?: number;
  serial?: number;
  /** The issuing organisation's full name where the issuer code is known. */
  issuerOrg?: string;
  /** Shared by the mentions that name one document (a title followed by its number). */
  id?: string;
  sameAs?: string[];
}

/** A year or date: 2020年, 2021年12月31日, 2020—2023年. */
export interface DateEntity extends EntityBase {
  type: 'date';
  year?: number;
  month?: number;
  day?: number;
  /** For a span of years: 2020—2023年. */
  toYear?: number;
}

/** Any entity. */
export type Entity = MetricEntity | OrgEntity | DocRefEntity | DateEntity;

/** The result of analysing one text. */
export interface AnalysisResult {
  entities: Entity[];
  diagnostics: Finding[];
  /** True when the segmenter was available; results may improve once it is. */
  segmented: boolean;
}
