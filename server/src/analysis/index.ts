/**
 * The public API of the analysis core: `analyze(text, options) → { entities, diagnostics }`.
 * Pure and synchronous over a string; offsets are UTF-16 units into `text` (strip a BOM first).
 */
import { AnalysisContext } from './context';
import type { Detector, EntityRecognizer } from './detector';
import type { AnalysisOptions } from './options';
import { DETECTORS, RECOGNIZERS } from './registry';
import { isSilenced } from './silence';
import type { AnalysisResult, Entity, Finding } from './types';

export type * from './types';
export type { AnalysisOptions, SilencedFinding, AliasTable, WorkspaceFacts } from './options';
export { AnalysisContext } from './context';
export { applyEdits, fixAllToFixpoint, selectFixAllEdits } from './fixes/apply';
export { silenceKey, isSilenced } from './silence';
export { stripBom } from './text';
export { DETECTORS, RECOGNIZERS } from './registry';

/** Analyses one text: entities first, then every enabled detector over them. */
export function analyze(text: string, options: AnalysisOptions = {}): AnalysisResult {
  const ctx = new AnalysisContext(text, options);
  ctx.entities = recognizeEntities(ctx, RECOGNIZERS);
  const diagnostics = options.only?.diagnostics === false ? [] : detectAll(ctx, DETECTORS);
  return { entities: ctx.entities, diagnostics, segmented: options.segmenter !== undefined };
}

/** Runs the recognizers in order; each sees the entities found before it. */
export function recognizeEntities(ctx: AnalysisContext, recognizers: readonly EntityRecognizer[]): Entity[] {
  for (const recognizer of recognizers) {
    ctx.entities = ctx.entities.concat(recognizer.recognize(ctx));
  }
  return ctx.entities.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Runs the detectors whose codes are not all turned off, applies severity overrides and silencing. */
export function detectAll(ctx: AnalysisContext, detectors: readonly Detector[]): Finding[] {
  const severities = ctx.options.severities ?? {};
  const silenced = ctx.options.silenced ?? [];
  const findings: Finding[] = [];
  for (const detector of detectors) {
    if (detector.codes.every((code) => severities[code] === 'off')) continue;
    for (const finding of detector.detect(ctx)) {
      const override = severities[finding.code];
      if (override === 'off') continue;
      if (override) finding.severity = override;
      if (isSilenced(ctx.text, finding, silenced)) continue;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
