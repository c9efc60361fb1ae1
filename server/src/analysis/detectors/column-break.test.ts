import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../context';
import { applyEdits, fixAllToFixpoint, selectFixAllEdits } from '../fixes/apply';
import { loadSegmenter } from '../segment';
import type { Finding } from '../types';
import fc from 'fast-check';
import { columnBreak, displayWidth, endsSentence } from './column-break';

const segmenter = loadSegmenter();
const find = (text: string, withSegmenter = true): Finding[] =>
  columnBreak.detect(new AnalysisContext(text, withSegmenter ? { segmenter } : {}));
const fixAll = (text: string) => fixAllToFixpoint(text, find).text;
const visible = (text: string) => text.replace(/\s/g, '');

/** A paragraph of a narrow column, each piece one printed line (written for these tests). */
const COLUMN = [
  '近年来，我区坚持把职业',
  '教育摆在突出位置，持续',
  '加大经费投入，新建实训',
  '基地十二个，累计培训技',
  '能人才三千余人次。',
];
const JOINED = '近年来，我区坚持把职业教育摆在突出位置，持续加大经费投入，新建实训基地十二个，累计培训技能人才三千余人次。';

test('the segmenter is available for these tests', () => {
  assert.ok(segmenter, 'nodejieba must load in the test environment');
});

test('a column-broken paragraph is one finding whose fix joins its lines', () => {
  const text = `${COLUMN.join('\n')}\n`;
  const found = find(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.equal(found[0]!.fixAllSafe, true);
  assert.equal(found[0]!.fixes[0]!.edits.length, COLUMN.length - 1);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), `${JOINED}\n`);
  assert.match(found[0]!.message.zh, /5 行/);
  assert.match(found[0]!.message.en, /joining the 5 lines/);
});

test('blank lines between the pieces are removed with the breaks', () => {
  const text = `${COLUMN.join('\n\n')}\n\n下一段文字保持不变。\n`;
  assert.equal(fixAll(text), `${JOINED}\n\n下一段文字保持不变。\n`);
});

test('CRLF files: the breaks go, every other line end stays CRLF', () => {
  const text = `职业教育专题报道\r\n\r\n${COLUMN.join('\r\n')}\r\n\r\n下一段文字保持不变。\r\n`;
  const fixed = fixAll(text);
  assert.equal(fixed, `职业教育专题报道\r\n\r\n${JOINED}\r\n\r\n下一段文字保持不变。\r\n`);
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
  const blankSeparated = `${COLUMN.join('\r\n\r\n')}\r\n`;
  assert.equal(fixAll(blankSeparated), `${JOINED}\r\n`);
});

test('two column paragraphs are two findings and are not joined to each other', () => {
  const second = ['同时，区人社局组织专家', '深入企业开展上门服务，', '帮助企业解决用工难题。'];
  const text = `${COLUMN.join('\n')}\n${second.join('\n')}\n`;
  const found = find(text);
  assert.equal(found.length, 2);
  assert.equal(fixAll(text), `${JOINED}\n同时，区人社局组织专家深入企业开展上门服务，帮助企业解决用工难题。\n`);
});

test('headings before a column paragraph stay on their own lines', () => {
  const text = `精准发力\n技能培训惠及千家万户\n\n${COLUMN.join('\n')}\n`;
  assert.equal(fixAll(text), `精准发力\n技能培训惠及千家万户\n\n${JOINED}\n`);
  const single = `校企合作\n\n${COLUMN.join('\n\n')}\n`;
  assert.equal(fixAll(single), `校企合作\n\n${JOINED}\n`);
});

test('a word split across a break is named in the message', () => {
  const text = '学校先后开展中小企业经\n营管理等专业知识培训，\n持续推进技能鉴定工作。\n';
  const [finding] = find(text);
  assert.ok(finding);
  assert.match(finding.message.zh, /经营/);
  assert.equal(applyEdits(text, finding.fixes[0]!.edits), '学校先后开展中小企业经营管理等专业知识培训，持续推进技能鉴定工作。\n');
});

test('Latin words on both sides of a break keep one space', () => {
  const text = '项目组采用Visual\nStudio进行开发，大大提\n高了工作效率。\n';
  assert.equal(fixAll(text), '项目组采用Visual Studio进行开发，大大提高了工作效率。\n');
});

test('a normal document with one paragraph per line gets nothing', () => {
  const text = [
    '重庆市人力资源和社会保障局关于印发技工教育规划的通知',
    '',
    '各区县人力社保局，有关单位：',
    '',
    '    现将《重庆市技工教育“十四五”规划》印发给你们，请结合实际认真贯彻落实，确保各项任务按期完成。',
    '',
    '    一、规划背景',
    '',
    '    （一）发展现状',
    '',
    '    “十三五”期间，全市技工院校累计培养毕业生二十余万人，毕业生就业率保持在百分之九十八以上，为经济社会发展提供了有力支撑。',
    '',
    '    重庆市人力资源和社会保障局',
    '',
    '    2021年12月31日',
  ].join('\n');
  assert.deepEqual(find(text), []);
});

test('lists, bylines, captions and tables are not column breaks', () => {
  for (const clean of [
    '一是加强组织领导\n二是完善制度体系\n三是强化督促检查\n',
    '（一）指导思想\n（二）基本原则\n（三）发展目标\n',
    '●高基地总计培训各类人员\n●建设专业共完成改革项目\n',
    '指标\n2020\n2025\n1.在校生规模(万人)\n3\n>3.5\n',
    '王小寒 刘进\n\n图片由北碚区教委提供\n',
    '地址：重庆市渝北区\n电话：023-12345678\n',
  ]) {
    assert.deepEqual(find(clean), [], clean);
  }
});

test('a subtitle opening with a dash is a line of its own, whatever word its end makes with the next line', () => {
  // 会议上⏎市财政局 reads 上市 across the break: a report's subtitle and its byline, not a wrapped sentence
  const head = '——2026年1月10日在市第十七届人民代表大会第五次会议上\n\n市财政局局长  张  伟\n\n各位代表：\n';
  assert.deepEqual(find(head), []);
  // the column paragraph under them is still joined, and only it
  const speech = ['——在全市职业教育工作会议上的讲话', '', '市教委主任  李  明', '', ...COLUMN].join('\n');
  const found = find(speech);
  assert.equal(found.length, 1);
  assert.equal(speech.slice(found[0]!.start, found[0]!.end), COLUMN.join('\n'));
});

test('a list of names one per line, similar in width, is not a column', () => {
  const names = '重庆市教育委员会\n重庆市财政局机关\n重庆市民政局机关\n重庆市交通运输局\n重庆市农业农村委员会\n重庆市卫生健康委员会\n';
  assert.deepEqual(find(names), []);
  assert.deepEqual(find(names, false), []);
  assert.deepEqual(find('不忘初心\n牢记使命\n'), []);
});

test('without the segmenter only long uniform blocks are reported, as information fix-all skips', () => {
  const long = `${COLUMN.join('\n')}\n`;
  const found = find(long, false);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'information');
  assert.equal(found[0]!.fixAllSafe, false);
  assert.equal(selectFixAllEdits(found).edits.length, 0);
  assert.deepEqual(find('学校先后开展中小企业经\n营管理等专业知识培训。\n', false), []);
});

test('fix-all is idempotent and removes nothing but white space', () => {
  const text = `专题\n\n${COLUMN.join('\n\n')}\n\n同时，区人社局组织专家\n深入企业开展上门服务，\n帮助企业解决用工难题。\n`;
  const once = fixAll(text);
  assert.notEqual(once, text);
  assert.equal(fixAll(once), once);
  assert.equal(visible(once), visible(text));
});

test('the fixes of every block combine into one edit list (the join-all source action), other findings aside', () => {
  const text = `${COLUMN.join('\n')}\n\n同时，区人社局组织专家\n深入企业开展上门服务，\n帮助企业解决用工难题。\n`;
  const other: Finding = {
    code: 'duplicated-unit',
    severity: 'warning',
    message: { zh: '', en: '' },
    start: 0,
    end: 1,
    fixes: [{ title: { zh: '', en: '' }, edits: [{ start: 0, end: 1, newText: 'X' }] }],
  };
  const { edits } = selectFixAllEdits([...find(text), other].filter((f) => f.code === 'column-break'));
  assert.equal(edits.length, 6);
  assert.equal(applyEdits(text, edits), fixAll(text));
});

test('display width counts Han as two units and digits as one', () => {
  assert.equal(displayWidth('近年来，我市'), 12);
  assert.equal(displayWidth('2020年'), 6);
  assert.equal(displayWidth('𠀾'), 2);
});

test('a page hard-wrapped wider than a column (40 characters a line) is joined; a wide line over a narrow paragraph is not', () => {
  const page = [
    '    为深入贯彻落实党中央、国务院关于稳就业的决策部署，现就做好2024年度高校毕业',
    '生就业创业工作通知如下：',
    '    一、拓宽就业渠道。各地要积极开发适合高校毕业生的岗位，全年力争新增就业岗位',
    '1.2万个以上。对吸纳离校未就业高校毕业生的中小微企业，按每人1000元标准给予一次',
    '性吸纳就业补贴。',
  ].join('\n');
  const found = find(page);
  assert.equal(found.length, 2, JSON.stringify(found.map((f) => page.slice(f.start, f.end))));
  assert.ok(found.every((f) => f.severity === 'warning' && /hard-wrapped lines of a page/.test(f.message.en)));
  assert.equal(
    fixAll(page),
    [
      '    为深入贯彻落实党中央、国务院关于稳就业的决策部署，现就做好2024年度高校毕业生就业创业工作通知如下：',
      '    一、拓宽就业渠道。各地要积极开发适合高校毕业生的岗位，全年力争新增就业岗位1.2万个以上。对吸纳离校未就业高校毕业生的中小微企业，按每人1000元标准给予一次性吸纳就业补贴。',
    ].join('\n'),
  );
  // a wide line, a blank line, then a narrow paragraph of another column: two things, not one
  const mixed =
    '紧扣教育扶贫推进节奏，北碚结合实际制定了《学生资助工作要点》《北碚\n\n政策是教育扶贫的依据，全面执行政策，\n更是教育扶贫的必然要求。';
  assert.ok(!find(mixed).some((f) => f.start === 0), JSON.stringify(find(mixed)));
  // lines wider than a page are paragraphs of their own
  const wide = `${'全市新建实训基地十二个，累计培训技能人才三千余人次，覆盖二十九个区县和'.repeat(2)}\n发展。`;
  assert.deepEqual(find(wide), []);
});

test('a page number or a newspaper’s running head between two lines of a running sentence goes with the break (— 3 —, 第3页, …星期一 第3版); between paragraphs it stays', () => {
  const page = (number: string) =>
    [
      '    为深入贯彻落实党中央、国务院关于稳就业的决策部署，现就做好2024年度高校毕业',
      '生就业创业工作通知如下：各地要积极开发适合高校毕业生的岗位，全年力争新增就业',
      '',
      number,
      '',
      '岗位1.2万个以上。对吸纳离校未就业高校毕业生的中小微企业，按每人1000元标准给予',
      '一次性吸纳就业补贴。',
    ].join('\n');
  for (const number of [
    '— 3 —',
    '- 12 -',
    '·3·',
    '第3页',
    '第3页 共10页',
    '2023年5月8日 星期一 第3版',
    '人民日报 2023年5月8日 第3版 要闻',
    '2023年第5期  湖南政报',
    '政 府 公 报',
  ]) {
    const found = find(page(number));
    assert.equal(found.length, 1, number);
    assert.match(found[0]!.message.en, /page numbers|running heads/);
    assert.equal(
      fixAll(page(number)),
      '    为深入贯彻落实党中央、国务院关于稳就业的决策部署，现就做好2024年度高校毕业生就业创业工作通知如下：各地要积极开发适合高校毕业生的岗位，全年力争新增就业岗位1.2万个以上。对吸纳离校未就业高校毕业生的中小微企业，按每人1000元标准给予一次性吸纳就业补贴。',
    );
  }
  // the sentence ended before the page number: nothing to join, the number stays
  const between = '    全年新增就业岗位1.2万个以上，超额完成目标任务。\n— 3 —\n    二、加强就业服务。开展招聘专项行动。';
  assert.deepEqual(find(between), []);
});

test('in a column that indents its paragraphs, a sentence that ends with a full line goes on on the next, unindented one', () => {
  const indented = [
    '　　近日，记者从市住房和城乡建设',
    '局获悉，今年我市计划改造老旧小',
    '区一百二十六个，总投资十五亿元。',
    '截至目前，已开工改造小区九十八',
    '个，开工率达百分之七十七。',
    '　　据市住建局相关负责人介绍，今',
    '年的改造工作坚持居民自愿原则。',
    '　　下一步，市住建局将会同市财政',
    '局等部门加大资金争取力度。',
  ].join('\n');
  assert.equal(
    fixAll(indented),
    [
      '　　近日，记者从市住房和城乡建设局获悉，今年我市计划改造老旧小区一百二十六个，总投资十五亿元。截至目前，已开工改造小区九十八个，开工率达百分之七十七。',
      '　　据市住建局相关负责人介绍，今年的改造工作坚持居民自愿原则。',
      '　　下一步，市住建局将会同市财政局等部门加大资金争取力度。',
    ].join('\n'),
  );
  // a column that does not indent its paragraphs gives no sign of where they start: the sentence end stays a break
  const flush = indented.replace(/^\u3000+/gm, '');
  assert.equal(fixAll(flush).split('\n')[0], '近日，记者从市住房和城乡建设局获悉，今年我市计划改造老旧小区一百二十六个，总投资十五亿元。');
});

test('captions of tables and figures on consecutive lines are not a broken paragraph', () => {
  assert.deepEqual(find('表1　2023届毕业生就业情况\n表2　2023年度学校经费收入情况\n图3　2022年各专业招生人数\n'), []);
});

test('the indented first line of a paragraph is as wide as the column: the next line is no wider than it', () => {
  const text = [
    '　　“过去一刮风，沙子就埋',
    '到门槛上。”林场场长郭万刚说。',
    '　　近年来，古浪县探索治沙模',
    '式，在沙区发展梭梭接种肉苁蓉。',
  ].join('\n');
  assert.equal(
    fixAll(text),
    ['　　“过去一刮风，沙子就埋到门槛上。”林场场长郭万刚说。', '　　近年来，古浪县探索治沙模式，在沙区发展梭梭接种肉苁蓉。'].join('\n'),
  );
});

test('a masthead’s date line between two headings is no page break to join across', () => {
  assert.deepEqual(find('经 济 日 报\n2023年5月8日 星期一 第3版\n区域经济\n'), []);
});

test('narrow lines beside a picture, in a paragraph whose other lines are page-wide, are joined to them', () => {
  // the last narrow line goes on in a wide one (较⏎好。)
  assert.equal(
    fixAll('审计结果表明，2022年市\n级预算执行情况总体较\n好。市级一般公共预算总收入456.78亿元，总支出448.92亿元，年终结转结余7.86亿元。'),
    '审计结果表明，2022年市级预算执行情况总体较好。市级一般公共预算总收入456.78亿元，总支出448.92亿元，年终结转结余7.86亿元。',
  );
  assert.equal(
    fixAll(
      '本届活动为期7天，\n设置闽南文化体验、\n科技创新参访、乡\n村振兴调研等三\n个主题板块。活动期间，参加师生将先后走访福建省泉州市、漳州市和平潭综合实验区。',
    ),
    '本届活动为期7天，设置闽南文化体验、科技创新参访、乡村振兴调研等三个主题板块。活动期间，参加师生将先后走访福建省泉州市、漳州市和平潭综合实验区。',
  );
});

test('a line of the text with stray spaces between its characters is text, never a running head to drop', () => {
  const text = [
    '成渝地区双',
    '城经济圈建设启',
    '动以来，大足区提',
    '出要擦亮职业教',
    '育品牌，实施“职',
    '业 教 育 提 升 工',
    '程”，启动大足职',
    '教中心建设。',
  ].join('\n');
  assert.ok(fixAll(text).includes('业 教 育 提 升 工') || fixAll(text).includes('业教育提升工'));
  assert.equal(fixAll(text).replace(/\s/g, ''), text.replace(/\s/g, ''));
});

test('endsSentence reads a line end as the pattern anchored there does', () => {
  const pattern = /(?:[。！？!?；;…：:]|\.{3})[”’"'）)」』》〕】]*$/;
  const unit = fc.constantFrom('。', '！', '?', '；', '…', '：', '.', '”', '’', '"', "'", '）', '」', '》', '】', '字', '，', '1', ' ');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 8 }), (units) => {
      const line = units.join('');
      assert.equal(endsSentence(line), pattern.test(line), JSON.stringify(line));
    }),
    { numRuns: 1000 },
  );
});
