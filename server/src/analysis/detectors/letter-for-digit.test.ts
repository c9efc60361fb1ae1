import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';
import { AnalysisContext } from '../context';
import { letterForDigit } from './letter-for-digit';

const findings = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'letter-for-digit');
const repaired = (text: string) => {
  const found = findings(text);
  return applyEdits(
    text,
    found.flatMap((f) => f.fixes[0]!.edits),
  );
};

test('a letter read for a digit inside a figure is found and written back', () => {
  assert.equal(repaired('截至2O20年底，全省共有中职学校l2所，建成专业群l20个。'), '截至2020年底，全省共有中职学校12所，建成专业群120个。');
  assert.equal(repaired('就业率达到1O%，在校生3.l万人，投入1O0万元。'), '就业率达到10%，在校生3.1万人，投入100万元。');
  assert.equal(repaired('全年培训1,5OO人次。'), '全年培训1,500人次。');
});

test('a letter between digits is certain (fix-all); one at the edge is left to the reader', () => {
  const [between] = findings('投入1O0万元');
  assert.equal(between?.fixAllSafe, true);
  const [edge] = findings('建成专业群l20个');
  assert.equal(edge?.fixAllSafe, false);
  assert.equal(edge?.severity, 'warning');
});

test('codes and names with letters and digits are left alone', () => {
  for (const clean of [
    '推进5G基站建设和O2O平台发展',
    '通过ISO9001质量体系认证',
    'PM2.5浓度下降，COVID-19疫情防控',
    '1080P高清视频，iOS和Android应用',
    '启动I级应急响应，H1N1流感',
    '第3.O版',
    '网址为www.gov.cn/l20',
    '型号为A1O0的设备',
  ]) {
    assert.deepEqual(
      findings(clean).map((f) => clean.slice(f.start, f.end)),
      [],
      clean,
    );
  }
});

test('a letter at the edge of a number with no unit after it is not a figure', () => {
  assert.deepEqual(findings('编号l20的文件，代号2O'), []);
});

test('a year in Chinese numerals with a look-alike for 〇 (二O二三年, 二0二四年; the circle ○ as information)', () => {
  const text = '二O二三年十二月三十一日，二0二四年，二○二二年，一九九O年。';
  assert.deepEqual(
    findings(text).map((f) => [text.slice(f.start, f.end), f.fixes[0]!.edits[0]!.newText, f.severity, f.fixAllSafe]),
    [
      ['二O二三', '二〇二三', 'warning', true],
      ['二0二四', '二〇二四', 'warning', true],
      ['二○二二', '二〇二二', 'information', false],
      ['一九九O', '一九九〇', 'warning', true],
    ],
  );
  // written right, with 零 (a style), or not a year
  const clean = '二〇二三年，二零二三年，2020年，OO一二年，三O年代。';
  assert.deepEqual(findings(clean), []);
  // repaired, the year reads as a date
  const fixed = applyEdits(
    text,
    findings(text).flatMap((f) => f.fixes[0]!.edits),
  );
  assert.ok(analyze(fixed, { only: { diagnostics: false } }).entities.some((e) => e.type === 'date' && e.text.startsWith('二〇二三年')));
});

test('B for 8 and S for 5 inside figures; full-width figures keep full-width digits; labels and codes stay', () => {
  const fixed = (text: string) => {
    const found = letterForDigit.detect(new AnalysisContext(text, {}));
    assert.equal(found.length, 1, text);
    return applyEdits(text, found[0]!.fixes[0]!.edits);
  };
  assert.equal(fixed('数控化率达到6B%。'), '数控化率达到68%。');
  assert.equal(fixed('平均浓度为3B.6微克/立方米。'), '平均浓度为38.6微克/立方米。');
  assert.equal(fixed('全县5S个村。'), '全县55个村。');
  assert.equal(fixed('２Ｏ２３年'), '２０２３年');
  assert.deepEqual(
    letterForDigit.detect(new AnalysisContext('4S店、5G网络、B2B平台、G20峰会、2B铅笔、3D打印、S1线路、B1层、1B号楼、3B座。', {})),
    [],
  );
});

test('a road’s class letter (S205省道, G1501高速) and a round letter in a room’s or building’s label (3B05室) are no damage', () => {
  for (const clean of ['S205省道改造完成，G1501高速全线贯通。', '会议在综合楼3B05室召开。', '1B2号楼']) {
    assert.deepEqual(
      analyze(clean).diagnostics.filter((f) => f.code === 'letter-for-digit'),
      [],
      clean,
    );
  }
});
