import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';
import { loadSegmenter } from '../segment';

const segmenter = loadSegmenter();
const fixed = (text: string, withSegmenter = false) => {
  const d = analyze(text, withSegmenter && segmenter ? { segmenter } : {}).diagnostics.filter((f) => f.code === 'duplicated-unit');
  return { count: d.length, text: d.length ? applyEdits(text, d[0]!.fixes[0]!.edits) : text };
};
/** Both ways: the segmenter's words and the fallback word list must agree. */
const bothWays = [false, true];

test('a doubled 元 after a figure is found and the copy removed', () => {
  assert.deepEqual(fixed('总金额达到890余万元元。'), { count: 1, text: '总金额达到890余万元。' });
});

test('the copy across a column break is found', () => {
  const r = fixed('享受资助总金额达到1200余万\n元元。党的政策');
  assert.equal(r.count, 1);
  assert.equal(r.text, '享受资助总金额达到1200余万\n元。党的政策');
});

test('multi-character units and percent', () => {
  assert.equal(fixed('培训学员3.2万人次人次，').text, '培训学员3.2万人次，');
  assert.equal(fixed('增长了12%%以上').text, '增长了12%以上');
});

test('reduplication that is ordinary Chinese is left alone', () => {
  for (const clean of ['人人都有出彩的机会', '10家家庭农场参与', '扶持3个个体户', '共有5人人均收入', '家家户户通电', '元元本本']) {
    assert.equal(fixed(clean).count, 0, clean);
  }
});

test('a doubled unit without a figure before it is not flagged', () => {
  assert.equal(fixed('这个个案很典型').count, 0);
});

test('a doubled magnitude after digits is found and the copy removed; 万万 elsewhere is an adverb or a numeral', () => {
  for (const withSegmenter of bothWays) {
    for (const [damaged, repaired] of [
      ['全年完成投资1650.0亿亿元。', '全年完成投资1650.0亿元。'],
      ['安排资金300万万元，', '安排资金300万元，'],
      ['床位46.83万万张，', '床位46.83万张，'],
      ['办理2.42万万件，', '办理2.42万件，'],
      ['实现营收3.6亿亿元，', '实现营收3.6亿元，'],
      ['补贴500余万万元，', '补贴500余万元，'],
    ]) {
      assert.deepEqual(fixed(damaged, withSegmenter), { count: 1, text: repaired }, `${damaged} segmenter ${withSegmenter}`);
    }
    for (const clean of ['安全生产万万不可松懈。', '万万没想到会这样。', '千千万万的劳动者', '四万万同胞']) {
      assert.equal(fixed(clean, withSegmenter).count, 0, `${clean} segmenter ${withSegmenter}`);
    }
  }
});

test('a unit doubled before a longer unit that starts with it is found (人人次 is 人次 with a 人 too many)', () => {
  for (const withSegmenter of bothWays) {
    assert.deepEqual(
      fixed('接待游客1.86万人人次，', withSegmenter),
      { count: 1, text: '接待游客1.86万人次，' },
      `segmenter ${withSegmenter}`,
    );
  }
});

test('a doubled full-width percent sign is found', () => {
  assert.deepEqual(fixed('占比达40.5％％，'), { count: 1, text: '占比达40.5％，' });
  assert.deepEqual(fixed('占比达40.5%%，'), { count: 1, text: '占比达40.5%，' });
});

test('the doubled end of a compound unit is found and removed, unless it begins a word or is no unit', () => {
  for (const withSegmenter of bothWays) {
    for (const [damaged, repaired] of [
      ['旅客周转量586.35亿人公里公里，', '旅客周转量586.35亿人公里，'],
      ['货物周转量2.5万吨公里公里，', '货物周转量2.5万吨公里，'],
      ['新建住房120平方米米，', '新建住房120平方米，'],
      ['面积12平方公里公里，', '面积12平方公里，'],
      ['发电量30亿千瓦时时，', '发电量30亿千瓦时，'],
      ['接待游客3万人次次，', '接待游客3万人次，'],
      ['比上年提高0.05个百分点点。', '比上年提高0.05个百分点。'],
      ['下降1.2个百分点百分点，', '下降1.2个百分点，'],
      ['面积5平方千米米，', '面积5平方千米，'],
    ]) {
      assert.deepEqual(fixed(damaged, withSegmenter), { count: 1, text: repaired }, `${damaged} segmenter ${withSegmenter}`);
    }
    for (const clean of [
      '用电100千瓦时时段电价',
      '接待3万人次次要景区',
      '全长50公里里程碑',
      '这5公里里有3个村',
      '新建3平方米米面加工间',
      '提高2个百分点点评称',
      '下午3点点名',
      '3个百分点。点击查看',
    ]) {
      assert.equal(fixed(clean, withSegmenter).count, 0, `${clean} segmenter ${withSegmenter}`);
    }
  }
});

test('a doubled end is reported over its two copies, as 万元元 always was (元元), so silenced findings stay silenced', () => {
  for (const [text, span] of [
    ['旅客周转量586.35亿人公里公里，', '公里公里'],
    ['总金额达到890余万元元。', '元元'],
  ]) {
    const d = analyze(text).diagnostics.filter((f) => f.code === 'duplicated-unit');
    assert.deepEqual(
      d.map((f) => text.slice(f.start, f.end)),
      [span],
    );
  }
});

test('a doubled unit in traditional characters is found and the copy removed as written', () => {
  assert.deepEqual(fixed('營業收入77,650億元元，'), { count: 1, text: '營業收入77,650億元，' });
  assert.deepEqual(fixed('共3個個，'), { count: 1, text: '共3個，' });
});

test('a second copy that starts a word of its own is no copy (元宇宙, 元旦, 元器件...)', () => {
  for (const withSegmenter of bothWays) {
    for (const clean of [
      '计划投资10亿元元宇宙产业园项目年内开工。',
      '发放20万元元旦慰问金',
      '投入5亿元元器件国产化',
      '设立3000万元元年基金',
      '支出8万元元月工资',
      '采购2万元元件',
      '2亿元元素周期',
      '奖励10万元元宵节',
      '24小时时刻准备着',
    ]) {
      assert.equal(fixed(clean, withSegmenter).count, 0, `${clean} segmenter ${withSegmenter}`);
    }
  }
});

test('a measure word reduplicated after 一, or after no figure, is ordinary Chinese', () => {
  for (const withSegmenter of bothWays) {
    for (const clean of [
      '一条条自动化生产线拔地而起',
      '一个个项目落地见效',
      '办成一件件实事',
      '一次次深入基层',
      '一座座新桥',
      '一家家企业',
      '一项项政策',
      '一批批人才',
      '一位位专家',
      '一排排厂房',
      '一栋栋楼房',
      '一张张笑脸',
      '一笔笔资金',
      '这一个个数字',
      '条条大路通罗马',
    ]) {
      assert.equal(fixed(clean, withSegmenter).count, 0, `${clean} segmenter ${withSegmenter}`);
    }
  }
  // 一 inside a longer figure still counts: 十一个个 is 十一个 doubled
  assert.deepEqual(fixed('共有十一个个，'), { count: 1, text: '共有十一个，' });
  assert.deepEqual(fixed('共有21个个，'), { count: 1, text: '共有21个，' });
});

test('a figure at the end of the paragraph before counts nothing after the blank line', () => {
  for (const withSegmenter of bothWays) {
    assert.equal(fixed('业核心课程标准4\n\n种种迹象表明，', withSegmenter).count, 0, `segmenter ${withSegmenter}`);
  }
  // a single line break inside the paragraph is still a column break
  assert.deepEqual(fixed('开发课程标准4\n种种，'), { count: 1, text: '开发课程标准4\n种，' });
});

test('户均, 亩均 after a count of 户 or 亩 start a word of their own', () => {
  assert.deepEqual(
    analyze('惠及农户1200户户均增收800元，种植300亩亩均收益2000元。').diagnostics.filter((f) => f.code === 'duplicated-unit'),
    [],
  );
});
