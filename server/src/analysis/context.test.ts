import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisContext } from './context';

test('clauses: each separator (space, tab, newline, ，。) is a clause, the text between two is one', () => {
  const ctx = new AnalysisContext('全市 就业，稳定。\n好', {});
  const clauses = Array.from({ length: ctx.clauseCount }, (_, i) => ctx.clause(i));
  const texts = clauses.map(({ start, end }) => ctx.text.slice(start, end));
  assert.deepEqual(texts, ['全市', ' ', '就业', '，', '稳定', '。', '\n', '好']);
  assert.equal(ctx.clauseIndexAt(0), 0);
  assert.equal(ctx.clauseIndexAt(2), 1);
  assert.equal(ctx.clauseIndexAt(ctx.text.length - 1), clauses.length - 1);
  assert.equal(new AnalysisContext('', {}).clauseCount, 0);
});

test('clauses: a run without separators is cut every 2000 units, never inside a surrogate pair', () => {
  const text = '字'.repeat(1999) + '𠀀'.repeat(10);
  const ctx = new AnalysisContext(text, {});
  assert.equal(ctx.clauseCount, 2);
  const cut = ctx.clause(1).start;
  assert.ok(cut >= 2000 && cut <= 2001);
  assert.ok(!/[\uDC00-\uDFFF]/.test(text[cut]!), 'the cut falls between two characters');
});

test('simplifiedText: converted unit for unit; the text itself when nothing converts', () => {
  const plain = '省财政厅负责。';
  assert.equal(new AnalysisContext(plain, {}).simplifiedText, plain);
  const mixed = new AnalysisContext('省財政廳負責。\n全市就业稳定。\n學校3個', {});
  assert.equal(mixed.simplifiedText, '省财政厅负责。\n全市就业稳定。\n学校3个');
  assert.equal(mixed.simplifiedText.length, mixed.text.length);
});
