import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../index';

const findings = (text: string) => analyze(text).diagnostics.filter((f) => f.code === 'enum-run-on');
const fixAll = (text: string) => {
  const d = findings(text);
  return applyEdits(
    text,
    d.flatMap((f) => f.fixes[0]!.edits),
  );
};

test('items that lost their separator get ； where the list uses separators elsewhere', () => {
  const text =
    '明确了五项举措，一是健全农村养老服务网络二是提升医疗卫生服务能力；三是加强人才队伍建设四是完善财政投入机制；五是强化督导考核。';
  const d = findings(text);
  assert.equal(d.length, 2);
  assert.ok(d.every((f) => f.severity === 'warning' && f.fixAllSafe === true));
  assert.equal(
    fixAll(text),
    '明确了五项举措，一是健全农村养老服务网络；二是提升医疗卫生服务能力；三是加强人才队伍建设；四是完善财政投入机制；五是强化督导考核。',
  );
});

test('a list that ends its items with 。 gets 。', () => {
  const text = '一是抓好春耕生产。二是稳定粮食面积三是做好防汛准备。';
  assert.equal(fixAll(text), '一是抓好春耕生产。二是稳定粮食面积。三是做好防汛准备。');
});

test('an item after a closing quote is also glued', () => {
  const text = '一是实施“强基工程”二是推进数字化转型；三是深化改革。';
  assert.equal(fixAll(text), '一是实施“强基工程”；二是推进数字化转型；三是深化改革。');
});

test('a list broken over column lines is one list', () => {
  const text = '一是优化营商\n环境；二是加强\n监管三是提升服务';
  assert.equal(fixAll(text), '一是优化营商\n环境；二是加强\n监管；三是提升服务');
});

test('lists that never use separators, and 一是 that is not a list, stay silent', () => {
  for (const clean of [
    '一是加强领导二是压实责任三是强化考核',
    '坚持思想统一是前提，二是指第二项',
    '唯一是他，二是其次',
    '一是一，二是二',
    '一是完善体系；二是推进发展；三是提高质量。',
    '其中之一是关键，另外二是辅助三是备选',
    '四是深化改革五是扩大开放',
  ]) {
    assert.equal(findings(clean).length, 0, clean);
  }
});

test('markers of two paragraphs do not form one list', () => {
  assert.equal(findings('一是加强党建；\n\n二是推进改革三是提升质量').length, 0);
});

test('fix-all applied twice gives the same text as once', () => {
  const once = fixAll('一是甲项工作二是乙项工作；三是丙项工作');
  assert.equal(fixAll(once), once);
});

test('一要…二要… lists are read the same way; their markers do not chain with 一是…二是…', () => {
  const text = '会议强调，一要提高政治站位；二要强化统筹协调三要狠抓工作落实；四要营造良好氛围。';
  const found = findings(text);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0]!.start, found[0]!.end), '协调三要');
  assert.equal(found[0]!.fixes[0]!.edits[0]!.newText, '；');
  // 统一要求 starts nothing, and 二要素 is no item of a list of 是
  assert.deepEqual(findings('会议提出统一要求，二要素齐全。一是提高站位；二是加强协调。'), []);
  assert.deepEqual(findings('一是提高站位；二要素齐全三是加强协调。'), []);
});

test('items numbered in figures inside a paragraph (1.…；2.…) lose their separator too', () => {
  const text = '有下列情形之一的，不得报考：1.曾受过刑事处罚的2.曾被开除公职的；3.在禁考期内的；4.其他情形。';
  const found = analyze(text).diagnostics.filter((f) => f.code === 'enum-run-on');
  assert.equal(found.length, 1);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), text.replace('的2.', '的；2.'));
  for (const clean of [
    '增长1.5%，2023.5.8发布，V1.2版本，第1、2、3条。',
    '1.总体要求 2.主要任务 3.保障措施',
    '1.曾受过刑事处罚的2.曾被开除公职的',
  ]) {
    assert.deepEqual(
      analyze(clean).diagnostics.filter((f) => f.code === 'enum-run-on'),
      [],
      clean,
    );
  }
});
