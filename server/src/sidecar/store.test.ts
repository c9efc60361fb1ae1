import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SidecarError, parseSidecar, serializeSidecar } from './format';
import { addAnnotations, emptySidecar, relabelAnnotation } from './model';
import { nodeSidecarIO, sidecarPathFor } from './nodeStore';
import { loadSidecar, saveSidecar, updateSidecar } from './store';

const TEXT = '全市在校生规模达到9.9万人，比上年增长12%。';
const span = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'policymark-store-'));
  const textPath = join(dir, 'a.txt');
  writeFileSync(textPath, TEXT);
  return { dir, textPath, location: sidecarPathFor(textPath) };
}

test('the sidecar sits beside its text with the configured suffix', () => {
  assert.equal(sidecarPathFor('/x/y/article.txt'), '/x/y/article.txt.policymark.json');
  assert.equal(sidecarPathFor('/x/y/article.txt', '.ann.json'), '/x/y/article.txt.ann.json');
});

test('update writes a valid sidecar atomically and leaves no temporary or lock files behind', async () => {
  const { dir, location } = setup();
  const { written } = await updateSidecar(nodeSidecarIO, location, 'a.txt', TEXT, (s) => ({
    sidecar: addAnnotations(s, TEXT, [{ label: 'metric', ...span('12%') }]).sidecar,
    result: undefined,
  }));
  assert.equal(written, true);
  const parsed = parseSidecar(readFileSync(location, 'utf8'), location);
  assert.equal(parsed.annotations[0]!.exact, '12%');
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.txt.policymark.json']);
});

test('a corrupt sidecar is reported with its name and reason and never overwritten', async () => {
  const { location } = setup();
  const corrupt = '{"version": 1, "annotations": [ {"id": "x"';
  writeFileSync(location, corrupt);
  await assert.rejects(
    updateSidecar(nodeSidecarIO, location, 'a.txt', TEXT, (s) => ({ sidecar: s, result: undefined })),
    (error: unknown) => error instanceof SidecarError && error.file === location && /not valid JSON/.test(error.reason.en),
  );
  assert.equal(readFileSync(location, 'utf8'), corrupt);
  // and a save whose base was fine but whose file was corrupted since
  writeFileSync(location, serializeSidecar(emptySidecar('a.txt', TEXT)));
  const base = await loadSidecar(nodeSidecarIO, location);
  writeFileSync(location, corrupt);
  await assert.rejects(saveSidecar(nodeSidecarIO, base, emptySidecar('a.txt', TEXT)), SidecarError);
  assert.equal(readFileSync(location, 'utf8'), corrupt);
  // bytes that are not UTF-8
  writeFileSync(location, Buffer.from([0xff, 0xfe, 0x00]));
  await assert.rejects(loadSidecar(nodeSidecarIO, location), (e: unknown) => e instanceof SidecarError && /UTF-8/.test(e.reason.en));
});

test('a save detects a change on disk since the read and merges instead of overwriting', async () => {
  const { location } = setup();
  const initial = addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [{ label: 'metric', ...span('9.9万人') }]).sidecar;
  writeFileSync(location, serializeSidecar(initial));
  const windowA = await loadSidecar(nodeSidecarIO, location);
  const windowB = await loadSidecar(nodeSidecarIO, location);
  // B (another window, the CLI) adds one and saves first
  const fromB = addAnnotations(windowB.sidecar!, TEXT, [{ label: 'metric', ...span('12%') }]).sidecar;
  const savedB = await saveSidecar(nodeSidecarIO, windowB, fromB, TEXT);
  assert.equal(savedB.merged, false);
  // A, still holding the old read, relabels the first one
  const fromA = relabelAnnotation(windowA.sidecar!, initial.annotations[0]!.id, 'enrolment');
  const savedA = await saveSidecar(nodeSidecarIO, windowA, fromA, TEXT);
  assert.equal(savedA.merged, true);
  assert.deepEqual(savedA.conflicts, []);
  const onDisk = parseSidecar(readFileSync(location, 'utf8'), location);
  assert.deepEqual(onDisk.annotations.map((a) => a.label).sort(), ['enrolment', 'metric']);
  // the snapshot returned is the new base: saving again is a plain write
  const again = await saveSidecar(nodeSidecarIO, savedA.loaded, onDisk, TEXT);
  assert.equal(again.merged, false);
});

test('refuses to write through a symlink leading outside the text folder; one inside the folder is fine', async () => {
  const { dir, location } = setup();
  const elsewhere = mkdtempSync(join(tmpdir(), 'policymark-elsewhere-'));
  const target = join(elsewhere, 'stolen.json');
  writeFileSync(target, serializeSidecar(emptySidecar('a.txt', TEXT)));
  symlinkSync(target, location);
  const before = readFileSync(target, 'utf8');
  await assert.rejects(
    updateSidecar(nodeSidecarIO, location, 'a.txt', TEXT, (s) => ({
      sidecar: addAnnotations(s, TEXT, [{ label: 'x', ...span('12%') }]).sidecar,
      result: 0,
    })),
    (e: unknown) => e instanceof SidecarError && /outside the text's folder/.test(e.reason.en),
  );
  assert.equal(readFileSync(target, 'utf8'), before);
  // inside the same folder
  const sub = join(dir, 'inner');
  mkdirSync(sub);
  const t2 = join(dir, 'b.txt');
  writeFileSync(t2, TEXT);
  const real = join(dir, 'b-real.json');
  writeFileSync(real, serializeSidecar(emptySidecar('b.txt', TEXT)));
  symlinkSync(real, sidecarPathFor(t2));
  await updateSidecar(nodeSidecarIO, sidecarPathFor(t2), 'b.txt', TEXT, (s) => ({
    sidecar: addAnnotations(s, TEXT, [{ label: 'x', ...span('12%') }]).sidecar,
    result: 0,
  }));
  assert.equal(parseSidecar(readFileSync(real, 'utf8'), real).annotations.length, 1);
  assert.ok(existsSync(sub));
});

test('concurrent updates in one process under the lock keep every annotation', async () => {
  const { location } = setup();
  const n = 20;
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      updateSidecar(nodeSidecarIO, location, 'a.txt', TEXT, (s) => ({
        sidecar: addAnnotations(s, TEXT, [{ label: `l${i}`, ...span('12%') }]).sidecar,
        result: i,
      })),
    ),
  );
  const onDisk = parseSidecar(readFileSync(location, 'utf8'), location);
  assert.equal(onDisk.annotations.length, n);
});

test('a sidecar made on another version of the text is re-anchored before it is changed', async () => {
  const { location } = setup();
  const old = '（旧版）' + TEXT;
  writeFileSync(
    location,
    serializeSidecar(
      addAnnotations(emptySidecar('a.txt', old), old, [{ label: 'metric', start: old.indexOf('12%'), end: old.indexOf('12%') + 3 }])
        .sidecar,
    ),
  );
  const { result } = await updateSidecar(nodeSidecarIO, location, 'a.txt', TEXT, (s, report) => ({ sidecar: s, result: report }));
  assert.deepEqual(result?.orphans, []);
  assert.equal(result?.moved.length, 1);
  const onDisk = parseSidecar(readFileSync(location, 'utf8'), location);
  assert.equal(onDisk.annotations[0]!.start, TEXT.indexOf('12%'));
});
