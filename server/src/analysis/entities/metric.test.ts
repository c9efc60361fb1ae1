import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index';
import type { MetricEntity } from '../types';
import { AnalysisContext } from '../context';
import { dateRecognizer } from './date';
import { isWellFormedChineseNumeral, metricRecognizer } from './metric';
import { loadSegmenter } from '../segment';

const metrics = (text: string) => analyze(text).entities.filter((e): e is MetricEntity => e.type === 'metric');
const summary = (text: string) => metrics(text).map((m) => [m.text, m.value, m.unit, m.kind, m.approx ?? null]);

test('Arabic figures with magnitude words and units, normalised to the base unit', () => {
  assert.deepEqual(summary('申请国内外专利 14687 件，总面积达1.5万平方米，投资1.5亿元，在校生规模 9.9万人。'), [
    ['14687 件', 14687, '件', 'count', null],
    ['1.5万平方米', 15000, '平方米', 'area', null],
    ['1.5亿元', 150000000, '元', 'money', null],
    ['9.9万人', 99000, '人', 'count', null],
  ]);
});

test('precision and magnitude as written', () => {
  const [m] = metrics('全省共有技工学校在校生12.35万人');
  assert.equal(m?.value, 123500);
  assert.equal(m?.precision, 2);
  assert.equal(m?.magnitude, 10000);
  const [plain] = metrics('生均设备值5215.67元');
  assert.equal(plain?.precision, 2);
  assert.equal(plain?.magnitude, undefined);
});

test('approximations and bounds, before and after the figure', () => {
  assert.deepEqual(
    summary(
      '培训10.6万余人次，接收3.48万余名，超过168万名，近 600 人，约1.2亿元，98%以上，不少于16学时，30多名，3公里左右，不足5%，≥60分钟',
    ),
    [
      ['10.6万余人次', 106000, '人次', 'count', 'more-than'],
      ['3.48万余名', 34800, '名', 'count', 'more-than'],
      ['168万名', 1680000, '名', 'count', 'more-than'],
      ['600 人', 600, '人', 'count', 'nearly'],
      ['1.2亿元', 120000000, '元', 'money', 'about'],
      ['98%以上', 98, '%', 'percent', 'at-least'],
      ['16学时', 16, '学时', 'time', 'at-least'],
      ['30多名', 30, '名', 'count', 'more-than'],
      ['3公里左右', 3, '公里', 'length', 'about'],
      ['5%', 5, '%', 'percent', 'less-than'],
      ['60分钟', 60, '分钟', 'time', 'at-least'],
    ],
  );
});

test('最近 and 附近 are not qualifiers', () => {
  assert.equal(metrics('最近3年新增就业岗位')[0]?.approx, undefined);
  assert.equal(metrics('附近2所学校')[0]?.approx, undefined);
});

test('Chinese and full-width numerals', () => {
  assert.deepEqual(summary('招收三万人，两所学校，百分之二十，１９９７名，一百零八项，十余年'), [
    ['三万人', 30000, '人', 'count', null],
    ['两所', 2, '所', 'count', null],
    ['百分之二十', 20, '%', 'percent', null],
    ['１９９７名', 1997, '名', 'count', null],
    ['一百零八项', 108, '项', 'count', null],
    ['十余年', 10, '年', 'time', 'more-than'],
  ]);
});

test('names made of numerals are not figures', () => {
  assert.deepEqual(summary('《广东省“十四五”规划》提出，五一劳动奖章，一批学校，一流专业，三区三州，二是加强'), []);
  assert.equal(isWellFormedChineseNumeral('十四五'), false);
  assert.equal(isWellFormedChineseNumeral('五一'), false);
  assert.equal(isWellFormedChineseNumeral('一百零八'), true);
  assert.equal(isWellFormedChineseNumeral('两千五百'), true);
  assert.equal(isWellFormedChineseNumeral('万'), false);
});

test('percentage points, multiples and units broken over column lines', () => {
  assert.deepEqual(summary('高于全国平均水平 0.3 个百分点，增长1.75倍，高于全国 2 个百分\n\n点'), [
    ['0.3 个百分点', 0.3, '百分点', 'percentage-point', null],
    ['1.75倍', 1.75, '倍', 'multiple', null],
    ['2 个百分\n\n点', 2, '百分点', 'percentage-point', null],
  ]);
});

test('ranges', () => {
  const found = metrics('收入占比5—20%，每年2-3次，培训8名至10名，投资5%～8%，规模5—10万人');
  assert.deepEqual(
    found.map((m) => [m.text, m.unit, m.kind, m.range]),
    [
      ['5—20%', '%', 'range', { from: 5, to: 20 }],
      ['2-3次', '次', 'range', { from: 2, to: 3 }],
      ['8名至10名', '名', 'range', { from: 8, to: 10 }],
      ['5%～8%', '%', 'range', { from: 5, to: 8 }],
      ['5—10万人', '人', 'range', { from: 50000, to: 100000 }],
    ],
  );
});

test('ordinals', () => {
  assert.deepEqual(summary('第45届世界技能大赛，第二轮评估，第 3 批试点，第十四个五年规划'), [
    ['第45届', 45, '届', 'ordinal', null],
    ['第二轮', 2, '轮', 'ordinal', null],
    ['第 3 批', 3, '批', 'ordinal', null],
    ['第十四个', 14, '个', 'ordinal', null],
    ['五年', 5, '年', 'time', null],
  ]);
  assert.equal(metrics('第45届世界技能大赛')[0]?.subject, undefined);
});

test('an ordinal range names the articles from one to another, not a count of the last (第1—3条)', () => {
  const ranges = (text: string) => metrics(text).map((m) => [m.text, m.value, m.unit, m.kind, m.range ?? null]);
  assert.deepEqual(ranges('第1—3条适用于全省，第4~6条，第一至第三章，第5至8项'), [
    ['第1—3条', 1, '条', 'ordinal', { from: 1, to: 3 }],
    ['第4~6条', 4, '条', 'ordinal', { from: 4, to: 6 }],
    ['第一至第三章', 1, '章', 'ordinal', { from: 1, to: 3 }],
    ['第5至8项', 5, '项', 'ordinal', { from: 5, to: 8 }],
  ]);
  // a dash after an ordinal with its unit is no range of ordinals (第3条—第5条 are two)
  assert.deepEqual(
    summary('第3条—第5条').map((m) => m[0]),
    ['第3条', '第5条'],
  );
});

test('years and dates are never counts', () => {
  assert.deepEqual(summary('2020年，2021年12月31日，2020—2023年，二〇二〇年，3月12日，在2019年就新增42名'), [
    ['42名', 42, '名', 'count', null],
  ]);
});

test('identifiers and document numbers are not figures', () => {
  assert.deepEqual(summary('5G基站，COVID-19，H7N9，G20峰会'), []);
});

test('subjects where the text states them', () => {
  const subjects = (text: string) => metrics(text).map((m) => m.subject ?? null);
  assert.deepEqual(subjects('在校生规模 9.9万人'), ['在校生规模']);
  assert.deepEqual(subjects('全市技工院校51所，占技能人才总数的 27.3%'), ['技工院校', '技能人才总数']);
  assert.deepEqual(subjects('广州市共有中职学校在校生达到12万人'), ['中职学校在校生']);
  assert.deepEqual(subjects('全省技能人才总量达到375万人'), ['技能人才总量']);
  // a narrow column's line break inside the subject: read across it, spelled without it
  assert.deepEqual(subjects('全市今年共发放失业保\n险稳岗返还资金3.6亿元，惠及企\n业1.2万家'), ['失业保险稳岗返还资金', '企业']);
  // not across a paragraph's end
  assert.deepEqual(subjects('稳岗返还。\n资金3.6亿元'), ['资金']);
});

test('after an action, what is counted is named after the unit (建成1所高水平高职院校)', () => {
  const subjects = (text: string) => metrics(text).map((m) => m.subject ?? null);
  assert.deepEqual(subjects('各设区市至少建成1所高水平高职院校，每个县重点办好1至2所中职学校。'), ['高水平高职院校', '中职学校']);
  assert.deepEqual(subjects('推动建设100个左右产教融合实训基地，遴选500家左右产教融合型企业。'), ['产教融合实训基地', '产教融合型企业']);
  // an action with nothing named after it names nothing; a comparison is not part of the subject
  assert.deepEqual(subjects('全省新建5G基站4.6万个，累计建成23.1万个；增加值同比增长9.8%，同比增长5%。'), ['基站', null, '增加值', null]);
  // linking and aiming words are not part of the subject
  assert.deepEqual(subjects('就业率保持在98%以上，力争软件业务收入突破1.5万亿元。'), ['就业率', '软件业务收入']);
  assert.deepEqual(subjects('毕业生就业率长期保持在97%以上。'), ['毕业生就业率']);
  assert.deepEqual(subjects('全国居民人均可支配收入39218元，比上年名义增长6.3%，实际增长6.1%。'), ['居民人均可支配收入', null, null]);
});

test('offsets are UTF-16 units after astral characters', () => {
  const text = '𠮷𠮷学校3所';
  const [m] = metrics(text);
  assert.equal(m?.start, 6);
  assert.equal(text.slice(m!.start, m!.end), '3所');
});

test('a long text gives every paragraph the same figures as the paragraph alone', () => {
  // speed is measured by the benchmark (bench/run.mjs), never by a timed test; this guards the scan
  // itself on a long input: no figure lost, duplicated or shifted by a cursor that drifts
  const paragraph = '全市技工院校51所，在校生9.9万人，就业率98%以上，第45届世界技能大赛，2021年12月31日。';
  const one = (text: string) => {
    const ctx = new AnalysisContext(text, {});
    ctx.entities = dateRecognizer.recognize(ctx);
    return (metricRecognizer.recognize(ctx) as MetricEntity[]).map((m) => [m.start, m.end, m.value, m.unit]);
  };
  const alone = one(paragraph);
  assert.equal(alone.length, 4);
  const copies = Math.ceil(200_000 / paragraph.length);
  const found = one(paragraph.repeat(copies));
  assert.equal(found.length, alone.length * copies);
  for (let k = 0; k < copies; k++) {
    const shift = k * paragraph.length;
    for (let i = 0; i < alone.length; i++) {
      const [start, end, value, unit] = alone[i]!;
      assert.deepEqual(found[k * alone.length + i], [(start as number) + shift, (end as number) + shift, value, unit]);
    }
  }
});

test('table cells take the unit of their row label: 9.9 under 在校生规模(万人)', () => {
  const table = [
    '专栏2  广东省“十四五”职业教育主要指标',
    '指标',
    '2020',
    '2025',
    '1.中职在校生规模（万人）',
    '',
    '9.9',
    '',
    '> 10.5',
    '2.财政投入(亿元)',
    '120.5',
    '——',
    '3.毕业生就业率(%',
    '98',
    '≥98',
    '4.累计培训（万人次）',
    '——',
    '>[ 100 ]',
    '注：以上为预期指标。',
  ].join('\n');
  const found = metrics(table).map((m) => [m.text, m.value, m.unit, m.approx ?? '', m.subject ?? '']);
  assert.deepEqual(found, [
    ['9.9', 99000, '人', '', '中职在校生规模'],
    ['> 10.5', 105000, '人', 'more-than', '中职在校生规模'],
    ['120.5', 12050000000, '元', '', '财政投入'],
    ['98', 98, '%', '', '毕业生就业率'],
    ['≥98', 98, '%', 'at-least', '毕业生就业率'],
    ['100', 1000000, '人次', 'more-than', '累计培训'],
  ]);
  // the year header row has no unit; a bracket that is not a unit (试行) makes no cells
  assert.deepEqual(metrics('1.实施细则(试行)\n\n2021\n\n2.其他'), []);
});

test(
  'with the segmenter a long subject is cut on a word boundary, counted from where it ends (before 达到)',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    const segmenter = loadSegmenter();
    assert.ok(segmenter);
    const [m] = analyze('全省数字经济核心产业增加值占地区生产总值比重达到11.5%左右。', { segmenter }).entities.filter(
      (e): e is MetricEntity => e.type === 'metric',
    );
    // the last ten characters would start inside 增加值; the subject starts on the next word
    assert.equal(m?.subject, '占地区生产总值比重');
  },
);

test('ages, quarters, concentrations and the three industries', () => {
  // 周岁 is an age, not weeks; the figure before a subject is no part of it
  assert.deepEqual(
    metrics('全国60周岁及以上老年人口3.1亿人').map((m) => [m.text, m.unit, m.approx ?? null, m.subject ?? null]),
    [
      ['60周岁及以上', '周岁', 'at-least', null],
      ['3.1亿人', '人', null, '老年人口'],
    ],
  );
  assert.deepEqual(
    metrics('其中第三季度增长4.8%').map((m) => [m.text, m.unit, m.kind]),
    [
      ['第三季度', '季度', 'ordinal'],
      ['4.8%', '%', 'percent'],
    ],
  );
  assert.deepEqual(summary('细颗粒物平均浓度控制在25微克/立方米以内，化学需氧量不超过30毫克/升'), [
    ['25微克/立方米以内', 25, '微克/立方米', 'other', 'at-most'],
    ['30毫克/升', 30, '毫克/升', 'other', 'at-most'],
  ]);
  // 三次产业 is the three sectors, not three times; 三次 alone still counts
  assert.deepEqual(summary('三次产业结构为5.7:39.0:55.4'), []);
  assert.deepEqual(summary('召开会议三次'), [['三次', 3, '次', 'count', null]]);
});

test('起 counts cases after an Arabic figure only (事故1235起), not 一起 or 起草', () => {
  assert.deepEqual(summary('发生事故1235起、死亡1024人'), [
    ['1235起', 1235, '起', 'count', null],
    ['1024人', 1024, '人', 'count', null],
  ]);
  assert.deepEqual(summary('一起推进，3起草案'), []);
});

test('units and subjects in traditional characters are read as simplified', () => {
  assert.deepEqual(
    metrics('安排資金1.5萬元，建成學校3個').map((m) => [m.text, m.value, m.unit, m.subject ?? null]),
    [
      ['1.5萬元', 15000, '元', '安排资金'],
      ['3個', 3, '个', '学校'],
    ],
  );
});

test('terms and sessions of congresses are ordinals, counts of them are not', () => {
  assert.deepEqual(
    metrics('党的二十届二中、三中全会，十四届全国人大二次会议，连续三届获评，召开三次会议，两届全国技能大赛，三届全国大赛').map((m) => [
      m.text,
      m.kind,
    ]),
    [
      ['二十届', 'ordinal'],
      ['十四届', 'ordinal'],
      ['二次', 'ordinal'],
      ['三届', 'count'],
      ['三次', 'count'],
      ['两届', 'count'],
      ['三届', 'count'],
    ],
  );
});

test('subjects: per-person qualifiers, "up to", 用于 and the verb after a counted noun are not part of them', () => {
  const subjects = (text: string) => metrics(text).map((m) => m.subject ?? null);
  assert.deepEqual(subjects('乡村教师生活补助标准每人每月不低于200元，最高可达1500元'), ['乡村教师生活补助标准', null]);
  assert.deepEqual(subjects('其中，用于中西部地区90亿元'), ['中西部地区']);
  assert.deepEqual(subjects('每年遴选200所学校开展试点，为脱贫县培养1万名左右师范生'), ['学校', '师范生']);
  assert.deepEqual(subjects('建成100个左右国家级教师发展示范基地'), ['国家级教师发展示范基地']);
});

test('subjects in a statistical bulletin: price moves, what was achieved, words that only look like scope words', () => {
  const subjects = (text: string) => metrics(text).map((m) => m.subject ?? null);
  assert.deepEqual(subjects('全年居民消费价格比上年上涨0.3%，其中食品烟酒价格下降1.2%。'), ['居民消费价格', '食品烟酒价格']);
  assert.deepEqual(subjects('规模以上工业企业实现营业收入8652.4亿元，建筑业企业完成增加值412.6亿元。'), ['营业收入', '增加值']);
  // 有效, 服务业, 共享, 对外 are words of their own, not 有, 服务, 共, 对 before one
  assert.deepEqual(subjects('年末全市有效灌溉面积312.6万亩，服务业增加值3602.5亿元，共享单车12万辆，对外贸易总额50亿元。'), [
    '有效灌溉面积',
    '服务业增加值',
    '共享单车',
    '对外贸易总额',
  ]);
  // a comparison with the end of last year alone names nothing; a conjunction left by the length limit goes
  assert.deepEqual(subjects('比上年末提高0.9个百分点。外商及港澳台商投资企业增长3.8%。'), [null, '港澳台商投资企业']);
});

test(
  'a scope word that starts a longer word (有机, 有线) stays, with the segmenter loaded too',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    const segmenter = loadSegmenter();
    assert.ok(segmenter);
    const subjects = analyze('有机农产品认证面积12万亩，有线电视用户86万户。', { segmenter })
      .entities.filter((e): e is MetricEntity => e.type === 'metric')
      .map((m) => m.subject ?? null);
    assert.deepEqual(subjects, ['有机农产品认证面积', '有线电视用户']);
  },
);

test('percentages and fractions in words: 百分之五点六, 千分之三, 三分之二以上; 数十万 is no figure', () => {
  assert.deepEqual(
    metrics('增长百分之五点六，三分之二以上的村，约占全国的三分之一，千分之三，百分之百，数十万人，几百家企业。').map((m) => [
      m.text,
      m.value,
      m.unit,
      m.precision,
      m.approx ?? null,
    ]),
    [
      ['百分之五点六', 5.6, '%', 1, null],
      ['三分之二以上', 66.67, '%', 2, 'at-least'],
      ['三分之一', 33.33, '%', 2, null],
      ['千分之三', 3, '‰', 0, null],
      ['百分之百', 100, '%', 0, null],
    ],
  );
  // a numerator not below its denominator is no fraction of a whole
  assert.deepEqual(metrics('三分之五'), []);
});

test('units of work and traffic (人日, 辆次, 笔, 工作日), 最高 as at most, lists of ordinals, cohorts and slogans', () => {
  const read = (text: string) => metrics(text).map((m) => [m.text, m.value, m.unit, m.kind, m.approx ?? null]);
  assert.deepEqual(read('职业培训4.72万人日，发放贷款3.86万笔，车辆超过20万辆次，在5个工作日内办结，最高100万元。'), [
    ['4.72万人日', 47200, '人日', 'count', null],
    ['3.86万笔', 38600, '笔', 'count', null],
    ['20万辆次', 200000, '辆次', 'count', 'more-than'],
    ['5个工作日', 5, '工作日', 'time', null],
    ['100万元', 1000000, '元', 'money', 'at-most'],
  ]);
  // 第17、18届: two ordinals, each with the list's unit
  assert.deepEqual(read('在第17、18届博览会上'), [
    ['第17', 17, '届', 'ordinal', null],
    ['18届', 18, '届', 'ordinal', null],
  ]);
  // a cohort by its year, a slogan in quotes, a year with a letter for a digit: no figures
  assert.deepEqual(read('2023届毕业生。“四个不摘”。２Ｏ２３年'), []);
});

test('a narrow column’s line break between a number and its magnitude (1250⏎万亩)', () => {
  assert.deepEqual(
    metrics('任务1250\n万亩，户均增收1.8\n万元。').map((m) => [m.value, m.unit]),
    [
      [12500000, '亩'],
      [18000, '元'],
    ],
  );
});

test('tenths of a whole (九成以上, 两成的) are percentages; 成 starting a word (一成不变, 成为) is not', () => {
  assert.deepEqual(
    metrics('九成以上的村，超过七成，两成的企业，一成不变，五成群，三成为农户。').map((m) => [m.text, m.value, m.unit, m.approx ?? null]),
    [
      ['九成以上', 90, '%', 'at-least'],
      ['七成', 70, '%', 'more-than'],
      ['两成', 20, '%', null],
    ],
  );
});

test('第一 is an ordinal like 第二 (第一条, 第一章); 批次 is one unit', () => {
  assert.deepEqual(
    metrics('第一条　为了加强管理。第二条　适用范围。第一章　总则。第一批次货值金额64638元，第二批次42000元。').map((m) => [
      m.text,
      m.value,
      m.kind,
    ]),
    [
      ['第一条', 1, 'ordinal'],
      ['第二条', 2, 'ordinal'],
      ['第一章', 1, 'ordinal'],
      ['第一批次', 1, 'ordinal'],
      ['64638元', 64638, 'money'],
      ['第二批次', 2, 'ordinal'],
      ['42000元', 42000, 'money'],
    ],
  );
});

test('大于, 高于 are more than; 小于, 不满 less than', () => {
  assert.deepEqual(
    metrics('宽度大于50米，不满300年，高于5%，小于5公顷。').map((m) => [m.text, m.approx ?? null]),
    [
      ['50米', 'more-than'],
      ['300年', 'less-than'],
      ['5%', 'more-than'],
      ['5公顷', 'less-than'],
    ],
  );
});

test('约 and 近 ending a word (签约, 节约, 附近) are no qualifiers, and stay in the subject', () => {
  const found = metrics('重点人群签约1495.7万人，全年节约300吨，违约3次，学校附近有3所医院');
  assert.deepEqual(
    found.map((m) => [m.text, m.approx ?? null, m.subject ?? null]),
    [
      ['1495.7万人', null, '重点人群签约'],
      ['300吨', null, '节约'],
      ['3次', null, '违约'],
      ['3所', null, '学校附近'],
    ],
  );
  // a standalone 约, and one after a word that only ends in the character before it (春节 约, 编制 约)
  assert.deepEqual(
    metrics('大约300人，约200人，春节约300万人次，核定编制约200名，两条约5公里，人均办公约9平方米').map((m) => [m.text, m.approx ?? null]),
    [
      ['300人', 'about'],
      ['200人', 'about'],
      ['300万人次', 'about'],
      ['200名', 'about'],
      ['两条', null],
      ['5公里', 'about'],
      ['9平方米', 'about'],
    ],
  );
});

test('近 before a span of time is the last ones (近12个月, 近三年, 近三届), not nearly; an amount of time stays nearly', () => {
  assert.deepEqual(
    metrics('按近12个月平均销售速度，近三年参与学生，近五年来，在近三届评选中，近三个季度，近30天内').map((m) => [
      m.text,
      m.unit,
      m.approx ?? null,
    ]),
    [
      ['12个月', '月', null],
      ['三年', '年', null],
      ['五年', '年', null],
      ['三届', '届', null],
      ['三个季度', '季度', null],
      ['30天', '天', null],
    ],
  );
  assert.deepEqual(
    metrics('近3000人，近5成的企业，历时近两年，近十年之久，工作近10年，将近3年').map((m) => [m.text, m.value, m.approx ?? null]),
    [
      ['3000人', 3000, 'nearly'],
      ['5成', 50, 'nearly'],
      ['两年', 2, 'nearly'],
      ['十年', 10, 'nearly'],
      ['10年', 10, 'nearly'],
      ['3年', 3, 'nearly'],
    ],
  );
});

test('a code with letters and dashes is no figure, and no unit is read across a line break into a word', () => {
  assert.deepEqual(summary('项目编号：HZCG-2023-0417\n项目名称：某某采购项目'), []);
  assert.deepEqual(summary('编号：2023-0417\n人员名单，编号HZCG-0417项，SH-2023-15人'), []);
  // a unit on the next line of a narrow column is still read
  assert.deepEqual(summary('共培训1250\n人次，新增3-5\n项'), [
    ['1250\n人次', 1250, '人次', 'count', null],
    ['3-5\n项', 3, '项', 'range', null],
  ]);
});

test('units of transport, energy and pipes (人公里, 吨公里, 延米, 吨标准煤, 标准箱), and rates per 100,000', () => {
  assert.deepEqual(
    summary(
      '旅客周转量586.35亿人公里，货物周转量3168.42亿吨公里，新建管网312.86万延米，能耗50万吨标准煤，节能2万吨标煤，吞吐量300万标准箱、200万TEU，发电量120万千瓦时',
    ),
    [
      ['586.35亿人公里', 58635000000, '人公里', 'other', null],
      ['3168.42亿吨公里', 316842000000, '吨公里', 'other', null],
      ['312.86万延米', 3128600, '延米', 'length', null],
      ['50万吨标准煤', 500000, '吨标准煤', 'other', null],
      ['2万吨标煤', 20000, '吨标准煤', 'other', null],
      ['300万标准箱', 3000000, '标准箱', 'count', null],
      ['200万TEU', 2000000, '标准箱', 'count', null],
      ['120万千瓦时', 1200000, '千瓦时', 'other', null],
    ],
  );
  assert.deepEqual(summary('新增3000人，修路5公里，用煤3吨'), [
    ['3000人', 3000, '人', 'count', null],
    ['5公里', 5, '公里', 'length', null],
    ['3吨', 3, '吨', 'weight', null],
  ]);
  const [rate] = metrics('孕产妇死亡率为8.5/10万');
  assert.deepEqual([rate?.text, rate?.value, rate?.unit, rate?.kind, rate?.subject], ['8.5/10万', 8.5, '/10万', 'other', '孕产妇死亡率']);
});

test('a duration in hours, minutes and seconds (2分50秒, 1小时20分钟) is one figure in its smallest unit', () => {
  assert.deepEqual(summary('用时2分50秒，历时1小时20分钟左右，两小时三十分钟，1小时30分'), [
    ['2分50秒', 170, '秒', 'time', null],
    ['1小时20分钟左右', 80, '分钟', 'time', 'about'],
    ['两小时三十分钟', 150, '分钟', 'time', null],
    ['1小时30分', 90, '分钟', 'time', null],
  ]);
  // 分 alone is a score; parts that do not shrink are two figures
  assert.deepEqual(summary('得分2分，全天24小时365天'), [
    ['24小时', 24, '小时', 'time', null],
    ['365天', 365, '天', 'time', null],
  ]);
});

test('（二次） in a project’s name labels a second call for tenders, no count; counts of times stay', () => {
  assert.deepEqual(summary('某学校改造项目（二次）招标公告，某项目（三次）'), []);
  assert.deepEqual(summary('召开两次会议，开展三次检查，抽查（2次）'), [
    ['两次', 2, '次', 'count', null],
    ['三次', 3, '次', 'count', null],
    ['2次', 2, '次', 'count', null],
  ]);
});

test('a place named with a numeral and a measure word (三台县, 五台山) and an item number before a year (1.2023年) are no figures', () => {
  assert.deepEqual(summary('审计了安州区、三台县、盐亭县等5个县（市、区），登五台山。'), [['5个', 5, '个', 'count', null]]);
  assert.deepEqual(summary('附件：1.2023年全市统计业务培训班日程安排'), []);
  assert.deepEqual(summary('购置三台设备'), [['三台', 3, '台', 'count', null]]);
});

test('a subject loses the 年 of a date before it, a list marker and a place’s scope (2023年全镇…, 一是实施…)', () => {
  const subjects = (text: string) => metrics(text).map((m) => m.subject ?? null);
  assert.deepEqual(subjects('2023年全镇蔬菜产业总产值5.8亿元。'), ['蔬菜产业总产值']);
  assert.deepEqual(subjects('一是实施市级重点项目330个。'), ['市级重点项目']);
});
