import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';

const findings = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'ocr-confusable' && /一/.test(f.message.zh));
const repaired = (text: string) => {
  const d = findings(text);
  assert.equal(d.length, 1, text);
  return applyEdits(text, d[0]!.fixes[0]!.edits);
};

test('一 between two figures is a misread range dash', () => {
  assert.equal(repaired('今年1一10月，全市新增就业62.3万人'), '今年1—10月，全市新增就业62.3万人');
  assert.equal(repaired('《规划（2021一2025年）》'), '《规划（2021—2025年）》');
  assert.equal(repaired('全年增长3一5个百分点'), '全年增长3—5个百分点');
  assert.equal(repaired('１一１０月'), '１—１０月');
  assert.equal(repaired('投资1.5一2.5亿元'), '投资1.5—2.5亿元');
});

test('in a telephone number it is a hyphen', () => {
  assert.equal(repaired('电话：0571一28869017'), '电话：0571-28869017');
});

test('a certain repair, applied by fix-all', () => {
  const [d] = findings('1一10月');
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.fixAllSafe, true);
  assert.equal(analyze('1一10月').diagnostics.length, 1);
});

test('一 next to one figure only, or in Chinese numerals, is left alone', () => {
  assert.deepEqual(findings('一是加强领导，5G一体化，第一季度增长5.1%，十一五期间，1.5一件'), []);
  assert.deepEqual(findings('共有3个一级学科，2024年一季度'), []);
});

test('a dash after 第 is a misread 一, also applied by fix-all', () => {
  assert.equal(repaired('河南省第十四届人民代表大会第—次会议上'), '河南省第十四届人民代表大会第一次会议上');
  assert.equal(repaired('第－批试点'), '第一批试点');
  assert.equal(findings('第—次会议')[0]!.fixAllSafe, true);
  // a doubled dash, a dash before a figure, and 第一 itself are left alone
  assert.deepEqual(findings('第——次，第—3条，第一次会议'), []);
});

test('a date in figures gets hyphens, not a range’s dash (2022一01一05)', () => {
  const text = '日期:2022一01一05';
  const found = analyze(text).diagnostics.filter((f) => f.code === 'ocr-confusable');
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), '日期:2022-01一05');
  const later = '日期:2022-01一05';
  assert.equal(
    applyEdits(later, analyze(later).diagnostics.filter((f) => f.code === 'ocr-confusable')[0]!.fixes[0]!.edits),
    '日期:2022-01-05',
  );
});
