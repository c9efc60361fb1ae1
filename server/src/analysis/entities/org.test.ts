import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index';
import type { OrgEntity } from '../types';
import fc from 'fast-check';
import { abbreviates, documentRegion, innerLineBreaks } from './org';
import { REGIONS } from './regions';

const orgs = (text: string, options = {}) =>
  analyze(text, { ...options, only: { diagnostics: false } }).entities.filter((e): e is OrgEntity => e.type === 'org');
const names = (text: string, options = {}) => orgs(text, options).map((o) => [o.text, o.canonical, o.resolvedBy]);

test('full names from place, body and suffix, without the segmenter', () => {
  const found = orgs(
    '会议由湖南省人力资源和社会保障厅主办，支持广州番禺职业技术学院、深圳腾讯计算机系统有限公司和成都市人民政府参加。',
  ).map((o) => o.text);
  assert.deepEqual(found, ['湖南省人力资源和社会保障厅', '广州番禺职业技术学院', '深圳腾讯计算机系统有限公司', '成都市人民政府']);
});

test('hierarchical names stay whole, side-by-side names are cut', () => {
  assert.deepEqual(
    orgs('北京师范大学中国社会管理研究院的专家').map((o) => o.text),
    ['北京师范大学中国社会管理研究院'],
  );
  assert.deepEqual(
    orgs('浙江机电职业技术学院同杭州汽轮机股份有限公司合作').map((o) => o.text),
    ['浙江机电职业技术学院', '杭州汽轮机股份有限公司'],
  );
});

test('generic nouns and verbs before a suffix are not names', () => {
  assert.deepEqual(orgs('健全学校管理制度，鼓励技工学校与企业合作，以学生为中心。'), []);
});

test('central bodies and dictionary abbreviations', () => {
  assert.deepEqual(names('教育部、人社部和国家发改委联合印发'), [
    ['教育部', '教育部', 'self'],
    ['人社部', '人力资源社会保障部', 'dictionary'],
    ['国家发改委', '国家发展和改革委员会', 'dictionary'],
  ]);
  assert.equal(orgs('人力资源和社会保障部发布')[0]?.canonical, '人力资源社会保障部');
});

test('region rules: 市人社局 in a text about a municipality, X省人社厅, 重庆人社', () => {
  assert.deepEqual(names('上海市近日发布通知。市人社局表示'), [['市人社局', '上海市人力资源和社会保障局', 'dictionary']]);
  assert.equal(orgs('湖北省人社厅发布')[0]?.canonical, '湖北省人力资源和社会保障厅');
  assert.equal(orgs('重庆人社的回答是')[0]?.canonical, '重庆市人力资源和社会保障局');
  assert.equal(orgs('浦东新区教委牵头')[0]?.canonical, '浦东新区教育委员会');
});

test('the document resolves first: a district named once, then 区教委', () => {
  const found = names('江北区教委组织培训。区教委相关负责人表示');
  assert.deepEqual(found[1], ['区教委', '江北区教育委员会', 'dictionary']);
});

test('aliases the document introduces: brackets and short forms', () => {
  const found = names('中国科学院成都生物研究所(成生所)与成都市工业学校合作。成生所专家走进工业校。');
  assert.deepEqual(
    found.filter((f) => f[2] === 'document').map((f) => [f[0], f[1]]),
    [
      ['成生所', '中国科学院成都生物研究所'],
      ['成生所', '中国科学院成都生物研究所'],
    ],
  );
  const company = names('四川长虹电器股份有限公司（以下简称“长虹电器”）。长虹电器表示');
  assert.deepEqual(
    company.slice(1).map((f) => f[1]),
    ['四川长虹电器股份有限公司', '四川长虹电器股份有限公司'],
  );
});

test('school short forms and company short forms from a full name in the text', () => {
  const found = names('重庆市工业学校……工业校的老师；重庆长安汽车股份有限公司……长安汽车工厂');
  assert.deepEqual(
    found.map((f) => [f[0], f[1]]),
    [
      ['重庆市工业学校', '重庆市工业学校'],
      ['工业校', '重庆市工业学校'],
      ['重庆长安汽车股份有限公司', '重庆长安汽车股份有限公司'],
      ['长安汽车', '重庆长安汽车股份有限公司'],
    ],
  );
});

test('workspace names resolve what the document does not', () => {
  const found = orgs('深圳腾讯公司表示', { workspace: { orgNames: ['深圳腾讯计算机系统有限公司'] } });
  assert.equal(found[0]?.canonical, '深圳腾讯计算机系统有限公司');
  assert.equal(found[0]?.resolvedBy, 'workspace');
});

test('user aliases extend the dictionary', () => {
  const found = orgs('川农大招生', { userAliases: new Map([['川农大', '四川农业大学']]) });
  assert.deepEqual([found[0]?.text, found[0]?.canonical], ['川农大', '四川农业大学']);
});

test('abbreviated words expand when nothing else resolves: 职教中心', () => {
  assert.equal(orgs('。荣昌职教中心的老师')[0]?.canonical, '荣昌职业教育中心');
});

test('abbreviates()', () => {
  assert.equal(abbreviates('工业校', '重庆市工业学校'), true);
  assert.equal(abbreviates('重庆长安汽车公司', '重庆长安汽车股份有限公司'), true);
  assert.equal(abbreviates('化工学院', '重庆市工业学校'), false);
});

test('events, plans and persons are not organisations', () => {
  assert.deepEqual(orgs('第45届世界技能大赛，“巴渝工匠2025”计划，张三说'), []);
});

test('a branch is named after its parent, whatever the parent ends in', () => {
  assert.deepEqual(
    orgs('杭州市生态环境局萧山分局、县生态环境分局和市公安局交通警察支队负责。').map((o) => o.text),
    ['杭州市生态环境局萧山分局', '县生态环境分局', '市公安局交通警察支队'],
  );
  assert.deepEqual(
    orgs('省公安厅交通管理局要履职尽责').map((o) => o.text),
    ['省公安厅交通管理局'],
  );
  // side by side, a name that is not a branch is still cut from the one before it
  assert.deepEqual(
    orgs('县财政局县教育局').map((o) => o.text),
    ['县财政局', '县教育局'],
  );
});

test('a village clinic counted by kind is not a name; a named village is', () => {
  assert.deepEqual(
    orgs('全县共有乡镇卫生院14个，村卫生室210个。').map((o) => o.text),
    [],
  );
  assert.deepEqual(
    orgs('李家村卫生室负责接种。').map((o) => o.text),
    ['李家村卫生室'],
  );
});

test('names in traditional characters are found as written and resolve as simplified', () => {
  assert.deepEqual(names('省財政廳、國務院辦公廳和省财政厅负责。'), [
    ['省財政廳', '省财政厅', 'self'],
    ['國務院辦公廳', '国务院办公厅', 'self'],
    ['省财政厅', '省财政厅', 'self'],
  ]);
});

test('a branch named after a parent known by its short form, and missions abroad', () => {
  assert.deepEqual(
    orgs('证监会湖南监管局、武警湖南总队、市政协办公厅派员列席。').map((o) => o.text),
    ['证监会湖南监管局', '武警湖南总队', '市政协办公厅'],
  );
  assert.deepEqual(
    orgs('中国驻美国大使馆和省政府驻北京办事处').map((o) => o.text),
    ['中国驻美国大使馆', '省政府驻北京办事处'],
  );
  // 我国 refers to the country, it does not name the mission's government
  assert.deepEqual(
    orgs('我国驻美国大使馆').map((o) => o.text),
    ['美国大使馆'],
  );
});

test('short forms of a province’s bodies: 委 for 委员会, the place after a parent (省税务局), the party committee, 中国 dropped', () => {
  const text =
    '浙江省发展和改革委员会、国家税务总局浙江省税务局、中国人民银行浙江省分行、中共浙江省委联合发文。' +
    '省发展改革委牵头，省税务局、人民银行浙江省分行配合，省委高度重视。杭州市人民政府办公厅（以下简称市政府办公厅）负责督查。';
  const resolved = names(text).filter(([, , by]) => by === 'document');
  assert.deepEqual(resolved, [
    ['省发展改革委', '浙江省发展和改革委员会', 'document'],
    ['省税务局', '国家税务总局浙江省税务局', 'document'],
    ['人民银行浙江省分行', '中国人民银行浙江省分行', 'document'],
    ['省委', '中共浙江省委', 'document'],
    ['市政府办公厅', '杭州市人民政府办公厅', 'document'],
  ]);
  // 省委 is the party's committee, never another body ending in 委
  assert.equal(abbreviates('省委', '浙江省发展和改革委员会'), false);
  assert.equal(abbreviates('省委', '中共浙江省委员会'), true);
  assert.equal(abbreviates('省发展改革委', '浙江省发展和改革委员会'), true);
});

test('a name relative to its level, a company without its legal form, a body known from a document number it issued', () => {
  const text =
    '肥西县人民政府印发通知。县人民政府决定，县政府要求。海尔集团股份有限公司、海尔集团。根据云政办发〔2023〕28号，省政府办公厅要求。';
  assert.deepEqual(
    names(text).filter(([, , by]) => by === 'document'),
    [
      ['县人民政府', '肥西县人民政府', 'document'],
      ['县政府', '肥西县人民政府', 'document'],
      ['海尔集团', '海尔集团股份有限公司', 'document'],
      ['省政府办公厅', '云南省人民政府办公厅', 'document'],
    ],
  );
  // two counties named: 县政府 could be either
  assert.equal(names('肥西县人民政府和长丰县人民政府。县政府要求。').find(([t]) => t === '县政府')?.[2], 'self');
});

test('a relative name resolves to the one city its document’s names are of (市人民政府 in a 合肥 regulation)', () => {
  const text = '合肥市林业和园林局、合肥市自然资源和规划局负责实施。市人民政府应当加强领导。县人民政府。';
  assert.deepEqual(names(text), [
    ['合肥市林业和园林局', '合肥市林业和园林局', 'self'],
    ['合肥市自然资源和规划局', '合肥市自然资源和规划局', 'self'],
    ['市人民政府', '合肥市人民政府', 'document'],
    ['县人民政府', '县人民政府', 'self'],
  ]);
  // names of two cities: which one is meant is not known
  assert.equal(names('合肥市林业和园林局、合肥市园林局、芜湖市园林局、芜湖市自然资源和规划局。市人民政府。').at(-1)?.[2], 'self');
});

test('发展改革委 is a known body after a level, as 发改委 is', () => {
  assert.deepEqual(names('浙江省人民政府办公厅关于印发方案的通知。省发展改革委牵头，省经信厅配合。').slice(1), [
    ['省发展改革委', '浙江省发展和改革委员会', 'dictionary'],
    ['省经信厅', '浙江省经济和信息化厅', 'dictionary'],
  ]);
});

test('a short name ending in a body of its own, or a place and a university alone, abbreviates no longer name', () => {
  assert.equal(abbreviates('省民政厅', '江苏省人民政府办公厅'), false);
  assert.equal(abbreviates('省政府办公厅', '江苏省人民政府办公厅'), true);
  assert.equal(abbreviates('市人社局', '重庆市人力资源和社会保障局'), true);
  assert.equal(abbreviates('台湾大学', '台湾清华大学'), false);
  assert.equal(abbreviates('香港大学', '香港中文大学'), false);
  const resolved = names('江苏省人民政府办公厅\n将省民政厅的职责划入省委社会工作部。').find(([text]) => text === '省民政厅');
  assert.notEqual(resolved?.[1], '江苏省人民政府办公厅');
});

test('全省法院 is every court of the province, not the one its short name stands for', () => {
  const found = names('四川省高级人民法院（以下简称省法院）工作报告。全省法院审结一审刑事案件5.43万件。');
  assert.deepEqual(
    found.map(([text]) => text),
    ['四川省高级人民法院', '省法院'],
  );
});

test('a short name the text defines (以下简称) for a name relative to its level resolves through it', () => {
  const found = names(
    '中江县人民政府关于印发通知。中江县人力资源和社会保障局、中江县财政局负责。县人力资源和社会保障局（以下简称“县人社局”）负责解释，县人社局牵头。',
  );
  assert.deepEqual(
    found.filter(([text]) => text === '县人社局').map(([, canonical, by]) => [canonical, by]),
    [
      ['中江县人力资源和社会保障局', 'document'],
      ['中江县人力资源和社会保障局', 'document'],
    ],
  );
  const alone = names('经县人力资源和社会保障局（以下简称“县人社局”）同意。本公告由县人社局负责解释。');
  assert.ok(alone.filter(([text]) => text === '县人社局').every(([, canonical]) => canonical === '县人力资源和社会保障局'));
});

test('the central media and international bodies are known by name and short form', () => {
  const found = names('据人民日报报道，中央广播电视总台、经济日报和新华社记者参加。国际货币基金组织预测，美联储加息。');
  assert.deepEqual(
    found.map(([text, canonical]) => [text, canonical]),
    [
      ['人民日报', '人民日报社'],
      ['中央广播电视总台', '中央广播电视总台'],
      ['经济日报', '经济日报社'],
      ['新华社', '新华通讯社'],
      ['国际货币基金组织', '国际货币基金组织'],
      ['美联储', '美国联邦储备委员会'],
    ],
  );
});

test('a people’s congress’s special committee is one body with it (省人大城乡建设环境保护委员会)', () => {
  const found = names('省人大城乡建设环境保护委员会（以下简称省人大城环委）具体承担组织工作，省人大城环委牵头。');
  assert.deepEqual(found[0], ['省人大城乡建设环境保护委员会', '省人大城乡建设环境保护委员会', 'self']);
  assert.ok(found.slice(1).every(([text, canonical]) => text === '省人大城环委' && canonical === '省人大城乡建设环境保护委员会'));
});

test('documentRegion: the region named most often (the first listed of a tie), mentions of each counted apart', () => {
  // what it counts: each region's short name, occurrences not overlapping themselves, as indexOf finds them
  const naive = (text: string) => {
    let best: (typeof REGIONS)[number] | undefined;
    let bestCount = 0;
    for (const region of REGIONS) {
      let count = 0;
      for (let i = text.indexOf(region.short); i >= 0; i = text.indexOf(region.short, i + region.short.length)) count++;
      if (count > bestCount) [best, bestCount] = [region, count];
    }
    return best;
  };
  // 浙江西: 浙江 and 江西 both counted; 贵州 and 云南 are listed twice
  const piece = fc.constantFrom('浙江', '江西', '西', '浙', '重庆', '贵州', '云南', '内蒙古', '蒙古', '湖南', '湖', '市', '，');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(documentRegion(text)?.name, naive(text)?.name, text);
      assert.equal(documentRegion(text), naive(text), text);
    }),
    { numRuns: 500 },
  );
});

test('innerLineBreaks: the spans of the line-break pattern it replaces, CRs and spaces around the break too', () => {
  const pattern = /(?<=[\u4e00-\u9fff])[ \t\u3000]*\r?\n(?=[\u4e00-\u9fff])/g;
  const unit = fc.constantFrom('社', '会', '\n', '\r', ' ', '\t', '\u3000', 'a', '1', '，');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 16 }), (units) => {
      const text = units.join('');
      const expected = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      assert.deepEqual(innerLineBreaks(text), expected, JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
});
