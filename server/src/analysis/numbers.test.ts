import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHalfWidthDigits } from './numbers';

test('toHalfWidthDigits: full-width digits, full stop and percent become ASCII, one unit for one', () => {
  const text = '增长１２．５％，共９９家（２０２４年）';
  const half = toHalfWidthDigits(text);
  assert.equal(half, '增长12.5%，共99家（2024年）');
  assert.equal(half.length, text.length);
});

test('toHalfWidthDigits: a text without them comes back as it is', () => {
  const text = '全市共有12所学校，占比9.9%。';
  assert.equal(toHalfWidthDigits(text), text);
});

test('toHalfWidthDigits: remembering the last text never answers for another', () => {
  const a = '第１条';
  const b = '第２条';
  for (let i = 0; i < 3; i++) {
    assert.equal(toHalfWidthDigits(a), '第1条');
    assert.equal(toHalfWidthDigits(a), '第1条');
    assert.equal(toHalfWidthDigits(b), '第2条');
  }
  // equal content built separately (another string object) gets the same answer
  assert.equal(toHalfWidthDigits(['第', '１', '条'].join('')), '第1条');
});
