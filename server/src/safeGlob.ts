/**
 * Compiling user-supplied glob patterns (policymark.include) so that no pattern can hang the server.
 * picomatch turns globs into backtracking regular expressions: `*a*a*a*a*a*a*ab` takes seconds per path
 * and grows exponentially, and extglobs (`@(a|a)…`) backtrack too. A pattern is only compiled when it is
 * short, has few single-star or `?` wildcards, and extglobs are off; the others are dropped and reported.
 */
import picomatch from 'picomatch';

/** Longest pattern accepted; most patterns, single-segment wildcards and groups per pattern; longest path tested. */
export const GLOB_LIMITS = { length: 256, patterns: 64, wildcards: 4, groups: 2, path: 4096 };

/** Why a pattern is refused, or undefined when it is safe to compile. */
export function unsafeGlobReason(glob: unknown): string | undefined {
  if (typeof glob !== 'string' || glob.length === 0) return 'not a non-empty string';
  if (glob.length > GLOB_LIMITS.length) return `longer than ${GLOB_LIMITS.length} characters`;
  // ** (any number of folders) is matched segment-wise; count the wildcards that backtrack within a segment
  const wildcards = glob.replace(/\*\*+/g, '').match(/[*?]/g)?.length ?? 0;
  if (wildcards > GLOB_LIMITS.wildcards) return `more than ${GLOB_LIMITS.wildcards} * or ? wildcards`;
  // braces and parentheses become regex alternations, which backtrack when repeated ({a,a}{a,a}…)
  const groups = glob.match(/[{(]/g)?.length ?? 0;
  if (groups > GLOB_LIMITS.groups) return `more than ${GLOB_LIMITS.groups} {…} or (…) groups`;
  return undefined;
}

/** A path test from user globs: unsafe ones are left out (and listed), extglobs are off, paths are bounded. */
export function compileGlobs(globs: readonly unknown[]): { test: (path: string) => boolean; rejected: { glob: string; reason: string }[] } {
  const rejected: { glob: string; reason: string }[] = [];
  const usable: string[] = [];
  for (const glob of globs.slice(0, GLOB_LIMITS.patterns)) {
    const reason = unsafeGlobReason(glob);
    if (reason) rejected.push({ glob: String(glob).slice(0, 80), reason });
    else usable.push(glob as string);
  }
  for (const glob of globs.slice(GLOB_LIMITS.patterns))
    rejected.push({ glob: String(glob).slice(0, 80), reason: `more than ${GLOB_LIMITS.patterns} patterns` });
  if (usable.length === 0) return { test: () => false, rejected };
  const isMatch = picomatch(usable, { dot: false, noextglob: true });
  return { test: (path) => path.length <= GLOB_LIMITS.path && isMatch(path), rejected };
}
