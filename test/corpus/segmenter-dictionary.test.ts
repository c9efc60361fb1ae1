import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import {
  bundledDictionary,
  checkUserDictionary,
  cutterOf,
  loadSegmenter,
  skippedDictionaries,
  sliceByLengths,
  taggerOf,
  type NodeJieba,
} from '../../server/src/analysis/segment';
import { analyze } from '../../server/src/analysis/index';
import { runChild } from '../robustness/helpers';

const server = join(__dirname, '..', '..', 'server');
const dictionary = join(server, 'data', 'policymark.dict.utf8');

test('the bundled jieba dictionary is valid jieba format: word, frequency, tag', () => {
  assert.equal(checkUserDictionary(dictionary), undefined);
  const lines = readFileSync(dictionary, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  assert.ok(lines.length > 50);
  const words = new Set<string>();
  for (const line of lines) {
    const match = /^(\S+) (\d+) (nt|ns|nz|n)$/.exec(line);
    assert.ok(match, `not "word freq tag": ${JSON.stringify(line)}`);
    assert.ok(!words.has(match[1]!), `duplicate ${match[1]}`);
    words.add(match[1]!);
  }
});

test('the bundled dictionary is found beside the sources and beside the bundles (out/ → ../data)', () => {
  // server/src/analysis/segment.ts → server/data (tsx)
  const fromSources = bundledDictionary(join(server, 'src', 'analysis'));
  assert.equal(checkUserDictionary(fromSources), undefined);
  assert.equal(readFileSync(fromSources, 'utf8'), readFileSync(dictionary, 'utf8'));
  // server/out/x.js → server/data
  const fromOut = bundledDictionary(join(server, 'out'));
  assert.equal(checkUserDictionary(fromOut), undefined);
  assert.equal(readFileSync(fromOut, 'utf8'), readFileSync(dictionary, 'utf8'));
  // nowhere to be found: a path that fails the check (so the loader skips it instead of aborting)
  const nowhere = bundledDictionary(mkdtempSync(join(tmpdir(), 'pm-dict-')));
  assert.ok(checkUserDictionary(nowhere));
});

test(
  'the segmenter loads it by default: institution words are organisations (nt)',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    const segmenter = loadSegmenter();
    assert.ok(segmenter, 'nodejieba should load in the test environment');
    assert.deepEqual(skippedDictionaries(), []);
    const tags = segmenter.tag('万盛经开区人力社保局和关工委');
    assert.deepEqual(
      tags.filter((t) => t.tag === 'nt').map((t) => t.word),
      ['人力社保局', '关工委'],
    );
    // and the organisation recognizer keeps its answers with the segmenter loaded
    const orgs = analyze('成都市人力社保局与四川省经信厅，党和政府，技师学院', { segmenter, only: { diagnostics: false } })
      .entities.filter((e) => e.type === 'org')
      .map((e) => e.text);
    assert.deepEqual(orgs, ['成都市人力社保局', '四川省经信厅']);
  },
);

test(
  'nodejieba is the patched build: load() leaves the TextRank extractor (a second dictionary trie) for first use, which still works, and finds the weights without sorting a copy of the dictionary',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    const jiebaDir = dirname(require.resolve('nodejieba/package.json'));
    const source = readFileSync(join(jiebaDir, 'lib', 'nodejieba.cpp'), 'utf8');
    const load = source.slice(source.indexOf('NodeJieba::load('), source.indexOf('NodeJieba::insertWord('));
    assert.ok(
      load.length > 0 && !/new\s+cppjieba\s*::\s*TextRankExtractor/.test(load),
      'load() still builds the TextRank extractor: run npm install (postinstall applies patches/)',
    );
    // cppjieba's load finds the minimum, median and maximum weight without copying and sorting every entry
    const dictTrie = readFileSync(join(jiebaDir, 'submodules', 'cppjieba', 'include', 'cppjieba', 'DictTrie.hpp'), 'utf8');
    const weights = dictTrie.slice(dictTrie.indexOf('void SetStaticWordWeights('), dictTrie.indexOf('switch (option)'));
    assert.ok(
      weights.length > 0 && !/vector<DictUnit>\s+\w+\s*=\s*static_node_infos_/.test(weights) && /nth_element/.test(weights),
      'SetStaticWordWeights still copies and sorts the dictionary: run npm install (postinstall applies patches/)',
    );
    // and reads the dictionary into room reserved for every line, then builds the trie from the entries
    // themselves, instead of copying them all as the vector grows, once more to shrink it and once more
    // for the trie (about a third of load()'s time)
    const loadDict = dictTrie.slice(dictTrie.indexOf('void LoadDict('), dictTrie.indexOf('static bool WeightCompare('));
    const createTrie = dictTrie.slice(dictTrie.indexOf('void CreateTrie('), dictTrie.indexOf('bool MakeNodeInfo('));
    assert.ok(
      /static_node_infos_\.reserve\(/.test(loadDict) &&
        !/words\.push_back/.test(createTrie) &&
        /InsertNode\(dictUnits\[i\]\.word/.test(createTrie),
      'the dictionary load still copies every entry as it grows: run npm install (postinstall applies patches/)',
    );
    // the trie's nodes and maps come from its arena, and the loaded entries are advised as huge pages
    const trie = readFileSync(join(jiebaDir, 'submodules', 'cppjieba', 'include', 'cppjieba', 'Trie.hpp'), 'utf8');
    assert.ok(
      /class TrieArena/.test(trie) && !/new TrieNode\b/.test(trie) && /AdviseHugePages\(static_node_infos_/.test(loadDict),
      'the trie still allocates node by node: run npm install (postinstall applies patches/)',
    );
    // the binary was built after the patch was applied (postinstall rebuilds it), not shipped prebuilt
    const binary = statSync(join(jiebaDir, 'build', 'Release', 'nodejieba.node')).mtimeMs;
    assert.ok(binary >= statSync(join(jiebaDir, 'lib', 'nodejieba.cpp')).mtimeMs, 'nodejieba.node is older than its patched source');
    assert.ok(loadSegmenter());
    const jieba = createRequire(__filename)('nodejieba') as {
      textRankExtract(text: string, top: number): { word: string; weight: number }[];
    };
    const keywords = jieba.textRankExtract('国家统计局发布统计公报，统计公报显示国民经济持续恢复，国民经济稳中有进。', 3);
    assert.ok(keywords.length > 0 && keywords.every((k) => typeof k.word === 'string' && k.weight > 0));
  },
);

test(
  'worker threads loading the same dictionary files share one segmenter; a word added in one thread, or a changed file, stays its own',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    const r = runChild('shared-segmenter.ts', [], 60_000);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & { dictionary: number; fourWorkers: number };
    // unshared, each worker would hold its own copy (about 140 MB here): four would add four dictionaries
    assert.ok(
      report.fourWorkers < report.dictionary,
      `four workers added ${report.fourWorkers >> 20} MB, more than one dictionary (${report.dictionary >> 20} MB): not shared (run npm install: postinstall applies patches/)`,
    );
    const userWordsOnly = '甲乙丙丁/戊/己/庚/辛';
    assert.deepEqual(report.workers, [userWordsOnly, userWordsOnly, userWordsOnly, userWordsOnly]);
    assert.equal(report.mainBefore, userWordsOnly);
    // insertWord copies the shared segmenter first: the word is that worker's alone
    assert.equal(report.inserted, '甲乙丙丁/戊己/庚/辛');
    assert.equal(report.afterInsert, userWordsOnly);
    assert.equal(report.newFirst, '甲/㐀㐁/乙/𠀀𠀁/丙');
    assert.equal(report.mainAfter, userWordsOnly);
    // the user dictionary changed on disk: a later load reads it again, as unpatched nodejieba does
    assert.equal(report.changed, '甲乙丙丁/戊/己/庚辛');
  },
);

test(
  'the patched binding answers words as UTF-16 lengths: the same words and tags as cut() and tag(), surrogate pairs and all',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    assert.ok(loadSegmenter());
    const jieba = createRequire(__filename)('nodejieba') as NodeJieba;
    assert.equal(typeof jieba.cutLengths, 'function', 'cutLengths is missing: run npm install (postinstall applies patches/)');
    assert.equal(typeof jieba.tagLengths, 'function', 'tagLengths is missing: run npm install (postinstall applies patches/)');
    const cut = cutterOf(jieba);
    const tag = taggerOf(jieba);
    // Han, an Extension B character (a surrogate pair), full-width and ASCII digits, Latin, punctuation, an emoji
    const piece = fc.constantFrom(
      '国务院',
      '办公厅',
      '关于',
      '𠀀',
      '𪚥',
      '１２',
      '2024',
      '年',
      'GDP',
      '，',
      '。',
      '😀',
      ' ',
      '增长',
      '的',
      '人力社保局',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        for (const hmm of [true, false]) assert.deepEqual(cut(text, hmm), jieba.cut(text, hmm), `cut ${hmm} ${text}`);
        assert.deepEqual(tag(text), jieba.tag(text), text);
      }),
      { numRuns: 300 },
    );
  },
);

test('sliceByLengths: the words only when the lengths cover the piece exactly', () => {
  assert.deepEqual(sliceByLengths('国务院办公厅', Uint32Array.of(3, 3)), ['国务院', '办公厅']);
  assert.deepEqual(sliceByLengths('𠀀年', Uint32Array.of(2, 1)), ['𠀀', '年']);
  assert.equal(sliceByLengths('国务院办公厅', Uint32Array.of(3, 2)), undefined, 'short of the end');
  assert.equal(sliceByLengths('国务院办公厅', Uint32Array.of(3, 4)), undefined, 'past the end');
  assert.equal(sliceByLengths('国务院', Uint32Array.of(0, 3)), undefined, 'an empty word');
  assert.equal(sliceByLengths('国务院', Uint32Array.of()), undefined, 'the native side found no spelling');
  assert.equal(sliceByLengths('国务院', [3]), undefined, 'not a typed array');
});

test('a stock nodejieba (no lengths binding), or one whose answer does not spell the text, still segments safely', () => {
  const stock: NodeJieba = {
    load: () => undefined,
    cut: (text) => [text.slice(0, 2), text.slice(2)],
    tag: (text) => [
      { word: text.slice(0, 2), tag: 'ns' },
      { word: text.slice(2), tag: 'n' },
    ],
    DEFAULT_DICT: '',
    DEFAULT_USER_DICT: '',
  };
  assert.deepEqual(cutterOf(stock)('重庆市区', true), ['重庆', '市区']);
  assert.deepEqual(taggerOf(stock)('重庆市区'), [
    { word: '重庆', tag: 'ns' },
    { word: '市区', tag: 'n' },
  ]);
  const broken: NodeJieba = {
    ...stock,
    cutLengths: () => Uint32Array.of(1, 1),
    tagLengths: () => [Uint32Array.of(2, 2), 'ns'],
  };
  // lengths that fall short of the text, or fewer tags than words: the piece stays one word
  assert.deepEqual(cutterOf(broken)('重庆市区', true), ['重庆市区']);
  assert.deepEqual(taggerOf(broken)('重庆市区'), [{ word: '重庆市区', tag: 'x' }]);
});

test(
  'Segmenter.tagLengths answers the words and tags of Segmenter.tag as lengths: long text in pieces, controls and lone surrogates too',
  { skip: process.env.POLICYMARK_NO_SEGMENTER === '1' },
  () => {
    const segmenter = loadSegmenter();
    assert.ok(segmenter?.tagLengths, 'tagLengths is missing: run npm install (postinstall applies patches/)');
    // lengths, since tag() spells the sanitised text (a lone surrogate or a NUL reads U+FFFD there)
    const asWords = (text: string) => {
      const { lengths, tags } = segmenter.tagLengths!(text);
      const tagList = tags === '' ? [] : tags.split(' ');
      assert.equal(tagList.length, lengths.length, text);
      return Array.from(lengths, (length, i) => ({ length, tag: tagList[i]! }));
    };
    const tagged = (text: string) => segmenter.tag(text).map(({ word, tag }) => ({ length: word.length, tag }));
    const piece = fc.constantFrom(
      '国务院',
      '办公厅',
      '关于',
      '𠀀',
      '１２',
      '2024',
      'GDP',
      '，',
      '。',
      '\n',
      ' ',
      '\u0000',
      '\uD800',
      '人力社保局',
    );
    // and the dictionary cut's lengths, the same words as cutDictionary()
    const cutLengths = (text: string) => Array.from(segmenter.cutDictionaryLengths!(text));
    const cutWords = (text: string) => segmenter.cutDictionary!(text).map((word) => word.length);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(asWords(text), tagged(text), JSON.stringify(text));
        assert.deepEqual(cutLengths(text), cutWords(text), JSON.stringify(text));
      }),
      { numRuns: 200 },
    );
    // longer than one native call takes (2,000 units): cut into pieces, as tag() does
    const long = '重庆市人力资源和社会保障局印发了通知'.repeat(300);
    assert.deepEqual(asWords(long), tagged(long));
    assert.deepEqual(cutLengths(long), cutWords(long));
    assert.deepEqual(cutLengths(''), cutWords(''));
  },
);
