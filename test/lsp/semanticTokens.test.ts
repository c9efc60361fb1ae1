/** Encoding entities as semantic tokens (handlers/semanticTokens.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../../server/src/analysis/types';
import { encodeTokens, SEMANTIC_TOKENS_LEGEND } from '../../server/src/handlers/semanticTokens';

const doc = (text: string) => TextDocument.create('file:///t.txt', 'policytext', 1, text);

test('tokens are relative, typed from the legend, with modifiers', () => {
  const text = '重庆市人社局\n约9.9万人';
  const entities: Entity[] = [
    { type: 'org', text: '重庆市人社局', start: 0, end: 6, canonical: '重庆市人力资源和社会保障局' },
    { type: 'metric', text: '约9.9万人', start: 7, end: 13, value: 99000, unit: '人', kind: 'count', approx: 'about' },
  ];
  const data = encodeTokens(doc(text), entities);
  const { tokenTypes, tokenModifiers } = SEMANTIC_TOKENS_LEGEND;
  assert.deepEqual(data, [
    0,
    0,
    6,
    tokenTypes.indexOf('class'),
    1 << tokenModifiers.indexOf('abbreviation'),
    1,
    0,
    6,
    tokenTypes.indexOf('number'),
    1 << tokenModifiers.indexOf('approximate'),
  ]);
});

test('an entity across a line break becomes one token per line; overlapping and date entities are left out', () => {
  const text = '重庆市人力资源\r\n和社会保障局 2021年';
  const entities: Entity[] = [
    { type: 'org', text: '重庆市人力资源\r\n和社会保障局', start: 0, end: 15, canonical: '重庆市人力资源和社会保障局' },
    { type: 'org', text: '社会保障局', start: 10, end: 15, canonical: '社会保障局' },
    { type: 'date', text: '2021年', start: 16, end: 21, year: 2021 },
  ];
  const data = encodeTokens(doc(text), entities);
  assert.deepEqual(
    data.filter((_, i) => i % 5 < 3),
    [0, 0, 7, 1, 0, 6],
  );
});

test('surrogate pairs count as two UTF-16 units', () => {
  const text = '𠀀𠀀重庆市政府';
  const data = encodeTokens(doc(text), [{ type: 'org', text: '重庆市政府', start: 4, end: 9, canonical: '重庆市人民政府' }]);
  assert.deepEqual(data.slice(0, 3), [0, 4, 5]);
});
