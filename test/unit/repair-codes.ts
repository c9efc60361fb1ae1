import type { DiagnosticCode } from '../../server/src/analysis/types';

/** The OCR-repair detectors' codes, which the repair-detectors tests judge on seeds and on clean prose. */
/** (A set of strings, so that gold entries read from JSON can be looked up; `satisfies` keeps the names checked.) */
export const REPAIR_CODES: ReadonlySet<string> = new Set([
  'fused-ordinal',
  'fused-figures',
  'garbled-figure',
  'letter-for-digit',
  'docnum-bracket',
  'enum-run-on',
  'traditional-char',
  'ocr-confusable',
  'unbalanced-bracket',
  'duplicated-line',
] satisfies DiagnosticCode[]);
