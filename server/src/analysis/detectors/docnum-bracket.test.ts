import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';
import type { AnalysisOptions } from '../options';

const findings = (text: string, options: AnalysisOptions = {}) =>
  analyze(text, options).diagnostics.filter((f) => f.code === 'docnum-bracket');
const repaired = (text: string, options: AnalysisOptions = {}) => {
  const d = findings(text, options);
  assert.equal(d.length, 1, `one finding in ${text}`);
  return applyEdits(text, d[0]!.fixes[0]!.edits);
};

test('a lost closing bracket is restored after the year', () => {
  assert.equal(
    repaired('根据《关于做好就业工作的通知》(川人社发〔20219号)执行。'),
    '根据《关于做好就业工作的通知》(川人社发〔2021〕9号)执行。',
  );
  assert.equal(repaired('见国办发〔2019124号文件'), '见国办发〔2019〕124号文件');
  assert.equal(findings('见国办发〔2019124号文件')[0]!.severity, 'warning');
  // 〔2019124号 may also be 〔2019〕24号 with the bracket read as 1: not for fix-all (see below)
  assert.equal(findings('见国办发〔2019124号文件')[0]!.fixAllSafe, false);
  assert.equal(findings('见国办发〔2019224号文件')[0]!.fixAllSafe, true);
});

test('a lost opening bracket is restored before the year', () => {
  assert.equal(repaired('按照粤府办2022〕15号要求'), '按照粤府办〔2022〕15号要求');
});

test('a wrong bracket kind becomes the tortoise-shell bracket', () => {
  assert.equal(repaired('苏教职[2018]3号'), '苏教职〔2018〕3号');
  assert.equal(repaired('苏教职【2018】3号'), '苏教职〔2018〕3号');
  assert.equal(repaired('苏教职（2018）3号'), '苏教职〔2018〕3号');
  assert.equal(findings('苏教职[2018]3号')[0]!.severity, 'information');
});

test('a five-digit year keeps every digit unless the intact number proves one extra', () => {
  // alone: the bracket moved one digit too far, 〔2020〕17号
  assert.equal(repaired('鲁人社字〔20201〕7号'), '鲁人社字〔2020〕17号');
  assert.equal(findings('鲁人社字〔20201〕7号')[0]!.fixAllSafe, false);
  // with the intact number in the document, that one wins and is pointed to
  const text = '鲁人社字〔20201〕7号。……附件：鲁人社字〔2020〕7号';
  const d = findings(text);
  assert.equal(d.length, 1);
  assert.equal(applyEdits(text, d[0]!.fixes[0]!.edits), '鲁人社字〔2020〕7号。……附件：鲁人社字〔2020〕7号');
  assert.equal(d[0]!.related?.[0]?.start, text.lastIndexOf('〔2020〕7号'));
});

test('the intact number in the workspace is preferred and mentioned', () => {
  const d = findings('落实闽教职成〔20215号精神', { workspace: { docNumbers: ['闽教职成〔2021〕5号'] } });
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /闽教职成〔2021〕5号/);
});

test('full-width digits are read and kept', () => {
  assert.equal(repaired('浙政发〔２０２０１２号'), '浙政发〔２０２０〕１２号');
});

test('intact numbers and brackets that are not document numbers stay clean', () => {
  for (const clean of [
    '教职成〔2020〕7号',
    '渝人社〔2021〕452号',
    '国发〔2019〕4号和国办发〔2022〕10号',
    '《行动计划(2020—2023年)》',
    '到2025年(含)',
    '第(2020)届',
    '（2021年）第3号公告',
  ]) {
    assert.equal(findings(clean).length, 0, clean);
  }
});

test('a closing bracket read as a space is restored in its place, and the number is still a reference', () => {
  const text = '《广东省人民政府关于印发广东省数字政府建设方案的通知》（粤府〔2019 10号）提出要求。';
  assert.equal(repaired(text), text.replace('〔2019 10号', '〔2019〕10号'));
  const all = analyze(text).diagnostics;
  assert.deepEqual(
    all.map((d) => d.code),
    ['docnum-bracket'],
  );
  const number = analyze(text).entities.find((e) => e.type === 'docref' && e.form === 'number');
  assert.equal(number?.type === 'docref' ? number.id : undefined, '粤府〔2019〕10号');
});

test('a closing bracket read as the digit 1 is one reading of two: both offered, neither applied by fix-all', () => {
  const text = '绍政办发〔2023115号';
  const [d] = findings(text);
  assert.deepEqual(
    d!.fixes.map((f) => applyEdits(text, f.edits)),
    ['绍政办发〔2023〕115号', '绍政办发〔2023〕15号'],
  );
  assert.equal(d!.fixAllSafe, false);
  // the intact number elsewhere decides
  assert.equal(repaired('绍政办发〔2023〕15号。又见绍政办发〔2023115号'), '绍政办发〔2023〕15号。又见绍政办发〔2023〕15号');
  // a serial not starting with 1 has one reading
  assert.equal(findings('见国办发〔20219号文件')[0]!.fixAllSafe, true);
});

test('an opening bracket or a corner bracket where the closing 〕 belongs', () => {
  assert.equal(repaired('（发改投资〔2023〔1004号）'), '（发改投资〔2023〕1004号）');
  assert.equal(repaired('（教研〔2017」2号）等文件'), '（教研〔2017〕2号）等文件');
  // no unbalanced-bracket finding for the stray corner bracket: the number covers it
  assert.deepEqual(
    analyze('为贯彻落实《办法》（教研〔2017」2号）等文件精神。').diagnostics.filter((f) => f.code === 'unbalanced-bracket'),
    [],
  );
});

test('doubled brackets around the year (〔〔2020〕〕7号) are made single, and no bracket finding is left half-done', () => {
  assert.equal(repaired('按照湘政发〔〔2020〕〕7号文件执行。'), '按照湘政发〔2020〕7号文件执行。');
  assert.deepEqual(
    analyze('按照湘政发〔〔2020〕〕7号文件执行。').diagnostics.filter((f) => f.code === 'unbalanced-bracket'),
    [],
  );
});
