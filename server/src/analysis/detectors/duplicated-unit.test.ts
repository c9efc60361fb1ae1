import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';

const fixed = (text: string) => {
  const d = analyze(text).diagnostics.filter((f) => f.code === 'duplicated-unit');
  return { count: d.length, text: d.length ? applyEdits(text, d[0]!.fixes[0]!.edits) : text };
};

test('a doubled 元 after a figure is found and the copy removed', () => {
  assert.deepEqual(fixed('总金额达到890余万元元。'), { count: 1, text: '总金额达到890余万元。' });
});

test('the copy across a column break is found', () => {
  const r = fixed('享受资助总金额达到1200余万\n元元。党的政策');
  assert.equal(r.count, 1);
  assert.equal(r.text, '享受资助总金额达到1200余万\n元。党的政策');
});

test('multi-character units and percent', () => {
  assert.equal(fixed('培训学员3.2万人次人次，').text, '培训学员3.2万人次，');
  assert.equal(fixed('增长了12%%以上').text, '增长了12%以上');
});

test('reduplication that is ordinary Chinese is left alone', () => {
  for (const clean of ['人人都有出彩的机会', '10家家庭农场参与', '扶持3个个体户', '共有5人人均收入', '家家户户通电', '元元本本']) {
    assert.equal(fixed(clean).count, 0, clean);
  }
});

test('a doubled unit without a figure before it is not flagged', () => {
  assert.equal(fixed('这个个案很典型').count, 0);
});
