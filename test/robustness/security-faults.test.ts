/**
 * Security and faults: user patterns cannot hang the server; --fix writes only inside the paths it was
 * given; an interrupted, full-disk or read-only write-back leaves the old file whole and says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, runChild, runCli, tmp } from './helpers';

const DAMAGED = '资助总金额达到890余万元元。\n'.repeat(50);
const REPAIRED = '资助总金额达到890余万元。\n'.repeat(50);

test('pathological include patterns are refused, not run: matching ends at once (child with a time limit)', () => {
  const r = runChild('pathological-glob.ts', [], 20_000);
  assert.equal(r.timedOut, false, 'a user pattern hung the matcher');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { rejected: 5, matched: 0, txt: true, long: false });
});

test('--fix writes only inside the paths given: symlinks in a folder that lead outside are skipped', () => {
  const root = tmp();
  const outside = join(root, 'outside');
  const given = join(root, 'given');
  mkdirSync(outside);
  mkdirSync(given);
  writeFileSync(join(outside, 'victim.txt'), DAMAGED);
  mkdirSync(join(outside, 'dir'));
  writeFileSync(join(outside, 'dir', 'deep.txt'), DAMAGED);
  symlinkSync(join(outside, 'victim.txt'), join(given, 'link.txt'));
  symlinkSync(join(outside, 'dir'), join(given, 'linked-dir'));
  writeFileSync(join(given, 'own.txt'), DAMAGED);
  const r = runCli(['check', '--no-segmenter', '--fix', given]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.equal(readFileSync(join(given, 'own.txt'), 'utf8'), REPAIRED);
  assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), DAMAGED);
  assert.equal(readFileSync(join(outside, 'dir', 'deep.txt'), 'utf8'), DAMAGED);
});

test(
  'a read-only folder: --fix leaves the file as it was and says why (exit 2)',
  { skip: process.getuid?.() === 0 && 'root ignores permissions' },
  () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), DAMAGED);
    chmodSync(dir, 0o555);
    try {
      const r = runCli(['check', '--no-segmenter', '--fix', dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /a\.txt: could not write/);
      assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), DAMAGED);
    } finally {
      chmodSync(dir, 0o755);
    }
  },
);

test('a full disk (tiny tmpfs): the old file stays whole, no temporary left, the user is told', (t) => {
  const dir = tmp();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', dir]);
  if (mounted.status !== 0) return t.skip('cannot mount a tmpfs here');
  try {
    // the text fills most of the disk: the repaired copy (temp file + rename) cannot fit beside it
    const big = '资助总金额达到890余万元元。\n'.repeat(130);
    writeFileSync(join(dir, 'a.txt'), big);
    const r = runCli(['check', '--no-segmenter', '--fix', join(dir, 'a.txt')]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /could not write.*ENOSPC/);
    assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), big);
    assert.deepEqual(readdirSync(dir), ['a.txt']);
  } finally {
    spawnSync('umount', [dir]);
  }
});

test('writers killed with SIGKILL mid-write leave the old or the new file, never a truncated one', async () => {
  const dir = tmp();
  const file = join(dir, 'a.txt');
  const old = '资助总金额达到890余万元元。\n'.repeat(20_000);
  const fixed = '资助总金额达到890余万元。\n'.repeat(20_000);
  for (let round = 0; round < 6; round++) {
    writeFileSync(file, old);
    const child = spawn(process.execPath, [CLI, 'check', '--no-segmenter', '--fix', '--format', 'json', file], { stdio: 'ignore' });
    // kill at varying moments: while reading, analysing, writing the temporary file, renaming
    await new Promise((resolve) => setTimeout(resolve, 150 + round * 120));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const now = readFileSync(file, 'utf8');
    assert.ok(now === old || now === fixed, `round ${round}: the file is neither the old nor the new text (${now.length} units)`);
  }
});

test('--fix on a symlink given directly: checked and reported, but not written through; the target is untouched (exit 2)', () => {
  const root = tmp();
  const outside = join(root, 'outside');
  const given = join(root, 'given');
  mkdirSync(outside);
  mkdirSync(given);
  writeFileSync(join(outside, 'victim.txt'), DAMAGED);
  writeFileSync(join(given, 'real.txt'), DAMAGED);
  writeFileSync(join(given, 'own.txt'), DAMAGED);
  const out = join(given, 'out-link.txt');
  const beside = join(given, 'in-link.txt');
  symlinkSync(join(outside, 'victim.txt'), out);
  symlinkSync(join(given, 'real.txt'), beside); // even one inside the folder: write-file-atomic would replace its target
  const r = runCli(['check', '--no-segmenter', '--fix', '--format', 'json', out, beside, join(given, 'own.txt')]);
  assert.equal(r.code, 2, r.stderr);
  for (const link of [out, beside]) {
    assert.ok(r.stderr.includes(`${link}: is a symbolic link; --fix does not write through`), r.stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  }
  assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), DAMAGED);
  assert.equal(readFileSync(join(given, 'real.txt'), 'utf8'), DAMAGED);
  assert.equal(readFileSync(join(given, 'own.txt'), 'utf8'), REPAIRED, 'the other files are still fixed');
  // the link's findings are still reported, nothing counted as fixed
  const reports = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[]; fixed?: number }[];
  const linkReport = reports.find((x) => x.file === out)!;
  assert.equal(linkReport.fixed, 0);
  assert.ok(
    linkReport.diagnostics.some((d) => d.code === 'duplicated-unit'),
    JSON.stringify(linkReport),
  );
  const zh = runCli(['check', '--no-segmenter', '--fix', out], { env: { LANG: 'zh_CN.UTF-8' } });
  assert.equal(zh.code, 2);
  assert.match(zh.stderr, /是符号链接，--fix 不经由符号链接写入/);
  assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), DAMAGED);
});
