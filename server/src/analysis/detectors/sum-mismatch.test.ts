import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../context';
import { sumMismatch } from './sum-mismatch';

const run = (text: string) => sumMismatch.detect(new AnalysisContext(text, {}));
const silent = (text: string) => assert.deepEqual(run(text), [], text);
const one = (text: string) => {
  const found = run(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0]!;
};

test('a bracketed breakdown that adds up is silent', () => {
  silent('建成大师工作室20个(国家级4个、省部级10个、 市级2个、公司级4个)。');
  silent('建成实训基地十二个（国家级三个、市级九个）。');
  silent('投入资金1.5亿元（中央财政8000万元、市级财政7000万元）。');
  silent('培训学员3.2万人次（线上1.9万人次、线下1.3万人次）。');
});

test('a bracketed breakdown that does not add up reports the computed sum', () => {
  const f = one('建成大师工作室20个(国家级4个、省部级10个、市级2个、公司级5个)。');
  assert.equal(f.severity, 'warning');
  assert.match(f.message.en, /4\+10\+2\+5 = 21 ≠ 20/);
  assert.match(f.message.zh, /4\+10\+2\+5 = 21 ≠ 20/);
  assert.deepEqual(f.fixes, []);
  const text = '建成大师工作室20个(国家级4个、省部级10个、市级2个、公司级5个)。';
  assert.equal(text.slice(f.start, f.end), '20个(国家级4个、省部级10个、市级2个、公司级5个)');
  assert.equal(text.slice(f.related![0]!.start, f.related![0]!.end), '20个');
});

test('Chinese numerals and 万 magnitudes are added as values', () => {
  assert.match(one('建成实训基地十二个（国家级三个、市级十个）。').message.en, /3\+10 = 13 ≠ 12/);
  assert.match(one('投入资金1.5亿元（中央财政8000万元、市级财政8000万元）。').message.en, /8000万\+8000万 = 1.6亿 ≠ 1.5亿/);
});

test('rounded figures are compared within their rounding', () => {
  // 2.4万 + 1.3万 = 3.7万 against 3.6万: each of the three may be off by 500, so 3.7万 cannot be 3.6万 only if the gap exceeds 1500
  silent('共有在校生3.6万人（中职2.4万人、高职1.3万人）。');
  one('共有在校生3.6万人（中职2.4万人、高职1.5万人）。');
});

test('approximate parts or totals widen the check', () => {
  silent('建成基地20余个（国家级4个、市级18个）。');
  one('建成基地近20个（国家级4个、市级18个）。');
});

test('其中 with two or more parts of the same unit is a breakdown', () => {
  silent('全区共有学校51所，其中技师学院20所、高级技工学校15所、技工学校16所。');
  const over = one('全区共有学校51所，其中技师学院20所、高级技工学校25所、技工学校16所。');
  assert.equal(over.severity, 'warning');
  assert.match(over.message.en, /20\+25\+16 = 61 ≠ 51/);
  // short of the total after 其中: a category may have been left out, so only information
  const short = one('全区共有学校51所，其中技师学院20所、高级技工学校15所、技工学校10所。');
  assert.equal(short.severity, 'information');
  assert.match(short.message.zh, /20\+15\+10 = 45 ≠ 51/);
  // parts after commas stop where their labels stop running parallel (企业…企业 | 单位): what was read is not all
  silent('全市2.1万人实现就业，其中国有企业0.8万人，民营企业1.1万人，机关事业单位0.3万人。');
  // the unlisted rest outweighs every listed part: a few notable kinds, not a list of all
  silent('全市共有卫生机构4567个，其中医院234个，卫生院123个。');
  // a rest no larger than a part may be a category left out: still noted
  assert.equal(one('全市共有卫生机构600个，其中医院234个、卫生院123个、诊所200个。').severity, 'information');
});

test('其中 … 分别 lists are read label by label', () => {
  silent('共有院校51所，其中技师学院、高级技工学校分别为20所、31所。');
  assert.match(one('共有院校51所，其中技师学院、高级技工学校分别为20所、35所。').message.en, /20\+35 = 55 ≠ 51/);
});

test('a single part after 其中 is only checked against the total', () => {
  silent('技能人才达到375万人,其中高技能人才102.5万人,占技能人才总数的27.3%。');
  silent('家庭经济困难学生12616人，其中建档立卡贫困学生354人。');
  const f = one('家庭经济困难学生1261人，其中建档立卡贫困学生3540人。');
  assert.match(f.message.en, /3540 is larger than the total 1261/);
});

test('open lists and unrelated units are not summed', () => {
  silent('共有院校51所，其中技师学院20所、高级技工学校15所等。');
  silent('建成基地20个（含国家级4个）。');
  silent('培训教师363人次，其中骨干教师25名、带头人10名。');
  silent('建成基地20个（投资3000万元、占地200亩）。');
  // a comma starts another clause unless the labels run parallel
  silent('共有学生1000人，其中男生600人，参加培训人数800人。');
  one('共有学生1000人，其中男生600人，女生500人。');
});

test('column breaks and stray spaces inside the sentence are ignored, offsets map back', () => {
  const text = '建成大师工\n\n作室20个(国家级4个、省部级10个、\n市级2个、公司级5个)';
  const f = one(text);
  assert.equal(text.slice(f.start, f.end), '20个(国家级4个、省部级10个、\n市级2个、公司级5个)');
});

test('a bulletin’s breakdown in the next sentence (…，比上年增加N。其中，A…，B…，其他…) is checked against its total', () => {
  const total = '全年粮食播种面积385.6千公顷，比上年增加2.1千公顷。';
  silent(`${total}其中，稻谷播种面积120.3千公顷，小麦播种面积140.2千公顷，玉米播种面积98.7千公顷，其他粮食作物26.4千公顷。`);
  const found = one(`${total}其中，稻谷播种面积120.3千公顷，小麦播种面积140.2千公顷，玉米播种面积98.7千公顷，其他粮食作物36.4千公顷。`);
  assert.equal(found.severity, 'warning');
  assert.match(found.message.en, /120\.3千\+140\.2千\+98\.7千\+36\.4千 = 395\.6千 ≠ 385\.6千/);
  // another count in the first sentence: 其中 may belong to it, so nothing is assumed
  silent('全市共有学校100所，学生5万人。其中，小学60所、中学50所。');
  // a single part after 其中 only has to stay below the total
  silent('年末全市常住人口612.8万人，比上年末增加3.5万人。其中，城镇常住人口420.6万人。');
  one('年末全市常住人口612.8万人，比上年末增加3.5万人。其中，城镇常住人口620.6万人。');
});

test('a bulletin’s breakdown by the three industries (分产业看，…；…；…) adds up to its total', () => {
  const text = (total: string) =>
    `全年地区生产总值${total}亿元，按不变价格计算，比上年增长5.6%。分产业看，第一产业增加值312.5亿元，增长3.8%；第二产业增加值2015.3亿元，增长6.1%；第三产业增加值2532.4亿元，增长5.4%。`;
  silent(text('4860.2'));
  const found = one(text('4870.2'));
  assert.equal(found.severity, 'warning');
  assert.match(found.message.en, /312\.5亿\+2015\.3亿\+2532\.4亿 = 4860\.2亿 ≠ 4870\.2亿/);
  // a part of a part (其中农业…) is not a part of the total
  silent(
    '全年地区生产总值4860.2亿元，比上年增长5.6%。分产业看，第一产业增加值312.5亿元，其中农业增加值200.1亿元；第二产业增加值2015.3亿元，增长6.1%；第三产业增加值2532.4亿元，增长5.4%。',
  );
  // growth rates by industry are not parts of the total
  silent('全年地区生产总值4870.2亿元，比上年增长5.6%。分产业看，第一产业增长3.8%，第二产业增长6.1%，第三产业增长5.4%。');
});

test('a total stated after its parts (…、…，合计/共计/共 N) is their sum', () => {
  silent('新建学校3所、改扩建学校5所，合计8所。');
  silent('全市有小学30所、中学20所，共50所。');
  silent('全年力争汽车报废更新3.5万辆、置换更新5万辆，合计8.5万辆。');
  const text = '为此，新建学校3所、改扩建学校5所，合计10所。';
  const f = one(text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message.en, /3\+5 = 8 ≠ 10/);
  assert.equal(text.slice(f.start, f.end), '3所、改扩建学校5所，合计10所');
  assert.equal(text.slice(f.related![0]!.start, f.related![0]!.end), '10所');
  assert.match(one('全年力争汽车报废更新3.5万辆、置换更新5万辆，合计9.5万辆。').message.en, /3\.5万\+5万 = 8\.5万 ≠ 9\.5万/);
  assert.match(one('一是新建学校3所，二是改扩建学校5所，共计10所。').message.en, /3\+5 = 8 ≠ 10/);
});

test('not a total of the parts: cumulative figures, another unit, a label before the total, an open or a one-part list', () => {
  // 累计 adds the years before; 共有学校 names the stock of schools, not the sum of this year's
  silent('今年新建学校3所、改扩建学校5所，累计建成学校100所。');
  silent('今年新建学校3所、改扩建学校5所，全市共有学校200所。');
  silent('新建学校3所、改扩建学校5所，共惠及学生1000人。');
  silent('新建学校3所、改扩建学校5所等，合计10所。');
  silent('新建学校3所，共10所。');
  // approximately 10 allows 8
  silent('新建学校3所、改扩建学校5所，共计约10所。');
  // after a comma the parts must run parallel (学校 | 人)
  silent('新建学校3所，培训教师500人，改扩建学校5所，合计10所。');
});

test('a bulletin’s breakdown by the three industries may open with 其中 (其中，第一产业增加值…，增长…；…)', () => {
  const sentence = (total: string) =>
    `全年全市地区生产总值${total}亿元，按不变价格计算，比上年增长6.2%。其中，第一产业增加值245.6亿元，增长4.1%；第二产业增加值1123.4亿元，增长7.3%；第三产业增加值1387.3亿元，增长5.8%。`;
  silent(sentence('2756.3'));
  assert.match(one(sentence('2856.3')).message.en, /245\.6亿\+1123\.4亿\+1387\.3亿 = 2756\.3亿 ≠ 2856\.3亿/);
  // 其中 before something other than the first industry stays a 其中 list
  silent('全年一般公共预算收入186.5亿元，比上年增长8.2%。其中，税收收入128.7亿元，增长6.1%。');
});

test('a bulletin’s breakdown by town and country or by region names every part (分城乡看，城镇…；乡村…)', () => {
  const sentence = (rural: string) =>
    `全年社会消费品零售总额2100.5亿元，比上年增长7.6%。分城乡看，城镇消费品零售额1800.2亿元，增长7.4%；乡村消费品零售额${rural}亿元，增长8.9%。`;
  silent(sentence('300.3'));
  assert.match(one(sentence('400.3')).message.en, /1800\.2亿\+400\.3亿 = 2200\.5亿 ≠ 2100\.5亿/);
  // regions given by their growth only are no parts
  silent('全年固定资产投资1200亿元，增长5%。分区域看，东部地区投资增长4.1%，中部地区增长6.2%，西部地区增长5.5%。');
});

test('a figure of another kind between the total and 其中 does not hide the total', () => {
  const found = one('全市共举办招聘活动2150场，提供岗位86.5万个，其中，线上招聘1200场，线下招聘850场。');
  assert.match(found.message.en, /1200\+850 = 2050 ≠ 2150/);
  silent('全市共举办招聘活动2050场，提供岗位86.5万个，其中，线上招聘1200场，线下招聘850场。');
  // a figure of the same kind between them is the total: the nearer one of the kind
  assert.match(one('举办招聘活动2150场，专场招聘300场，其中，线上招聘1200场，线下招聘850场。').message.en, /≠ 300\./);
});

test('a conjunction before the last part keeps it among the parts', () => {
  silent('全年举办招聘会2860场，其中线上招聘会1650场、线下招聘会1200场和校园招聘会10场。');
  assert.match(
    one('全年举办招聘会2860场，其中线上招聘会1650场、线下招聘会1200场和校园招聘会20场。').message.en,
    /1650\+1200\+20 = 2870 ≠ 2860/,
  );
});

test('what a multiple is taken of, and figures per head, are no totals', () => {
  silent('接待入境游客8.62万人次，是去年同期2.78万人次的3.1倍，其中外国游客5.14万人次、港澳台游客3.48万人次。');
  assert.match(
    one('接待入境游客8.62万人次，是去年同期2.78万人次的3.1倍，其中外国游客5.14万人次、港澳台游客4.48万人次。').message.en,
    /5.14万\+4.48万 = 9.62万 ≠ 8.62万/,
  );
  silent('居民人均可支配收入71589元，比上年的67421元增长6.2%。其中，城镇居民人均可支配收入74865元，农村居民人均可支配收入36124元。');
});

test('parts after commas whose labels divide the whole (城镇/农村, 出口/进口) or start alike (参保…); a 其中 in the next sentence', () => {
  assert.match(one('新增就业5.2万人，其中城镇3.1万人，农村3.2万人。').message.en, /3.1万\+3.2万 = 6.3万 ≠ 5.2万/);
  silent('新增就业6.3万人，其中城镇3.1万人，农村3.2万人。');
  assert.match(one('进出口总额2405.1亿元。其中，出口1634.2亿元，进口761.9亿元。').message.en, /1634.2亿\+761.9亿 = 2396.1亿 ≠ 2405.1亿/);
  silent('进出口总额2396.1亿元。其中，出口1634.2亿元，进口761.9亿元。');
  assert.match(
    one('参保人数2986.4万人，比上年末增加112.7万人。其中，参保职工2093.5万人，参保离退休人员829.9万人。').message.en,
    /2093.5万\+829.9万 = 2923.4万 ≠ 2986.4万/,
  );
  // a clause about something else after a comma is still no part
  silent('共有学生1000人，其中男生600人，参加培训800人。');
});

test('a number a narrow column broke over two lines is read whole (美兰机场8⏎6.4万人次); figures one per line are not joined', () => {
  assert.match(
    one('全省机场旅客吞吐量156.7万人次，其中美兰机场8\n6.4万人次、三亚机场61.5万人次、博鳌机场18.8万人次。').message.en,
    /86.4万\+61.5万\+18.8万 = 166.7万 ≠ 156.7万/,
  );
  silent('全省机场旅客吞吐量166.7万人次，其中美兰机场8\n6.4万人次、三亚机场61.5万人次、博鳌机场18.8万人次。');
  silent('共有学校3所，其中\n2019\n2020\n2021');
});

test('以上…合计 totals what the sentence before listed (a penalty decision’s sums)', () => {
  silent('第一批次货值金额64,638.00元；第二批次货值金额81,666.00元；第三批次货值金额42,000.00元。以上货值金额合计188,304.00元。');
  assert.match(
    one('第一批次货值金额64,638.00元；第二批次货值金额81,396.00元；第三批次货值金额42,000.00元。以上货值金额合计188,304.00元。').message.en,
    /= 188034 ≠ 188,304.00/,
  );
  silent('没收违法所得39,804.00元；罚款112,820.40元。以上罚没款合计152,624.40元。');
  assert.match(one('没收违法所得39,804.00元；罚款112,820.40元。以上罚没款合计125,624.40元。').message.en, /≠ 125,624.40/);
});

test('after a comma, a label that only names a kind goes on with the list; such a list is checked only for exceeding its total', () => {
  const head = '招收普通本科生7200人。其中，';
  assert.match(
    one(`${head}普通类6620人，艺术类180人，中外合作办学400人，国家专项计划150人，高校专项计划50人。`).message.en,
    /6620\+180\+400\+150\+50 = 7400 ≠ 7200/,
  );
  // short of the total: a few notable kinds may be all it names
  silent(`${head}普通类6240人，艺术类180人，中外合作办学400人，国家专项计划150人，高校专项计划50人。`);
  silent('全市共有卫生机构3215个，其中医院186个，乡镇卫生院142个，村卫生室2105个。');
  // a figure per head is no kind of the total
  silent('学校年度总收入9.86亿元，其中财政拨款6.12亿元，生均财政拨款水平3.29万元。');
});

test('a 其中 sentence after a list does not break down the list’s last item (…、东北地区70个。其中…)', () => {
  silent('第一批项目共1026个。分地区看，东部地区286个、中部地区312个、西部地区358个、东北地区70个。其中，交通运输项目312个，占30.4%。');
  // a 、 inside the total's own label makes no list
  assert.match(one('教育、卫生支出500亿元。其中，教育支出320亿元，卫生支出200亿元。').message.en, /320.*200.*500/);
});

test('a 其中 sentence may break down any total of the sentence before (受理…，审结…。其中，受理…)', () => {
  silent(
    '全年全省法院共受理各类案件186.42万件，审结171.35万件，结案率91.9%。其中，受理刑事案件5.87万件，民商事案件117.45万件，行政案件2.31万件，执行案件52.36万件，其他案件8.43万件。',
  );
  assert.equal(
    one(
      '全年全省法院共受理各类案件186.42万件，审结171.35万件。其中，受理刑事案件5.87万件，民商事案件117.45万件，行政案件2.31万件，执行案件52.36万件，其他案件9.43万件。',
    ).severity,
    'warning',
  );
});

test('items named by an ordinal or a year (第1包, 2021年查处), and units with a note in brackets (万套（间）)', () => {
  assert.match(
    one('代理服务费共计12.35万元，其中第1包6.73万元、第2包3.94万元、第3包2.13万元。').message.en,
    /6\.73万\+3\.94万\+2\.13万 = 12\.8万 ≠ 12\.35万/,
  );
  silent('代理服务费共计12.80万元，其中第1包6.73万元、第2包3.94万元、第3包2.13万元。');
  assert.match(
    one('全年新筹集保障性租赁住房2.15万套（间），其中新建1.32万套（间）、改建0.51万套（间）、盘活存量房源0.23万套（间）。').message.en,
    /= 2\.06万 ≠ 2\.15万/,
  );
  silent('全年新筹集保障性租赁住房2.06万套（间），其中新建1.32万套（间）、改建0.51万套（间）、盘活存量房源0.23万套（间）。');
});

test('a total given as "more than" (1200余人) with a few notable parts after 其中 is no breakdown', () => {
  silent('全年引进各类人才1200余人，其中博士120人、硕士560人。');
  assert.equal(one('全年引进各类人才1200余人，其中博士820人、硕士560人。').severity, 'warning');
});

test('classes that overlap (规模以上企业, 国家级高新技术企业; 高校毕业生, 农民工) are no breakdown of their total', () => {
  silent('企业已达到86家，其中规模以上企业41家、国家级高新技术企业23家、专精特新“小巨人”企业4家。');
  silent('新增城镇就业5.82万人，其中高校毕业生2.1万人、农民工3.5万人、就业困难人员0.8万人。');
  assert.equal(one('共有学生1000人，其中男生600人、女生500人。').severity, 'warning');
});

test('counts of visits and cases (家次, 件次, 宗) are units of their own', () => {
  assert.match(one('服务企业3.6万家次，其中线上3.2万家次、线下1.3万家次。').message.en, /= 4\.5万 ≠ 3\.6万/);
  silent('服务企业4.5万家次，其中线上3.2万家次、线下1.3万家次。');
  silent('办结案件1.2万宗，其中刑事0.5万宗、民事0.7万宗。');
});

test('after 其中, the clauses of a division (出口…；进口…) with their growth are the whole', () => {
  assert.match(
    one('全年货物进出口总值30.8万亿元。其中，出口17.6万亿元，增长10.6%；进口12.3万亿元，增长4.3%。').message.en,
    /17\.6万亿\+12\.3万亿 = 29\.9万亿 ≠ 30\.8万亿/,
  );
  silent('全年货物进出口总值29.9万亿元。其中，出口17.6万亿元，增长10.6%；进口12.3万亿元，增长4.3%。');
  // labels that do not divide the whole (出口…；加工贸易…) are no division
  silent('全年货物进出口总值30.8万亿元。其中，出口17.6万亿元，增长10.6%；加工贸易7.3万亿元，增长4.3%。');
});

test('a control character a conversion left inside a figure is invisible to the figures (2\u001B512.0亿元)', () => {
  silent('全年发行新增债券2\u001B512.0亿元，其中一般债券412.0亿元、专项债券2100.0亿元。');
});

test('a list the text says leaves a rest (…，其余为幼儿园) is checked only for exceeding', () => {
  silent('全县共有学校500所，其中小学300所、中学150所，其余为幼儿园和特殊教育学校。');
});

test('a pair of totals of two units, each part giving both after 其中: each total is summed from its own unit', () => {
  const report =
    '全年实施重点项目426个、完成投资1152亿元，其中，产业项目268个、完成投资705亿元，基础设施项目103个、完成投资312亿元，社会民生项目55个、完成投资135亿元。';
  silent(report);
  silent('全市共有中小学120所、教职工8600人，其中小学80所、教职工5200人，中学40所、教职工3400人。');
  // a misread count: only that total's sum is off
  const count = one(report.replace('426个', '436个'));
  assert.match(count.message.en, /268\+103\+55 = 426 ≠ 436/);
  // a misread amount
  const money = one(report.replace('1152亿元', '1162亿元'));
  assert.match(money.message.en, /705亿\+312亿\+135亿 = 1152亿 ≠ 1162亿/);
  // a part larger than it can be is a warning, as in any list
  const over = one(report.replace('完成投资705亿元', '完成投资905亿元'));
  assert.equal(over.severity, 'warning');
  assert.match(over.message.en, /905亿\+312亿\+135亿 = 1352亿 ≠ 1152亿/);
});

test('a pair whose list leaves a rest, or whose parts do not alternate, is not read as a paired breakdown', () => {
  // 等 and a rest named after the list: parts are left out
  silent('实施项目426个、完成投资1152亿元，其中产业项目268个、完成投资705亿元，基础设施项目103个、完成投资312亿元，其余为民生项目。');
  // parts of the first unit only: the usual 其中 list of that total (checked as before)
  silent('全市共举办招聘活动2150场，提供岗位86.5万个，其中，线上招聘1200场，线下招聘950场。');
});
