import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from '../analysis/types';
import { applySimultaneous, mapThroughEdits, mapThroughSteps } from './edits';
import { addAnnotations, contentHash, emptySidecar, type NewAnnotation } from './model';
import { reanchor } from './reanchor';
import type { Sidecar } from './types';

const TEXT = [
  '重庆市人力资源和社会保障局印发《关于做好2021年职业技能提升工作的通知》（渝人社〔2021〕452号）。',
  '全市在校生规模达到9.9万人，比上年增长12%，其中中职学生6.1万人。',
  '今年新增耕地面积1200亩，完成投资890余万元。',
].join('\n');

function tag(text: string, ...quotes: [string, string][]): Sidecar {
  const inputs: NewAnnotation[] = quotes.map(([quote, label]) => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, quote);
    return { label, start, end: start + quote.length };
  });
  return addAnnotations(emptySidecar('a.txt', text), text, inputs).sidecar;
}

/** Every non-orphan annotation quotes exactly its span of `text`, and the hash is `text`'s. */
function assertAnchored(sidecar: Sidecar, text: string): void {
  assert.equal(sidecar.hash, contentHash(text));
  for (const a of sidecar.annotations) if (!a.orphan) assert.equal(text.slice(a.start, a.end), a.exact, a.label);
}

function edit(text: string, edits: TextEdit[]) {
  const next = applySimultaneous(text, edits);
  return { next, edits };
}

test('an insertion before a span shifts it; at its start or end it stays outside', () => {
  const sidecar = tag(TEXT, ['9.9万人', 'metric']);
  const at = TEXT.indexOf('9.9万人');
  for (const [where, inserted] of [
    [0, '【头条】'],
    [at, '约'],
    [at + 5, '左右'],
  ] as [number, string][]) {
    const { next, edits } = edit(TEXT, [{ start: where, end: where, newText: inserted }]);
    const moved = mapThroughEdits(sidecar, edits, next);
    assertAnchored(moved, next);
    assert.equal(moved.annotations[0]!.exact, '9.9万人');
  }
});

test('edits inside a span stretch and shrink it; deletions before it shift it back', () => {
  const sidecar = tag(TEXT, ['重庆市人力资源和社会保障局', 'org'], ['12%', 'metric']);
  const org = TEXT.indexOf('人力');
  // an OCR repair inside (a stray space removed) and a deletion before the metric
  const withSpace = TEXT.slice(0, org) + ' ' + TEXT.slice(org);
  const s1 = tag(withSpace, ['重庆市 人力资源和社会保障局', 'org'], ['12%', 'metric']);
  const { next, edits } = edit(withSpace, [{ start: org, end: org + 1, newText: '' }]);
  const fixed = mapThroughEdits(s1, edits, next);
  assertAnchored(fixed, next);
  assert.deepEqual(
    fixed.annotations.map((a) => a.exact),
    ['重庆市人力资源和社会保障局', '12%'],
  );
  // growing: 12% → 12.5%
  const p = TEXT.indexOf('12%') + 2;
  const grown = edit(TEXT, [{ start: p, end: p, newText: '.5' }]);
  const g = mapThroughEdits(sidecar, grown.edits, grown.next);
  assertAnchored(g, grown.next);
  assert.equal(g.annotations.find((a) => a.label === 'metric')!.exact, '12.5%');
});

test('an edit across a boundary keeps what is left of the span; a swallowed span becomes an orphan, not lost', () => {
  const sidecar = tag(TEXT, ['中职学生6.1万人', 'metric'], ['890余万元', 'metric']);
  const s = TEXT.indexOf('其中中职');
  const across = edit(TEXT, [{ start: s, end: s + 4, newText: '另有' }]); // 其中中职 → 另有 (takes 中职 from the span)
  const a = mapThroughEdits(sidecar, across.edits, across.next);
  assertAnchored(a, across.next);
  assert.equal(a.annotations[0]!.exact, '另有学生6.1万人');
  const line = TEXT.indexOf('今年');
  const swallowed = edit(TEXT, [{ start: line, end: TEXT.length, newText: '（此段删去）' }]);
  const b = mapThroughEdits(sidecar, swallowed.edits, swallowed.next);
  assert.equal(b.annotations.length, 2, 'nothing dropped');
  const orphan = b.annotations.find((x) => x.exact === '890余万元')!;
  assert.equal(orphan.orphan, true);
  assert.ok(orphan.start <= swallowed.next.length);
  // a rewrite that still contains the quote keeps the annotation on it
  const rewrite = edit(TEXT, [{ start: line, end: TEXT.length, newText: '本年度完成投资890余万元，新增耕地1200亩。' }]);
  const c = mapThroughEdits(sidecar, rewrite.edits, rewrite.next);
  assertAnchored(c, rewrite.next);
  assert.ok(!c.annotations.some((x) => x.orphan));
});

test('exactly replacing an annotated span (an OCR repair of the whole span) keeps it on the new text', () => {
  const text = '今年新增耕地而积1200亩。';
  const sidecar = tag(text, ['而积', 'custom']);
  const s = text.indexOf('而积');
  const r = edit(text, [{ start: s, end: s + 2, newText: '面积' }]);
  const m = mapThroughEdits(sidecar, r.edits, r.next);
  assertAnchored(m, r.next);
  assert.equal(m.annotations[0]!.exact, '面积');
});

test('fix-all rounds (check --fix steps) move every annotation onto its text', () => {
  const text = '第4243届大会上，资助总金额达到890余万元元，重庆市 人力资源和社会保障局出席。';
  const sidecar = tag(text, ['890余万元', 'metric'], ['重庆市 人力资源和社会保障局', 'org'], ['大会', 'custom']);
  const u = text.indexOf('元元') + 1;
  const sp = text.indexOf(' 人力');
  const o = text.indexOf('4243') + 2;
  const steps: TextEdit[][] = [
    [
      { start: o, end: o, newText: '、' },
      { start: u, end: u + 1, newText: '' },
    ],
  ];
  const afterFirst = applySimultaneous(text, steps[0]!);
  const sp2 = afterFirst.indexOf(' 人力');
  steps.push([{ start: sp2, end: sp2 + 1, newText: '' }]);
  assert.ok(sp > 0);
  const { sidecar: moved, text: fixed } = mapThroughSteps(sidecar, text, steps);
  assert.equal(fixed, '第42、43届大会上，资助总金额达到890余万元，重庆市人力资源和社会保障局出席。');
  assertAnchored(moved, fixed);
  assert.deepEqual(moved.annotations.map((a) => a.exact).sort(), ['890余万元', '大会', '重庆市人力资源和社会保障局'].sort());
});

test('re-anchoring: unchanged text (same hash) does nothing', () => {
  const sidecar = tag(TEXT, ['12%', 'metric']);
  const { sidecar: same, report } = reanchor(sidecar, TEXT);
  assert.equal(same, sidecar);
  assert.equal(report.unchanged, true);
});

test('re-anchoring after outside insertions and deletions finds every quote', () => {
  const sidecar = tag(TEXT, ['9.9万人', 'metric'], ['渝人社〔2021〕452号', 'docref'], ['890余万元', 'metric']);
  const changed = '（本报讯）' + TEXT.replace('，比上年增长12%', '').replace('今年', '据悉，今年');
  const { sidecar: r, report } = reanchor(sidecar, changed);
  assertAnchored(r, changed);
  assert.equal(report.orphans.length, 0);
  assert.equal(report.moved.length, 3);
});

test('re-anchoring after a whole paragraph moved (exact quote, context picks among repeats)', () => {
  const paragraphs = TEXT.split('\n');
  const sidecar = tag(TEXT, ['9.9万人', 'metric'], ['1200亩', 'metric']);
  const moved = [paragraphs[2], paragraphs[0], paragraphs[1]].join('\n');
  const { sidecar: r, report } = reanchor(sidecar, moved);
  assertAnchored(r, moved);
  assert.equal(report.orphans.length, 0);
  // the same figure twice: the context decides which occurrence is ours
  const twice = '去年在校生规模为9.9万人。\n' + TEXT;
  const again = reanchor(sidecar, twice).sidecar.annotations.find((a) => a.exact === '9.9万人')!;
  assert.equal(again.start, twice.lastIndexOf('9.9万人'));
});

test('re-anchoring after an OCR repair inside a quote uses the fuzzy match with its context', () => {
  const damaged = '今年新增耕地而积1200亩，完成投资890余万元。';
  const sidecar = tag(damaged, ['新增耕地而积1200亩', 'metric']);
  const repaired = '按照规划，' + damaged.replace('而积', '面积');
  const { sidecar: r, report } = reanchor(sidecar, repaired);
  assertAnchored(r, repaired);
  assert.deepEqual(report.fuzzy, [sidecar.annotations[0]!.id]);
  assert.equal(r.annotations[0]!.exact, '新增耕地面积1200亩');
});

test('a quote that is gone is kept as an orphan; a similar figure elsewhere does not capture it', () => {
  const sidecar = tag(TEXT, ['9.9万人', 'metric'], ['12%', 'metric']);
  const changed = TEXT.replace('全市在校生规模达到9.9万人，', '').replace('今年', '另一地区在校生9.8万人。今年');
  const { sidecar: r, report } = reanchor(sidecar, changed);
  assert.equal(r.annotations.length, 2, 'nothing dropped');
  const lost = r.annotations.find((a) => a.exact === '9.9万人')!;
  assert.equal(lost.orphan, true);
  assert.deepEqual(report.orphans, [lost.id]);
  assertAnchored(r, changed);
  // once the text comes back (undo, git checkout), the orphan is placed again
  const back = reanchor(r, TEXT);
  assert.equal(back.report.orphans.length, 0);
  assertAnchored(back.sidecar, TEXT);
  assert.ok(!back.sidecar.annotations.some((a) => a.orphan));
});

test('astral characters (𠮷) keep offsets in UTF-16 units through edits and re-anchoring', () => {
  const text = '𠮷野家在𠮷林开设门店3家。';
  const sidecar = tag(text, ['3家', 'metric']);
  const changed = '𠮷𠮷' + text;
  const { sidecar: r } = reanchor(sidecar, changed);
  assertAnchored(r, changed);
  assert.equal(r.annotations[0]!.start, changed.indexOf('3家'));
});

test('one edit over the whole changed middle (as fix-all sends it) keeps annotations on their own occurrence', () => {
  const text = '甲地投入300万元元。乙地投入300万元，丙地投入300万元元。';
  const sidecar = tag(text, ['乙地投入300万元', 'metric']);
  const fixed = text.replace(/万元元/g, '万元');
  const head = text.indexOf('元元') + 1;
  const tail = text.length - (text.lastIndexOf('元元') + 2);
  const edits = [{ start: head, end: text.length - tail, newText: fixed.slice(head, fixed.length - tail) }];
  const moved = mapThroughEdits(sidecar, edits, fixed);
  assertAnchored(moved, fixed);
  assert.equal(moved.annotations[0]!.start, fixed.indexOf('乙地投入300万元'));
  assert.ok(!moved.annotations[0]!.orphan);
});
