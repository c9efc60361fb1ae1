import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index';
import type { DocRefEntity } from '../types';
import { issuerCodeOf, resolveIssuer } from './docref';

const docrefs = (text: string) =>
  analyze(text, { only: { diagnostics: false } }).entities.filter((e): e is DocRefEntity => e.type === 'docref');

test('document numbers with every bracket OCR leaves', () => {
  const found = docrefs(
    '根据国办发〔2019〕24号、粤府[2020]3号、京政发【2018】12号、川教(2021)24号、苏政办发（2022）1号和鲁政发 〔2017〕 5 号文件',
  );
  assert.deepEqual(
    found.map((d) => [d.text, d.issuer, d.year, d.serial, d.issuerOrg ?? null]),
    [
      ['国办发〔2019〕24号', '国办发', 2019, 24, '国务院办公厅'],
      ['粤府[2020]3号', '粤府', 2020, 3, '广东省人民政府'],
      ['京政发【2018】12号', '京政发', 2018, 12, '北京市人民政府'],
      ['川教(2021)24号', '川教', 2021, 24, '四川省教育厅'],
      ['苏政办发（2022）1号', '苏政办发', 2022, 1, '江苏省人民政府办公厅'],
      ['鲁政发 〔2017〕 5 号', '鲁政发', 2017, 5, '山东省人民政府'],
    ],
  );
});

test('issuer codes are cut from the words before them and resolved by region rule', () => {
  assert.equal(issuerCodeOf('印发渝人社'), '渝人社');
  assert.equal(issuerCodeOf('根据湘人社发'), '湘人社发');
  assert.equal(issuerCodeOf('按照教职成'), '教职成');
  assert.equal(resolveIssuer('湘人社发'), '湖南省人力资源和社会保障厅');
  assert.equal(resolveIssuer('沪人社'), '上海市人力资源和社会保障局');
  assert.equal(resolveIssuer('渝人社'), '重庆市人力资源和社会保障局');
  assert.equal(resolveIssuer('人社部发'), '人力资源社会保障部');
  assert.equal(resolveIssuer('甲乙丙'), undefined);
});

test('titles, with nested quotes, parentheses and OCR breaks', () => {
  const found = docrefs('印发《重庆市技工教育“十四五”规划》和《职业教育提质培优行动计划(2020—2023年)》及《湖南省职业 教育\n条例》');
  assert.deepEqual(
    found.map((d) => [d.form, d.title]),
    [
      ['title', '重庆市技工教育“十四五”规划'],
      ['title', '职业教育提质培优行动计划(2020—2023年)'],
      ['title', '湖南省职业教育条例'],
    ],
  );
});

test('an unclosed title mark is not a reference', () => {
  assert.deepEqual(docrefs('印发《关于加强职业教育的意见，请遵照执行。'), []);
});

test('a title followed by its number names one document', () => {
  const text =
    '教育部等九部门印发《职业教育提质培优行动计划(2020—2023年)》(教职成〔2020〕7号)。《职业教育提质培优行动计划(2020—2023年)》提出';
  const [title, number, again] = docrefs(text);
  assert.equal(title?.form, 'title');
  assert.equal(number?.form, 'number');
  assert.equal(title?.id, number?.id);
  assert.equal(again?.id, number?.id);
  assert.equal(title?.issuerOrg, '教育部');
  assert.deepEqual(number?.sameAs, ['《职业教育提质培优行动计划(2020—2023年)》']);
});

test('a title that opens with its number names one document', () => {
  const [title, number] = docrefs('《川教〔2021〕24号四川省教育厅关于实施高水平专业群建设计划的意见》');
  assert.equal(title?.id, '川教〔2021〕24号');
  assert.equal(number?.id, '川教〔2021〕24号');
  assert.equal(title?.serial, 24);
});

test('unrelated titles keep their own ids', () => {
  const [a, b] = docrefs('《中国制造2025》与《国家职业教育改革实施方案》(国发〔2019〕4号)');
  assert.notEqual(a?.id, b?.id);
  assert.equal(b?.id, '国发〔2019〕4号');
});

test('numbers in document numbers are not metrics', () => {
  const entities = analyze('渝人社〔2021〕452号', { only: { diagnostics: false } }).entities;
  assert.deepEqual(
    entities.map((e) => e.type),
    ['docref'],
  );
});

test('a short title the text defines (以下简称《措施》) names the full title’s document from there on', () => {
  const text =
    '市经信委印发《关于支持中小企业数字化转型的若干措施》（以下简称\n《措施》）。《措施》明确，对新认定的企业给予奖励。市政府印发《实施办法》（渝府发〔2023〕1号，以下简称《办法》）。《办法》自印发之日起施行。';
  const titles = docrefs(text).filter((d) => d.form === 'title');
  const ids = titles.map((d) => [d.text.replace('\n', ''), d.id]);
  assert.deepEqual(ids, [
    ['《关于支持中小企业数字化转型的若干措施》', '《关于支持中小企业数字化转型的若干措施》'],
    ['《措施》', '《关于支持中小企业数字化转型的若干措施》'],
    ['《措施》', '《关于支持中小企业数字化转型的若干措施》'],
    ['《实施办法》', '渝府发〔2023〕1号'],
    ['《办法》', '渝府发〔2023〕1号'],
    ['《办法》', '渝府发〔2023〕1号'],
  ]);
  assert.equal(titles[4]!.year, 2023);
  // without a definition, or before it, a short title is its own
  const plain = docrefs('《措施》明确了支持方向。另见《关于支持中小企业数字化转型的若干措施》（以下简称《措施》）。');
  assert.equal(plain[0]!.id, '《措施》');
});

test('a number or title in traditional characters has the id of its simplified spelling', () => {
  const [traditional, simplified] = docrefs('根据鄂政發〔2024〕5号和鄂政发〔2024〕5号');
  assert.equal(traditional?.text, '鄂政發〔2024〕5号');
  assert.equal(traditional?.id, simplified?.id);
  assert.equal(traditional?.issuerOrg, '湖北省人民政府');
  assert.equal(traditional?.issuer, '鄂政发');
  const titles = docrefs('《關於加強安全生產工作的決定》与《关于加强安全生产工作的决定》');
  assert.equal(titles[0]?.id, titles[1]?.id);
});

test('a version the text replaces (原《…》) keeps its number to itself; the new one under the same title is its own', () => {
  const text =
    '我们制定了《湖南省补助资金管理办法》（以下简称《办法》），现印发给你们。《办法》自印发之日起施行。原《湖南省补助资金管理办法》（湘财教〔2019〕35号）同时废止。';
  const found = docrefs(text);
  const ids = found.map((d) => [d.text, d.id]);
  assert.deepEqual(ids, [
    ['《湖南省补助资金管理办法》', '《湖南省补助资金管理办法》'],
    ['《办法》', '《湖南省补助资金管理办法》'],
    ['《办法》', '《湖南省补助资金管理办法》'],
    ['《湖南省补助资金管理办法》', '湘财教〔2019〕35号'],
    ['湘财教〔2019〕35号', '湘财教〔2019〕35号'],
  ]);
  // without 原, one number for the title names every mention of it
  assert.ok(docrefs(text.replace('原《', '《')).every((d) => d.id === '湘财教〔2019〕35号'));
});

test('orders: 国务院令第723号 and the title after it, the head of state’s in Chinese numerals, a ministry’s', () => {
  const found = docrefs(
    '根据国务院令第723号《保障农民工工资支付条例》，以中华人民共和国主席令第二十四号公布，依照国家发展和改革委员会令第1号和财政部令第108号执行。命令第3号不是文件。',
  );
  assert.deepEqual(
    found.map((d) => [d.text, d.form, d.id, d.issuer, d.serial, d.year ?? null, d.issuerOrg ?? null]),
    [
      ['国务院令第723号', 'number', '国务院令第723号', '国务院', 723, null, '国务院'],
      ['《保障农民工工资支付条例》', 'title', '国务院令第723号', '国务院', 723, null, '国务院'],
      ['中华人民共和国主席令第二十四号', 'number', '中华人民共和国主席令第24号', '中华人民共和国主席', 24, null, null],
      ['国家发展和改革委员会令第1号', 'number', '国家发展和改革委员会令第1号', '国家发展和改革委员会', 1, null, '国家发展和改革委员会'],
      ['财政部令第108号', 'number', '财政部令第108号', '财政部', 108, null, '财政部'],
    ],
  );
  // a title with its order in brackets after it
  const [title, order] = docrefs('《保障农民工工资支付条例》（国务院令第724号）');
  assert.equal(title!.id, '国务院令第724号');
  assert.equal(order!.id, '国务院令第724号');
});

test('a province’s department numbering with the ministry’s code after its abbreviation is the province’s (湘财社 is not 财政部’s 财社)', () => {
  const found = docrefs(
    '（湘财社〔2023〕12号）、京财预〔2021〕9号、湘发改就业〔2023〕112号、粤教职函〔2023〕16号、陕建发〔2024〕18号，根据财社〔2023〕5号',
  );
  assert.deepEqual(
    found.map((d) => [d.issuer, d.issuerOrg ?? null]),
    [
      ['湘财社', '湖南省财政厅'],
      ['京财预', '北京市财政局'],
      ['湘发改就业', '湖南省发展和改革委员会'],
      ['粤教职函', '广东省教育厅'],
      ['陕建发', '陕西省住房和城乡建设厅'],
      ['财社', '财政部'],
    ],
  );
});

test('a number whose closing bracket OCR lost is still the document it names (国办发〔202230号)', () => {
  const [damaged, intact] = docrefs('根据国办发〔202230号和国办发〔2022〕30号文件。');
  assert.equal(damaged!.text, '国办发〔202230号');
  assert.equal(damaged!.id, '国办发〔2022〕30号');
  assert.equal(damaged!.issuerOrg, '国务院办公厅');
  assert.equal(intact!.id, damaged!.id);
  // its issuer code is no organisation name
  assert.deepEqual(
    analyze('根据国办发〔202230号文件。').entities.filter((e) => e.type === 'org'),
    [],
  );
});

test('a code the tables do not know is the body the document’s head names, when it abbreviates it', () => {
  const [number] = docrefs('杭州市市场监督管理局\n行政处罚决定书\n杭市监罚处〔2024〕123号\n\n当事人：某某公司。');
  assert.equal(number!.issuerOrg, '杭州市市场监督管理局');
  // a code that abbreviates none of them stays unresolved
  const [other] = docrefs('杭州市市场监督管理局\n行政处罚决定书\n苏某罚〔2024〕1号');
  assert.equal(other!.issuerOrg, undefined);
});

test("a document's head: its title on lines of its own (wrapped too) is the document its number line names", () => {
  const head = [
    '湖南省人民政府办公厅文件',
    '',
    '湘政办发〔2023〕15号       签发人：张三',
    '',
    '湖南省人民政府办公厅',
    '关于进一步加强安全生产',
    '工作的通知',
    '',
    '各市州人民政府，省政府各厅委、各直属机构：',
    '    为深入贯彻落实《中华人民共和国安全生产法》，现就有关事项通知如下。',
  ].join('\n');
  const found = docrefs(head);
  const title = found.find((d) => d.form === 'title' && !d.text.startsWith('《'))!;
  assert.equal(title.title, '湖南省人民政府办公厅关于进一步加强安全生产工作的通知');
  assert.equal(title.id, '湘政办发〔2023〕15号');
  assert.deepEqual(title.sameAs, ['湘政办发〔2023〕15号']);
  assert.equal(head.slice(title.start, title.end), '湖南省人民政府办公厅\n关于进一步加强安全生产\n工作的通知');
  // a title without 关于 only right by the number
  assert.equal(docrefs('2023年全省教育工作要点\n湘教发〔2023〕3号\n\n正文。').find((d) => d.form === 'title')?.id, '湘教发〔2023〕3号');
  // no number line of its own, or the line is a sentence: no heading
  for (const text of [
    '关于加快发展的意见\n根据国办发〔2023〕12号文件精神，制定本方案。',
    '据新华社北京5月8日电\n国办发〔2023〕12号\n关于加快发展的意见，提出多项措施。',
  ]) {
    assert.deepEqual(
      docrefs(text).filter((d) => d.form === 'title'),
      [],
      text,
    );
  }
});

test('announcement numbers (公告2023年第12号) with one issuer or two, linked to the title before them', () => {
  const found = docrefs(
    '根据国家税务总局公告2022年第3号和《财政部　税务总局关于小微企业所得税优惠政策的公告》（财政部　税务总局公告2023年第6号），海关总署公告〔2023〕10号同时废止。',
  );
  assert.deepEqual(
    found.filter((d) => d.form === 'number').map((d) => [d.text, d.id, d.issuerOrg]),
    [
      ['国家税务总局公告2022年第3号', '国家税务总局公告2022年第3号', '国家税务总局'],
      ['财政部　税务总局公告2023年第6号', '财政部税务总局公告2023年第6号', '财政部'],
      ['海关总署公告〔2023〕10号', '海关总署公告2023年第10号', '海关总署'],
    ],
  );
  assert.equal(found.find((d) => d.form === 'title')!.id, '财政部税务总局公告2023年第6号');
  // the serial is no ordinal metric
  const metrics = analyze('财政部 税务总局公告2023年第12号', { only: { diagnostics: false } }).entities.filter((e) => e.type === 'metric');
  assert.deepEqual(metrics, []);
  // 公告 as a plain word before a year is no number
  assert.deepEqual(docrefs('现将有关事项公告如下：2023年第一季度'), []);
});

test('a document number a narrow column broke after its code’s first part (（国⏎发〔2013〕24号）, （皖政⏎〔2022〕63号）)', () => {
  const text = '《若干意见》（国\n发〔2013〕24号）和《实施意见》（皖政\n〔2022〕63号），把新能源产业作为主导产业。';
  const numbers = docrefs(text).filter((d) => d.form === 'number');
  assert.deepEqual(
    numbers.map((d) => [text.slice(d.start, d.end), d.id]),
    [
      ['国\n发〔2013〕24号', '国发〔2013〕24号'],
      ['皖政\n〔2022〕63号', '皖政〔2022〕63号'],
    ],
  );
  // a number line of its own under a title keeps its own code
  const head = docrefs('关于加快发展的若干意见\n国发〔2013〕24号').find((d) => d.form === 'number')!;
  assert.equal(head.id, '国发〔2013〕24号');
});
