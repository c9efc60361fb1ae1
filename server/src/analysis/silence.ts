/**
 * Silencing single findings by what they quote, not where they are, so a silenced finding stays silent
 * when text is inserted above it and comes back if the quoted text itself changes.
 */
import type { SilencedFinding } from './options';
import type { Finding } from './types';

/** Characters of context kept on each side of a silenced finding. */
export const SILENCE_CONTEXT = 16;

/** The key that silences `finding` in `text`. */
export function silenceKey(text: string, finding: Finding): SilencedFinding {
  return {
    code: finding.code,
    exact: text.slice(finding.start, finding.end),
    prefix: text.slice(Math.max(0, finding.start - SILENCE_CONTEXT), finding.start),
    suffix: text.slice(finding.end, finding.end + SILENCE_CONTEXT),
  };
}

/** Whether a finding in `text` matches one of the silenced keys (code and quote; context where given). */
export function isSilenced(text: string, finding: Finding, silenced: readonly SilencedFinding[]): boolean {
  if (silenced.length === 0) return false;
  const exact = text.slice(finding.start, finding.end);
  return silenced.some((key) => {
    if (key.code !== finding.code || key.exact !== exact) return false;
    // the nearest few characters of context must agree; a whole-window match would break on any nearby edit
    const near = 6;
    const before = text.slice(Math.max(0, finding.start - near), finding.start);
    const after = text.slice(finding.end, finding.end + near);
    const prefixOk = key.prefix === undefined || key.prefix.endsWith(before) || before.endsWith(key.prefix);
    const suffixOk = key.suffix === undefined || key.suffix.startsWith(after) || after.startsWith(key.suffix);
    return prefixOk && suffixOk;
  });
}
