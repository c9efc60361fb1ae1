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
