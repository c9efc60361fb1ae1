/**
 * approx-string-match (Myers' bit-parallel approximate matching, the library Hypothesis anchors with) is
 * an ES module only; this CommonJS project loads it with require(esm) (Node ≥ 20.19), and esbuild bundles
 * it into the server, the CLI and the extension.
 */
type Search = typeof import('approx-string-match', { with: { 'resolution-mode': 'import' } }).default;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('approx-string-match') as { default: Search };

/** Best approximate matches of `pattern` in `text` with at most `maxErrors` edits. */
export const approxSearch: Search = loaded.default;
