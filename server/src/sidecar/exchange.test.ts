import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodePointIndex,
  csvField,
  csvHeader,
  fromBrat,
  fromDoccano,
  ImportError,
  importSpans,
  toBrat,
  toCsvRows,
  toDoccano,
} from './exchange';
import { addAnnotations, emptySidecar } from './model';

const TEXT = '𠮷野家在𠮷林开设门店3家，\n投资1200万元。';

function tagged() {
  const s = TEXT.indexOf('3家');
  const t = TEXT.indexOf('𠮷林');
  const m = TEXT.indexOf('门店3家，\n投资');
  return addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [
    { label: 'metric', start: s, end: s + 2, attributes: { value: 3, unit: '家', note: '含"分店", 待核' } },
    { label: 'place name', start: t, end: t + 3 },
    { label: 'span', start: m, end: m + 12 },
  ]).sidecar;
}

test('code-point index converts both ways around astral characters', () => {
  const index = new CodePointIndex(TEXT);
  assert.equal(index.length, Array.from(TEXT).length);
  for (let cp = 0; cp <= index.length; cp++) {
    const u = index.toUtf16(cp);
    assert.equal(Array.from(TEXT.slice(0, u)).length, cp);
    assert.equal(index.toCodePoint(u), cp);
  }
});

test('brat export uses code-point offsets, fragments over line breaks and AnnotatorNotes', () => {
  const ann = toBrat(TEXT, tagged().annotations);
  const cps = Array.from(TEXT);
  const lines = ann.trimEnd().split('\n');
  const t = lines.filter((l) => l.startsWith('T'));
  assert.equal(t.length, 3);
  for (const line of t) {
    const [, typeAndOffsets, quoted] = line.split('\t');
    const fragments = typeAndOffsets!.split(' ').slice(1).join(' ').split(';');
    const pieces = fragments.map((f) => {
      const [s, e] = f.split(' ').map(Number);
      return cps.slice(s, e).join('');
    });
    assert.equal(pieces.join(' '), quoted, line);
  }
  assert.ok(ann.includes('\tplace_name 4 6\t𠮷林'), ann);
  assert.ok(ann.includes('span 8 13;14 20\t门店3家， 投资1200'), ann);
  assert.match(ann, /#1\tAnnotatorNotes T\d\t含"分店", 待核/);
  // and back: the same spans in UTF-16 offsets
  const back = fromBrat(TEXT, ann);
  const original = tagged().annotations.map((a) => [a.start, a.end]);
  assert.deepEqual(
    back.map((s) => [s.start, s.end]),
    original,
  );
  assert.equal(back.find((s) => s.label === 'metric')!.attributes?.note, '含"分店", 待核');
});

test('doccano JSONL uses code points; import reads label and entities forms', () => {
  const line = toDoccano(TEXT, tagged().annotations, 'a.txt');
  const record = JSON.parse(line);
  assert.equal(record.text, TEXT);
  const cps = Array.from(TEXT);
  assert.deepEqual(
    record.label.map(([s, e]: [number, number]) => cps.slice(s, e).join('')),
    ['𠮷林', '门店3家，\n投资1200', '3家'].sort((a, b) => TEXT.indexOf(a) - TEXT.indexOf(b)),
  );
  const [parsed] = fromDoccano(line);
  assert.deepEqual(
    parsed!.spans.map((s) => TEXT.slice(s.start, s.end)),
    record.label.map(([s, e]: [number, number]) => cps.slice(s, e).join('')),
  );
  const entities = JSON.stringify({ text: TEXT, entities: [{ id: 1, start_offset: 4, end_offset: 6, label: 'LOC' }] });
  assert.equal(TEXT.slice(fromDoccano(entities)[0]!.spans[0]!.start, fromDoccano(entities)[0]!.spans[0]!.end), '𠮷林');
  assert.throws(() => fromDoccano('{"text": "ab", "label": [[0, 9, "x"]]}'), ImportError);
  assert.throws(() => fromDoccano('not json'), ImportError);
});

test('CSV quotes commas, quotes and line breaks (RFC 4180) and carries both offset kinds', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('x\ny'), '"x\ny"');
  assert.equal(csvField(undefined), '');
  const rows = toCsvRows('dir/a,b.txt', TEXT, tagged().annotations);
  assert.equal(csvHeader().split(',').length, 19);
  const metric = rows.find((r) => r.includes(',metric,'))!;
  assert.ok(metric.startsWith('"dir/a,b.txt",'));
  assert.ok(metric.includes(',"含""分店"", 待核",'), metric);
  const span = rows.find((r) => r.includes(',span,'))!;
  assert.ok(span.includes('"门店3家，\n投资1200"'));
  // start, end (UTF-16) then start_cp, end_cp
  const place = rows.find((r) => r.includes('place name'))!.split(',');
  assert.deepEqual(place.slice(4, 8), ['5', '8', '4', '6'], 'the quoted file name holds one comma');
});

test('importing spans made on a slightly different text re-anchors them; unplaceable ones arrive as orphans', () => {
  const source = '门店3家，投资1200万元。另有一段。';
  const text = '本报讯 门店3家，\n投资1200万元。';
  const spans = [
    { label: 'metric', start: source.indexOf('3家'), end: source.indexOf('3家') + 2 },
    { label: 'metric', start: source.indexOf('1200万元'), end: source.indexOf('1200万元') + 6 },
    { label: 'x', start: source.indexOf('另有一段'), end: source.indexOf('另有一段') + 4 },
  ];
  const first = importSpans(emptySidecar('a.txt', text), text, source, spans);
  assert.equal(first.added.length, 3);
  assert.equal(first.orphans.length, 1);
  for (const a of first.added.filter((x) => !x.orphan)) assert.equal(text.slice(a.start, a.end), a.exact);
  const again = importSpans(first.sidecar, text, source, spans);
  assert.equal(again.added.length, 0, 'importing twice adds nothing');
  assert.equal(again.skipped, 3);
});

test('doccano offsets in UTF-16 units on request (files made in doccano UI), code points by default', () => {
  const line = toDoccano(TEXT, tagged().annotations, undefined, 'utf16');
  const record = JSON.parse(line);
  const place = record.label.find((l: [number, number, string]) => l[2] === 'place name');
  assert.deepEqual(place.slice(0, 2), [TEXT.indexOf('𠮷林'), TEXT.indexOf('𠮷林') + 3]);
  const spans = fromDoccano(line, 'utf16')[0]!.spans;
  assert.deepEqual(
    spans.map((s) => TEXT.slice(s.start, s.end)).sort(),
    tagged()
      .annotations.map((a) => a.exact)
      .sort(),
  );
  // read as code points, the same numbers land elsewhere: the unit matters after 𠮷
  assert.notDeepEqual(
    fromDoccano(line)[0]!.spans.map((s) => s.start),
    spans.map((s) => s.start),
  );
});
