import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from '../context';
import { applyEdits } from '../fixes/apply';
import { loadSegmenter } from '../segment';
import type { Finding } from '../types';
import { cjkStraySpace } from './cjk-stray-space';
import { analyze } from '../index';

const segmenter = loadSegmenter();
const find = (text: string, withSegmenter = true): Finding[] =>
  cjkStraySpace.detect(new AnalysisContext(text, withSegmenter ? { segmenter } : {}));
const warnings = (text: string) => find(text).filter((f) => f.severity === 'warning');
const fixedByFirst = (text: string) => {
  const found = warnings(text);
  assert.ok(found.length > 0, `expected a warning in ${text}`);
  return applyEdits(text, found[0]!.fixes[0]!.edits);
};

test('the segmenter is available for these tests', () => {
  assert.ok(segmenter, 'nodejieba must load in the test environment');
});

test('a space splitting a word is a warning whose fix removes it', () => {
  const cases: [string, string][] = [
    ['我国新能源汽 车产量持续增长。', '我国新能源汽车产量持续增长。'],
    ['今年共引进博 士后研究人员30名。', '今年共引进博士后研究人员30名。'],
    ['组织全市中小学教 师参加培训。', '组织全市中小学教师参加培训。'],
    ['加快推进乡村振\u3000兴战略落地。', '加快推进乡村振兴战略落地。'],
    ['推动经济高质量发   展，', '推动经济高质量发展，'],
    ['全区医疗卫生机构的医务人 员共计八百人。', '全区医疗卫生机构的医务人员共计八百人。'],
  ];
  for (const [damaged, repaired] of cases) {
    const found = warnings(damaged);
    assert.equal(found.length, 1, damaged);
    assert.equal(found[0]!.fixAllSafe, true);
    assert.equal(applyEdits(damaged, found[0]!.fixes[0]!.edits), repaired);
    // the finding covers the space itself
    assert.match(damaged.slice(found[0]!.start, found[0]!.end), /^[ \u3000]+$/);
  }
});

test('the message names the split word and says what the fix does', () => {
  const [finding] = warnings('我国新能源汽 车产量持续增长。');
  assert.match(finding!.message.zh, /汽车/);
  assert.match(finding!.message.zh, /删除/);
  assert.match(finding!.message.en, /removes the space/);
});

test('a letter-spaced word inside a sentence is one finding that removes every space', () => {
  const text = '全面实施“乡 村 振 兴 工程”，带动农民增收。';
  const found = warnings(text);
  assert.equal(found.length, 1);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), '全面实施“乡村振兴工程”，带动农民增收。');
});

test('a spaced title on a line of its own is typography', () => {
  assert.equal(find('通  知\n\n各区县人民政府：\n').length, 0);
  assert.equal(find('工作总结\n\n目 录\n\n一、基本情况\n').length, 0);
  assert.equal(find('前 言\n').length, 0);
});

test('spaces between complete words in headlines, titles and bylines stay silent', () => {
  for (const clean of [
    '控辍保学 义务教育一个都不能少',
    '重庆人社 为发展新质生产力强化技能支持与人才支撑',
    '竭尽教育之力 阻断贫困代际传递',
    '民生关怀显担当 暖到学生心坎上',
    '王小寒 刘进',
    '《关于加快发展现代职业教育 推进产教融合的意见》',
    '以培训带动创业 以创业带动产业',
  ]) {
    assert.deepEqual(find(clean), [], clean);
  }
});

test('spaces next to figures, Latin words and punctuation are not this check', () => {
  for (const clean of [
    '申请国内外专利 14687 件，',
    '研究院(GDI 智库)发布',
    '学员使用 Python 编程',
    '扶贫先扶智， 治贫先治愚。',
    '培训 1600 余人次',
  ]) {
    assert.deepEqual(find(clean), [], clean);
  }
});

test('indentation and trailing spaces are not inside text', () => {
  assert.deepEqual(find('    现将规划印发给你们，请抓好落实。  \n\u3000\u3000特此通知。'), []);
});

test('a list of counted items glued by spaces is a hint whose fix puts 、 in', () => {
  const text = '建有国家级大师工作室1个 市级大师工作室3个 区级工作室12个';
  const found = find(text);
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.equal(f.severity, 'hint');
    assert.equal(f.fixAllSafe, false);
    assert.equal(f.fixes[0]!.edits[0]!.newText, '、');
  }
  assert.equal(
    applyEdits(
      text,
      found.flatMap((f) => f.fixes[0]!.edits),
    ),
    '建有国家级大师工作室1个、市级大师工作室3个、区级工作室12个',
  );
});

test('without the segmenter only the list hint remains', () => {
  assert.deepEqual(find('我国新能源汽 车产量持续增长。', false), []);
  assert.equal(find('建有工作室1个 市级工作室3个', false).length, 1);
});

test('user words written with a space are left alone', () => {
  const text = '欢迎来到汽 车城参观。';
  assert.equal(warnings(text).length, 1);
  const ctx = new AnalysisContext(text, { segmenter, userWords: ['汽 车城'] });
  assert.deepEqual(cjkStraySpace.detect(ctx), []);
});

test('offsets are UTF-16 units after characters outside the BMP', () => {
  const text = '𠀾𠀾我国新能源汽 车产量';
  const [finding] = warnings(text);
  assert.equal(text.slice(finding!.start, finding!.end), ' ');
  assert.equal(fixedByFirst(text), '𠀾𠀾我国新能源汽车产量');
});

test('a space inside a figure before its unit is removed (学校4 5所 → 45所); tables, lists, dates and thousands separators are left', () => {
  const text = '全市共有中职学校4 5所，在校生1 2.3万人，就业率9 8%。';
  const found = cjkStraySpace.detect(new AnalysisContext(text, {}));
  assert.deepEqual(
    found.map((f) => text.slice(f.start, f.end)),
    ['4 5', '1 2.3', '9 8'],
  );
  assert.equal(
    applyEdits(
      text,
      found.flatMap((f) => f.fixes[0]!.edits),
    ),
    '全市共有中职学校45所，在校生12.3万人，就业率98%。',
  );
  const clean = '2022 2023年对比，5 6月份，1 2 3项，专利 14687 件，共14 687件，全市学校12 所。';
  assert.deepEqual(
    cjkStraySpace.detect(new AnalysisContext(clean, {})).map((f) => clean.slice(f.start, f.end)),
    [],
  );
});

test('spaces inside a document number are removed; its brackets are not taken for unbalanced ones', () => {
  const text = '根据(国发〔2022〕 9号)和(国办发 〔2021〕35号)以及川府发〔 2020〕12 号文件，国发〔2022〕9号同，湘人社函〔2025〕1 6号。';
  const { diagnostics, entities } = analyze(text, { segmenter });
  const spaced = diagnostics.filter((f) => f.code === 'cjk-stray-space');
  assert.deepEqual(
    spaced.map((f) => text.slice(f.start, f.end)),
    ['国发〔2022〕 9号', '国办发 〔2021〕35号', '川府发〔 2020〕12 号', '湘人社函〔2025〕1 6号'],
  );
  // a space inside the serial: the number is still read, as 16
  assert.ok(entities.some((e) => e.type === 'docref' && e.form === 'number' && e.id === '湘人社函〔2025〕16号' && e.serial === 16));
  assert.ok(spaced.every((f) => f.severity === 'warning' && f.fixAllSafe));
  assert.equal(
    applyEdits(
      text,
      spaced.flatMap((f) => f.fixes[0]!.edits),
    ),
    '根据(国发〔2022〕9号)和(国办发〔2021〕35号)以及川府发〔2020〕12号文件，国发〔2022〕9号同，湘人社函〔2025〕16号。',
  );
  assert.deepEqual(
    diagnostics.filter((f) => f.code === 'unbalanced-bracket'),
    [],
  );
});

test('a space by the decimal point of a figure before its unit is removed (8 .5万辆 → 8.5万辆); headings and dates are left', () => {
  const text = '合计8 .5万辆，增长12. 5%，投入8 . 5亿元。';
  const found = cjkStraySpace.detect(new AnalysisContext(text, {}));
  assert.deepEqual(
    found.map((f) => text.slice(f.start, f.end)),
    ['8 .5', '12. 5', '8 . 5'],
  );
  assert.ok(found.every((f) => f.severity === 'warning' && f.fixAllSafe));
  assert.equal(
    applyEdits(
      text,
      found.flatMap((f) => f.fixes[0]!.edits),
    ),
    '合计8.5万辆，增长12.5%，投入8.5亿元。',
  );
  // a numbered heading starts its line and has no unit; 2024. 5月 is a date; a bare 3 .5 has no unit
  const clean = '1. 5G网络建设\n二、 2. 5G基站\n时间为2024. 5月，共计3 .5，比值1.5倍。';
  assert.deepEqual(
    cjkStraySpace.detect(new AnalysisContext(clean, {})).map((f) => clean.slice(f.start, f.end)),
    [],
  );
});

test('in a letter-spaced line the spaces beside its punctuation go too; elsewhere they stay', () => {
  const text = '关 于 印 发 《 重 庆 市 技 工 教 育 发 展 规 划 》 的 通 知\n市政府印发 《规划》 。';
  const found = find(text);
  const edits = found.filter((f) => f.fixAllSafe).flatMap((f) => f.fixes[0]!.edits);
  assert.equal(applyEdits(text, edits), '关于印发《重庆市技工教育发展规划》的通知\n市政府印发 《规划》 。');
});

test('a caption’s number and the year after it are two figures (表1　2023届…), not one split by a space', () => {
  assert.deepEqual(find('表1　2023届毕业生就业情况'), []);
  assert.deepEqual(find('附件2 2024年度项目清单'), []);
  // in running text the split figure is still found
  assert.equal(find('全市中职学校4 5所。').length, 1);
});

test('ideographic spaces that pad a lone two-character word (总　　则, 传　　真：, 记者　赵　云) are layout, not damage', () => {
  assert.deepEqual(find('第一章　总　　则\n\n第三节　罚　　则\n\n传　　真：0571-87057890\n\n（记者　赵　云）\n\n责任编辑：赵　云\n'), []);
  // inside running text the same space still splits a word
  assert.equal(warnings('全市中国汽　车行业发展良好。').length, 1);
});

test('a space between two whole words inside a sentence of prose is likely residue: information, never fix-all', () => {
  const prose = (text: string) =>
    analyze(text, { segmenter }).diagnostics.filter((f) => f.code === 'cjk-stray-space' && f.severity === 'information');
  for (const damaged of ['对市教育局、市卫生 健康委等28个部门进行了审计。', '市政府高度重视审计整改　工作，对问题逐项督办。']) {
    const found = prose(damaged);
    assert.equal(found.length, 1, damaged);
    assert.equal(found[0]!.fixAllSafe, false);
  }
  for (const clean of [
    '第一条 为了促进城市绿化事业发展，制定本条例。',
    '会务联系人：省经信厅数字经济处　王晓东，电话：0571-87054321。',
    '9　不动产登记　区不动产登记中心　30个工作日　住宅80元/件，非住宅550元/件',
    '根据《关于深化技工院校改革 大力发展技工教育的实施意见》，制定本方案。',
    '本报记者 王五报道，会议指出。',
    '控辍保学 义务教育一个都不能少',
  ]) {
    assert.deepEqual(prose(clean), [], clean);
  }
});

test('alignment padding (林  涛  副市长, 主  办：) and lists of names set apart by spaces are layout', () => {
  for (const clean of [
    '副组长：林  涛  副市长\n成  员：海  燕  市财政局局长\n主  办：市委宣传部',
    '出席会议的有：张三 李四 王五 赵六等同志。参赛队员：马克 思远 方正。',
  ]) {
    assert.deepEqual(warnings(clean), [], clean);
  }
  // a long run of spaces inside a word is still OCR's
  assert.equal(warnings('推动经济高质量发   展，').length, 1);
});
