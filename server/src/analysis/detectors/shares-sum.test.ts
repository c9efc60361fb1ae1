import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../context';
import { sharesSum } from './shares-sum';

const run = (text: string) => sharesSum.detect(new AnalysisContext(text, {}));
const silent = (text: string) => assert.deepEqual(run(text), [], text);
const one = (text: string) => {
  const found = run(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0]!;
};

const SEED_004 =
  '毕业生就业的区域及占比为重庆主城50.58%、重庆周边26.04%、北上广等经济发达地区19.87%、学校所在区县及周边3.51%80%以上的技校毕业生服务在重庆市及周边区域。';

test('shares that sum to 100 are silent, an OCR-fused next figure is not added (seed 004)', () => {
  silent(SEED_004);
  silent('三次产业占比分别为7.3%、40.1%、52.6%。');
  silent('学生生源构成为：本市62%，省内其他地区30%，省外8%。');
  silent('男女生比例为男生52%、女生48%。');
});

test('rounding of n shares is allowed: 33%+33%+33% and 33.3%×3', () => {
  silent('三类学校占比分别为33%、33%、33%。');
  silent('三类学校占比分别为33.3%、33.3%、33.3%。');
  // 99.9 at two decimals is within what publications leave
  silent('就业去向占比为升学30.25%、就业60.25%、其他9.4%。');
  // 99.5, but the integer 9% may stand for anything up to 9.5%
  silent('就业去向占比为升学30.25%、就业60.25%、其他9%。');
});

test('shares that do not sum to 100 report the computed sum', () => {
  const text = '三次产业占比分别为7.3%、40.1%、48.6%。';
  const f = one(text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message.en, /7.3%\+40.1%\+48.6% = 96% ≠ 100%/);
  assert.match(f.message.zh, /= 96% ≠ 100%/);
  assert.equal(text.slice(f.start, f.end), '7.3%、40.1%、48.6%');
  assert.deepEqual(f.fixes, []);
  const over = one('毕业生就业的区域及占比为重庆主城54.58%、重庆周边26.04%、发达地区19.87%、所在区县3.51%。');
  assert.equal(over.severity, 'warning');
  assert.match(over.message.en, /54.58%\+26.04%\+19.87%\+3.51% = 104% ≠ 100%/);
  // just beyond rounding: information
  const near = one('就业去向占比为升学30.25%、就业60.25%、其他9.0%。');
  assert.equal(near.severity, 'information');
  assert.match(near.message.en, /= 99.5% ≠ 100%/);
});

test('lists that are not shares of one whole are not summed', () => {
  silent('毕业生就业率98%、专业对口率88%、企业满意度90%。');
  silent('各季度增速分别为12%、15%、9%。');
  silent('其中数字经济增加值占比45%，制造业占比30%。');
  silent('占比分别为50%以上、30%左右。');
  // an open list can fall short of 100
  silent('生源构成为本市62%、省内其他地区20%等。');
  // a single share
  silent('全市战略性新兴产业增加值占规上工业比重为32.2%。');
});

test('column breaks inside the list are ignored and the span maps back', () => {
  const text = '就业的区域及占比为重庆主城50.58%、重庆周\n\n边26.04%、北上广等经济发达地区19.87%、学校所在区县及周边3.51%';
  silent(text);
  const bad = text.replace('26.04%', '22.04%');
  const f = one(bad);
  assert.equal(bad.slice(f.start, f.end), '重庆主城50.58%、重庆周\n\n边22.04%、北上广等经济发达地区19.87%、学校所在区县及周边3.51%');
});

test('a structure written as a ratio (三次产业结构为a:b:c) is a list of shares when it adds up to about 100', () => {
  const codes = (text: string) => run(text).map((f) => `${f.severity} ${text.slice(f.start, f.end)}`);
  assert.deepEqual(codes('三次产业结构为5.5:40.6:53.9。'), []);
  assert.deepEqual(codes('三次产业结构由上年的6.6:41.2:52.2调整为6.4:41.5:52.1。'), []);
  assert.deepEqual(codes('三次产业结构由上年的6.6:41.2:52.2调整为6.4:41.5:55.1。'), ['warning 6.4:41.5:55.1']);
  assert.deepEqual(codes('三次产业结构为6.4:41.5:53.1。'), ['information 6.4:41.5:53.1']);
  // ratios that are not shares of 100, and ratios not named a structure, are left alone
  assert.deepEqual(codes('投资结构比为1:2:3，男女比例为1.05:1，比分为30:25:28。'), []);
});

test('其中 after a share opens a breakdown of it, not another share of the whole', () => {
  silent('“双师型”教师占比达到55%，其中具有硕士以上学位的教师占25%，具有高级职称的教师占35%。');
  // shares listed after 占比为 still add up
  one('就业的区域占比为重庆主城50%、重庆周边26%、发达地区19%。');
});

test('a conjunction before the last share keeps it in the list (分别占42%、35%和28%)', () => {
  silent('从资金来源看，财政资金、社会资本和赞助收入分别占42%、35%和23%。');
  assert.match(one('从资金来源看，财政资金、社会资本和赞助收入分别占42%、35%和28%。').message.en, /42%\+35%\+28% = 105% ≠ 100%/);
  // labelled items joined the same way
  assert.match(one('就业去向占比为主城区50%、周边区县26%以及外省14%。').message.en, /50%\+26%\+14% = 90% ≠ 100%/);
});

test('a list after 分别占 whose first label names the whole (已就业毕业生的) is a list of bare shares', () => {
  silent('分别占已就业毕业生的70.09%、19.68%、1.76%和8.48%。');
  assert.match(one('分别占已就业毕业生的70.09%、16.98%、1.76%和8.48%。').message.en, /= 97.31% ≠ 100%/);
});

test('shares of parts whose labels divide a whole between them (省内/省外, 男/女, 城镇/农村) sum to 100%', () => {
  silent('江苏省内安排计划4320人，占60.0%；省外安排计划2880人，占40.0%。');
  assert.match(one('江苏省内安排计划4320人，占60.0%；省外安排计划2880人，占42.0%。').message.en, /60.0%\+42.0% = 102% ≠ 100%/);
  assert.match(one('其中男生600人，占60%，女生300人，占30%。').message.en, /60%\+30% = 90% ≠ 100%/);
  // parts that do not cover the whole (东部 and 西部 without 中部 and 东北) may leave shares out
  silent('东部地区1200人，占40%；西部地区900人，占30%。');
});

test('所占比重分别为 is one share intro (not 占比 and a label 重分别为)', () => {
  assert.match(one('基础研究、应用研究和试验发展经费所占比重分别为6.3%、9.4%和86.2%。').message.en, /= 101\.9% ≠ 100%/);
  silent('基础研究、应用研究和试验发展经费所占比重分别为6.3%、11.3%和82.4%。');
});

test('after a breakdown’s opening (从…看), three or more clauses of shares cover the whole', () => {
  assert.equal(one('从事故原因看，违章作业引发的事故占46.5%，设备设施缺陷引发的占22.1%，安全管理缺失引发的占34.1%。').severity, 'warning');
  assert.equal(one('从户型结构看，小户型住宅成交占38.5%，中户型住宅成交占42.7%，大户型住宅成交占14.3%。').severity, 'information');
  silent('从户型结构看，小户型住宅成交占38.5%，中户型住宅成交占47.2%，大户型住宅成交占14.3%。');
  // the largest parts only, or no breakdown's opening: nothing to sum
  silent('从行业看，制造业占35.2%，批发零售业占20.1%，建筑业占15.3%。');
  silent('出口占30%，进口占20%，加工贸易占10%。');
});

test('shares of parts the text names one by one may leave a part out: only a sum beyond the whole is reported', () => {
  silent('企业、政府属研究机构、高等学校经费所占比重分别为86.1%、5.4%和7.4%。');
  assert.match(one('基础研究、应用研究和试验发展经费所占比重分别为6.3%、9.4%和86.2%。').message.en, /101\.9%/);
});

test('clauses of shares whose last names the rest cover the whole, with or without an opening', () => {
  const text = '毕业生中，到制造业就业的占46.2%，到服务业就业的占38.5%，到其他行业就业的占15.3%。';
  assert.deepEqual(run(text), []);
  const off = run(text.replace('15.3%', '16.3%'));
  assert.equal(off.length, 1);
  assert.match(off[0]!.message.en, /46\.2%\+38\.5%\+16\.3% = 101% ≠ 100%/);
  // short of the whole too: the rest is named, so nothing is left out
  const short = run('受访企业中，用工增加的占35%，持平的占40%，其余占15%。');
  assert.equal(short.length, 1);
  assert.equal(short[0]!.severity, 'warning');
  // without a named rest, two clauses may be any two of many parts
  assert.deepEqual(run('受访企业中，用工增加的占35%，持平的占40%。'), []);
});
