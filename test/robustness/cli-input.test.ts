/**
 * Bad input through the CLI: whatever a scanner or a web page produced must be analysed or refused with a
 * message, never crash, hang, or come back with ranges that do not fit the text or fixes that mangle it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isBoundary, runCli, SEEDS, tmp } from './helpers';

interface JsonDiagnostic {
  code: string;
  start: number;
  end: number;
  fixes: { edits: { start: number; end: number; newText: string }[] }[];
}

/** Odd but legitimate texts: each must be analysed with every range inside it. */
const ODD: Record<string, string> = {
  'empty.txt': '',
  'nul.txt': '资助\u0000总金额达到890余万元元。\u0000\u0000第二行',
  'crlf.txt': '第一行\r\n资助总金额达到890余万元元。\r\n职业 教育\r\n第4243届\r\n',
  'cr.txt': '第一行\r资助总金额达到890余万元元。\r职业 教育\r第4243届\r',
  'mixed.txt': '第一行\r\n资助总金额达到890余万元元。\n职业 教育\r第4243届\r\n末行',
  'astral.txt': '𠮷𠮷😀👨‍👩‍👧 重庆市人力资源和社会保障局资助总金额达到890余万元元，渝人社〔2021〕452号。',
  'fullwidth.txt': '资助总金额达到８９０余万元元，第４２４３届，占比９８．５％。',
  'controls.txt': '资助\u0007总金额\u001b达到890余万元元。\u007f',
};

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

test('odd texts (empty, NUL, CRLF, CR, mixed ends, astral, full-width digits, controls) give ranges that fit the text', () => {
  const dir = tmp();
  write(dir, ODD);
  const r = runCli(['check', '--format', 'json', dir]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const reports = JSON.parse(r.stdout) as { file: string; diagnostics: JsonDiagnostic[] }[];
  assert.equal(reports.length, Object.keys(ODD).length);
  for (const { file, diagnostics } of reports) {
    const text = ODD[file.slice(dir.length + 1)]!;
    for (const d of diagnostics) {
      assert.ok(isBoundary(text, d.start) && isBoundary(text, d.end) && d.start <= d.end, `${file}: ${d.code} [${d.start}, ${d.end})`);
      for (const f of d.fixes)
        for (const e of f.edits) assert.ok(isBoundary(text, e.start) && isBoundary(text, e.end), `${file}: edit of ${d.code}`);
    }
    const dup = diagnostics.find((d) => d.code === 'duplicated-unit');
    if (text.includes('元元'))
      assert.equal(dup && text.slice(dup.start, dup.end), '元元', `${file}: offsets after line ends and astral characters`);
  }
  const entities = runCli(['entities', '--format', 'json', dir]);
  assert.equal(entities.code, 0, entities.stderr);
  for (const { file, entities: list } of JSON.parse(entities.stdout) as {
    file: string;
    entities: { start: number; end: number; text: string }[];
  }[]) {
    const text = ODD[file.slice(dir.length + 1)]!;
    for (const e of list) assert.equal(text.slice(e.start, e.end), e.text, `${file}: entity at its range`);
  }
});

/** Line terminators of a text, counted by kind. */
function eols(text: string): { crlf: number; lf: number; cr: number } {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  return { crlf, lf: (text.match(/\n/g)?.length ?? 0) - crlf, cr: (text.match(/\r/g)?.length ?? 0) - crlf };
}

test('--fix keeps each file its own line ends and its BOM, and repairs at the right offsets', () => {
  const dir = tmp();
  write(dir, {
    'crlf.txt': ODD['crlf.txt']!,
    'cr.txt': ODD['cr.txt']!,
    'mixed.txt': ODD['mixed.txt']!,
    'bom.txt': '\uFEFF' + ODD['crlf.txt']!,
  });
  const r = runCli(['check', '--fix', '--format', 'json', dir]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  for (const name of ['crlf.txt', 'cr.txt', 'mixed.txt', 'bom.txt']) {
    const before = name === 'bom.txt' ? '\uFEFF' + ODD['crlf.txt']! : ODD[name]!;
    const after = readFileSync(join(dir, name), 'utf8');
    assert.ok(after.includes('890余万元。'), `${name}: the doubled unit was removed: ${JSON.stringify(after)}`);
    assert.ok(!after.includes('元元'), name);
    const [b, a] = [eols(before), eols(after)];
    // fixes may join broken lines, never convert or add a line end of another kind
    assert.ok(a.crlf <= b.crlf && a.lf <= b.lf && a.cr <= b.cr, `${name}: ${JSON.stringify(b)} → ${JSON.stringify(a)}`);
    if (b.lf === 0) assert.equal(a.lf, 0, `${name}: no LF appeared`);
    assert.equal(after.startsWith('\uFEFF'), before.startsWith('\uFEFF'), `${name}: BOM kept`);
    assert.equal(after.split('\uFEFF').length, before.split('\uFEFF').length, `${name}: BOM not doubled`);
  }
});

test('a binary file named .txt, and bytes that are not UTF-8, are reported and skipped; the other files are still checked', () => {
  const dir = tmp();
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(4000, 0), Buffer.from('IEND')]);
  write(dir, {
    'a-image.txt': png,
    // a UTF-16 lone surrogate encoded as if UTF-8 (CESU-8): not valid UTF-8
    'b-cesu.txt': Buffer.concat([Buffer.from('资助', 'utf8'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('总金额', 'utf8')]),
    'c-good.txt': '资助总金额达到890余万元元。',
  });
  const r = runCli(['check', '--no-segmenter', '--format', 'json', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a-image\.txt: looks like a binary file/);
  assert.match(r.stderr, /b-cesu\.txt: is not valid UTF-8/);
  const reports = JSON.parse(r.stdout) as { file: string; diagnostics: JsonDiagnostic[] }[];
  assert.deepEqual(
    reports.map((x) => x.file),
    [join(dir, 'c-good.txt')],
  );
  assert.ok(reports[0]!.diagnostics.some((d) => d.code === 'duplicated-unit'));
  // --fix must not touch what it could not read
  const fix = runCli(['check', '--no-segmenter', '--fix', dir]);
  assert.equal(fix.code, 2);
  assert.deepEqual(readFileSync(join(dir, 'a-image.txt')), png);
});

test('a GBK/GB18030 file is named as probably GB18030, and read with --encoding gb18030 at the right offsets', () => {
  const dir = tmp();
  const file = join(dir, 'gbk.txt');
  // 第一行\r\n资助总金额达到890余万元元。 in GB18030
  writeFileSync(file, Buffer.from('b5dad2bbd0d00d0ad7cad6fad7dcbdf0b6eeb4efb5bd383930d3e0cdf2d4aad4aaa1a3', 'hex'));
  const plain = runCli(['check', '--no-segmenter', file]);
  assert.equal(plain.code, 2);
  assert.ok(plain.stderr.includes(file), 'the message names the file');
  assert.match(plain.stderr, /not valid UTF-8.*--encoding gb18030/);
  const read = runCli(['check', '--no-segmenter', '--format', 'json', '--encoding', 'gb18030', file]);
  assert.ok(read.code === 0 || read.code === 1, read.stderr);
  const text = '第一行\r\n资助总金额达到890余万元元。';
  const dup = (JSON.parse(read.stdout)[0].diagnostics as JsonDiagnostic[]).find((d) => d.code === 'duplicated-unit')!;
  assert.equal(text.slice(dup.start, dup.end), '元元');
  // a fix would have to re-encode the file: refused, file untouched
  const before = readFileSync(file);
  const fix = runCli(['check', '--no-segmenter', '--fix', '--encoding', 'gb18030', file]);
  assert.equal(fix.code, 2);
  assert.match(fix.stderr, /UTF-8 files only/);
  assert.deepEqual(readFileSync(file), before);
  assert.equal(runCli(['check', '--encoding', 'no-such-encoding', file]).code, 2);
});

test('a 2 MB single line is analysed to the end in bounded time', () => {
  const dir = tmp();
  const seed = readFileSync(join(SEEDS, '000_02861b1786645f85.txt'), 'utf8').replace(/[\r\n]+/g, '');
  let line = '';
  while (line.length < 2_000_000) line += seed;
  writeFileSync(join(dir, 'line.txt'), line.slice(0, 2_000_000));
  // a hang shows as a timeout here rather than a stuck suite
  const r = runCli(['check', '--format', 'json', join(dir, 'line.txt')], { timeout: 180_000, nodeArgs: ['--max-old-space-size=1536'] });
  assert.equal(r.timedOut, false, 'the CLI hung on a 2 MB line');
  assert.ok(r.code === 0 || r.code === 1, r.stderr.slice(-2000));
  assert.equal(JSON.parse(r.stdout).length, 1);
});

test('a 50 MB file: refused over --max-size without being read (bounded memory), with a message naming it', () => {
  const dir = tmp();
  const file = join(dir, 'huge.txt');
  const block = Buffer.from(readFileSync(join(SEEDS, '001_4ed491f9420b6c99.txt'), 'utf8').repeat(20));
  const fd = openSync(file, 'w');
  for (let written = 0; written < 50_000_000; written += block.length) writeSync(fd, block);
  closeSync(fd);
  mkdirSync(join(dir, 'small'));
  writeFileSync(join(dir, 'small', 'a.txt'), '资助总金额达到890余万元元。');
  // 64 MB of heap could not even hold the file's text: reading it would crash the process
  const r = runCli(['check', '--format', 'json', dir], { timeout: 60_000, nodeArgs: ['--max-old-space-size=64'] });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /huge\.txt: too large .*--max-size/);
  assert.deepEqual(
    JSON.parse(r.stdout).map((x: { file: string }) => x.file),
    [join(dir, 'small', 'a.txt')],
  );
  assert.equal(runCli(['check', '--max-size', 'lots', dir]).code, 2);
});
