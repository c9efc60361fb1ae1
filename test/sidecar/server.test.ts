/** The language server and the sidecar: orphan annotations as diagnostics, silenced findings, the extension's pushed state. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { eventually, LspSession, type Diagnostic } from '../lsp/harness';
import { serializeSidecar } from '../../server/src/sidecar/format';
import { addAnnotations, addSilenced, emptySidecar } from '../../server/src/sidecar/model';
import { reanchor } from '../../server/src/sidecar/reanchor';

const OLD = '今年新增耕地面积1200亩，完成投资890余万元。\n';
const TEXT = '全市投入资金500万元元，另投入300万元元。\n今年完成投资890余万元。\n';

let session: LspSession;
let dir: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'policymark-lsp-sidecar-'));
  session = await LspSession.start({ workspace: dir, settings: { segmenter: false } });
});
after(async () => {
  await session?.dispose();
});

const codes = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

test('an annotation whose text is gone is an orphan-annotation diagnostic; a silenced finding is not reported', async () => {
  const file = path.join(dir, 'a.txt');
  writeFileSync(file, TEXT);
  // annotations made on an older text: 1200亩 no longer exists, 890余万元 does
  let sidecar = addAnnotations(emptySidecar('a.txt', OLD), OLD, [
    { label: 'metric', start: OLD.indexOf('1200亩'), end: OLD.indexOf('1200亩') + 5 },
    { label: 'metric', start: OLD.indexOf('890余万元'), end: OLD.indexOf('890余万元') + 6 },
  ]).sidecar;
  const second = TEXT.indexOf('300万元元') + 4;
  sidecar = addSilenced(sidecar, {
    code: 'duplicated-unit',
    exact: TEXT.slice(second, second + 2),
    prefix: TEXT.slice(second - 16, second),
    suffix: TEXT.slice(second + 2, second + 18),
  });
  writeFileSync(`${file}.policymark.json`, serializeSidecar(sidecar));
  const uri = session.open(file);
  const ds = await session.diagnostics(uri);
  const orphans = codes(ds, 'orphan-annotation');
  assert.equal(orphans.length, 1, JSON.stringify(ds));
  assert.match(orphans[0]!.message, /1200亩/);
  const dup = codes(ds, 'duplicated-unit');
  assert.equal(dup.length, 1, 'the silenced one of the two doubled units is not reported');
  assert.equal(dup[0]!.range.start.character, TEXT.indexOf('500万元元') + 4);
});

test('the extension pushes its state (policymark/sidecarState): it replaces what is on disk', async () => {
  const file = path.join(dir, 'b.txt');
  writeFileSync(file, TEXT);
  const uri = session.open(file);
  assert.equal(codes(await session.diagnostics(uri), 'duplicated-unit').length, 2);
  const orphan = reanchor(addAnnotations(emptySidecar('b.txt', OLD), OLD, [{ label: 'org', start: 0, end: 4 }]).sidecar, TEXT).sidecar
    .annotations[0]!;
  assert.equal(orphan.orphan, true);
  const first = TEXT.indexOf('500万元元') + 4;
  session.notify('policymark/sidecarState', {
    uri,
    silenced: [
      {
        code: 'duplicated-unit',
        exact: TEXT.slice(first, first + 2),
        prefix: TEXT.slice(Math.max(0, first - 16), first),
        suffix: TEXT.slice(first + 2, first + 18),
      },
    ],
    orphans: [{ id: orphan.id, label: orphan.label, exact: orphan.exact, start: orphan.start, end: orphan.end }],
  });
  await eventually(
    async () => {
      const ds = await session.diagnostics(uri);
      return codes(ds, 'duplicated-unit').length === 1 && codes(ds, 'orphan-annotation').length === 1;
    },
    10_000,
    'pushed state applied',
  );
  session.notify('policymark/sidecarState', { uri, silenced: [], orphans: [], released: true });
  await eventually(async () => codes(await session.diagnostics(uri), 'duplicated-unit').length === 2, 10_000, 'released');
});

test('policymark.diagnostics.orphan-annotation = off hides orphans', async () => {
  const quiet = await LspSession.start({ workspace: dir, settings: { segmenter: false, diagnostics: { 'orphan-annotation': 'off' } } });
  try {
    const uri = quiet.open(path.join(dir, 'a.txt'));
    const ds = await quiet.diagnostics(uri);
    assert.equal(codes(ds, 'orphan-annotation').length, 0);
    assert.ok(codes(ds, 'duplicated-unit').length >= 1, 'the rest still works');
  } finally {
    await quiet.dispose();
  }
});

test('policymark/entities answers from the cached analysis, filtered by type and span', async () => {
  const file = path.join(dir, 'c.txt');
  writeFileSync(file, '2021年，全市完成投资890万元。');
  const uri = session.open(file);
  const all = await session.request<{ type: string; start: number; end: number; text: string }[]>('policymark/entities', { uri });
  assert.ok(
    all.some((e) => e.type === 'date' && e.text === '2021年'),
    JSON.stringify(all),
  );
  const dates = await session.request<{ type: string }[]>('policymark/entities', { uri, type: 'date', start: 1, end: 2 });
  assert.deepEqual(
    dates.map((e) => e.type),
    ['date'],
  );
  assert.deepEqual(await session.request('policymark/entities', { uri, type: 'date', start: 10, end: 12 }), []);
  assert.deepEqual(await session.request('policymark/entities', { uri: 'file:///nowhere.txt' }), []);
});
