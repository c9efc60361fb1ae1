// Bundles the extension client, the language server and the CLI with esbuild.
// `node scripts/build.mjs [--watch] [--production]`. nodejieba stays external: it is a native module
// shipped as-is in node_modules (and in the VSIX).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { POLICYMARK_VERSION: JSON.stringify(version) },
  external: ['nodejieba'],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode', 'nodejieba'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } },
  // the server's analysis worker thread (analysis off the event loop); loaded from beside server.js
  { ...common, entryPoints: ['server/src/analysisWorker.ts'], outfile: 'server/out/analysisWorker.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // the bins are run directly (node_modules/.bin, npx)
  for (const bin of ['server/out/cli.js', 'server/out/server.js']) chmodSync(bin, 0o755);
}
