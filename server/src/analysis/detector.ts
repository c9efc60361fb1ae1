/** The two plug-in shapes of the core: entity recognizers and diagnostic detectors. */
import type { AnalysisContext } from './context';
import type { DiagnosticCode, Entity, Finding, Localized } from './types';

/** Finds entities of one kind. Runs before any diagnostic detector. */
export interface EntityRecognizer {
  /** Stable id, e.g. "metric". */
  id: string;
  description: Localized;
  recognize(ctx: AnalysisContext): Entity[];
}

/** Finds one kind of damage or inconsistency. Sees the recognized entities through `ctx.entities`. */
export interface Detector {
  /** Stable id; usually the diagnostic code it reports. */
  id: string;
  /** The codes it may report (for turning them off without running it). */
  codes: readonly DiagnosticCode[];
  description: Localized;
  detect(ctx: AnalysisContext): Finding[];
}
