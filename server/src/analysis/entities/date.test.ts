import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../index';
import { DATE_PATTERN, DATE_START } from './date';
import { stickyMatches } from '../text';
import type { DateEntity } from '../types';

const dates = (text: string) => analyze(text).entities.filter((e): e is DateEntity => e.type === 'date');

test('years, full dates and spans', () => {
  const found = dates('日期:2022-01-05，2021年12月31日发布，执行期2020—2023年，2018-2019学年度，二〇二〇年，3月12日电');
  assert.deepEqual(
    found.map((d) => [d.text, d.year, d.month, d.day, d.toYear]),
    [
      ['2022-01-05', 2022, 1, 5, undefined],
      ['2021年12月31日', 2021, 12, 31, undefined],
      ['2020—2023年', 2020, undefined, undefined, 2023],
      ['2018-2019学年度', 2018, undefined, undefined, 2019],
      ['二〇二〇年', 2020, undefined, undefined, undefined],
      ['3月12日', undefined, 3, 12, undefined],
    ],
  );
});

test('offsets are UTF-16 units, also after astral characters', () => {
  const text = '𠮷𠮷2020年';
  const [d] = dates(text);
  assert.equal(d?.start, 4);
  assert.equal(text.slice(d!.start, d!.end), '2020年');
});

test('full-width digits', () => {
  assert.equal(dates('１９９７年')[0]?.year, 1997);
});

test('numbers that are not years are not dates', () => {
  assert.equal(dates('共3822人，13月45日，5000年').length, 0);
});

test('dates in Chinese numerals keep their month and day (二〇二三年五月八日, 元月, ○ typed for 〇)', () => {
  const found = dates(
    '二〇二三年五月八日发布，二〇二三年十一月至二〇二四年一月，截至二〇二三年十二月三十一日，二〇二四年元月起，二○二二年，五月八日',
  );
  assert.deepEqual(
    found.map((d) => [d.text, d.year, d.month, d.day]),
    [
      ['二〇二三年五月八日', 2023, 5, 8],
      ['二〇二三年十一月', 2023, 11, undefined],
      ['二〇二四年一月', 2024, 1, undefined],
      ['二〇二三年十二月三十一日', 2023, 12, 31],
      ['二〇二四年元月', 2024, 1, undefined],
      ['二○二二年', 2022, undefined, undefined],
      ['五月八日', undefined, 5, 8],
    ],
  );
  // a Chinese year before something that is no month stays a year; numerals before 月 that are no month are no date
  assert.deepEqual(
    dates('二〇二三年三季度，二〇二三年十三月，三十五月八日，三个月一日').map((d) => [d.text, d.year, d.month]),
    [
      ['二〇二三年', 2023, undefined],
      ['二〇二三年', 2023, undefined],
    ],
  );
});

test('dates are looked for only where one can start: the same matches as a global search at every position', () => {
  const global = new RegExp(DATE_PATTERN.source, 'g');
  const piece = fc.constantFrom(
    '2021',
    '20',
    '1',
    '0',
    '.',
    '-',
    '年',
    '月',
    '日',
    '号',
    '度',
    '学',
    '二〇二〇',
    '○',
    '十',
    '十二',
    '元',
    '五',
    '三十一',
    '至',
    ' ',
    '代',
    '百',
    '的',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
      const text = pieces.join('');
      const spans = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => `${m.index}:${m[0]}`);
      assert.deepEqual(spans(stickyMatches(text, DATE_PATTERN, DATE_START)), spans(text.matchAll(global)), text);
    }),
    { numRuns: 500 },
  );
});
