/**
 * Sidecar faults, through the store's public API and through `policymark annotate` (the bundled CLI, after
 * `npm run bundle`): a write killed at any moment leaves the old or the new sidecar, whole and valid; a full
 * disk or a read-only folder leaves the old one intact, no temporary file behind, and names the file; the
 * sidecar is never written through a symlink leading out of its text's folder; a sidecar truncated by
 * another tool's crash is reported and left byte for byte as it is.
 */
import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar, serializeSidecar, SidecarError } from '../../server/src/sidecar/format';
import { addAnnotations, emptySidecar } from '../../server/src/sidecar/model';
import { nodeSidecarIO, sidecarPathFor } from '../../server/src/sidecar/nodeStore';
import { updateSidecar } from '../../server/src/sidecar/store';
import type { Sidecar } from '../../server/src/sidecar/types';
import { CLI, runCli, tmp } from './helpers';

const TEXT = '2021年，全市在校生规模达到9.9万人，比上年增长12%。\n资助总金额达到890余万元元。\n';

const mounts: string[] = [];
const dirs: string[] = [];
after(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function fresh(): string {
  const dir = tmp('policymark-sidecar-faults-');
  dirs.push(dir);
  return dir;
}

/** A tmpfs of `size` on a fresh folder, or undefined (the test skipped with the reason) when mounting is not permitted. */
function mountTmpfs(t: TestContext, size: string): string | undefined {
  const dir = fresh();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    t.skip(`cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): ${(r.stderr || String(r.error)).trim()}`);
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir]);
  mounts.splice(mounts.indexOf(dir), 1);
}

/** Parses and validates (JSON schema) the sidecar: throws unless it is whole. */
function readSidecar(path: string): Sidecar {
  return parseSidecar(readFileSync(path, 'utf8'), path);
}

/** `annotate tag` of `quote` in TEXT. */
function tagArgs(file: string, quote: string, label: string): string[] {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return ['annotate', 'tag', file, '--start', String(start), '--end', String(start + quote.length), '--label', label];
}

const addOne = (label: string) => (sidecar: Sidecar) => ({
  sidecar: addAnnotations(sidecar, TEXT, [{ label, start: 0, end: 5 }]).sidecar,
  result: undefined,
});

test('a store writer killed (SIGKILL) at assorted moments of its write loop leaves the old or the new sidecar, valid', async () => {
  // kill after the child acknowledged `acks` writes, `delay` ms later: before, inside or just after the next write
  const moments = [
    { acks: 1, delay: 0 },
    { acks: 2, delay: 1 },
    { acks: 2, delay: 5 },
    { acks: 3, delay: 12 },
    { acks: 4, delay: 25 },
    { acks: 5, delay: 50 },
  ];
  for (const { acks, delay } of moments) {
    const dir = fresh();
    const file = join(dir, 'a.txt');
    writeFileSync(file, TEXT);
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'children', 'sidecar-writer.ts'), file], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked = 0;
    let stderr = '';
    let killing = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      acked += chunk.split('\n').filter(Boolean).length;
      if (acked >= acks && !killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    assert.equal(exit.signal, 'SIGKILL', `the writer ended on its own (${exit.code}): ${stderr}`);
    const s = readSidecar(sidecarPathFor(file)); // whole and valid, or this throws
    const n = s.annotations.length;
    assert.ok(n === acked || n === acked + 1, `acks ${acks} + ${delay} ms: ${n} annotations after ${acked} acknowledged writes`);
    const expected = ['payload', ...Array.from({ length: n - 1 }, (_, k) => `w${k + 1}`)].sort();
    assert.deepEqual(s.annotations.map((a) => a.label).sort(), expected, 'exactly the annotations of one written version');
  }
});

test('`annotate tag` killed (SIGKILL) at assorted moments leaves the old or the new sidecar, valid', async () => {
  // a large sidecar (a long note) makes reading, validating and writing it take a while
  const seed = fresh();
  const seedText = join(seed, 'a.txt');
  writeFileSync(seedText, TEXT);
  await updateSidecar(nodeSidecarIO, sidecarPathFor(seedText), 'a.txt', TEXT, (sidecar) => ({
    sidecar: addAnnotations(sidecar, TEXT, [{ label: 'big', start: 0, end: 5, attributes: { note: '据年报'.repeat(1_500_000) } }]).sidecar,
    result: undefined,
  }));
  const old = readFileSync(sidecarPathFor(seedText));
  for (const delay of [80, 250, 420, 480, 530, 580, 630, 700, 1500]) {
    const dir = fresh();
    const file = join(dir, 'a.txt');
    writeFileSync(file, TEXT);
    writeFileSync(sidecarPathFor(file), old);
    const child = spawn(process.execPath, [CLI, ...tagArgs(file, '9.9万人', 'metric')], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    await new Promise((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    const now = readFileSync(sidecarPathFor(file));
    if (now.equals(old)) continue; // killed before its rename: the old sidecar
    const s = readSidecar(sidecarPathFor(file)); // whole and valid, or this throws
    assert.deepEqual(s.annotations.map((a) => a.label).sort(), ['big', 'metric'], `killed after ${delay} ms: neither old nor new`);
  }
});

test('a full disk (tiny tmpfs): the old sidecar stays whole, no temporary file is left, the file is named (exit 2)', async (t) => {
  const dir = mountTmpfs(t, '8k');
  if (!dir) return;
  const file = join(dir, 'a.txt');
  const sidecar = sidecarPathFor(file);
  writeFileSync(file, TEXT);
  // the text and its sidecar take one page each of the two: the new sidecar's temporary file cannot fit
  const first = runCli(tagArgs(file, '9.9万人', 'metric'));
  assert.equal(first.code, 0, first.stderr);
  const old = readFileSync(sidecar);
  const r = runCli(tagArgs(file, '12%', 'growth'));
  assert.equal(r.code, 2, r.stderr);
  assert.ok(r.stderr.includes(sidecar), r.stderr);
  assert.match(r.stderr, /could not write.*ENOSPC/);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.deepEqual(readFileSync(sidecar), old);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.policymark.json'], 'no temporary or lock file left');
  // the same through the store's API: a SidecarError naming the file
  await assert.rejects(
    updateSidecar(nodeSidecarIO, sidecar, 'a.txt', TEXT, addOne('api')),
    (e: unknown) => e instanceof SidecarError && e.file === sidecar && /ENOSPC/.test(e.reason.en) && /无法写入/.test(e.reason.zh),
  );
  assert.deepEqual(readFileSync(sidecar), old);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.policymark.json']);
  const zh = runCli(tagArgs(file, '12%', 'growth'), { env: { LANG: 'zh_CN.UTF-8' } });
  assert.equal(zh.code, 2);
  assert.match(zh.stderr, /无法写入，原文件保持不变/);
  unmount(dir);
});

test('a read-only folder (tmpfs remounted ro): the old sidecar stays whole and the error names the file (exit 2)', async (t) => {
  const dir = mountTmpfs(t, '1m');
  if (!dir) return;
  const file = join(dir, 'a.txt');
  const sidecar = sidecarPathFor(file);
  writeFileSync(file, TEXT);
  const first = runCli(tagArgs(file, '9.9万人', 'metric'));
  assert.equal(first.code, 0, first.stderr);
  const old = readFileSync(sidecar);
  const ro = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
  if (ro.status !== 0) return t.skip(`cannot remount the tmpfs read-only here: ${(ro.stderr || String(ro.error)).trim()}`);
  for (const args of [tagArgs(file, '12%', 'growth'), ['annotate', 'accept', file, '--type', 'date', '--no-segmenter']]) {
    const r = runCli(args);
    assert.equal(r.code, 2, `${args[1]}: ${r.stderr}`);
    assert.ok(r.stderr.includes(sidecar), r.stderr);
    assert.match(r.stderr, /EROFS/);
    assert.doesNotMatch(r.stderr, /another process/, 'a read-only folder is not a lock held by someone else');
    assert.deepEqual(readFileSync(sidecar), old);
  }
  await assert.rejects(
    updateSidecar(nodeSidecarIO, sidecar, 'a.txt', TEXT, addOne('api')),
    (e: unknown) => e instanceof SidecarError && e.file === sidecar && /EROFS/.test(e.reason.en),
  );
  assert.deepEqual(readFileSync(sidecar), old);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.policymark.json']);
  assert.equal(readSidecar(sidecar).annotations.length, 1);
  unmount(dir);
});

test('annotate never writes a sidecar through a symlink leading out of the text folder; the target is untouched', () => {
  const root = fresh();
  const outside = join(root, 'outside');
  const given = join(root, 'given');
  mkdirSync(outside);
  mkdirSync(given);
  const file = join(given, 'a.txt');
  const sidecar = sidecarPathFor(file);
  writeFileSync(file, TEXT);
  const target = join(outside, 'stolen.json');
  const targetBytes = Buffer.from(serializeSidecar(emptySidecar('a.txt', TEXT)));
  writeFileSync(target, targetBytes);
  symlinkSync(target, sidecar);
  for (const args of [
    tagArgs(file, '9.9万人', 'metric'),
    ['annotate', 'accept', file, '--type', 'date', '--no-segmenter'],
    ['annotate', 'import', file, '--format', 'jsonl', writeJsonl(root)],
  ]) {
    const r = runCli(args);
    assert.equal(r.code, 2, `${args[1]}: ${r.stderr}`);
    assert.ok(r.stderr.includes(sidecar), r.stderr);
    assert.match(r.stderr, /symbolic link leading outside the text's folder/);
    assert.deepEqual(readFileSync(target), targetBytes, args[1]);
    assert.ok(lstatSync(sidecar).isSymbolicLink(), 'the link is still a link');
  }
  assert.deepEqual(readdirSync(outside), ['stolen.json']);
  assert.deepEqual(readdirSync(given).sort(), ['a.txt', 'a.txt.policymark.json'], 'no temporary or lock file left');
  // check --fix moves annotations in an existing sidecar: not through this link either
  writeFileSync(join(given, 'b.txt'), TEXT);
  const stolen = Buffer.from(
    serializeSidecar(
      addAnnotations(emptySidecar('b.txt', TEXT), TEXT, [{ label: 'x', start: TEXT.indexOf('12%'), end: TEXT.indexOf('12%') + 3 }]).sidecar,
    ),
  );
  writeFileSync(join(outside, 'b.json'), stolen);
  symlinkSync(join(outside, 'b.json'), sidecarPathFor(join(given, 'b.txt')));
  const fix = runCli(['check', '--no-segmenter', '--fix', join(given, 'b.txt')]);
  assert.ok(fix.code === 0 || fix.code === 1, fix.stderr); // the text is fixed; its annotations re-anchor by quote later
  assert.ok(fix.stderr.includes(sidecarPathFor(join(given, 'b.txt'))), fix.stderr);
  assert.match(fix.stderr, /not moved.*outside the text's folder/);
  assert.deepEqual(readFileSync(join(outside, 'b.json')), stolen);
  // a link to nowhere: refused, and nothing is created where it points
  const dangling = join(given, 'c.txt');
  writeFileSync(dangling, TEXT);
  symlinkSync(join(outside, 'missing.json'), sidecarPathFor(dangling));
  const r = runCli(tagArgs(dangling, '12%', 'growth'));
  assert.equal(r.code, 2, r.stderr);
  assert.ok(r.stderr.includes(sidecarPathFor(dangling)), r.stderr);
  assert.match(r.stderr, /symbolic link to nowhere/);
  assert.equal(existsSync(join(outside, 'missing.json')), false);
});

function writeJsonl(dir: string): string {
  const path = join(dir, 'import.jsonl');
  writeFileSync(path, JSON.stringify({ text: TEXT, label: [[0, 5, 'date']] }) + '\n');
  return path;
}

test('a text given through a symlink: its sidecar is written beside the link, nothing outside', () => {
  const root = fresh();
  const outside = join(root, 'outside');
  const given = join(root, 'given');
  mkdirSync(outside);
  mkdirSync(given);
  writeFileSync(join(outside, 'real.txt'), TEXT);
  symlinkSync(join(outside, 'real.txt'), join(given, 'link.txt'));
  const r = runCli(tagArgs(join(given, 'link.txt'), '12%', 'growth'));
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(outside), ['real.txt']);
  assert.equal(readSidecar(join(given, 'link.txt.policymark.json')).annotations[0]!.label, 'growth');
});

test('a sidecar truncated mid-file (another tool crashed): tag, relabel, delete and import exit 2 naming it, bytes unchanged', () => {
  // test/sidecar/cli.test.ts covers a garbled sidecar for tag/accept/reanchor/list/export; here a real one, cut short
  const dir = fresh();
  const file = join(dir, 'a.txt');
  const sidecar = sidecarPathFor(file);
  writeFileSync(file, TEXT);
  const id = runCli(tagArgs(file, '9.9万人', 'metric')).stdout.trim();
  assert.equal(runCli(tagArgs(file, '12%', 'growth')).code, 0);
  const whole = readFileSync(sidecar);
  const multibyte = whole.indexOf(Buffer.from('万'));
  assert.ok(multibyte > 0);
  const cuts = [
    { at: Math.floor(whole.length / 2), reason: /not valid JSON.*left as it is/ },
    { at: multibyte + 1, reason: /not UTF-8 text; the file was left as it is/ }, // inside a character
    { at: whole.length - 2, reason: /not valid JSON.*left as it is/ }, // only the closing braces lost
  ];
  const jsonl = writeJsonl(dir);
  for (const { at, reason } of cuts) {
    const truncated = whole.subarray(0, at);
    writeFileSync(sidecar, truncated);
    for (const args of [
      tagArgs(file, '890余万元', 'metric'),
      ['annotate', 'relabel', file, '--id', id, '--label', 'other'],
      ['annotate', 'delete', file, '--id', id],
      ['annotate', 'import', file, '--format', 'jsonl', jsonl],
    ]) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args[1]} at ${at}: ${r.stderr}`);
      assert.ok(r.stderr.includes(sidecar), r.stderr);
      assert.match(r.stderr, reason);
      assert.deepEqual(readFileSync(sidecar), truncated, `${args[1]} at ${at}`);
    }
  }
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.policymark.json', 'import.jsonl']);
});
