import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';

const findings = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'fused-figures');
const repaired = (text: string) => {
  const d = findings(text);
  assert.equal(d.length, 1, text);
  return applyEdits(text, d[0]!.fixes[0]!.edits);
};

test('two percentages run together get a separator between them', () => {
  assert.equal(
    repaired('城区占61.2%，乡镇占27.5%，其余11.3%65%以上的学员来自农村。'),
    '城区占61.2%，乡镇占27.5%，其余11.3%，65%以上的学员来自农村。',
  );
  const d = findings('合格率98%95%以上')[0]!;
  assert.equal(d.severity, 'warning');
  assert.equal(d.fixAllSafe, false);
  assert.ok(d.fixes.length >= 2, 'other separators are offered');
});

test('the separator follows the text: 、 inside a list that goes on, ASCII comma in an ASCII-comma text', () => {
  assert.equal(repaired('占比为东部45%12%、西部43%'), '占比为东部45%、12%、西部43%');
  assert.equal(repaired('其中,本科1.5%,专科2.7%90%以上,就业,良好'), '其中,本科1.5%,专科2.7%,90%以上,就业,良好');
});

test('full-width digits and percent signs', () => {
  assert.equal(repaired('达到８５％９０％'), '达到８５％，９０％');
});

test('two amounts of the same unit run together', () => {
  assert.equal(repaired('分别补助50万元30万元。'), '分别补助50万元，30万元。');
  assert.equal(repaired('培训1.2万人次3.4万人次'), '培训1.2万人次，3.4万人次');
});

test('single figures, ranges and reduplicated phrases stay clean', () => {
  for (const clean of [
    '就业率98%以上',
    '5%—10%',
    '5%-10%',
    '提高3.5个百分点',
    '1人1岗',
    '一人一档',
    '50万元、30万元',
    '增长12.5%，达到80%',
    '2020年2021年',
  ]) {
    assert.equal(findings(clean).length, 0, clean);
  }
});

test('a percentage run into an amount with its unit; a bare digit after it (a footnote mark) is left alone', () => {
  assert.equal(repaired('游客满意度达到93.5%1.2亿人次到访。'), '游客满意度达到93.5%，1.2亿人次到访。');
  assert.match(findings('增长3.5%12家企业')[0]!.message.en, /"3.5%" and "12家" are two figures/);
  assert.deepEqual(findings('增长3.5%1，见附注。'), []);
  assert.deepEqual(findings('增长3.5%—12%'), []);
});

test('a percentage run into a length, and two times of day run together', () => {
  assert.equal(repaired('绿地率不低于20%40米至50米的道路。'), '绿地率不低于20%，40米至50米的道路。');
  assert.equal(repaired('上午9:0012:00报到。'), '上午9:00—12:00报到。');
  assert.deepEqual(findings('下午14:30—17:00，时间为9:00。'), []);
});

test('two quantities with a magnitude and the same unit run together (3.2万亩38.6万亩)', () => {
  const found = analyze('今年新建高标准农田3.2万亩38.6万亩，占全县耕地面积的61.5%。').diagnostics.filter((f) => f.code === 'fused-figures');
  assert.equal(found.length, 1);
  assert.deepEqual(
    analyze('建成3个示范区，每个1万亩。').diagnostics.filter((f) => f.code === 'fused-figures'),
    [],
  );
});
