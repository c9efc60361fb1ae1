/** The VSIX is built from an allow-list: the bundles, data, nodejieba's runtime files, and nothing of test/. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('vsce ls lists exactly what the extension needs at run time', () => {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const needed of [
    'package.json',
    'client/out/extension.js',
    'server/out/server.js',
    'server/out/cli.js',
    'node_modules/nodejieba/build/Release/nodejieba.node',
    'node_modules/nodejieba/index.js',
    'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  ]) {
    assert.ok(files.includes(needed), `${needed} is packaged`);
  }
  const unwanted = files.filter(
    (f) =>
      /^(test|samples|bench|scripts|build)\//.test(f) ||
      /\.ts$/.test(f) ||
      /\.map$/.test(f) ||
      (f.startsWith('node_modules/') && !f.startsWith('node_modules/nodejieba/')) ||
      /nodejieba\/(lib|submodules\/(?!cppjieba\/dict))/.test(f),
  );
  assert.deepEqual(unwanted, []);
});
