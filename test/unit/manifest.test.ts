/** The extension manifest agrees with the code: settings, localisation keys, contributed files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { DIAGNOSTIC_CODES } from '../../server/src/analysis/types';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));

test('every typed setting is declared in package.json with the same default', () => {
  const props = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    if (key === 'diagnostics') continue;
    assert.ok(props[`policymark.${key}`], `policymark.${key} is declared`);
    assert.deepEqual(props[`policymark.${key}`]!.default, value, `default of policymark.${key}`);
  }
  for (const code of DIAGNOSTIC_CODES) assert.equal(props[`policymark.diagnostics.${code}`]?.default, 'default', code);
});

test('every %key% of the manifest has an English and a Chinese text', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length > 10);
  for (const key of keys) {
    assert.equal(typeof nls[key], 'string', `package.nls.json has ${key}`);
    assert.equal(typeof nlsZh[key], 'string', `package.nls.zh-cn.json has ${key}`);
  }
});

test('contributed files exist', () => {
  const c = manifest.contributes;
  for (const path of [
    ...c.grammars.map((g: { path: string }) => g.path),
    ...c.snippets.map((s: { path: string }) => s.path),
    ...c.languages.map((l: { configuration: string }) => l.configuration),
  ]) {
    assert.ok(existsSync(join(root, path)), path);
  }
  JSON.parse(readFileSync(join(root, c.grammars[0].path), 'utf8'));
  // snippet files are JSONC: drop whole-line comments and trailing commas before parsing
  const snippets = readFileSync(join(root, c.snippets[0].path), 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/,(\s*[}\]])/g, '$1');
  assert.ok(Object.keys(JSON.parse(snippets)).length >= 3);
});
