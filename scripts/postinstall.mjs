// After `npm ci` / `npm install`: applies patches/ to dependencies (patch-package), rebuilds nodejieba
// when its patched sources are newer than its binary, and links the project's own bins.
//
// The nodejieba patch builds its TextRank extractor on first use instead of in load(): that extractor
// reads the whole dictionary into a second trie, about half of load()'s time (0.64 s → 0.33 s here) and
// memory (about 110 MB), and PolicyMark never calls it. It also lets the threads of a process share one
// loaded dictionary (`check --jobs`), and cppjieba's dictionary load no longer copies and sorts every entry
// to find three weights (0.33 s → 0.21 s), nor as its entry list grows and goes into the trie (→ 0.14 s);
// the trie indexes its root by character. See ARCHITECTURE.md, "Dependencies".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const modules = join(root, 'node_modules');

/** Runs a command in the project root, streaming its output; exits with its status when it fails. */
function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`policymark postinstall: ${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(result.status || 1);
  }
}

const patchPackage = join(modules, 'patch-package', 'index.js');
const hasPatches = existsSync(join(root, 'patches')) && readdirSync(join(root, 'patches')).some((f) => f.endsWith('.patch'));
if (hasPatches && existsSync(patchPackage)) {
  run(process.execPath, [patchPackage, '--error-on-fail']);
} else if (hasPatches) {
  // an install without devDependencies: the dependencies work unpatched, only slower to load
  console.warn(
    'policymark postinstall: patch-package is not installed; nodejieba stays unpatched (its load() takes twice the time and memory)',
  );
}

const jieba = join(modules, 'nodejieba');
const binary = join(jieba, 'build', 'Release', 'nodejieba.node');
const sources = [
  ...['nodejieba.cpp', 'nodejieba.h'].map((name) => join(jieba, 'lib', name)),
  ...['DictTrie.hpp', 'Trie.hpp'].map((name) => join(jieba, 'submodules', 'cppjieba', 'include', 'cppjieba', name)),
];
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
if (existsSync(jieba) && Math.max(...sources.map(mtime)) > mtime(binary)) {
  // from source: a prebuilt binary (node-pre-gyp downloads one where it can) would be the unpatched one
  run('npm', ['rebuild', 'nodejieba', '--build-from-source']);
}

run(process.execPath, [join(root, 'scripts', 'link-bin.mjs')]);
