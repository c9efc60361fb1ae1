import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';
import { loadSegmenter } from '../segment';

const segmenter = loadSegmenter();
const findings = (text: string, withSegmenter = false) =>
  analyze(text, withSegmenter && segmenter ? { segmenter } : {}).diagnostics.filter((f) => f.code === 'garbled-figure');

test('a count followed by a noun without a measure word is flagged, without a fix', () => {
  for (const withSegmenter of [false, true]) {
    const text = '该校学生在全国大赛中共获得5318优胜奖。';
    const d = findings(text, withSegmenter);
    assert.equal(d.length, 1, `segmenter ${withSegmenter}`);
    assert.equal(text.slice(d[0]!.start, d[0]!.start + 4), '5318');
    assert.equal(d[0]!.fixes.length, 0);
    assert.equal(d[0]!.severity, 'information');
  }
  assert.equal(findings('累计取得4521成果', true).length, 1);
});

test('counts with measure words, units, codes and ordinary numbers stay clean', () => {
  for (const clean of [
    '共获得12项金奖',
    '累计培养3000余名技能人才',
    '拥有24个国家的专家',
    '共有5G基站1200座',
    '达到2025年目标',
    '获得2019年度优秀',
    '新增12345热线坐席',
    '达到98%以上',
    '共计1.5万人次',
    '荣获10佳称号',
    '培养100名',
    '拨打12345热线',
  ]) {
    assert.equal(findings(clean, true).length, 0, clean);
    assert.equal(findings(clean, false).length, 0, clean);
  }
});

test('a figure with two decimal points before its unit is garbled; versions, dates and section numbers are not', () => {
  const found = analyze('全年接待国内游客1.0.2亿人次，增长3.5.6%。').diagnostics.filter((d) => d.code === 'garbled-figure');
  assert.deepEqual(
    found.map((d) => [d.severity, d.fixes.length]),
    [
      ['warning', 0],
      ['warning', 0],
    ],
  );
  assert.deepEqual(
    analyze('版本2.0.1版。2023.10.15召开。V1.2.3。\n1.2.3 总体要求').diagnostics.filter((d) => d.code === 'garbled-figure'),
    [],
  );
});

test('a decimal point read as a comma (6148,2亿元) is repaired; thousands separators and lists are not', () => {
  const text = '全省政府债务余额14236.8亿元，其中一般债务6148,2亿元、专项债务8088.6亿元。';
  const found = analyze(text).diagnostics.filter((f) => f.code === 'garbled-figure');
  assert.equal(found.length, 1);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), text.replace('6148,2', '6148.2'));
  assert.equal(found[0]!.fixAllSafe, true);
  for (const clean of ['共计12,345人。', '第1,2条规定。', '1,2,3级。', '共有1,234,567元。']) {
    assert.deepEqual(
      analyze(clean).diagnostics.filter((f) => f.code === 'garbled-figure'),
      [],
      clean,
    );
  }
  // the figure's decimal part is no figure of its own: no ratio read from 1万
  assert.deepEqual(
    analyze('接待游客约1,1万人次，其中外地游客0.75万人次，占68.8%。').diagnostics.filter((f) => f.code === 'ratio-mismatch'),
    [],
  );
});

test('a standard’s clause number (第5.5.17条) is no figure with two decimal points', () => {
  assert.deepEqual(
    analyze('依据GB 50016第5.5.17条和第3.2.1款的规定。').diagnostics.filter((f) => f.code === 'garbled-figure'),
    [],
  );
});
