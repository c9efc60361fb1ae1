import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';
import { consecutiveSplit } from './fused-ordinal';

const findings = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'fused-ordinal');
const repaired = (text: string) => {
  const d = findings(text);
  assert.equal(d.length, 1, text);
  return applyEdits(text, d[0]!.fixes[0]!.edits);
};

test('two consecutive editions run together are split with 、', () => {
  assert.equal(repaired('选手在第4445届世界技能大赛上获得金牌'), '选手在第44、45届世界技能大赛上获得金牌');
  assert.equal(repaired('在第1011次常务会议上'), '在第10、11次常务会议上');
  assert.equal(repaired('第910届全运会'), '第9、10届全运会');
  assert.equal(repaired('第99100期简报'), '第99、100期简报');
});

test('full-width digits', () => {
  assert.equal(repaired('第３４３５届'), '第３４、３５届');
});

test('the finding is a certain repair', () => {
  const [d] = findings('第4243届');
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.fixAllSafe, true);
  assert.match(d!.message.zh, /第42、43届/);
});

test('real ordinals stay clean: plausible, or not two consecutive numbers', () => {
  for (const clean of [
    '第125届广交会',
    '第100期',
    '第2000次列车',
    '第789次会议',
    '第300届',
    '第46届世界技能大赛',
    '第45届',
    '第2021届',
    '第1213次',
    '第3期第4批',
    '第一二届',
  ]) {
    const d = findings(clean);
    // 2021 editions and 1213 sessions are implausible and split into n | n+1: these are flagged like 第1011次
    if (clean === '第2021届' || clean === '第1213次') assert.equal(d.length, 1, clean);
    else assert.equal(d.length, 0, clean);
  }
});

test('consecutiveSplit finds n | n+1 only', () => {
  assert.equal(consecutiveSplit('4243'), 2);
  assert.equal(consecutiveSplit('910'), 1);
  assert.equal(consecutiveSplit('99100'), 2);
  assert.equal(consecutiveSplit('125'), undefined);
  assert.equal(consecutiveSplit('100'), undefined);
  assert.equal(consecutiveSplit('1001'), undefined);
});

test('a narrow column’s line break between the fused digits and the unit', () => {
  const text = '在第1718\n届中国义乌国际森林产品博览会上。';
  const found = analyze(text).diagnostics.filter((d) => d.code === 'fused-ordinal');
  assert.equal(found.length, 1);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), '在第17、18\n届中国义乌国际森林产品博览会上。');
});

test('a numbering the text runs in the thousands is real (第8990次会议 near 第8989次); sessions and issues are a guess', () => {
  const find = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'fused-ordinal');
  assert.deepEqual(find('联合国安理会当天举行第8990次会议，此前第8989次会议讨论了朝鲜问题。'), []);
  const session = find('第1011次测量显示。');
  assert.equal(session[0]?.severity, 'information');
  assert.equal(session[0]?.fixAllSafe, false);
  assert.equal(find('第十四届全国人大第4243届会议。')[0]?.fixAllSafe, true);
});
