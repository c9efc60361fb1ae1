import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../context';
import { growthMismatch } from './growth-mismatch';

const run = (text: string) => growthMismatch.detect(new AnalysisContext(text, {}));
const silent = (text: string) => assert.deepEqual(run(text), [], text);
const one = (text: string) => {
  const found = run(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0]!;
};

test('增加了N倍 means new = old × (1 + N); consistent figures are silent (seed 003)', () => {
  silent('2023年我市技能人才数量达到530万人,比2010年的230万人增加了1.3倍;高技能人才超过168万名,比2010年的61万名增加了1.75倍,占比31.7%。');
  silent('全省职业院校在校生达到48万人，比2015年的30万人增长了0.6倍。');
});

test('a contradicted 增加了N倍 is a warning with the computed growth', () => {
  const text = '全省技能人才达到530万人，比2010年的230万人增加了1.6倍。';
  const f = one(text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message.en, /530万\/230万 − 1 = 1.3 ≠ 1.6/);
  assert.match(f.message.zh, /530万\/230万 − 1 = 1.3 ≠ 1.6/);
  assert.equal(text.slice(f.start, f.end), '530万人，比2010年的230万人增加了1.6倍');
  assert.deepEqual(f.fixes, []);
});

test('增加了N倍 used for ×N is information that names the slip', () => {
  const f = one('全省技能人才达到530万人，比2010年的230万人增加了2.3倍。');
  assert.equal(f.severity, 'information');
  assert.match(f.message.en, /增加到2.3倍/);
});

test('增加到N倍 and 是…的N倍 mean new = old × N', () => {
  silent('全省技能人才达到530万人，比2010年的230万人增加到2.3倍。');
  silent('全省技能人才530万人，是2010年230万人的2.3倍。');
  assert.match(one('全省技能人才530万人，是2010年230万人的3.3倍。').message.en, /530万\/230万 = 2.3 ≠ 3.3/);
});

test('增长N% and 下降N% with rounding of old, new and rate', () => {
  silent('全市财政教育支出12.6亿元，比上年的11.2亿元增长12.5%。');
  // 12.6/11.2 = 1.125; 12.55/11.25 = 1.1156 and 12.65/11.15 = 1.1345: 12% is still possible
  silent('全市财政教育支出12.6亿元，比上年的11.2亿元增长12%。');
  const f = one('全市财政教育支出12.6亿元，比上年的11.2亿元增长25%。');
  assert.match(f.message.en, /\(12.6亿 − 11.2亿\)\/11.2亿 = 12.5% ≠ 25%/);
  silent('辍学学生380人，比上年的500人下降24%。');
  assert.match(one('辍学学生380人，比上年的500人下降30%。').message.en, /\(500 − 380\)\/500 = 24% ≠ 30%/);
});

test('从A增加到N，增长M', () => {
  silent('培训人次从1.2万人次增加到1.8万人次，增长50%。');
  assert.match(one('培训人次从1.2万人次增加到1.8万人次，增长80%。').message.en, /= 50% ≠ 80%/);
  silent('就业率从90%提高到95%，提高了5个百分点。');
  silent('就业率从90%提高到95%，提高了4个百分点。');
  assert.match(one('就业率从90%提高到95%，提高了2个百分点。').message.en, /95% − 90% = 5 ≠ 2/);
});

test('approximate figures widen the check (超过168万名 is 168万–169万)', () => {
  silent('高技能人才超过168万名，比2010年的61万名增加了1.77倍。');
  one('高技能人才超过168万名，比2010年的61万名增加了1.9倍。');
});

test('what cannot be decided stays silent', () => {
  // no old figure
  silent('全市在校生9.9万人，同比增长12%。');
  silent('全市在校生9.9万人，比上年增长12%。');
  // a % growth between two rates may be relative or in points
  silent('就业率从90%提高到95%，提高了5%。');
  // different units
  silent('投入资金3亿元，比2019年的200所增加了1.3倍。');
  // 下降N倍 is not a relation
  silent('事故起数15起，比上年的45起下降了2倍。');
});

test('column breaks inside the comparison are ignored', () => {
  const text = '技能人才数量达到530万\n\n人，比2010年的230万人增\n\n加了1.6倍';
  const f = one(text);
  assert.equal(text.slice(f.start, f.end), '530万\n\n人，比2010年的230万人增\n\n加了1.6倍');
});

test('比上年增加N: N is the change, and the rate is N over the old figure (new − N)', () => {
  // 0.6万/(5.8万 − 0.6万) = 11.54%; 10万/(520万 + 10万) = 1.89%: both consistent
  silent('全年城镇新增就业5.8万人，比上年增加0.6万人，增长11.5%。');
  silent('全市常住人口520万人，比上年减少10万人，下降1.9%。');
  const up = one('全年城镇新增就业5.8万人，比上年增加0.6万人，增长25%。');
  assert.equal(up.severity, 'warning');
  assert.match(up.message.en, /0\.6万\/\(5\.8万 − 0\.6万\) = 11\.54% ≠ 25%/);
  assert.deepEqual(
    up.related?.map((r) => r.message.en),
    ['The increase', 'The new figure'],
  );
  assert.match(one('全市常住人口520万人，比上年减少10万人，下降5%。').message.en, /10万\/\(520万 \+ 10万\) = 1\.89% ≠ 5%/);
  // a change in one direction and a rate in the other is not a relation this check reads
  silent('全市常住人口520万人，比上年减少10万人，增长5%。');
});

test('比上年增长N%，上年为X: the previous year’s figure stated after the growth is the old one', () => {
  silent('规模以上工业企业利润总额186亿元，比上年增长16.3%，上年为160亿元。');
  silent('营业收入52亿元，同比下降20%，上年同期为65亿元。');
  silent('就业率95%，比上年提高2个百分点，上年为93%。');
  const text = '规模以上工业企业利润总额186亿元，比上年增长12%，上年为160亿元。';
  const f = one(text);
  assert.match(f.message.en, /\(186亿 − 160亿\)\/160亿 = 16\.25% ≠ 12%/);
  assert.equal(text.slice(f.start, f.end), '186亿元，比上年增长12%，上年为160亿元');
  assert.match(one('收入52亿元，同比下降10%，上年同期为65亿元。').message.en, /= 20% ≠ 10%/);
  // another figure after the growth is not the previous year's
  silent('利润总额186亿元，比上年增长12%，其中制造业160亿元。');
});

test('a share of something else between the figures, years after 到, concentrations', () => {
  silent('全年收入3562.8亿元，为预算的101.2%，比上年的3373.9亿元增长5.6%。');
  assert.match(one('全年收入3562.8亿元，为预算的101.2%，比上年的3373.9亿元增长8.6%。').message.en, /5.6% ≠ 8.6%/);
  silent('农民收入由2015年的2846元提高到2020年的9718元，增长了2.4倍。');
  const slip = one('农民收入由2015年的2846元提高到2020年的9718元，增长了3.4倍。');
  assert.equal(slip.severity, 'information');
  assert.match(slip.message.en, /"增长了3.4倍" means ×4.4/);
  silent('二氧化硫平均浓度为9微克/立方米，比上年的10微克/立方米下降10.0%。');
  assert.match(one('二氧化硫平均浓度为9微克/立方米，比上年的10微克/立方米下降30.0%。').message.en, /\(10 − 9\)\/10 = 10% ≠ 30.0%/);
});

test('the 增加了/增加到 slip is suggested only when the figures as written give it', () => {
  const f = one('产值由2020年的2亿元增加到5亿元，增长4倍。');
  assert.equal(f.severity, 'warning');
  assert.doesNotMatch(f.message.en, /增加到4倍/);
});

test('the 比 of a ratio’s name (之比, 比率) compares nothing; a ； ends the statement a new figure is looked for in', () => {
  silent('全省共投入R&D经费4411.9亿元，比上年增长10.2%；R&D经费投入强度（与地区生产总值之比）为3.42%，比上年提高0.16个百分点。');
  silent('PM2.5年均浓度下降35.4%；优良天数比率由2018年的68.0%提高到2022年的79.0%，提高11.0个百分点。');
  assert.match(one('优良天数比率由2018年的68.0%提高到2022年的79.0%，提高12.0个百分点。').message.en, /79\.0% − 68\.0% = 11 ≠ 12\.0/);
  assert.match(
    one('全省R&D经费投入强度（与地区生产总值之比）为3.42%，比上年的3.26%提高0.26个百分点。').message.en,
    /3\.42% − 3\.26% = 0\.16 ≠ 0\.26/,
  );
});

test('a yearly average rate, a figure in a bracketed formula, and a change of another year are not compared', () => {
  silent('人均可支配收入由2012年的1.5万元增长到2022年的3.7万元，年均增长9.5%。');
  silent('小型微利企业实际税负为5%（25%×20%），较法定税率25%降低20个百分点。');
  assert.match(one('小型微利企业实际税负为5%（25%×20%），较法定税率25%降低15个百分点。').message.en, /25% − 5% = 20 ≠ 15/);
  silent('学校2023年研究生招生总数为4386人，2024年比上年增加234人，增长5.3%。');
  assert.equal(one('学校2023年招生总数为4386人，比上年增加234人，增长6.3%。').severity, 'warning');
});

test('上涨 and 下跌 are growth verbs', () => {
  assert.match(one('猪肉价格为每公斤30.2元，比上年的27.5元上涨3.2%。').message.en, /9\.82% ≠ 3\.2%/);
  silent('猪肉价格为每公斤30.2元，比上年的27.5元上涨9.8%。');
});

test('a text in traditional characters is checked as its simplified reading (億, 較, 上升)', () => {
  assert.match(one('按名義計算為30,235億元，較二〇二二年的28,278億元上升9.6%。').message.en, /6\.92% ≠ 9\.6%/);
  silent('按名義計算為30,235億元，較二〇二二年的28,278億元上升6.9%。');
});

test('a growth of a total the text does not write out (总数比…增长) is not the last figure’s', () => {
  silent('全市已培育国家级专精特新企业296家、省级专精特新中小企业2517家，总数比2022年底的2181家增长29.0%。');
});

test('翻一番 and 翻两番 say ×2 and ×4; only a ratio well away from it is reported, as information', () => {
  const found = one('全市新能源汽车保有量达到12.6万辆，比2020年的8.4万辆翻了一番。');
  assert.equal(found.severity, 'information');
  assert.match(found.message.en, /12\.6万\/8\.4万 = 1\.5 ≠ 2/);
  silent('全市新能源汽车保有量达到16.8万辆，比2020年的8.4万辆翻了一番。');
  silent('全市地区生产总值达到4000亿元，比2010年的1000亿元翻了两番。');
  silent('全市地区生产总值达到1900亿元，比2010年的1000亿元翻了一番。');
  silent('力争实现居民收入翻一番的目标。');
});

test('翻了一番多 is more than doubled', () => {
  silent('全市粮食产量达到150万吨，比上年的50万吨翻了一番多。');
});
