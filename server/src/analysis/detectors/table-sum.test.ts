import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index';
import { tableSum } from './table-sum';
import { AnalysisContext } from '../context';

const findings = (text: string) => tableSum.detect(new AnalysisContext(text, {}));

const TABLE = [
  '表1  2025年各市州技能培训完成情况',
  '',
  '市州        培训人次    其中：农民工    高校毕业生    完成率',
  '长沙市      52360       18230           9860          108.2%',
  '株洲市      21450       8120            3210          101.5%',
  '湘潭市      18760       6980            2870          99.6%',
  '合计        92570       33330           15940         104.3%',
].join('\n');

test('a table whose columns add up to its 合计 row is clean; rates and percentages are not summed', () => {
  assert.deepEqual(findings(TABLE), []);
});

test('a misread total cell: the column, its sum and the total are named, the parts are related spans', () => {
  const text = TABLE.replace('合计        92570', '合计        93570');
  const found = findings(text);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f!.code, 'sum-mismatch');
  assert.equal(f!.severity, 'warning');
  assert.equal(text.slice(f!.start, f!.end), '93570');
  assert.match(f!.message.zh, /“培训人次”一列各行之和为92570，与“合计”行的93570不符（相差1000）/);
  assert.match(f!.message.en, /"培训人次" column of the table adds up to 92570 over its rows, not the 93570/);
  assert.deepEqual(
    f!.related!.map((r) => text.slice(r.start, r.end)),
    ['52360', '21450', '18760'],
  );
  assert.deepEqual(f!.fixes, []);
  // and through the whole analysis, under its catalogue code
  assert.equal(analyze(text).diagnostics.filter((d) => d.code === 'sum-mismatch').length, 1);
});

test('a misread part: every column is checked, the total row may come first, OCR blank lines between rows', () => {
  const text = [
    '单位        人数      经费（万元）',
    '合　计      1260      385.6',
    '',
    '第一批      420       128.4',
    '',
    '第二批      510       157.0',
    '',
    '第三批      380       100.2',
  ].join('\n');
  // 420 + 510 + 380 = 1310 ≠ 1260; 128.4 + 157.0 + 100.2 = 385.6
  const found = findings(text);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]!.start, found[0]!.end), '1260');
  assert.match(found[0]!.message.zh, /“人数”一列各行之和为1310/);
});

test('rows numbered before their labels, a padded total label, a header with more names than cells', () => {
  const text = [
    '序号    市  州      分配金额    其中：培训补贴    其中：评价补贴',
    '1       长沙市      12580       10200             2380',
    '2       株洲市      6430        5210              1220',
    '3.      湘潭市      5120        4100              1020',
    '4       衡阳市      8860        7150              1710',
    '        合  计      33990       26660             6330',
  ].join('\n');
  // 12580 + 6430 + 5120 + 8860 = 32990; the two 其中 columns add up
  const found = findings(text);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message.zh, /“分配金额”一列各行之和为32990，与“合计”行的33990不符（相差1000）/);
  assert.deepEqual(findings(text.replace('33990', '32990')), []);
});

test('rounding never makes a mismatch: each cell is an interval', () => {
  const text = ['项目    金额（亿元）', '甲      12.34', '乙      45.67', '丙      7.81', '合计    65.83'].join('\n');
  // 12.34 + 45.67 + 7.81 = 65.82, within the three parts' rounding of 65.83
  assert.deepEqual(findings(text), []);
  assert.equal(findings(text.replace('65.83', '65.93')).length, 1);
});

test('full-width digits, ideographic spaces, thousands separators and dashes', () => {
  const text = [
    '地区　　户数　　　金额',
    '东区　　１２０　　1,250',
    '西区　　８０　　　2,750',
    '南区　　—　　　　1,000',
    '总计　　２１０　　5,000',
  ].join('\n');
  // the 户数 column has an empty cell (—): not summed; 1,250 + 2,750 + 1,000 = 5,000
  assert.deepEqual(findings(text), []);
  const bad = text.replace('总计　　２１０　　5,000', '总计　　２１０　　6,000');
  const found = findings(bad);
  assert.equal(found.length, 1);
  assert.equal(bad.slice(found[0]!.start, found[0]!.end), '6,000');
  assert.match(found[0]!.message.zh, /“金额”一列各行之和为5000/);
});

test('columns that are no sums stay unchecked: headed as rates, shares, years or ranks; averages below a part', () => {
  for (const header of ['增长率', '占比', '年份', '排名', '人均收入', '同比增长']) {
    const text = [`地区    人数    ${header}`, '甲      100     12', '乙      200     35', '丙      300     8', '合计    600     60'].join(
      '\n',
    );
    assert.deepEqual(findings(text), [], header);
  }
  // no header: a column whose "total" is below a part is an average or a rate
  const average = ['甲      100     12.5', '乙      200     35.1', '丙      300     8.2', '合计    600     18.6'].join('\n');
  assert.deepEqual(findings(average), []);
  // years written in every row
  const years = ['甲      100     2025', '乙      200     2025', '丙      300     2025', '合计    600     2025'].join('\n');
  assert.deepEqual(findings(years), []);
});

test('a column without a header is named by its place', () => {
  const found = findings(['甲    100    5', '乙    200    7', '丙    300    9', '合计  600    31'].join('\n'));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message.zh, /^表格第2列各行之和为21，与“合计”行的31不符/);
  assert.match(found[0]!.message.en, /^Column 2 of the table adds up to 21 over its rows, not the 31/);
});

test('a header of years is no row of the table', () => {
  const text = ['项目      2024      2025', '收入      120       150', '支出      80        90', '合计      200       240'].join('\n');
  assert.deepEqual(findings(text), []);
  const found = findings(text.replace('合计      200', '合计      210'));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message.zh, /各行之和为200，与“合计”行的210不符/);
});

test('no 合计 row, a selection under 全省, a nested table (其中 rows, or rows set in deeper) or rows of unequal width are not checked', () => {
  const selection = ['全省      100000', '长沙市    52360', '株洲市    21450'].join('\n');
  assert.deepEqual(findings(selection), []);
  const nested = ['类别        人数', '一类        300', '其中：女    120', '二类        200', '合计        700'].join('\n');
  assert.deepEqual(findings(nested), []);
  const indented = ['类别      人数', '本科      300', '  女      120', '专科      200', '合计      500'].join('\n');
  assert.deepEqual(findings(indented), []);
  const ragged = ['甲    100    5', '乙    200', '丙    300    7', '合计  700    12'].join('\n');
  assert.deepEqual(findings(ragged), []);
  const noTotal = ['甲    100', '乙    200', '丙    350'].join('\n');
  assert.deepEqual(findings(noTotal), []);
});

test('prose with figures after spaces is no table', () => {
  const prose = [
    '全年新增就业 9.9 万人，比上年增长 12.5%。',
    '其中 青年 3.2 万人。',
    '合计 完成投资 120 亿元。',
    '本报讯 记者 王芳 2025年4月18日',
  ].join('\n');
  assert.deepEqual(findings(prose), []);
});
