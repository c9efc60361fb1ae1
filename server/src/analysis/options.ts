/** Options of one analysis: everything that comes from settings, the workspace and the sidecar. */
import type { Segmenter } from './segment';
import type { DiagnosticCode, Severity } from './types';

/** A finding the user silenced, keyed by its code and quoted context rather than by offset. */
export interface SilencedFinding {
  code: DiagnosticCode;
  /** The text of the finding's span. */
  exact: string;
  /** Up to 16 units before and after the span, to tell one occurrence from another. */
  prefix?: string;
  suffix?: string;
}

/** An organisation name table: alias → full name. */
export type AliasTable = ReadonlyMap<string, string>;

/** Facts about the rest of the workspace that a single-file analysis may use. */
export interface WorkspaceFacts {
  /** Full organisation names seen in other files (for resolving abbreviations). */
  orgNames?: readonly string[];
  /** Intact document numbers seen elsewhere, e.g. 教职成〔2020〕7号 (for repairing damaged ones). */
  docNumbers?: readonly string[];
}

/** Inputs of `analyze` besides the text. All optional: the core works with none of them. */
export interface AnalysisOptions {
  /** The loaded segmenter; detectors that need it stay silent without it. */
  segmenter?: Segmenter;
  /** Per-code severity override, or 'off' to turn a code off. */
  severities?: Partial<Record<DiagnosticCode, Severity | 'off'>>;
  /** Findings silenced by the user (from the sidecar). */
  silenced?: readonly SilencedFinding[];
  /** User-supplied aliases (alias → full name), consulted after the document and workspace. */
  userAliases?: AliasTable;
  /** User words that are correct as written (never flagged as damage). */
  userWords?: readonly string[];
  /** What the workspace index knows. */
  workspace?: WorkspaceFacts;
  /** Which recognizers and detectors to run (all when unset); used by tests and the entity-only CLI path. */
  only?: { entities?: boolean; diagnostics?: boolean };
}
