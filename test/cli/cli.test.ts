/** The command-line contract of DESIGN.md: exit codes, JSON shapes, UTF-16 offsets, bad input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'server', 'out', 'cli.js');
const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'policymark-cli-'));

test('check --format json has the contract shape and UTF-16 offsets', () => {
  const dir = tmp();
  const file = join(dir, 'a.txt');
  const text = '𠮷𠮷资助总金额达到890余万元元。';
  writeFileSync(file, text);
  const r = run(['check', '--format', 'json', file]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.length, 1);
  assert.equal(report[0].file, file);
  const d = report[0].diagnostics.find((x: { code: string }) => x.code === 'duplicated-unit');
  assert.ok(d, 'duplicated-unit reported');
  assert.equal(text.slice(d.start, d.end), '元元');
  assert.equal(typeof d.message, 'string');
  assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
  assert.deepEqual(Object.keys(d.fixes[0]).sort(), ['edits', 'title']);
  assert.deepEqual(Object.keys(d.fixes[0].edits[0]).sort(), ['end', 'newText', 'start']);
});

test('a missing path is exit 2 with a message on stderr', () => {
  const r = run(['check', join(tmp(), 'nope.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.txt/);
  assert.match(r.stderr, /not found/);
});

test('bad usage is exit 2', () => {
  assert.equal(run(['check']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['check', '--format', 'xml', SEEDS]).code, 2);
  assert.equal(run(['check', '--bogus', SEEDS]).code, 2);
  assert.equal(run(['check', '--disable', 'no-such-code', SEEDS]).code, 2);
});

test('an empty file gives an empty report and exit 0', () => {
  const file = join(tmp(), 'empty.txt');
  writeFileSync(file, '');
  const r = run(['check', '--format', 'json', file]);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), [{ file, diagnostics: [] }]);
  const e = run(['entities', '--format', 'json', file]);
  assert.deepEqual(JSON.parse(e.stdout), [{ file, entities: [] }]);
});

test('a BOM is removed before offsets and kept by --fix; CRLF line ends survive', () => {
  const file = join(tmp(), 'bom.txt');
  const body = '第一行\r\n资助总金额达到890余万元元。\r\n第三行\r\n';
  writeFileSync(file, '\uFEFF' + body);
  const r = run(['check', '--format', 'json', file]);
  const d = JSON.parse(r.stdout)[0].diagnostics.find((x: { code: string }) => x.code === 'duplicated-unit');
  assert.equal(body.slice(d.start, d.end), '元元');
  const fixed = run(['check', '--fix', '--format', 'json', file]);
  assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
  assert.equal(JSON.parse(fixed.stdout)[0].fixed >= 1, true);
  const after = readFileSync(file, 'utf8');
  assert.equal(after, '\uFEFF第一行\r\n资助总金额达到890余万元。\r\n第三行\r\n');
});

test('--fix is idempotent', () => {
  const dir = tmp();
  const file = join(dir, 'seed.txt');
  copyFileSync(join(SEEDS, '001_4ed491f9420b6c99.txt'), file);
  run(['check', '--fix', file]);
  const once = readFileSync(file, 'utf8');
  run(['check', '--fix', file]);
  assert.equal(readFileSync(file, 'utf8'), once);
});

test('a folder is read recursively for *.txt, in a stable order', () => {
  const r = run(['entities', '--format', 'json', SEEDS]);
  assert.equal(r.code, 0, r.stderr);
  const files = JSON.parse(r.stdout).map((x: { file: string }) => x.file);
  assert.equal(files.length, 5);
  assert.deepEqual(files, [...files].sort());
});

test('a GB18030 file is reported as not UTF-8 and read with --encoding gb18030', () => {
  const file = join(tmp(), 'gbk.txt');
  // 资助总金额达到890余万元元。 in GB18030
  const gb = Buffer.from('d7cad6fad7dcbdf0b6eeb4efb5bd383930d3e0cdf2d4aad4aaa1a3', 'hex');
  writeFileSync(file, gb);
  const plain = run(['check', file]);
  assert.equal(plain.code, 2);
  assert.match(plain.stderr, /gb18030/i);
  const decoded = run(['check', '--format', 'json', '--encoding', 'gb18030', file]);
  assert.ok(decoded.code === 0 || decoded.code === 1, decoded.stderr);
  assert.ok(JSON.parse(decoded.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'duplicated-unit'));
});

test('a binary file named .txt is reported and skipped', () => {
  const file = join(tmp(), 'image.txt');
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 5, 6, 7, 0, 0, 0]));
  const r = run(['check', '--format', 'json', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /binary/);
  assert.deepEqual(JSON.parse(r.stdout), []);
});

test('sarif output is SARIF 2.1.0 with UTF-16 char offsets', () => {
  const file = join(tmp(), 's.txt');
  writeFileSync(file, '资助890余万元元。');
  const sarif = JSON.parse(run(['check', '--format', 'sarif', file]).stdout);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'duplicated-unit');
  assert.equal(result.locations[0].physicalLocation.region.charOffset, 7);
});

test('messages follow LANG', () => {
  const file = join(tmp(), 'l.txt');
  writeFileSync(file, '资助890余万元元。');
  const zh = JSON.parse(run(['check', '--format', 'json', file], { LANG: 'zh_CN.UTF-8' }).stdout)[0].diagnostics[0];
  const en = JSON.parse(run(['check', '--format', 'json', file], { LANG: 'en_US.UTF-8' }).stdout)[0].diagnostics[0];
  assert.match(zh.message, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en.message, /[\u4e00-\u9fff]{3}/);
});

test('a reader that stops early (| head) ends the CLI quietly, without a stack trace', async () => {
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'pm-epipe-'));
  const file = join(dir, 'long.txt');
  // enough findings that the report outgrows the pipe's buffer before the reader closes it
  writeFileSync(file, '全市共有学校12所所，在校生3万人人。\n'.repeat(20000));
  const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.doesNotMatch(stderr, /EPIPE|Error|at /, stderr);
  assert.ok(code === 0 || code === 1, `exit ${code}`);
});

test('check --jobs 2 (worker threads) reports what --jobs 1 reports: json in input order, jsonl one line per file', () => {
  const one = run(['check', '--format', 'json', '--jobs', '1', SEEDS]);
  const two = run(['check', '--format', 'json', '--jobs', '2', SEEDS]);
  assert.ok(one.code === 0 || one.code === 1, one.stderr);
  assert.equal(two.code, one.code, two.stderr);
  assert.ok((JSON.parse(one.stdout) as unknown[]).length >= 5);
  assert.equal(two.stdout, one.stdout);
  // jsonl streams each file as a worker finishes it: any order, the same reports
  const lines = run(['check', '--format', 'jsonl', '--jobs', '2', SEEDS]);
  assert.equal(lines.code, one.code, lines.stderr);
  const byFile = (reports: { file: string }[]) => [...reports].sort((a, b) => a.file.localeCompare(b.file));
  const streamed = lines.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string });
  assert.deepEqual(byFile(streamed), byFile(JSON.parse(one.stdout) as { file: string }[]));
});

test('check --jobs 2 reports a bad user dictionary once and exits 2, as --jobs 1 does', () => {
  const missing = join(tmp(), 'missing.dict');
  for (const jobs of ['1', '2']) {
    const r = run(['check', '--jobs', jobs, '--user-dict', missing, SEEDS]);
    assert.equal(r.code, 2, `--jobs ${jobs}: ${r.stderr}`);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('missing.dict'));
    assert.equal(warnings.length, 1, `--jobs ${jobs}: ${r.stderr}`);
    assert.match(warnings[0]!, /user dictionary cannot be accessed/);
  }
});
