import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSidecars } from './merge';
import { addAnnotations, addSilenced, deleteAnnotation, emptySidecar, relabelAnnotation, removeSilenced, updateAnnotation } from './model';

const TEXT = '全市在校生规模达到9.9万人，比上年增长12%，其中中职学生6.1万人。';
const span = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

function base() {
  return addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [
    { label: 'metric', ...span('9.9万人') },
    { label: 'metric', ...span('12%') },
  ]).sidecar;
}

test('changes by two writers to different annotations are both kept', () => {
  const b = base();
  const [x, y] = b.annotations;
  const ours = relabelAnnotation(b, x!.id, 'enrolment');
  const theirs = addAnnotations(updateAnnotation(b, y!.id, { attributes: { note: '同比' } }), TEXT, [
    { label: 'metric', ...span('6.1万人') },
  ]).sidecar;
  const { merged, conflicts } = mergeSidecars(b, ours, theirs);
  assert.deepEqual(conflicts, []);
  assert.equal(merged.annotations.length, 3);
  assert.equal(merged.annotations.find((a) => a.id === x!.id)!.label, 'enrolment');
  assert.equal(merged.annotations.find((a) => a.id === y!.id)!.attributes?.note, '同比');
});

test('additions on both sides are all kept (concurrent taggers)', () => {
  const b = base();
  const ours = addAnnotations(b, TEXT, [{ label: 'a', ...span('在校生') }]).sidecar;
  const theirs = addAnnotations(b, TEXT, [{ label: 'b', ...span('中职学生') }]).sidecar;
  const { merged, conflicts } = mergeSidecars(b, ours, theirs);
  assert.equal(conflicts.length, 0);
  assert.deepEqual(merged.annotations.map((a) => a.label).sort(), ['a', 'b', 'metric', 'metric']);
});

test('a deletion merges with an untouched annotation; a deletion against a change is a conflict and the change survives', () => {
  const b = base();
  const [x, y] = b.annotations;
  const ours = deleteAnnotation(deleteAnnotation(b, x!.id), y!.id);
  const theirs = relabelAnnotation(b, y!.id, 'growth');
  const { merged, conflicts } = mergeSidecars(b, ours, theirs);
  assert.deepEqual(
    merged.annotations.map((a) => a.id),
    [y!.id],
  );
  assert.equal(merged.annotations[0]!.label, 'growth');
  assert.deepEqual(conflicts, [{ id: y!.id, kind: 'changed-and-deleted' }]);
});

test('the same annotation changed differently by both: both versions kept, conflict reported', () => {
  const b = base();
  const x = b.annotations[0]!;
  const ours = relabelAnnotation(b, x.id, 'ours', new Date('2030-01-01T00:00:00Z'));
  const theirs = relabelAnnotation(b, x.id, 'theirs', new Date('2030-01-02T00:00:00Z'));
  const { merged, conflicts } = mergeSidecars(b, ours, theirs);
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0]!.kind, 'both-changed');
  const copy = merged.annotations.find((a) => a.id === conflicts[0]!.copyId)!;
  assert.equal(copy.label, 'theirs');
  assert.equal(copy.conflictOf, x.id);
  assert.equal(merged.annotations.find((a) => a.id === x.id)!.label, 'ours');
  // identical changes are no conflict
  assert.equal(mergeSidecars(b, ours, ours).conflicts.length, 0);
});

test('silenced findings merge as a set with removals', () => {
  const e1 = { code: 'duplicated-unit' as const, exact: '元元' };
  const e2 = { code: 'fused-ordinal' as const, exact: '第4243届' };
  const e3 = { code: 'traditional-char' as const, exact: '鋒' };
  const b = addSilenced(addSilenced(base(), e1), e2);
  const ours = addSilenced(removeSilenced(b, e1), e3);
  const theirs = b;
  const { merged } = mergeSidecars(b, ours, theirs);
  assert.deepEqual(merged.silenced.map((s) => s.exact).sort(), ['第4243届', '鋒'].sort());
});

test('no base (the file appeared since we read nothing): the union', () => {
  const ours = base();
  const theirs = addAnnotations(emptySidecar('a.txt', TEXT), TEXT, [{ label: 'x', ...span('中职') }]).sidecar;
  const { merged, conflicts } = mergeSidecars(undefined, ours, theirs);
  assert.equal(merged.annotations.length, 3);
  assert.equal(conflicts.length, 0);
});
