import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisContext } from './context';
import { compactText, figuresOf, originalSpan, readFigures } from './figures';
import type { MetricEntity } from './types';

test('the compact view drops line breaks and stray spaces and maps back to the original', () => {
  const text = '才达到375万人,其中\r\n\r\n高技能人才102.5万\n\n人,占 总数的 27.3%';
  const c = compactText(text);
  assert.equal(c.text, '才达到375万人,其中高技能人才102.5万人,占总数的27.3%');
  const at = c.text.indexOf('102.5万人');
  const span = originalSpan(c, at, at + '102.5万人'.length);
  assert.equal(text.slice(span.start, span.end), '102.5万\n\n人');
  // two numbers separated only by a space stay two numbers
  assert.equal(compactText('2019 2020年').text, '2019 2020年');
});

test('figures are read with their magnitude, unit and the interval their wording allows', () => {
  const figures = readFigures(compactText('超过168万名、1200余万元、近600人、约10万人、12个、375万人、27.3%、十二所、第45届'));
  const f168 = figures[0]!;
  assert.equal(f168.value, 1680000);
  assert.equal(f168.family, '人');
  assert.equal(f168.approx, 'more-than');
  assert.deepEqual([f168.lo, f168.hi], [1675000, 1690000]);
  const money = figures[1]!;
  assert.equal(money.value, 12000000);
  assert.equal(money.unit, '元');
  // 余 after 1200 with 万: up to one more hundred 万; the lower end keeps half a 万 of rounding
  assert.deepEqual([money.lo, money.hi], [11995000, 13000000]);
  assert.deepEqual([figures[2]!.lo, figures[2]!.hi], [500, 600]);
  assert.equal(figures[3]!.approx, 'about');
  assert.deepEqual([figures[4]!.lo, figures[4]!.hi], [12, 12]);
  assert.deepEqual([figures[5]!.lo, figures[5]!.hi], [3745000, 3755000]);
  assert.deepEqual([figures[6]!.lo, figures[6]!.hi], [27.25, 27.35]);
  assert.equal(figures[7]!.value, 12);
  assert.equal(figures[7]!.unit, '所');
  // 第45届 is an ordinal, not a quantity
  assert.equal(figures.length, 8);
});

test('metric entities add qualifiers the reader does not know and drop ranges', () => {
  const text = '建成基地超20个，投入占比5—20%。';
  const ctx = new AnalysisContext(text, {});
  const metric = (start: number, end: number, extra: Partial<MetricEntity>): MetricEntity => ({
    type: 'metric',
    start,
    end,
    text: text.slice(start, end),
    value: 0,
    unit: '',
    kind: 'count',
    ...extra,
  });
  const plain = readFigures(compactText(text));
  assert.equal(plain[0]!.approx, undefined);
  ctx.entities = [
    metric(text.indexOf('20个'), text.indexOf('20个') + 3, { value: 20, unit: '个', approx: 'more-than' }),
    metric(text.indexOf('5—'), text.indexOf('%') + 1, { value: 5, unit: '%', kind: 'range', range: { from: 5, to: 20 } }),
  ];
  const { figures } = figuresOf(ctx);
  assert.equal(figures.length, 1);
  assert.equal(figures[0]!.approx, 'more-than');
  assert.deepEqual([figures[0]!.lo, figures[0]!.hi], [20, 30]);
});
