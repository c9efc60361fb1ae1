/**
 * The sidecar in `policymark check`: findings silenced in a text's sidecar are neither reported nor fixed,
 * and its orphan annotations are reported as `orphan-annotation`, as in the editor. Synchronous, like `check`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AnalysisOptions } from '../analysis/options';
import type { Finding, Localized } from '../analysis/types';
import { SidecarError } from './format';
import { DEFAULT_SIDECAR_SUFFIX, sidecarPathFor } from './nodeStore';
import { orphanFindings, orphansOf } from './serverState';
import { decodeSidecar } from './store';
import type { Sidecar } from './types';

function readSync(textPath: string, suffix: string, warn: (file: string, reason: Localized) => void): Sidecar | undefined {
  const location = sidecarPathFor(textPath, suffix);
  if (!existsSync(location)) return undefined;
  try {
    return decodeSidecar(readFileSync(location), location);
  } catch (error) {
    if (error instanceof SidecarError) warn(error.file, error.reason);
    else warn(location, { zh: String(error), en: String(error) });
    return undefined;
  }
}

/** One file's options for `check` (with its silenced findings) and its orphan findings for a given text. */
export function sidecarForCheck(
  options: AnalysisOptions,
  textPath: string,
  warn: (file: string, reason: Localized) => void,
  suffix: string = DEFAULT_SIDECAR_SUFFIX,
): { options: AnalysisOptions; orphanFindings: (text: string) => Finding[] } {
  const sidecar = readSync(textPath, suffix, warn);
  if (!sidecar) return { options, orphanFindings: () => [] };
  const setting = options.severities?.['orphan-annotation'] ?? 'default';
  return {
    options: sidecar.silenced.length ? { ...options, silenced: [...(options.silenced ?? []), ...sidecar.silenced] } : options,
    // read again: `check --fix` moved the annotations with its repairs (a corrupt file was warned about once)
    orphanFindings: (text) => {
      const now = readSync(textPath, suffix, () => undefined);
      return now ? orphanFindings(orphansOf(now, text), text.length, setting) : [];
    },
  };
}
