/** User alias files: read, validated, reported by name when unusable; the CLI's --aliases uses them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAliasFiles, resolveUserPaths } from '../../server/src/userData';

const tmp = () => mkdtempSync(join(tmpdir(), 'policymark-user-'));

test('alias files are merged in order, later files win', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ 市农委: '甲市农业农村委员会', 县教体局: '乙县教育和体育局' }));
  writeFileSync(join(dir, 'b.json'), '\uFEFF' + JSON.stringify({ 市农委: '丙市农业农村委员会' }));
  const { table, problems } = loadAliasFiles([join(dir, 'a.json'), join(dir, 'b.json')]);
  assert.deepEqual(problems, []);
  assert.equal(table.get('市农委'), '丙市农业农村委员会');
  assert.equal(table.get('县教体局'), '乙县教育和体育局');
});

test('a missing, malformed or wrongly shaped file is reported by name and left out', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'broken.json'), '{ "市农委": ');
  writeFileSync(join(dir, 'array.json'), '["市农委"]');
  writeFileSync(join(dir, 'mixed.json'), JSON.stringify({ 市农委: '甲市农业农村委员会', 坏: 42, '': '空' }));
  const files = ['missing.json', 'broken.json', 'array.json', 'mixed.json'].map((f) => join(dir, f));
  const { table, problems } = loadAliasFiles(files);
  assert.deepEqual(
    problems.map((p) => p.file),
    files,
  );
  assert.match(problems[1]!.reason.en, /not valid JSON/);
  assert.match(problems[2]!.reason.zh, /JSON 对象/);
  assert.match(problems[3]!.reason.en, /2 invalid entries/);
  // the good entry of the partly bad file is kept
  assert.equal(table.get('市农委'), '甲市农业农村委员会');
});

test('relative paths are taken from the workspace folder (a path or a file: URI)', () => {
  assert.deepEqual(resolveUserPaths(['data/a.json', '/abs/b.json', ' '], '/work/ws'), ['/work/ws/data/a.json', '/abs/b.json']);
  assert.deepEqual(resolveUserPaths(['a.json'], 'file:///work/ws'), ['/work/ws/a.json']);
});

test('policymark entities --aliases resolves an abbreviation the built-in data does not know', () => {
  const dir = tmp();
  const text = join(dir, 'a.txt');
  writeFileSync(text, '会议由市农委牵头，各区县配合落实。');
  writeFileSync(join(dir, 'aliases.json'), JSON.stringify({ 市农委: '甲市农业农村委员会' }));
  const cli = join(__dirname, '..', '..', 'server', 'out', 'cli.js');
  const r = spawnSync(
    process.execPath,
    [cli, 'entities', '--format', 'json', '--no-segmenter', '--aliases', join(dir, 'aliases.json'), text],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const org = JSON.parse(r.stdout)[0].entities.find((e: { type: string }) => e.type === 'org');
  assert.equal(org?.text, '市农委');
  assert.equal(org?.canonical, '甲市农业农村委员会');
  const bad = spawnSync(process.execPath, [cli, 'entities', '--no-segmenter', '--aliases', join(dir, 'nope.json'), text], {
    encoding: 'utf8',
  });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /nope\.json/);
});
