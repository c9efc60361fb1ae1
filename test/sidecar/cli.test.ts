/** `policymark annotate`: the sidecar from the command line, spawned as users and CI run it (after `npm run bundle`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../server/src/sidecar/format';
import type { Sidecar } from '../../server/src/sidecar/types';

const CLI = join(__dirname, '..', '..', 'server', 'out', 'cli.js');
const TEXT = '2021年，全市在校生规模达到9.9万人，比上年增长12%。\n𠮷野家2020年在重庆开设门店3家，资助总金额达到890余万元元。\n';

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setup(text = TEXT) {
  const dir = mkdtempSync(join(tmpdir(), 'policymark-annotate-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, text);
  return { dir, file, sidecar: `${file}.policymark.json` };
}

function read(path: string): Sidecar {
  return parseSidecar(readFileSync(path, 'utf8'), path);
}

function tag(file: string, quote: string, label: string, text = TEXT, ...extra: string[]) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  const r = run(['annotate', 'tag', file, '--start', String(start), '--end', String(start + quote.length), '--label', label, ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
}

test('tag writes a sidecar beside the text with the schema fields, and prints the new id', () => {
  const { file, sidecar } = setup();
  const id = tag(file, '9.9万人', 'metric', TEXT, '--attr', 'value=99000', '--attr', 'unit=人', '--note', '据年报');
  assert.match(id, /^[0-9a-f-]{36}$/);
  const s = read(sidecar);
  assert.equal(s.source, 'a.txt');
  assert.match(s.hash, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(s.annotations[0]!.attributes, { value: 99000, unit: '人', note: '据年报' });
  assert.equal(s.annotations[0]!.exact, '9.9万人');
  const list = JSON.parse(run(['annotate', 'list', file, '--format', 'json']).stdout);
  assert.equal(list[0].annotations[0].id, id);
  assert.match(run(['annotate', 'list', file]).stdout, /a\.txt:1:\d+: metric «9\.9万人» value=99000/);
});

test('bad usage and bad spans are exit 2 and write nothing', () => {
  const { file, sidecar } = setup();
  assert.equal(run(['annotate']).code, 2);
  assert.equal(run(['annotate', 'frob', file]).code, 2);
  assert.equal(run(['annotate', 'tag', file, '--start', '5', '--label', 'x']).code, 2);
  assert.equal(run(['annotate', 'tag', file, '--start', '5', '--end', '3', '--label', 'x']).code, 2);
  const astral = TEXT.indexOf('𠮷');
  assert.equal(
    run(['annotate', 'tag', file, '--start', String(astral + 1), '--end', String(astral + 3), '--label', 'x']).code,
    2,
    'splits 𠮷',
  );
  assert.equal(run(['annotate', 'tag', file, '--start', '0', '--end', '2', '--label', 'x', '--attr', 'year=abc']).code, 2);
  assert.equal(run(['annotate', 'tag', join(file, '..', 'missing.txt'), '--start', '0', '--end', '2', '--label', 'x']).code, 2);
  assert.equal(run(['annotate', 'export', '--format', 'xml', file]).code, 2);
  assert.equal(existsSync(sidecar), false);
});

test('a corrupt sidecar is reported (exit 2, file and reason) and left byte for byte unchanged', () => {
  const { file, sidecar } = setup();
  const corrupt = Buffer.from('{"version": 1, "source": "a.txt", "annotations": [{"id": "x", \u0000 broken');
  writeFileSync(sidecar, corrupt);
  for (const args of [
    ['annotate', 'tag', file, '--start', '0', '--end', '5', '--label', 'date'],
    ['annotate', 'accept', file, '--type', 'date', '--no-segmenter'],
    ['annotate', 'reanchor', file],
    ['annotate', 'list', file],
    ['annotate', 'export', '--format', 'csv', file],
    ['check', '--fix', '--no-segmenter', file],
  ]) {
    const r = run(args);
    if (args[0] === 'annotate') {
      assert.equal(r.code, 2, args.join(' '));
      assert.ok(r.stderr.includes(sidecar), r.stderr);
      assert.match(r.stderr, /not valid JSON.*left as it is/);
    }
    assert.deepEqual(readFileSync(sidecar), corrupt, args.join(' '));
  }
  const zh = run(['annotate', 'list', file], { LANG: 'zh_CN.UTF-8' });
  assert.match(zh.stderr, /不是有效的 JSON/);
});

test('50 concurrent `annotate tag` processes on one file leave all 50 annotations in a valid sidecar', async () => {
  const { file, sidecar } = setup();
  const n = 50;
  const codes = await Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<number | null>((resolve) => {
          const p = spawn(
            process.execPath,
            [CLI, 'annotate', 'tag', file, '--start', String(i % 25), '--end', String((i % 25) + 1), '--label', `l${i}`],
            {
              stdio: 'ignore',
            },
          );
          p.on('exit', resolve);
        }),
    ),
  );
  assert.deepEqual(
    codes.filter((c) => c !== 0),
    [],
  );
  const s = read(sidecar);
  assert.equal(s.annotations.length, n);
  assert.equal(new Set(s.annotations.map((a) => a.label)).size, n);
  assert.deepEqual(readdirSync(join(file, '..')).sort(), ['a.txt', 'a.txt.policymark.json'], 'no lock or temporary files left');
});

test('interrupted writers leave the old or the new sidecar, never a truncated one', async () => {
  const { file, sidecar } = setup();
  tag(file, '9.9万人', 'metric');
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      Array.from(
        { length: 8 },
        (_, i) =>
          new Promise<void>((resolve) => {
            const p = spawn(
              process.execPath,
              [CLI, 'annotate', 'tag', file, '--start', String(i), '--end', String(i + 1), '--label', `k${round}`],
              {
                stdio: 'ignore',
              },
            );
            // killed at assorted moments: before, during or after its write
            setTimeout(() => p.kill('SIGKILL'), 40 + i * 25);
            p.on('exit', () => resolve());
          }),
      ),
    );
    const s = read(sidecar); // parses and validates: whole
    assert.ok(
      s.annotations.some((a) => a.exact === '9.9万人'),
      'the earlier annotation survives',
    );
  }
  // a lock left by a killed writer goes stale; a later writer still gets through
  const later = run(['annotate', 'tag', file, '--start', '0', '--end', '5', '--label', 'after']);
  assert.equal(later.code, 0, later.stderr);
  assert.ok(read(sidecar).annotations.some((a) => a.label === 'after'));
});

test('accept turns detected entities of a type into annotations with their attributes, once', () => {
  const { file, sidecar } = setup();
  const first = run(['annotate', 'accept', file, '--type', 'date', '--no-segmenter']);
  assert.equal(first.code, 0, first.stderr);
  const s = read(sidecar);
  const dates = s.annotations.filter((a) => a.label === 'date');
  assert.ok(dates.length >= 2);
  assert.ok(dates.some((a) => a.exact === '2021年' && a.attributes?.year === 2021));
  const again = run(['annotate', 'accept', file, '--type', 'date', '--no-segmenter']);
  assert.equal(again.code, 0);
  assert.equal(read(sidecar).annotations.length, s.annotations.length, 'nothing added twice');
  assert.equal(run(['annotate', 'accept', file, '--type', 'person']).code, 2);
});

test('reanchor after an outside edit: moved annotations follow, lost ones are orphans (exit 1), never dropped', () => {
  const { file, sidecar } = setup();
  tag(file, '9.9万人', 'metric');
  tag(file, '门店3家', 'metric');
  assert.equal(run(['annotate', 'reanchor', file]).code, 0, 'unchanged text');
  const edited = '（本报讯）' + TEXT.replace('𠮷野家2020年在重庆开设门店3家，', '');
  writeFileSync(file, edited);
  const r = run(['annotate', 'reanchor', file, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.orphans.length, 1);
  assert.equal(report.orphans[0].exact, '门店3家');
  const s = read(sidecar);
  assert.equal(s.annotations.length, 2);
  const metric = s.annotations.find((a) => a.exact === '9.9万人')!;
  assert.equal(edited.slice(metric.start, metric.end), '9.9万人');
  // the text comes back (git checkout): the orphan is placed again
  writeFileSync(file, TEXT);
  assert.equal(run(['annotate', 'reanchor', file]).code, 0);
  assert.ok(read(sidecar).annotations.every((a) => !a.orphan && TEXT.slice(a.start, a.end) === a.exact));
});

test('check --fix moves the annotations with its repairs', () => {
  const { file, sidecar } = setup();
  tag(file, '890余万元', 'metric');
  tag(file, '12%。\n𠮷野家', 'span');
  tag(file, '资助总金额', 'custom');
  const r = run(['check', '--fix', '--no-segmenter', file]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const fixed = readFileSync(file, 'utf8');
  assert.notEqual(fixed, TEXT, 'something was repaired');
  assert.ok(fixed.includes('890余万元。'));
  const s = read(sidecar);
  assert.equal(s.annotations.length, 3);
  for (const a of s.annotations) {
    assert.ok(!a.orphan, a.exact);
    assert.equal(fixed.slice(a.start, a.end), a.exact);
  }
  assert.equal(run(['annotate', 'reanchor', file]).code, 0);
});

test('export: brat and doccano use code points (𠮷 is one), CSV quotes properly; import reads them back', () => {
  const { dir, file } = setup();
  tag(file, '门店3家', 'metric', TEXT, '--note', 'a "quoted", note');
  const brat = run(['annotate', 'export', '--format', 'brat', file]);
  assert.equal(brat.code, 0, brat.stderr);
  const cps = Array.from(TEXT);
  const m = /^T1\tmetric (\d+) (\d+)\t门店3家$/m.exec(brat.stdout);
  assert.ok(m, brat.stdout);
  assert.equal(cps.slice(Number(m[1]), Number(m[2])).join(''), '门店3家');
  assert.equal(Number(m[1]), TEXT.indexOf('门店3家') - 1, 'one less than the UTF-16 offset: 𠮷 before it');
  const jsonl = run(['annotate', 'export', '--format', 'jsonl', dir]);
  const record = JSON.parse(jsonl.stdout.trim());
  assert.deepEqual(record.label, [[Number(m[1]), Number(m[2]), 'metric']]);
  const csv = run(['annotate', 'export', '--format', 'csv', file]);
  assert.match(csv.stdout, /^file,id,label,start,end,start_cp,end_cp,text,/);
  assert.ok(csv.stdout.includes('"a ""quoted"", note"'));
  // brat to a folder: .txt + .ann that brat can open
  const out = join(dir, 'brat');
  assert.equal(run(['annotate', 'export', '--format', 'brat', '--out', out, file]).code, 0);
  assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), TEXT);
  assert.ok(readFileSync(join(out, 'a.ann'), 'utf8').includes('门店3家'));
  // import into a fresh copy of the text
  const other = setup();
  const jsonlFile = join(dir, 'export.jsonl');
  writeFileSync(jsonlFile, jsonl.stdout);
  const imported = run(['annotate', 'import', other.file, '--format', 'jsonl', jsonlFile]);
  assert.equal(imported.code, 0, imported.stderr + imported.stdout);
  const s = read(other.sidecar);
  assert.equal(s.annotations.length, 1);
  assert.equal(TEXT.slice(s.annotations[0]!.start, s.annotations[0]!.end), '门店3家');
  const annFile = join(out, 'a.ann');
  const third = setup();
  assert.equal(run(['annotate', 'import', third.file, '--format', 'brat', annFile]).code, 0);
  assert.equal(read(third.sidecar).annotations[0]!.attributes?.note, 'a "quoted", note');
});

test('relabel and delete by id', () => {
  const { file, sidecar } = setup();
  const id = tag(file, '12%', 'metric');
  assert.equal(run(['annotate', 'relabel', file, '--id', id, '--label', 'growth']).code, 0);
  assert.equal(read(sidecar).annotations[0]!.label, 'growth');
  assert.equal(run(['annotate', 'delete', file, '--id', 'no-such-id']).code, 2);
  assert.equal(run(['annotate', 'delete', file, '--id', id]).code, 0);
  assert.equal(read(sidecar).annotations.length, 0);
});

test('check honours findings silenced in the sidecar (not reported, not fixed) and reports orphan annotations', () => {
  const { file, sidecar } = setup();
  const at = TEXT.indexOf('元元');
  tag(file, '9.9万人', 'metric');
  const s = read(sidecar);
  s.silenced.push({ code: 'duplicated-unit', exact: '元元', prefix: TEXT.slice(at - 16, at), suffix: TEXT.slice(at + 2, at + 18) });
  writeFileSync(sidecar, JSON.stringify(s));
  const report = JSON.parse(run(['check', '--format', 'json', '--no-segmenter', file]).stdout)[0];
  assert.equal(report.diagnostics.filter((d: { code: string }) => d.code === 'duplicated-unit').length, 0);
  run(['check', '--fix', '--no-segmenter', file]);
  assert.ok(readFileSync(file, 'utf8').includes('万元元'), 'a silenced finding is not fixed');
  // the annotated figure disappears: an orphan, reported by check
  writeFileSync(file, readFileSync(file, 'utf8').replace('9.9万人', '若干'));
  const orphaned = JSON.parse(run(['check', '--format', 'json', '--no-segmenter', file]).stdout)[0];
  const orphan = orphaned.diagnostics.find((d: { code: string }) => d.code === 'orphan-annotation');
  assert.ok(orphan, JSON.stringify(orphaned));
  assert.match(orphan.message, /9\.9万人/);
});
