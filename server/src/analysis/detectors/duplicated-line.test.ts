import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixAllToFixpoint } from '../index';
import type { Finding } from '../types';

const found = (text: string): Finding[] => analyze(text).diagnostics.filter((f) => f.code === 'duplicated-line');
/** The findings and the text after fixing all of them. */
const fixed = (text: string) => {
  const d = found(text);
  return {
    count: d.length,
    text: applyEdits(
      text,
      d.flatMap((f) => f.fixes[0]!.edits),
    ),
  };
};

test('a heading repeated at a page break is found, a warning for fix-all, and the copy removed with its line end', () => {
  const text = '收入完成预算的102.3%。\n（二）政府性基金预算\n（二）政府性基金预算\n全年政府性基金收入58.6亿元。\n';
  const d = found(text);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.severity, 'warning');
  assert.equal(d[0]!.fixAllSafe, true);
  assert.equal(text.slice(d[0]!.start, d[0]!.end), '（二）政府性基金预算');
  assert.equal(d[0]!.start, text.lastIndexOf('（二）'), 'the finding is on the copy, not on the first line');
  assert.equal(text.slice(d[0]!.related![0]!.start, d[0]!.related![0]!.end), '（二）政府性基金预算');
  assert.match(d[0]!.message.zh, /重复/);
  assert.match(d[0]!.message.en, /repeats the line before it/);
  assert.equal(applyEdits(text, d[0]!.fixes[0]!.edits), '收入完成预算的102.3%。\n（二）政府性基金预算\n全年政府性基金收入58.6亿元。\n');
});

test('a paragraph line repeated after a blank line, or with other indentation and trailing spaces, is found', () => {
  const line = '各地要把职业教育摆在更加突出的位置，加大投入力度。';
  assert.deepEqual(fixed(`一、总体要求\n\n${line}\n\n${line}\n\n二、重点任务\n`), {
    count: 1,
    text: `一、总体要求\n\n${line}\n\n二、重点任务\n`,
  });
  assert.deepEqual(fixed(`\u3000\u3000${line}\n    ${line}  \n二、重点任务`), { count: 1, text: `\u3000\u3000${line}\n二、重点任务` });
});

test('the copy on the last line without a line end takes the line end before it', () => {
  assert.deepEqual(fixed('联系人：张明，电话：87051234。\n联系人：张明，电话：87051234。'), {
    count: 1,
    text: '联系人：张明，电话：87051234。',
  });
  assert.deepEqual(fixed('三、保障措施\n\n三、保障措施'), { count: 1, text: '三、保障措施' });
});

test('CRLF and lone CR line ends: found, and the fix keeps the other line ends as they were', () => {
  const crlf = '一、总体要求\r\n（一）指导思想\r\n（一）指导思想\r\n坚持以人民为中心。\r\n';
  assert.deepEqual(fixed(crlf), { count: 1, text: '一、总体要求\r\n（一）指导思想\r\n坚持以人民为中心。\r\n' });
  const blank = '（一）指导思想\r\n\r\n（一）指导思想\r\n\r\n坚持以人民为中心。\r\n';
  assert.deepEqual(fixed(blank), { count: 1, text: '（一）指导思想\r\n\r\n坚持以人民为中心。\r\n' });
  assert.deepEqual(fixed('（一）指导思想\r（一）指导思想\r坚持以人民为中心。'), { count: 1, text: '（一）指导思想\r坚持以人民为中心。' });
});

test('two different pairs are both found, and fix-all repairs them in one pass and then stops', () => {
  const text =
    '（一）发展现状\n（一）发展现状\n“十三五”时期，全市技工教育取得一定成绩。\n“十三五”时期，全市技工教育取得一定成绩。\n（二）面临形势\n';
  assert.equal(found(text).length, 2);
  const all = fixAllToFixpoint(text, (t) => found(t));
  assert.equal(all.text, '（一）发展现状\n“十三五”时期，全市技工教育取得一定成绩。\n（二）面临形势\n');
  assert.equal(found(all.text).length, 0);
});

test('short lines, separators, figures and table cells are left alone', () => {
  for (const clean of [
    '合计\n合计\n',
    '是\n是\n',
    '万元\n\n万元\n',
    '——\n——\n',
    '* * *\n* * *\n',
    '————————————————\n————————————————\n',
    '+------+------+\n+------+------+\n',
    '12.5\n12.5\n',
    '2023\n2023\n',
    '三、小结\n三、小结\n',
    '（一）概况\n（一）概况\n',
  ]) {
    assert.equal(found(clean).length, 0, JSON.stringify(clean));
  }
});

test('lines that differ, even by one character, are left alone; so are a heading and its body', () => {
  for (const clean of [
    '（二）政府性基金预算\n（三）政府性基金预算\n',
    '全年政府性基金收入58.6亿元。\n全年政府性基金收入58.7亿元。\n',
    '全市新增城镇就业5.2万人\n全市新增城镇就业5.2万人。\n',
    '政府性基金预算\n政府性基金预算执行情况良好，收入完成预算的102.3%。\n',
    '（二）政府性基金预算\n\n政府性基金预算\n',
    '一、总体要求\n（一）总体要求\n',
  ]) {
    assert.equal(found(clean).length, 0, JSON.stringify(clean));
  }
});

test('three or more identical lines in a row (a table column, a form) are left alone, however long', () => {
  for (const clean of [
    '责任单位\n市人力资源社会保障局\n市人力资源社会保障局\n市人力资源社会保障局\n市财政局\n',
    '（二）政府性基金预算\n（二）政府性基金预算\n（二）政府性基金预算\n',
    '单位名称（盖章）：\n\n单位名称（盖章）：\n\n单位名称（盖章）：\n\n单位名称（盖章）：\n',
  ]) {
    assert.equal(found(clean).length, 0, JSON.stringify(clean));
  }
});

test('two rows of a table read cell by cell that share a value are left alone; a marked heading among cells is not', () => {
  // 序号 / 任务 / 责任单位, one cell a line: two consecutive tasks for the same department
  const table = '序号\n重点任务\n责任单位\n1\n开展技能培训\n市人力资源社会保障局\n市人力资源社会保障局\n2\n落实资金保障\n市财政局\n';
  assert.equal(found(table).length, 0);
  assert.equal(found('1\n开展技能培训\n市人力资源社会保障局\n\n市人力资源社会保障局\n\n市财政局\n').length, 0);
  // a cell next to prose, or a heading with its marker, is still a repeated line
  assert.equal(found('年度目标\n（二）政府性基金预算\n（二）政府性基金预算\n1.收入预算\n').length, 1);
  assert.equal(found('收入完成预算的102.3%。\n政府性基金预算\n政府性基金预算\n1.收入预算\n').length, 1);
});

test('the other detectors are not disturbed and a text without repeats reports nothing', () => {
  assert.equal(found('').length, 0);
  assert.equal(found('\n\n\n').length, 0);
  assert.equal(found('（二）政府性基金预算').length, 0);
  const text = '总金额达到890余万元元。\n总金额达到890余万元元。\n';
  const codes = analyze(text).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('duplicated-line') && codes.includes('duplicated-unit'), codes.join(' '));
});

test('the message quotes a long line cut short, never inside a surrogate pair', () => {
  // 23 units before 𠮷, whose two units straddle the 24-unit preview
  const line = '关于支持省级重点乡村振兴示范村和特色产业发展的𠮷祥村若干措施';
  assert.equal(line.indexOf('𠮷'), 23);
  const d = found(`${line}\n${line}\n`);
  assert.equal(d.length, 1);
  assert.ok(d[0]!.message.zh.includes('…'));
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(d[0]!.message.zh), d[0]!.message.zh);
});
