import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index';
import { loadSegmenter, type Segmenter, type TaggedWord } from '../segment';
import type { OrgEntity } from '../types';

const orgs = (text: string, segmenter?: Segmenter) =>
  analyze(text, { segmenter, only: { diagnostics: false } })
    .entities.filter((e): e is OrgEntity => e.type === 'org')
    .map((o) => o.text);

/** A segmenter that answers with the given words and tags (they must spell the text), or one unknown word. */
function fakeSegmenter(words: Array<[string, string]>): Segmenter {
  const tagged: TaggedWord[] = words.map(([word, tag]) => ({ word, tag }));
  const spelled = tagged.map((t) => t.word).join('');
  // the analysis segments clause by clause: answer for any run of whole words of the sentence
  const runOf = (text: string): TaggedWord[] => {
    for (let from = 0, at = 0; from < tagged.length; at += tagged[from]!.word.length, from++) {
      if (!spelled.startsWith(text, at)) continue;
      let length = 0;
      let to = from;
      while (to < tagged.length && length < text.length) length += tagged[to++]!.word.length;
      if (length === text.length) return tagged.slice(from, to);
    }
    return [{ word: text, tag: 'x' }];
  };
  return { cut: (text) => runOf(text).map((t) => t.word), tag: runOf };
}

test('descriptive heads are kinds of institutions, not names', () => {
  assert.deepEqual(orgs('湖北省将建设一批省级优质中职学校和区域性职业教育集团，鼓励院校与国外知名行业协会合作。'), []);
  assert.deepEqual(orgs('学生在特殊学校和普通中小学顺利就学，社区学院和乡镇寄宿制学校条件改善。'), []);
  // a place with a category is not one school; a place with a name is
  assert.deepEqual(orgs('金牌数位居浙江省中职学校第一。'), []);
  assert.deepEqual(orgs('浙江省机电技师学院和广州市第一中学参赛。'), ['浙江省机电技师学院', '广州市第一中学']);
});

test('coordinations that end in a bare head, and bodies run by someone, are not names', () => {
  assert.deepEqual(orgs('广东省强化属地监管和学校主体职责，发挥企业和学校作用，感受党和政府的关怀。'), []);
  assert.deepEqual(orgs('支持行业办技工学校和企业办技师学院。'), []);
  // a conjunction inside a real name stays
  assert.deepEqual(orgs('贵州省政务服务和社会事务中心发布通知'), ['贵州省政务服务和社会事务中心']);
});

test('plan targets for a city are not institutions; real centres are', () => {
  assert.deepEqual(orgs('把成都建设成为西部金融中心、国际消费中心城市和全国先进制造业中心。'), []);
  assert.deepEqual(orgs('长江中游地区经济中心'), []);
  assert.deepEqual(orgs('由陕西省职业技能鉴定中心和西安市政务服务中心承办'), ['陕西省职业技能鉴定中心', '西安市政务服务中心']);
});

test('stop characters do not split known words, and still end names elsewhere', () => {
  assert.deepEqual(orgs('华为技术有限公司与中国建设银行签约'), ['华为技术有限公司', '中国建设银行']);
  assert.deepEqual(orgs('经费划拨为长沙市教育局所有'), ['长沙市教育局']);
  assert.deepEqual(orgs('由重庆市就业服务中心、广州市从化区人民政府和上海市给排水设计研究院及中国人民对外友好协会主办'), [
    '重庆市就业服务中心',
    '广州市从化区人民政府',
    '上海市给排水设计研究院',
    '中国人民对外友好协会',
  ]);
  // a stop word across a suffix means there is no suffix there (落实和扩|大学|校)
  assert.deepEqual(orgs('落实和扩大学校办学自主权，符合公司实际'), []);
  // a date never begins a name
  assert.deepEqual(orgs('2023年省政府工作报告提出'), ['省政府']);
});

test('with the segmenter: a noun over a stop character protects it (有为科技)', () => {
  const text = '与有为科技有限公司签约';
  assert.deepEqual(orgs(text), []);
  const segmenter = fakeSegmenter([
    ['与', 'p'],
    ['有为科技', 'nz'],
    ['有限公司', 'n'],
    ['签约', 'v'],
  ]);
  assert.deepEqual(orgs(text, segmenter), ['有为科技有限公司']);
});

test('with the segmenter: a leading verb is cut, a leading adjective makes a description', () => {
  const text = '，创办星光职业学院，著名红星学校';
  assert.deepEqual(orgs(text), ['创办星光职业学院', '著名红星学校']);
  const segmenter = fakeSegmenter([
    ['，', 'x'],
    ['创办', 'v'],
    ['星光', 'nz'],
    ['职业', 'n'],
    ['学院', 'n'],
    ['，', 'x'],
    ['著名', 'a'],
    ['红星', 'nz'],
    ['学校', 'n'],
  ]);
  assert.deepEqual(orgs(text, segmenter), ['星光职业学院']);
});

test('with the segmenter: nt words must end like an institution and not be a bare head', () => {
  const text = '大力开展新兴产业，技师学院和共青团';
  const segmenter = fakeSegmenter([
    ['大力开展', 'nt'],
    ['新兴产业', 'nt'],
    ['，', 'x'],
    ['技师学院', 'nt'],
    ['和', 'c'],
    ['共青团', 'nt'],
  ]);
  assert.deepEqual(orgs(text, segmenter), ['共青团']);
});

test('a long text gives every paragraph the same organisations as the paragraph alone', () => {
  // speed is measured by the benchmark, never by a timed test; this guards the scans on a long input
  const paragraph = '湖南省人力资源和社会保障厅会同长沙市教育局、华为技术有限公司，支持特殊学校和湖南工业职业技术学院。';
  const alone = analyze(paragraph, { only: { diagnostics: false } }).entities.filter((e) => e.type === 'org');
  assert.equal(alone.length, 4);
  const copies = 3000;
  const found = analyze(paragraph.repeat(copies), { only: { diagnostics: false } }).entities.filter((e) => e.type === 'org');
  assert.equal(found.length, alone.length * copies);
  found.forEach((e, i) => {
    const model = alone[i % alone.length]!;
    const shift = Math.floor(i / alone.length) * paragraph.length;
    assert.deepEqual([e.start, e.end, e.text], [model.start + shift, model.end + shift, model.text]);
  });
});

test('provincial and city departments are names; "finance departments" and titles are not', () => {
  assert.deepEqual(orgs('由省通信管理局、省发展改革委牵头，省工业和信息化厅、市交通运输局按职责分工负责。'), [
    '省通信管理局',
    '省发展改革委',
    '省工业和信息化厅',
    '市交通运输局',
  ]);
  // 部门 (departments), 部署 (arrangements), 局面 (situation), 委员 (member), 局长 (a title)
  assert.deepEqual(orgs('各级财政部门和教育部门要做好部署，市教育局长和政协委员出席，形成良好局面。'), []);
  // a ministry is the State Council's: a place before it is not part of its name
  assert.deepEqual(orgs('成立全国水利部技能首席技师工作室，中华人民共和国教育部令。'), ['水利部', '中华人民共和国教育部']);
});

test('经 before a name (经省人民政府同意) is not part of it; 经 inside a name is', () => {
  assert.deepEqual(orgs('经省人民政府同意，重庆经开区管委会和市经济和信息化委员会联合印发。'), [
    '省人民政府',
    '重庆经开区管委会',
    '市经济和信息化委员会',
  ]);
});

test('addressees by kind (各设区市人民政府, 直辖市人民政府, 各县市区人民政府) are not names', () => {
  assert.deepEqual(orgs('各设区市人民政府，各省、自治区、直辖市人民政府：'), []);
  assert.deepEqual(orgs('各市州、县市区人民政府，各市州人民政府，各旗县人民政府：'), []);
  // a body after 各 and a kind of place is every such body (各区县财政局), not one
  assert.deepEqual(orgs('各区县财政局，各省教育厅，各区县（自治县）人力社保局，各设区市人力资源社会保障局：'), []);
  assert.deepEqual(orgs('重庆市财政局、各区县财政局'), ['重庆市财政局']);
});

test('报 and the verbs of sending a document up or out (抄报, 报送) end the text before a name', () => {
  assert.deepEqual(orgs('每年12月底前将进展情况报省人民政府，同时抄报市政府办公室。'), ['省人民政府', '市政府办公室']);
  // the segmenter reads 抄报 as a noun of its own: still a stop, unlike a longer noun over a stop character
  const segmenter = fakeSegmenter([
    ['同时', 'c'],
    ['抄报', 'n'],
    ['市政府', 'n'],
    ['办公室', 'n'],
  ]);
  assert.deepEqual(orgs('同时抄报市政府办公室', segmenter), ['市政府办公室']);
  // names that hold 报 keep it
  assert.deepEqual(orgs('重庆日报报业集团发布消息'), ['重庆日报报业集团']);
});

test('people’s organisations after a level take it into their name (市妇联, 共青团重庆市委)', () => {
  assert.deepEqual(orgs('市妇联、区关工委、市科协、省残联、市工商联和共青团重庆市委、共青团市委联合开展活动。'), [
    '市妇联',
    '区关工委',
    '市科协',
    '省残联',
    '市工商联',
    '共青团重庆市委',
    '共青团市委',
  ]);
  // 科协 before 同/作/调 is the start of 协同, 协作, 协调
  assert.deepEqual(orgs('推动园区科协同创新'), []);
});

test('central bodies by their usual short names resolve to their full names', () => {
  const found = analyze('中办、国办印发意见，中国证监会、国家外汇局、银保监会和最高法分别部署。', { only: { diagnostics: false } })
    .entities.filter((e): e is OrgEntity => e.type === 'org')
    .map((o) => `${o.text}→${o.canonical}`);
  assert.deepEqual(found, [
    '中办→中共中央办公厅',
    '国办→国务院办公厅',
    '中国证监会→中国证券监督管理委员会',
    '国家外汇局→国家外汇管理局',
    '银保监会→中国银行保险监督管理委员会',
    '最高法→最高人民法院',
  ]);
});

test('party committees by their short names are organisations; 委员/委托/委派 after them are not', () => {
  assert.deepEqual(orgs('按照市委、市政府工作部署，在重庆市委的领导下，中共四川省委和县委书记出席。'), [
    '市委',
    '市政府',
    '重庆市委',
    '中共四川省委',
    '县委',
  ]);
  assert.deepEqual(orgs('城市委托第三方评估，由区委派工作组。'), []);
});

test('a party committee’s department is one name with it (市委宣传部, 中共重庆市委组织部); a title is not', () => {
  assert.deepEqual(orgs('市委宣传部、中共重庆市委组织部、县委统战部和区纪委监委联合部署。'), [
    '市委宣传部',
    '中共重庆市委组织部',
    '县委统战部',
    '区纪委监委',
  ]);
  assert.deepEqual(orgs('市委宣传部长出席会议'), ['市委']);
});

test('the congress and the consultative conference after a level (市人大常委会, 市政协); 代表 before a name is not part of it', () => {
  assert.deepEqual(orgs('我代表市人民政府向大会报告工作，请市政协委员提出意见，市人大常委会和区政协出席。'), [
    '市人民政府',
    '市政协',
    '市人大常委会',
    '区政协',
  ]);
  assert.deepEqual(orgs('重庆市人民代表大会常务委员会'), ['重庆市人民代表大会常务委员会']);
  // 城市 is "city", and 人大多数 "most people"
  assert.deepEqual(orgs('城市人大多数时间在室内，城市政协调研。'), []);
});

test('和 after a unit’s one-character head ends the name: 专业部和资助中心 is two units', () => {
  assert.ok(!orgs('在专业部和资助中心的全面摸排下').includes('专业部和资助中心'));
  assert.deepEqual(orgs('重庆市人力资源和社会保障局、住房和城乡建设局与国家发展和改革委员会'), [
    '重庆市人力资源和社会保障局',
    '住房和城乡建设局',
    '国家发展和改革委员会',
  ]);
});

test('a name a narrow column’s line break cuts in two is one name, spelled without the break', () => {
  // the last break is followed by an indented line, which starts a paragraph: no name across it
  const text = '今年以来，市人力资源和社\n会保障局相关负责人表示，重庆市工业学\n校和大足\n职教中心共同参与。\n市教育局\n　　中心校工作。';
  const found = analyze(text, { only: { diagnostics: false } }).entities.filter((e): e is OrgEntity => e.type === 'org');
  assert.deepEqual(
    found.map((o) => `${o.text}→${o.canonical}`),
    [
      '市人力资源和社\n会保障局→市人力资源和社会保障局',
      '重庆市工业学\n校→重庆市工业学校',
      '大足\n职教中心→大足职业教育中心',
      '市教育局→市教育局',
    ],
  );
});

test('the dictionary’s organisation words that name a kind (卫生院, 普通高校, 供电局) are not names; with a place they are', () => {
  const segmenter = loadSegmenter();
  assert.ok(segmenter, 'nodejieba must load in the test environment');
  assert.deepEqual(orgs('全市共有卫生院98个、普通高校8所，加强卫生院建设，各供电局要落实。', segmenter), []);
  assert.deepEqual(orgs('株洲市卫生局、湘潭县卫生院、某某镇卫生院和株洲市中医院。', segmenter), [
    '株洲市卫生局',
    '湘潭县卫生院',
    '某某镇卫生院',
    '株洲市中医院',
  ]);
  assert.deepEqual(orgs('市消防救援支队、省消防救援总队和国家统计局株洲调查队。', segmenter), [
    '市消防救援支队',
    '省消防救援总队',
    '国家统计局株洲调查队',
  ]);
  // a statistics bureau is a parent only of what follows it directly (市统计局、市财政局 are two)
  assert.deepEqual(orgs('市统计局和市财政局联合发布，市统计局、市财政局。', segmenter), ['市统计局', '市财政局', '市统计局', '市财政局']);
});

test('bank branches and regulators’ local offices are one name with their head office; a kind of bank is not a name', () => {
  const segmenter = loadSegmenter();
  assert.deepEqual(
    orgs('中国人民银行长沙中心支行、中国工商银行湖南省分行、建设银行长沙支行和国家金融监督管理总局湖南监管局。', segmenter),
    ['中国人民银行长沙中心支行', '中国工商银行湖南省分行', '建设银行长沙支行', '国家金融监督管理总局湖南监管局'],
  );
  assert.deepEqual(orgs('各商业银行分行要配合，商业银行网点，重庆农村商业银行。', segmenter), ['重庆农村商业银行']);
});

test('a title line does not join the issuer under it; building work on schools of a kind names no school', () => {
  // the line break inside a paragraph would otherwise join 统计公报 and 杭州市统计局 as a column's broken name
  assert.deepEqual(orgs('2025年杭州市国民经济和社会发展统计公报\n杭州市统计局\n2026年3月15日'), ['杭州市统计局']);
  assert.deepEqual(orgs('关于做好2026年春耕生产工作的通知\n浙江省农业农村厅'), ['浙江省农业农村厅']);
  assert.deepEqual(orgs('新建改扩建中小学和幼儿园46所。'), []);
  // 新建 itself stays possible inside a name
  assert.deepEqual(orgs('南昌市新建区人民政府'), ['南昌市新建区人民政府']);
});

test('bare bodies listed after one addressed by kind are addressed by kind too (各市州财政局、教育局)', () => {
  assert.deepEqual(orgs('各市州财政局、教育局，各县市区财政局、教育局、人社局：'), []);
  // alone, a bare body stays a name, as before
  assert.deepEqual(orgs('教育局要加强管理。'), ['教育局']);
  assert.deepEqual(orgs('各市州财政局、长沙市教育局：'), ['长沙市教育局']);
});

test('with the segmenter: a city or county before its party committee (合肥市委, 中共肥西县委); not 全体 or a verb', () => {
  const segmenter = loadSegmenter();
  assert.deepEqual(orgs('在合肥市委、市政府的坚强领导下，中共肥西县委、肥西县人民政府部署。', segmenter), [
    '合肥市委',
    '市政府',
    '中共肥西县委',
    '肥西县人民政府',
  ]);
  assert.deepEqual(orgs('要加强市委领导。全体市委常委参加。', segmenter), ['市委', '市委']);
});

test('a line that starts with a whole name of its own is not joined to the line above', () => {
  assert.deepEqual(orgs('潍坊市统计局\n国家统计局潍坊调查队\n2024年3月1日'), ['潍坊市统计局', '国家统计局潍坊调查队']);
  assert.deepEqual(orgs('在湖南省第十四届人民代表大会第二次会议上\n湖南省财政厅'), ['湖南省财政厅']);
});

test('a verb before a bare level, 各 and 各地 before a body, kinds of centres and schools are not names', () => {
  assert.deepEqual(orgs('受省人民政府委托，向市教育局报告。'), ['省人民政府', '市教育局']);
  assert.deepEqual(orgs('各地住房公积金管理中心要落实，各住房公积金管理中心要配合。'), []);
  assert.deepEqual(orgs('建设中心村12个，推进成果转化中心、游客中心建设，发展普惠性幼儿园和义务教育阶段学校。'), []);
  assert.deepEqual(orgs('表2　2023年度学校经费收入情况'), []);
});

test('departments named since the 2018 reform: 省林草局, 旅游和文化广电体育厅', () => {
  assert.deepEqual(orgs('甘肃省林业和草原局、海南省旅游和文化广电体育厅、省林草局。'), [
    '甘肃省林业和草原局',
    '海南省旅游和文化广电体育厅',
    '省林草局',
  ]);
});

test('time and money’s destination are no part of a name; with the segmenter, a preposition before a place', () => {
  assert.deepEqual(orgs('此前省政府发布的通知。将罚没款缴至指定银行账户。'), ['省政府']);
  const segmenter = loadSegmenter();
  assert.deepEqual(orgs('收到本决定书之日起六十日内向杭州市人民政府申请行政复议。向阳区人民政府。', segmenter), [
    '杭州市人民政府',
    '向阳区人民政府',
  ]);
});

test('companies with their place in brackets are one name (阿里巴巴（中国）有限公司)', () => {
  assert.deepEqual(orgs('与阿里巴巴（中国）有限公司、网易（杭州）网络有限公司签约。'), [
    '阿里巴巴（中国）有限公司',
    '网易（杭州）网络有限公司',
  ]);
});

test('a two-character dictionary name the segmenter reads as part of other words is none (张建华为)', () => {
  const segmenter = loadSegmenter();
  assert.ok(segmenter);
  assert.deepEqual(orgs('任命张建华为江苏省发展和改革委员会主任。', segmenter), ['江苏省发展和改革委员会']);
  assert.ok(orgs('华为公司发布新产品。', segmenter).some((name) => name.startsWith('华为')));
});

test('words before a bare level are not the name’s (全年省交通运输厅, 职责划入省委…, 报告省委); a noun may be a county before 区', () => {
  const segmenter = loadSegmenter();
  assert.deepEqual(orgs('全年省交通运输厅共办理人大代表建议215件。', segmenter), ['省交通运输厅']);
  assert.deepEqual(orgs('其他职责划入省委金融委员会办公室。', segmenter), ['省委金融委员会办公室']);
  assert.deepEqual(orgs('在省农业农村厅加挂省乡村振兴局牌子。', segmenter), ['省农业农村厅', '省乡村振兴局']);
  assert.deepEqual(orgs('改革进展情况及时报告省委、省政府。', segmenter), ['省委', '省政府']);
  assert.deepEqual(orgs('开幕式上，近年来厦门大学与台湾地区高校签署了协议。', segmenter), ['厦门大学']);
  assert.deepEqual(orgs('由铜梁区电力公司负责实施。', segmenter), ['铜梁区电力公司']);
});

test('政府 opening a compound (政府采购, 政府性基金) or standing for government in general is no name', () => {
  const segmenter = loadSegmenter();
  for (const text of [
    '潜在投标人应在浙江政府采购网获取招标文件。',
    '方式：供应商登录政府采购云平台在线获取。',
    '今年新增地方政府专项债券额度3.8万亿元。',
    '同级政府采购监督管理部门负责监督。',
    '《中华人民共和国政府采购法》第二十二条。',
    '本项目执行进一步加大政府采购支持中小企业力度的要求。',
  ]) {
    assert.deepEqual(orgs(text, segmenter), [], text);
  }
  assert.deepEqual(orgs('杭州市财政局政府采购监管处负责解释。', segmenter), ['杭州市财政局']);
  assert.deepEqual(orgs('浙江省人民政府、杭州市政府联合发文。', segmenter), ['浙江省人民政府', '杭州市政府']);
});

test('party departments, 中共 before a place, whole names of bodies; kinds of institution counted or described are none', () => {
  const segmenter = loadSegmenter();
  assert.deepEqual(orgs('（二）组建省委社会工作部。', segmenter), ['省委社会工作部']);
  assert.deepEqual(orgs('中共江苏省委机构编制委员会办公室要加强统筹协调。', segmenter), ['中共江苏省委机构编制委员会办公室']);
  assert.deepEqual(orgs('各县市区住房和城乡建设局，宜昌高新区建设局：', segmenter), ['宜昌高新区建设局']);
  assert.deepEqual(orgs('落实住房城乡建设部有关政策。', segmenter), ['住房城乡建设部']);
  assert.deepEqual(orgs('医院中，公立医院512个，民营医院756个。三级医院186个，未定级医院263个。', segmenter), []);
  assert.deepEqual(orgs('组建智能交通、低碳能源等3个交叉学科研究中心。学员经营的一家服装公司。', segmenter), []);
  assert.deepEqual(orgs('严格执行《中华人民共和国人民法院组织法》第四十三条。', segmenter), []);
});

test('a county jieba tags a verb noun (射洪市) keeps its name; a long brand before a bracketed 集团 stays whole', () => {
  const segmenter = loadSegmenter();
  assert.deepEqual(orgs('来源：射洪市农业农村局', segmenter), ['射洪市农业农村局']);
  assert.deepEqual(orgs('绵阳科技城发展投资（集团）有限公司资产总额1268.4亿元。', segmenter), ['绵阳科技城发展投资（集团）有限公司']);
  assert.deepEqual(orgs('经县委编委办同意，招聘工作人员45名。', segmenter), ['县委编委办']);
});

test('customs offices, flood headquarters, village and town party bodies, brands opening with numerals', () => {
  const segmenter = loadSegmenter();
  assert.deepEqual(orgs('记者从合肥海关获悉。合肥海关、芜湖海关共签发证书2.36万份。', segmenter), ['合肥海关', '合肥海关', '芜湖海关']);
  assert.deepEqual(orgs('省防汛抗旱指挥部（以下简称省防指）认真贯彻国家防汛抗旱总指挥部部署。', segmenter), [
    '省防汛抗旱指挥部',
    '省防指',
    '国家防汛抗旱总指挥部',
  ]);
  assert.deepEqual(orgs('城关镇党委、安定镇党委、石门村党支部被评为先进基层党组织。', segmenter), [
    '城关镇党委',
    '安定镇党委',
    '石门村党支部',
  ]);
  assert.deepEqual(orgs('学校党委书记、校长任副理事长。', segmenter), []);
  assert.ok(
    orgs('中国中车株洲电力机车有限公司、三一集团有限公司、中联重科股份有限公司等龙头企业。', segmenter).includes('三一集团有限公司'),
  );
});

test('a verb of working with a body after 将, 要, 并… is no part of the name, even where it is also a place (会同县)', () => {
  const segmenter = loadSegmenter();
  assert.ok(segmenter);
  assert.deepEqual(orgs('市住建局将会同县农业农村局开展农房安全排查。', segmenter), ['市住建局', '县农业农村局']);
  assert.deepEqual(orgs('各部门要会同县农业农村局开展排查。', segmenter), ['县农业农村局']);
  // the county itself, where nothing makes 会同 a verb
  assert.deepEqual(orgs('会同县农业农村局召开会议。', segmenter), ['会同县农业农村局']);
});
