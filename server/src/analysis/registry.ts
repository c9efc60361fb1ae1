/**
 * The one list of recognizers and detectors. Adding a detector is adding a file in detectors/ and a line
 * here (see ARCHITECTURE.md). Order matters only for recognizers: later ones see earlier entities.
 */
import type { Detector, EntityRecognizer } from './detector';
import { duplicatedUnit } from './detectors/duplicated-unit';
import { duplicatedLine } from './detectors/duplicated-line';
import { ocrConfusable } from './detectors/ocr-confusable';
import { rangeDash } from './detectors/range-dash';
import { unbalancedBracket } from './detectors/unbalanced-bracket';
import { cjkStraySpace } from './detectors/cjk-stray-space';
import { columnBreak } from './detectors/column-break';
import { traditionalChar } from './detectors/traditional-char';
import { enumRunOn } from './detectors/enum-run-on';
import { garbledFigure } from './detectors/garbled-figure';
import { letterForDigit } from './detectors/letter-for-digit';
import { fusedFigures } from './detectors/fused-figures';
import { docnumBracket } from './detectors/docnum-bracket';
import { fusedOrdinal } from './detectors/fused-ordinal';
import { sumMismatch } from './detectors/sum-mismatch';
import { tableSum } from './detectors/table-sum';
import { sharesSum } from './detectors/shares-sum';
import { growthMismatch } from './detectors/growth-mismatch';
import { ratioMismatch } from './detectors/ratio-mismatch';
import { dateRecognizer } from './entities/date';
import { docrefRecognizer } from './entities/docref';
import { metricRecognizer } from './entities/metric';
import { orgRecognizer } from './entities/org';

/** Entity recognizers, run in this order. */
export const RECOGNIZERS: readonly EntityRecognizer[] = [dateRecognizer, docrefRecognizer, orgRecognizer, metricRecognizer];

/** Diagnostic detectors. */
export const DETECTORS: readonly Detector[] = [
  duplicatedUnit,
  duplicatedLine,
  cjkStraySpace,
  columnBreak,
  docnumBracket,
  sumMismatch,
  tableSum,
  fusedOrdinal,
  fusedFigures,
  garbledFigure,
  letterForDigit,
  ratioMismatch,
  enumRunOn,
  traditionalChar,
  growthMismatch,
  sharesSum,
  unbalancedBracket,
  ocrConfusable,
  rangeDash,
];
