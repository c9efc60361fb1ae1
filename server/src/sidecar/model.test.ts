import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addAnnotations,
  addSilenced,
  annotationsAt,
  contentHash,
  createAnnotation,
  deleteAnnotation,
  emptySidecar,
  quoteSelector,
  relabelAnnotation,
  removeSilenced,
  SpanError,
  updateAnnotation,
} from './model';
import { parseSidecar, serializeSidecar, SidecarError, validateSidecar } from './format';
import { QUOTE_CONTEXT } from './types';

const TEXT = '重庆市人力资源和社会保障局印发通知，全市在校生规模达到9.9万人，比上年增长12%。';

test('content hash is sha256 of the UTF-8 text', () => {
  assert.equal(contentHash(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.notEqual(contentHash('a'), contentHash('b'));
});

test('quote selector keeps 32 units of context and never splits a surrogate pair', () => {
  const text = 'x'.repeat(40) + 'ABC' + 'y'.repeat(40);
  const q = quoteSelector(text, 40, 43);
  assert.equal(q.exact, 'ABC');
  assert.equal(q.prefix, 'x'.repeat(QUOTE_CONTEXT));
  assert.equal(q.suffix, 'y'.repeat(QUOTE_CONTEXT));
  // 𠮷 is two UTF-16 units; a window boundary falling between them moves inward
  const astral = '𠮷'.repeat(20) + '目标' + '𠮷'.repeat(20);
  const s = astral.indexOf('目标');
  const q2 = quoteSelector(astral, s, s + 2);
  assert.equal(q2.prefix.length, 32);
  assert.equal(q2.suffix.length, 32);
  const odd = 'a' + '𠮷'.repeat(20) + '目标' + '𠮷'.repeat(20);
  const s2 = odd.indexOf('目标');
  const q3 = quoteSelector(odd, s2, s2 + 2);
  assert.ok(!/^[\uDC00-\uDFFF]/.test(q3.prefix), 'prefix does not start with a lone low surrogate');
  assert.ok(!/[\uD800-\uDBFF]$/.test(q3.suffix), 'suffix does not end with a lone high surrogate');
});

test('add, update, relabel and delete keep the input sidecar unchanged', () => {
  const base = emptySidecar('a.txt', TEXT);
  const start = TEXT.indexOf('9.9万人');
  const { sidecar, added } = addAnnotations(base, TEXT, [
    { label: 'metric', start, end: start + 5, attributes: { value: 99000, unit: '人', note: '' } },
  ]);
  assert.equal(base.annotations.length, 0);
  assert.equal(added.length, 1);
  const a = added[0]!;
  assert.match(a.id, /^[0-9a-f-]{36}$/);
  assert.equal(a.exact, '9.9万人');
  assert.deepEqual(a.attributes, { value: 99000, unit: '人' }, 'empty attribute values are dropped');
  const relabelled = relabelAnnotation(sidecar, a.id, 'figure', new Date('2030-01-01T00:00:00Z'));
  assert.equal(relabelled.annotations[0]!.label, 'figure');
  assert.equal(relabelled.annotations[0]!.modified, '2030-01-01T00:00:00.000Z');
  assert.equal(relabelled.annotations[0]!.created, a.created);
  assert.equal(sidecar.annotations[0]!.label, 'metric');
  const noted = updateAnnotation(relabelled, a.id, { attributes: { note: '核对原文' } });
  assert.deepEqual(noted.annotations[0]!.attributes, { note: '核对原文' });
  const cleared = updateAnnotation(noted, a.id, { attributes: null });
  assert.equal(cleared.annotations[0]!.attributes, undefined);
  assert.equal(deleteAnnotation(cleared, a.id).annotations.length, 0);
  assert.throws(() => updateAnnotation(cleared, 'nope', { label: 'x' }), SpanError);
  assert.throws(() => relabelAnnotation(cleared, a.id, '  '), SpanError);
});

test('spans must be non-empty, inside the text and not split a surrogate pair', () => {
  const text = '𠮷野家';
  assert.throws(() => createAnnotation(text, { label: 'org', start: 1, end: 3 }), SpanError);
  assert.throws(() => createAnnotation(text, { label: 'org', start: 2, end: 2 }), SpanError);
  assert.throws(() => createAnnotation(text, { label: 'org', start: 0, end: 9 }), SpanError);
  assert.equal(createAnnotation(text, { label: 'org', start: 0, end: 4 }).exact, '𠮷野家');
});

test('annotationsAt finds the innermost annotation under the cursor', () => {
  const outer = TEXT.indexOf('重庆市');
  const inner = TEXT.indexOf('人力资源');
  const { sidecar } = addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [
    { label: 'org', start: outer, end: outer + 13 },
    { label: 'custom', start: inner, end: inner + 4 },
  ]);
  assert.deepEqual(
    annotationsAt(sidecar, inner + 1).map((a) => a.label),
    ['custom', 'org'],
  );
  assert.deepEqual(annotationsAt(sidecar, TEXT.length - 1), []);
});

test('silenced findings are a set keyed by code and context', () => {
  const entry = { code: 'duplicated-unit' as const, exact: '元元', prefix: '万', suffix: '。' };
  const once = addSilenced(emptySidecar('a.txt', TEXT), entry);
  assert.equal(addSilenced(once, { ...entry }).silenced.length, 1);
  assert.equal(addSilenced(once, { ...entry, suffix: '，' }).silenced.length, 2);
  assert.equal(removeSilenced(once, entry).silenced.length, 0);
});

test('serialise → parse round-trips with a stable key order and validates against the schema', () => {
  const start = TEXT.indexOf('12%');
  let { sidecar } = addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [
    { label: 'metric', start, end: start + 3, attributes: { unit: '%', value: 12, zz: true, aa: 'x' } },
  ]);
  sidecar = addSilenced(sidecar, { code: 'duplicated-unit', exact: '元元' });
  const json = serializeSidecar(sidecar);
  assert.ok(json.endsWith('}\n'));
  const parsed = parseSidecar(json, 'a.txt.policymark.json');
  assert.deepEqual(parsed, sidecar);
  assert.equal(serializeSidecar(parsed), json, 'serialising is deterministic');
  assert.deepEqual(Object.keys(JSON.parse(json)), ['version', 'source', 'hash', 'annotations', 'silenced']);
  const a = JSON.parse(json).annotations[0];
  assert.deepEqual(Object.keys(a), ['id', 'label', 'start', 'end', 'exact', 'prefix', 'suffix', 'attributes', 'created', 'modified']);
  assert.deepEqual(Object.keys(a.attributes), ['value', 'unit', 'aa', 'zz']);
});

test('invalid sidecars are rejected with the file name and a reason in both languages', () => {
  const good = JSON.parse(
    serializeSidecar(addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [{ label: 'org', start: 0, end: 3 }]).sidecar),
  );
  const cases: [string, string, RegExp][] = [
    ['{"version": 1,', 'truncated', /not valid JSON/],
    [JSON.stringify({ ...good, annotations: [{ ...good.annotations[0], start: -1 }] }), 'negative offset', /schema/],
    [JSON.stringify({ ...good, annotations: [{ ...good.annotations[0], start: 5, end: 2 }] }), 'end before start', /end is before start/],
    [JSON.stringify({ ...good, annotations: [good.annotations[0], good.annotations[0]] }), 'duplicate id', /duplicate id/],
    [JSON.stringify({ ...good, hash: 'md5:1' }), 'bad hash', /schema/],
    [JSON.stringify({ ...good, annotations: [{ ...good.annotations[0], created: 'yesterday' }] }), 'bad timestamp', /schema/],
    [JSON.stringify({ ...good, extra: 1 }), 'unknown key', /extra/],
    [JSON.stringify({ ...good, version: 2 }), 'newer version', /newer/],
    ['[]', 'not an object', /schema/],
  ];
  for (const [json, what, pattern] of cases) {
    assert.throws(
      () => parseSidecar(json, '/tmp/x.txt.policymark.json'),
      (error: unknown) => {
        assert.ok(error instanceof SidecarError, what);
        assert.equal(error.file, '/tmp/x.txt.policymark.json');
        assert.match(error.reason.en, pattern, what);
        assert.match(error.reason.en, /left as it is/, what);
        assert.match(error.reason.zh, /保持原样/, what);
        return true;
      },
      what,
    );
  }
  assert.deepEqual(validateSidecar(good), []);
});
