import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';

const findings = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'unbalanced-bracket');
const repaired = (text: string) => {
  const d = findings(text);
  assert.equal(d.length, 1, text);
  return { text: applyEdits(text, d[0]!.fixes[0]!.edits), severity: d[0]!.severity, safe: d[0]!.fixAllSafe };
};

test('a table heading that lost its closing bracket gets it at the line end (certain)', () => {
  assert.deepEqual(repaired('指标\n\n2.城镇调查失业率(%\n\n5.5'), {
    text: '指标\n\n2.城镇调查失业率(%)\n\n5.5',
    severity: 'warning',
    safe: true,
  });
  assert.deepEqual(repaired('4.新增就业人数（万人  \n\n60'), { text: '4.新增就业人数（万人）  \n\n60', severity: 'warning', safe: true });
});

test('an opener in running text is closed before the next clause punctuation (a guess)', () => {
  assert.deepEqual(repaired('印发《湖南省就业促进条例，请遵照执行。'), {
    text: '印发《湖南省就业促进条例》，请遵照执行。',
    severity: 'information',
    safe: false,
  });
});

test('an unmatched closer is reported without a fix', () => {
  const d = findings('各区县人民政府）要落实责任。');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.fixes.length, 0);
});

test('balanced, mixed-width, list markers, document numbers and multi-paragraph quotes stay clean', () => {
  for (const clean of [
    '《关于推动现代职业教育高质量发展的意见》（中办发〔2021〕43号）',
    '（2020—2023年)',
    '1)加强领导；2)压实责任',
    '一)总体要求',
    '教职成〔20207号',
    '“第一段引文，\n\n“第二段引文。”',
    '他说"好的"然后离开',
    '专栏(一\n\n)内容',
    '注:[  ]内为五年累计数。',
  ]) {
    assert.equal(findings(clean).length, 0, clean);
  }
});

test('a wrong bracket inside a document number is docnum-bracket’s finding, not an unmatched bracket', () => {
  const text = '结合渝府办发（2021〕33号要求，落实国办发〔2020〕7号（附件）精神。';
  const codes = analyze(text, {}).diagnostics.map((f) => `${f.code} ${text.slice(f.start, f.end)}`);
  assert.ok(codes.includes('docnum-bracket （2021〕33号'), codes.join('; '));
  assert.ok(!codes.some((c) => c.startsWith('unbalanced-bracket')), codes.join('; '));
  // a bracket left open around a number is still the prose's
  const open = '落实国办发〔2020〕7号（附件精神。';
  assert.ok(analyze(open, {}).diagnostics.some((f) => f.code === 'unbalanced-bracket' && open[f.start] === '（'));
});

test('an unclosed title mark closes before the document number bracketed after the title', () => {
  const text = '按照《湖南省企业职工岗位技能提升培训补贴办法（湘人社发〔2021〕18号）执行，做好工作。';
  const found = analyze(text).diagnostics.filter((d) => d.code === 'unbalanced-bracket');
  assert.equal(found.length, 1);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), text.replace('办法（', '办法》（'));
});

test('a bracket that introduces a short name closes after the name, before the verb that goes on', () => {
  for (const [text, fixed] of [
    ['广东省发展和改革委员会（以下简称省发展改革委会同省工信厅编写了本问答，供参考。', '（以下简称省发展改革委）会同'],
    ['西安住房公积金管理中心（以下简称西安公积金中心已开通专窗，方便群众。', '（以下简称西安公积金中心）已开通'],
  ] as const) {
    const found = analyze(text).diagnostics.filter((d) => d.code === 'unbalanced-bracket');
    assert.equal(found.length, 1, text);
    assert.ok(applyEdits(text, found[0]!.fixes[0]!.edits).includes(fixed), text);
  }
});

test('a numbered heading that lost the bracket after its numeral gets it there (certain)', () => {
  assert.deepEqual(repaired('（四）财政支出情况\n\n（五政府债务情况\n\n2022年末，全省政府债务余额14236.8亿元。'), {
    text: '（四）财政支出情况\n\n（五）政府债务情况\n\n2022年末，全省政府债务余额14236.8亿元。',
    severity: 'warning',
    safe: true,
  });
});

test('a closer of the wrong kind in a parenthesis’s place is replaced (（苏政发〔2023〕56号〕)', () => {
  assert.deepEqual(repaired('省人民政府印发《实施方案》（苏政发〔2023〕56号〕，省生态环境厅联合印发通知。'), {
    text: '省人民政府印发《实施方案》（苏政发〔2023〕56号），省生态环境厅联合印发通知。',
    severity: 'warning',
    safe: true,
  });
});

test('a guessed closer goes after a quoted short name or what a ratio is of', () => {
  assert.equal(
    repaired('市自然资源和规划局（以下简称“市自然资源规划局”优先保障棚改安置用地。').text,
    '市自然资源和规划局（以下简称“市自然资源规划局”）优先保障棚改安置用地。',
  );
  assert.equal(
    repaired('R&D经费投入强度（与地区生产总值之比为3.42%，比上年提高0.16个百分点。').text,
    'R&D经费投入强度（与地区生产总值之比）为3.42%，比上年提高0.16个百分点。',
  );
});

test('a bracket written twice loses its copy (《《…》, …》》)', () => {
  assert.deepEqual(repaired('根据《《国务院关于进一步深化预算管理制度改革的意见》要求，加强管理。'), {
    text: '根据《国务院关于进一步深化预算管理制度改革的意见》要求，加强管理。',
    severity: 'warning',
    safe: true,
  });
  assert.equal(
    repaired('根据《国务院关于进一步深化预算管理制度改革的意见》》要求。').text,
    '根据《国务院关于进一步深化预算管理制度改革的意见》要求。',
  );
});

test('a guessed closer goes after a number, a code, an abbreviation or a company’s 集团 the bracket opens with', () => {
  for (const [damaged, expected] of [
    [
      '绵阳科技城发展投资（集团有限公司（以下简称“科发集团”）资产总额1268.4亿元。',
      '绵阳科技城发展投资（集团）有限公司（以下简称“科发集团”）资产总额1268.4亿元。',
    ],
    ['依据《条例》（国务院令第652号、《暂行规定》等规定执行。', '依据《条例》（国务院令第652号）、《暂行规定》等规定执行。'],
    ['会议地点：（遂宁市船山区明月路356号二楼报告厅。', '会议地点：（遂宁市船山区明月路356号）二楼报告厅。'],
    ['国际货币基金组织（IMF将中国经济增速预期上调至5.4%。', '国际货币基金组织（IMF）将中国经济增速预期上调至5.4%。'],
  ] as const) {
    assert.equal(repaired(damaged).text, expected);
  }
});
