/** Headings, outline and folding of policy texts (lsp/sections.ts, handlers/foldingRanges.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findSections, headingLevel } from '../../server/src/lsp/sections';
import { foldingRanges } from '../../server/src/handlers/foldingRanges';

test('heading levels: 一、 （一） 专栏 1. （1）, and not figures, dates or enumerations', () => {
  assert.equal(headingLevel('一、规划背景'), 1);
  assert.equal(headingLevel('    十二、保障措施'), 1);
  assert.equal(headingLevel('（一）发展现状'), 2);
  assert.equal(headingLevel('(三)主要任务'), 2);
  assert.equal(headingLevel('专栏2 重点工程'), 3);
  assert.equal(headingLevel('1.技能提升工程'), 4);
  assert.equal(headingLevel('12、校企合作'), 4);
  assert.equal(headingLevel('（1）招生规模'), 5);
  assert.equal(headingLevel('1.5万人参加培训'), 0);
  assert.equal(headingLevel('1、2月份完成'), 0);
  assert.equal(headingLevel('一是发展环境更加优化'), 0);
  assert.equal(headingLevel('2021年12月31日'), 0);
});

test('sections nest by level and end before the next heading at their level or above', () => {
  const text = ['标题', '一、甲', '（一）乙', '正文。', '', '（二）丙', '1.丁。正文继续很长', '二、戊', '末行', ''].join('\n');
  const roots = findSections(text);
  assert.deepEqual(
    roots.map((s) => [s.title, s.startLine, s.endLine]),
    [
      ['一、甲', 1, 6],
      ['二、戊', 7, 8],
    ],
  );
  assert.deepEqual(
    roots[0]!.children.map((s) => [s.title, s.startLine, s.endLine]),
    [
      ['（一）乙', 2, 3],
      ['（二）丙', 5, 6],
    ],
  );
  assert.deepEqual(
    roots[0]!.children[1]!.children.map((s) => s.title),
    ['1.丁'],
  );
  assert.equal(text.slice(roots[1]!.headingStart, roots[1]!.end), '二、戊\n末行');
});

test('a long heading line is cut at its first sentence end or with an ellipsis', () => {
  const [section] = findSections(`一、${'很'.repeat(50)}`);
  assert.equal(section!.title.length, 31);
  assert.ok(section!.title.endsWith('…'));
  assert.equal(findSections('1.加强组织领导。各区县要高度重视')[0]!.title, '1.加强组织领导');
});

test('CRLF and CR line ends give the same sections', () => {
  const lf = '一、甲\n正文\n二、乙\n正文\n';
  const ranges = (t: string) => findSections(t).map((s) => [s.startLine, s.endLine]);
  assert.deepEqual(ranges(lf.replace(/\n/g, '\r\n')), ranges(lf));
  assert.deepEqual(ranges(lf.replace(/\n/g, '\r')), ranges(lf));
});

test('folding ranges: one per multi-line section, none for a one-line heading', () => {
  assert.deepEqual(foldingRanges('一、甲\n正文\n二、乙\n'), [{ startLine: 0, endLine: 1, kind: 'region' }]);
  assert.deepEqual(foldingRanges('没有标题的文本\n第二行'), []);
});
