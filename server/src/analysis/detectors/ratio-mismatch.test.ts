import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../context';
import { ratioMismatch } from './ratio-mismatch';

const run = (text: string) => ratioMismatch.detect(new AnalysisContext(text, {}));
const silent = (text: string) => assert.deepEqual(run(text), [], text);
const one = (text: string) => {
  const found = run(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0]!;
};

test('a share that matches part/whole within rounding is silent', () => {
  silent('技能人才达到375万人,其中高技能人才102.5万人,占技能人才总数的27.3%。');
  silent('全省技能人才达到1200万人，其中高技能人才360万人，占技能人才总数的30%。');
  silent('全年教育经费投入85.6亿元，其中职业教育经费12.3亿元，占总额的14.4%。');
  // 2/3 = 66.67%: rounded (66.7%, 67%) or truncated (66.6%) is fine
  for (const stated of ['66.7%', '67%', '66.6%', '66.67%']) silent(`全县共有中职学校3所，其中公办学校2所，占比${stated}。`);
});

test('a share that contradicts part/whole reports the computed ratio', () => {
  const text = '全省技能人才达到1200万人，其中高技能人才360万人，占技能人才总数的40%。';
  const f = one(text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message.en, /360万\/1200万 = 30% ≠ 40%/);
  assert.match(f.message.zh, /360万\/1200万 = 30% ≠ 40%/);
  assert.equal(text.slice(f.start, f.end), '40%');
  assert.deepEqual(f.fixes, []);
  assert.deepEqual(
    f.related!.map((r) => text.slice(r.start, r.end)),
    ['360万人', '1200万人'],
  );
  // one digit past the rounding of 2/3
  assert.match(one('全县共有中职学校3所，其中公办学校2所，占比66.5%。').message.en, /2\/3 = 66.67% ≠ 66.5%/);
  assert.match(one('技能人才达到375万人,其中高技能人才102.5万人,占技能人才总数的35%。').message.en, /102.5万\/375万 = 27.33% ≠ 35%/);
});

test('without a named whole the nearest count of the same unit is used, and a mismatch is only information', () => {
  silent('全市共有技工院校51所，其中技师学院20所，占比39.2%。');
  const f = one('全市共有技工院校51所，其中技师学院20所，占比45%。');
  assert.equal(f.severity, 'information');
  assert.match(f.message.en, /20\/51 = 39.22% ≠ 45%/);
});

test('comparison bases and multiples between part and 占比 are skipped (seed 003 shape)', () => {
  const head = '2023年我市技能人才数量达到530万人,比2010年的230万人增加了1.3倍;高技能人才超过168万名,比2010年的61万名增加了1.75倍,';
  silent(`${head}占比31.7%、稳居西部第一。`);
  const f = one(`${head}占比35%、稳居西部第一。`);
  assert.match(f.message.en, /168万\/530万 = 31.7% ≠ 35%/);
});

test('the whole is found by its name in an earlier paragraph (seed 004 shape)', () => {
  const text =
    '全市技工院校开设专业数124个，开办专业点414个，现有教职员工4500余人。\n\n校企合作起来\n\n其中对接重点产业的专业点305个,占专业点总数73.7%，建立系部13所。';
  silent(text);
  const f = one(text.replace('73.7%', '80%'));
  assert.equal(f.severity, 'information');
  assert.match(f.message.en, /305\/414 = 73.67% ≠ 80%/);
});

test('Chinese numerals and other units', () => {
  silent('全区共有专业点四百一十四个，其中对接产业的专业点三百零五个，占专业点总数的73.7%。');
  one('全区共有专业点四百一十四个，其中对接产业的专业点三百零五个，占专业点总数的63.7%。');
  silent('全年培训32000人次，其中线上培训8000人次，占培训总量的25%。');
});

test('column breaks and stray spaces do not hide the sentence (seed 000 shape)', () => {
  const text = '全市技能人\n\n才达到375万人,其中\n\n高技能人才102.5万\n\n人,占技能人才总数\n\n的 27.3%, 高于全国';
  silent(text);
  const bad = text.replace('27.3%', '37.3%');
  const f = one(bad);
  assert.equal(f.severity, 'warning');
  assert.equal(bad.slice(f.start, f.end), '37.3%');
});

test('percentages that are not shares of a stated whole are left alone', () => {
  silent('全市在校生9.9万人，同比增长12%。');
  silent('毕业生就业率保持在98%以上，专业对口率达到88%以上。');
  silent('全区在校生9.9万人，占全省的12%。');
  silent('数字经济增加值占全市GDP比重突破45%。');
  // the whole is named but nowhere stated as a figure
  silent('其中高技能人才102.5万人，占技能人才总数的37.3%。');
  // a different unit in between: the sentence moved on
  silent('全市共有技工院校51所，投入资金3亿元，其中技师学院20所，占比45%。');
});

test('parts listed after 其中, each with its share, are all shares of the whole before 其中', () => {
  silent('全年接待游客8600万人次，其中省外游客3200万人次，占比37.2%；入境游客12万人次，占0.14%。');
  const found = one('全年接待游客8600万人次，其中省外游客3200万人次，占比37.2%；入境游客12万人次，占0.5%。');
  assert.equal(found.severity, 'information');
  assert.match(found.message.en, /12万\/8600万 = 0\.14% ≠ 0\.5%/);
});

test('an aside in brackets after the share’s name does not hide the whole (占常住人口比重（城镇化率）为)', () => {
  silent('年末全市常住人口612.8万人。其中，城镇常住人口420.6万人，占常住人口比重（常住人口城镇化率）为68.6%。');
  const found = one('年末全市常住人口612.8万人。其中，城镇常住人口420.6万人，占常住人口比重（常住人口城镇化率）为69.6%。');
  assert.equal(found.severity, 'warning');
  assert.match(found.message.en, /420\.6万\/612\.8万 = 68\.64% ≠ 69\.6%/);
});

test('占比达到 names no whole: the verb is not taken for the name of one paragraphs back', () => {
  silent('在校生规模达到3.6万人，其中三年制中职在校生2.8万人。\n全区职业院校专任教师2150人，“双师型”教师占比达到55%。');
  silent('全区职业院校专任教师2150人，“双师型”教师占比已达55%。');
});

test('a figure per head, or one smaller than the part, is not the named whole (statistical bulletin shape)', () => {
  const text =
    '全年全市地区生产总值（GDP）6523.8亿元，比上年增长5.6%。人均地区生产总值98562元，比上年增长5.3%。\n' +
    '全年研究与试验发展（R&D）经费支出162.4亿元，占地区生产总值的比重为2.49%。';
  silent(text);
  // the whole is then the total itself, bracketed abbreviation and all
  const f = one(text.replace('2.49%', '3.49%'));
  assert.match(f.message.en, /162.4亿\/6523.8亿 = 2.489% ≠ 3.49%/);
  // a whole that can hold the part is preferred to a nearer one below it; alone, one below it is still used
  silent('全市共有学校3750所，2020年共有学校375所。其中民办学校1020所，占学校总数的27.2%。');
  assert.match(one('全市共有学校375所。其中民办学校1020所，占学校总数的27.2%。').message.en, /1020\/375 = 272% ≠ 27.2%/);
});

test('分别占: each share goes with the part in the same place, against the named whole; unnamed, the parts are left to shares-sum', () => {
  silent('其中男性4800人，女性5200人，分别占48%和52%。');
  silent('签订协议和合同就业3512人，升学986人，自主创业88人，灵活就业425人，分别占70.09%、19.68%、1.76%和8.48%。');
  const text = '全市已就业毕业生5000人，其中协议就业3500人，升学1000人，分别占已就业毕业生的70%、20%。';
  silent(text);
  const f = one(text.replace('20%。', '25%。'));
  assert.match(f.message.en, /1000\/5000 = 20% ≠ 25%/);
});

test('a name right before 占比 names the part (省内转移占比), not the last count before it', () => {
  const text = '全年农村劳动力转移就业2658.3万人，其中省内转移1520.6万人、省外输出1137.7万人，省内转移占比57.2%。';
  silent(text);
  assert.match(one(text.replace('57.2%', '67.2%')).message.en, /1520.6万\/2658.3万 = 57.2% ≠ 67.2%/);
});

test('the whole named at the start of a long 由…增加到 clause is the new figure after 到', () => {
  const text = '一般公共预算收入由上年的62.0亿元增加到72.5亿元，增长16.9%，其中税收收入55.1亿元，占一般公共预算收入的76.0%。';
  silent(text);
  assert.match(one(text.replace('76.0%', '67.0%')).message.en, /55.1亿\/72.5亿 = 76% ≠ 67.0%/);
});

test('the urbanisation rate is the urban population over the whole, stated without 占', () => {
  silent('年末常住人口936.0万人，其中城镇常住人口599.6万人，常住人口城镇化率为64.06%。');
  assert.match(
    one('年末常住人口936.0万人，其中城镇常住人口599.6万人，常住人口城镇化率为66.04%。').message.en,
    /599.6万\/936.0万 = 64.06% ≠ 66.04%/,
  );
  // a rate with nothing before it to check it by, or only the urban population, is left alone
  silent('全省常住人口城镇化率为66.04%。');
  silent('城镇常住人口599.6万人，城镇化率为66.04%。');
});

test('a whole stated inside the 占 phrase (占全省地区生产总值82553亿元的13.0%)', () => {
  const text = '数字经济核心产业增加值达到9867亿元，同比增长10.1%，占全省地区生产总值82553亿元的11.95%。';
  silent(text);
  assert.match(one(text.replace('11.95%', '13.0%')).message.en, /9867亿\/82553亿 = 11.95% ≠ 13.0%/);
});

test('parts with their shares in brackets (医院38.12万张（占81.4%）) are shares of the total, not of each other', () => {
  silent('床位46.83万张，其中：医院38.12万张（占81.4%），基层医疗卫生机构6.95万张（占14.8%），专业公共卫生机构1.59万张（占3.4%）。');
  // a 其中 sentence breaks down the total of the sentence before
  assert.match(
    one('总诊疗人次4.86亿人次。其中：医院2.18亿人次（占43.8%），基层医疗卫生机构2.58亿人次（占53.1%）。').message.en,
    /2\.18亿\/4\.86亿/,
  );
  assert.match(one('项目共1026个。其中，交通运输项目312个，占31.4%；市政项目421个，占41.0%。').message.en, /312\/1026/);
  // …but not a list's last item there (…、东北地区70个。其中…), nor a figure smaller than the part
  silent('项目共1026个。分地区看，东部地区286个、中部地区312个、西部地区358个、东北地区70个。其中，交通运输项目312个，占30.4%。');
});

test('a list sibling is no whole; a whole wider than the text (占全国…) is looked for by name; bounds naming categories are no parts', () => {
  silent('学校共有学生2865人，其中男生1500人、女生1365人，占47.6%。');
  assert.match(one('学校共有学生2865人，其中男生1500人、女生1365人，占57.6%。').message.en, /1365\/2865/);
  silent('全省新建住房5000套，其中保障房1500套，占全国总量的2.1%。');
  assert.match(one('全国新建住房5000万套，全省新建住房100万套，占全国的3%。').message.en, /100万\/5000万/);
  silent('从户型结构看，90平方米以下住宅成交占38.5%，90至144平方米住宅成交占47.2%，144平方米以上住宅成交占14.3%。');
});

test('a rate named by what it counts (整改率) is that count over the one before it', () => {
  assert.match(one('全年排查一般事故隐患4.52万项，已整改4.47万项，整改率89.9%。').message.en, /4\.47万\/4\.52万 = 98\.89% ≠ 89\.9%/);
  silent('全年排查一般事故隐患4.52万项，已整改4.47万项，整改率98.9%。');
  assert.match(one('全市1862项政务服务事项中，可网上办理的1836项，网上可办率96.8%。').message.en, /1836\/1862/);
  // a rate named by something the counts do not say (结案率 after 审结) is left alone
  silent('共受理案件186.42万件，审结171.35万件，结案率91.9%。');
});

test('siblings in a ；list or with a share of their own are no wholes; the urban population’s label is its own; 占全省 is another whole', () => {
  silent('共转办2915件。其中，大气污染1046件，占35.9%；水污染702件；噪声污染486件，占16.7%；固体废物污染398件，占13.7%。');
  silent('大气污染1046件，占35.9%；噪声污染486件，占16.79/6；固体废物污染398件，占13.7%。');
  silent('全市常住人口1200万人，其中城镇人口780万人、农村人口420万人，城镇化率65.0%。');
  assert.match(one('全市常住人口1200万人，其中城镇人口780万人、农村人口420万人，城镇化率60.0%。').message.en, /780万\/1200万/);
  silent('全市共有企业500家，其中高新技术企业120家，占全省的15.0%。');
});

test('a part with its growth and then its share is a sibling; 占出口总值 names 出口; a part named but not given (稻谷产量占…) is not the last count', () => {
  const trade =
    '全年进出口总值6307.2亿元，增长9.5%。其中，出口4012.6亿元，增长11.3%，占进出口总值的63.6%；进口2294.6亿元，增长6.5%，占36.4%。';
  silent(trade);
  assert.match(one(trade.replace('占36.4%', '占46.4%')).message.en, /2294\.6亿\/6307\.2亿/);
  silent('全年出口4012.6亿元。机电产品出口2856.9亿元，增长14.7%，占出口总值的71.2%。');
  silent(
    '早稻产量531.2万吨，中稻和一季晚稻产量1546.8万吨，双季晚稻产量712.5万吨，稻谷产量占粮食总产量3068.0万吨的比重为91.0%。'.replace(
      '粮食总产量3068.0万吨的',
      '粮食总产量的',
    ),
  );
});
