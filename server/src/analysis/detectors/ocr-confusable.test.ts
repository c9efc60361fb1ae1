import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';
import { loadSegmenter } from '../segment';

const segmenter = loadSegmenter();
const findings = (text: string, userWords?: string[]) =>
  analyze(text, { ...(segmenter ? { segmenter } : {}), ...(userWords ? { userWords } : {}) }).diagnostics.filter(
    (f) => f.code === 'ocr-confusable',
  );

/** Each damaged text gets one finding, whose fix gives the repaired text. */
function assertRepairs(pairs: ReadonlyArray<readonly [string, string]>): void {
  for (const [damaged, repaired] of pairs) {
    const d = findings(damaged);
    assert.equal(d.length, 1, damaged);
    assert.equal(applyEdits(damaged, d[0]!.fixes[0]!.edits), repaired);
  }
}

test('the segmenter loads (these tests need it)', () => {
  assert.ok(segmenter?.cutDictionary);
});

test('a misread character that makes a non-word is repaired to the common word', () => {
  for (const [damaged, repaired] of [
    ['该县耕地而积达到三十万亩。', '该县耕地面积达到三十万亩。'],
    ['各项工作己经全部完成。', '各项工作已经全部完成。'],
    ['着力解决群众反映的实际间题。', '着力解决群众反映的实际问题。'],
  ] as const) {
    const d = findings(damaged);
    assert.equal(d.length, 1, damaged);
    assert.equal(applyEdits(damaged, d[0]!.fixes[0]!.edits), repaired);
    assert.equal(d[0]!.fixAllSafe, false);
  }
});

test('末 or 己 alone before a verb is the adverb 未 or 已, though no dictionary word shows it', () => {
  for (const [damaged, repaired] of [
    ['部分学校办学条件末达到国家标准。', '部分学校办学条件未达到国家标准。'],
    ['年度任务己完成。', '年度任务已完成。'],
  ] as const) {
    const d = findings(damaged);
    assert.equal(d.length, 1, damaged);
    assert.equal(applyEdits(damaged, d[0]!.fixes[0]!.edits), repaired);
    assert.equal(d[0]!.severity, 'information');
  }
  // 末 and 己 inside words, or in idioms, before a verb are right
  for (const clean of [
    '到了年末完成任务。',
    '自己完成作业。',
    '周末加班。',
    '知己知彼。',
    '本末倒置。',
    '克己奉公。',
    '十二五末达到标准。',
    '学期末完成考核。',
    '二季度末完成任务。',
  ]) {
    assert.deepEqual(
      findings(clean).map((d) => clean.slice(d.start, d.end)),
      [],
      clean,
    );
  }
});

test('因索 is 因素 (索 and 素 are look-alikes)', () => {
  const text = '这是制约发展的重要因索。';
  const d = findings(text);
  assert.equal(d.length, 1);
  assert.equal(applyEdits(text, d[0]!.fixes[0]!.edits), '这是制约发展的重要因素。');
  assert.deepEqual(findings('积极探索，提高素质。'), []);
});

test('the legitimate use of a look-alike character stays clean', () => {
  for (const clean of [
    '而且要进一步加强管理，进而提高效率，从而形成合力。',
    '企业规模大而全，因而积极推进改革，而积累的经验值得推广。',
    '让人学会技能，使人入职即能上岗。',
    '已经完成任务，自己动手，早已不是问题。',
    '未来五年，期末考试，日常管理，干部队伍，土地流转，人士参与。',
    '截至2021年12月31日，全市共有技工院校45所。',
    '职业教育面向人人，面临新的机遇。',
  ]) {
    assert.deepEqual(
      findings(clean).map((d) => clean.slice(d.start, d.end)),
      [],
      clean,
    );
  }
});

test('a user word is never flagged', () => {
  assert.equal(findings('该县耕地而积达到三十万亩。', ['而积']).length, 0);
});

test('without the segmenter it is silent', () => {
  assert.equal(analyze('该县耕地而积达到三十万亩。').diagnostics.filter((f) => f.code === 'ocr-confusable').length, 0);
});

test('shapes scanned policy texts also confuse: 平/乎, 竞/竟, 实/买', () => {
  for (const [damaged, repaired] of [
    ['进一步提高管理水乎。', '进一步提高管理水平。'],
    ['积极参与国际竟争。', '积极参与国际竞争。'],
    ['认真落买各项政策。', '认真落实各项政策。'],
  ] as const) {
    const d = findings(damaged);
    assert.equal(d.length, 1, damaged);
    assert.equal(applyEdits(damaged, d[0]!.fixes[0]!.edits), repaired);
  }
  // and their words stay silent
  for (const clean of [
    '几乎所有企业都已购买保险，毕竟没有历史经验可循，要埋头苦干、持续发力。',
    '设立专项资金，缓解融资难题，继续援助困难群众。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('more shapes of scanned pages: 项/顶, 划/刘, 季/李, 广/厂, 颁/颂; the words they belong to stay clean', () => {
  assertRepairs([
    ['今年共实施重点顶目126个。', '今年共实施重点项目126个。'],
    ['全年计刘投资2200亿元。', '全年计划投资2200亿元。'],
    ['第三李度增长5%。', '第三季度增长5%。'],
    ['要厂泛动员群众。', '要广泛动员群众。'],
    ['颂发荣誉证书。', '颁发荣誉证书。'],
  ]);
  assert.deepEqual(findings('重点项目、计划、季度、广泛、颁发、延长、工厂、刘强同志、李明同志、宇宙、栽培、眼睛、晴天、载体。'), []);
});

test('fixed phrases rarer than common words (之日起, 未经, 已于), 戍 for 成 one way only, 介 for 个 after a figure', () => {
  assertRepairs([
    ['自印发之曰起施行。', '自印发之日起施行。'],
    ['末经审核的项目不得拨付。', '未经审核的项目不得拨付。'],
    ['该项工作己于去年完成。', '该项工作已于去年完成。'],
    ['较好完戍了任务。', '较好完成了任务。'],
    ['新增学位1.08万介。', '新增学位1.08万个。'],
  ]);
  assert.deepEqual(findings('年末经济运行平稳，周末经常加班，自己于心不安。今年是戊戌年，成功完成。一介书生，3介绍。'), []);
});

test('温/湿, 盍/盖, 扳/报, 镜/境: 生态温地, 覆盍率, 申扳, 环镜 are repaired; the words they belong to stay', () => {
  assertRepairs([
    ['保护生态温地。', '保护生态湿地。'],
    ['森林覆盍率达到62%。', '森林覆盖率达到62%。'],
    ['一次申扳。', '一次申报。'],
    ['改善人居环镜。', '改善人居环境。'],
  ]);
  assert.deepEqual(findings('温度适宜、湿地公园、覆盖、申报、环境、眼镜、温湿度、扳手、境外。'), []);
});

test('a misreading that the dictionary holds as a rare word of its own is repaired to the common word', () => {
  assertRepairs([
    ['各级领导千部要带头落实。', '各级领导干部要带头落实。'],
    ['经过民主推荐，确定侯选人名单。', '经过民主推荐，确定候选人名单。'],
    ['自已的事情要做好。', '自己的事情要做好。'],
    ['全市居民人均可支配收人增长5%。', '全市居民人均可支配收入增长5%。'],
  ]);
  // counted with a numeral (三千部影片), inside longer words (接收人员, 税收人均), and rare words that are
  // right as written (扳道员, 苦干) are left alone; so is a rare word the user listed
  for (const clean of ['共放映三千部影片，上千部作品参展。', '接收人员名单，税收人均增长。', '铁路扳道员岗位。', '埋头苦干。']) {
    assert.deepEqual(findings(clean), [], clean);
  }
  assert.deepEqual(findings('确定侯选人名单。', ['侯选人']), []);
});

test('rare shapes read for common characters: 迼, 兀, 眀, 贠, 箅, 昕, 仼, 枇', () => {
  assertRepairs([
    ['计算机、通信和其他电子设备制迼业R&D经费增长。', '计算机、通信和其他电子设备制造业R&D经费增长。'],
    ['实现地区生产总值1200亿兀。', '实现地区生产总值1200亿元。'],
    ['中标金额498.00万兀，较预算下浮。', '中标金额498.00万元，较预算下浮。'],
    ['全面贯彻习近平生态文眀思想。', '全面贯彻习近平生态文明思想。'],
    ['园区一家企业贠责人介绍。', '园区一家企业负责人介绍。'],
    ['一般公共预算收入为预箅的101.3%。', '一般公共预算收入为预算的101.3%。'],
    ['虚心昕取省政协的意见。', '虚心听取省政协的意见。'],
    ['确保各项改革仼务按期完成。', '确保各项改革任务按期完成。'],
    ['工程建设项目审枇全流程时间压缩。', '工程建设项目审批全流程时间压缩。'],
  ]);
  // their right uses, and 昕 after a surname, a given name (张昕说 is not 听说)
  for (const clean of [
    '突兀而起，兀自矗立。',
    '枇杷种植。',
    '副市长张昕说，刘昕到会指导。',
    '生态文明、负责人、预算、听取、任务、审批。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('common shapes read one way: 教 for 数, 著 for 者, 杜 for 社, 客 for 容, 亚 for 业, 午 for 年, 竟 for 境, 恪 for 格', () => {
  assertRepairs([
    ['城乡居民基本养老保险参保人教5024.6万人。', '城乡居民基本养老保险参保人数5024.6万人。'],
    ['企业负责人告诉记著。', '企业负责人告诉记者。'],
    ['组建省委杜会工作部。', '组建省委社会工作部。'],
    ['全国发电装机客量约27.1亿千瓦。', '全国发电装机容量约27.1亿千瓦。'],
    ['限额以上餐饮企亚：指年主营业务收入200万元及以上的企业。', '限额以上餐饮企业：指年主营业务收入200万元及以上的企业。'],
    ['澳门特区政府教育及青午发展局表示。', '澳门特区政府教育及青年发展局表示。'],
    ['进一步优化营商环竟。', '进一步优化营商环境。'],
    // the swap divides 成交价 into 成交 and 价格: not a word of the original broken
    ['按成交价恪的10%给予补贴。', '按成交价格的10%给予补贴。'],
  ]);
  for (const clean of [
    '教书育人，请教专家，宗教事务，因材施教。',
    '著名专家，显著提高，卓著成效，土著居民。',
    '杜绝浪费。杜会明同志任市委书记，任命杜区平为局长。',
    '客户、游客、客运量、亚洲、亚运会、午餐、中午、毕竟、竟然、恪守。',
    // in traditional text 著 is the particle 着, and 環境 is 环境
    '一個執行著的伺服器。如果當前語言環境是 C。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('rarer policy words repair misreadings that right text hardly has alone', () => {
  assertRepairs([
    ['长沙黄花国际机场货邮吞叶量19.7万吨。', '长沙黄花国际机场货邮吞吐量19.7万吨。'],
    ['兑现当事人胜拆权益。', '兑现当事人胜诉权益。'],
    ['货车往来穿棱。', '货车往来穿梭。'],
    ['耕地古用税和教育费附加。', '耕地占用税和教育费附加。'],
    ['兔去刘志刚的江苏省农业农村厅副厅长职务。', '免去刘志刚的江苏省农业农村厅副厅长职务。'],
    ['出院者平均往院日为8.6日。', '出院者平均住院日为8.6日。'],
    ['责今停产停业整顿企业37家。', '责令停产停业整顿企业37家。'],
    ['可抵减纳税入以后月份应缴纳税款。', '可抵减纳税人以后月份应缴纳税款。'],
    ['全省医疗卫生机构总诊疗入次4.86亿人次。', '全省医疗卫生机构总诊疗人次4.86亿人次。'],
    ['三、住房公积全归集使用情况', '三、住房公积金归集使用情况'],
    ['全市128家危险化学晶生产经营企业。', '全市128家危险化学品生产经营企业。'],
    ['城镇调查失业卒为5.2%。', '城镇调查失业率为5.2%。'],
    // traditional text is judged in simplified characters
    ['經季節性調整的失業卒為2.9%。', '經季節性調整的失業率為2.9%。'],
  ]);
  // not the other way, nor common characters of their own, nor surnames and phrases at the start of a word
  for (const clean of [
    '“有人没活干”和“有活没人干”并存。',
    '把文件送人，大多数人会选择。',
    '库和由每个应用程序提供的文件。',
    '市财政拨出专项资金，为了方便而设。',
    '叶露同志任办公室主任。',
    '全城动员，全价门票。',
    '古有愚公移山，今有新时代奋斗者。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('beside figures: 兀 for 元, 曰 for 日 in a date, 未 for 末 ending a month or a year', () => {
  assertRepairs([
    ['每人每月再增加45兀。', '每人每月再增加45元。'],
    ['2023年5月8曰召开。', '2023年5月8日召开。'],
    ['二〇二三年五月八曰', '二〇二三年五月八日'],
    ['截至2023年12月未，全市商品住宅可售面积下降。', '截至2023年12月末，全市商品住宅可售面积下降。'],
  ]);
  for (const clean of ['截至12月未完成的项目。', '子曰：学而时习之。', '3个月未达标的企业。']) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('a misreading the cut hides in a word of its own (发盲人: 发/盲人) is looked up by name', () => {
  assertRepairs([
    ['国家发展改革委新闻发盲人孟玮出席发布会。', '国家发展改革委新闻发言人孟玮出席发布会。'],
    ['招收博土生120人。', '招收博士生120人。'],
  ]);
  // where a word of the cut crosses its ends it is something else (开发 of 开发盲人)
  for (const clean of ['帮助盲人就业。', '开发盲人辅助设备。']) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('而 opening a clause may be the conjunction: a repair to 面对 there is only a guess', () => {
  const [clauseStart] = findings('对违反规定的，依法处理；而对主动整改的企业，可以从轻处罚。');
  assert.equal(clauseStart?.severity, 'information');
  const [inside] = findings('该县耕地而积达到三十万亩。');
  assert.equal(inside?.severity, 'warning');
});

test('rare shapes read one way for common characters: 迸, 宙, 坏, 屈, 忖, 枝; their right uses stay clean', () => {
  assertRepairs([
    ['全面推迸乡村振兴。', '全面推进乡村振兴。'],
    ['依法开展宙计监督。', '依法开展审计监督。'],
    ['加强对干部的考枝评价。', '加强对干部的考核评价。'],
    ['纳入年度综合考枝。', '纳入年度综合考核。'],
  ]);
  for (const clean of [
    '火花四处迸溅，岩浆从地下迸出，激情迸发。',
    '宇宙空间站，元古宙地层。',
    '设备损坏比较严重，好坏比较明显，坏账比例下降，东西坏了要修。',
    '他感到委屈，宁死不屈，首屈一指，屈指可数，屈原故里，卑躬屈膝，威武不能屈。',
    '他心中暗忖道，自忖能力不足，思忖良久。',
    '树枝上挂满果实，一枝独秀，荔枝丰收，枝繁叶茂，攀枝花市，节外生枝。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('policy words that jieba under-counts repair: 环比, 拨付, 准考证, 应届, 行政村', () => {
  assertRepairs([
    ['全市工业增加值坏比增长0.42%。', '全市工业增加值环比增长0.42%。'],
    ['扶贫小额信贷贴息资金拔付不及时。', '扶贫小额信贷贴息资金拨付不及时。'],
    ['考生凭淮考证进入考场。', '考生凭准考证进入考场。'],
    ['做好高校应屈毕业生就业工作。', '做好高校应届毕业生就业工作。'],
    ['全镇下辖19个行政忖、2个社区。', '全镇下辖19个行政村、2个社区。'],
  ]);
  for (const clean of ['海拔三千米，选拔干部，拔河比赛，出类拔萃，连根拔起。', '淮河流域，江淮大地，淮海经济区，秦淮河畔。']) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('土 for 上, 日 for 目, 力 for 办: common characters, repaired to their listed words only', () => {
  assertRepairs([
    ['全市生产总值比土年增长5.6%。', '全市生产总值比上年增长5.6%。'],
    ['圆满完成年度日标任务。', '圆满完成年度目标任务。'],
    ['全年省交通运输厅共力理人大代表建议。', '全年省交通运输厅共办理人大代表建议。'],
  ]);
  for (const clean of [
    '土地流转，埋在土下，黄土高原，故土难离，本土企业，土生土长，寸土必争，以土为本，一方水土养一方人。',
    '5日的会议，截止日的前一天，工作日的上午，开放日的安排，当日标价，每日标准，主题日活动，8日标志着。',
    '努力办好民生实事，全力以赴，协力同心，合力公司，主力部队，执行力公开评议，不遗余力，尽力而为。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('characters never right in a modern text (巿 U+5DFF, 釆 U+91C6, 亊) are repaired wherever they stand', () => {
  assertRepairs([
    ['推进城巿更新行动。', '推进城市更新行动。'],
    ['规范政府釆购行为。', '规范政府采购行为。'],
    ['依法追究刑亊责任。', '依法追究刑事责任。'],
  ]);
  assert.deepEqual(findings('城市、采购、刑事、釉面砖。'), []);
});

test('known misreadings no other rule finds: 四舍五人, 采购入 (采购入库 and 采购入围 are right)', () => {
  assertRepairs([
    ['部分数据因四舍五人的原因，存在总计与分项合计不等的情况。', '部分数据因四舍五入的原因，存在总计与分项合计不等的情况。'],
    ['评审委员会由采购入代表和评审专家组成。', '评审委员会由采购人代表和评审专家组成。'],
  ]);
  for (const clean of ['四舍五入。政府采购入库，采购入围供应商，采购入账。', '采购人代表。']) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('beside figures: 忆 for 亿 after digits, 干 for 千 between a numeral and a unit', () => {
  assertRepairs([
    ['全年经费投入30782.9忆元。', '全年经费投入30782.9亿元。'],
    ['处五干元以上五万元以下罚款。', '处五千元以上五万元以下罚款。'],
    ['新建光伏电站200干瓦。', '新建光伏电站200千瓦。'],
    ['全镇有两干多人外出务工。', '全镇有两千多人外出务工。'],
  ]);
  for (const clean of [
    '记忆犹新，回忆录，忆苦思甜。',
    '一干人等，将一干家属带走，若干元，十干十二支，召开三干会议，一干二净，选派五名干部，三干部。',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});
