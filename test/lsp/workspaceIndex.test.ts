/** The cross-file index: keys, definitions, references, facts, search (workspace/index.ts, keys.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Entity } from '../../server/src/analysis/types';
import { entryFromAnalysis, WorkspaceIndex } from '../../server/src/workspace/index';
import { docKey } from '../../server/src/workspace/keys';
import { analyze } from '../../server/src/analysis/index';
import fc from 'fast-check';

const FULL = '重庆市人力资源和社会保障局';

function org(text: string, start: number, canonical = FULL): Entity {
  return { type: 'org', text, start, end: start + text.length, canonical, resolvedBy: text === canonical ? 'self' : 'dictionary' };
}

function file(uri: string, text: string, entities: Entity[]) {
  return entryFromAnalysis(uri, text, { entities, diagnostics: [], segmented: false });
}

test('definition prefers a full-name mention in the same file, then the first one in the workspace (by URI)', () => {
  const index = new WorkspaceIndex();
  const a = `图片由市人社局提供`;
  const b = `第一行\n${FULL}印发`;
  const c = `市人社局与${FULL}`;
  index.set(file('file:///w/b.txt', b, [org(FULL, 4)]));
  index.set(file('file:///w/a.txt', a, [org('市人社局', 3)]));
  index.set(file('file:///w/c.txt', c, [org('市人社局', 0), org(FULL, 5)]));
  const key = `org:${FULL}`;
  const fromA = index.definitionOf(key, 'file:///w/a.txt')!;
  assert.equal(fromA.uri, 'file:///w/b.txt');
  assert.deepEqual(fromA.range, { start: { line: 1, character: 0 }, end: { line: 1, character: FULL.length } });
  assert.equal(index.definitionOf(key, 'file:///w/c.txt')!.uri, 'file:///w/c.txt');
  assert.equal(index.definitionOf(key, 'file:///w/c.txt')!.start, 5);
  assert.deepEqual(
    index.mentionsOf(key).map((m) => [m.uri.slice(-5), m.text]),
    [
      ['a.txt', '市人社局'],
      ['b.txt', FULL],
      ['c.txt', '市人社局'],
      ['c.txt', FULL],
    ],
  );
});

test('replacing and deleting a file updates mentions and facts; URIs spelled differently name one file', () => {
  const index = new WorkspaceIndex();
  index.set(file('file:///w/%E4%B8%80.txt', FULL, [org(FULL, 0)]));
  assert.deepEqual(index.facts().facts.orgNames, [FULL]);
  const before = index.facts().signature;
  index.set(file('file:///w/一.txt', '没有机构', []));
  assert.equal(index.uris().length, 1, 'percent-encoded and plain URIs are one file');
  assert.deepEqual(index.facts().facts.orgNames, []);
  assert.notEqual(index.facts().signature, before);
  index.delete('file:///w/%E4%B8%80.txt');
  assert.equal(index.uris().length, 0);
});

test('documents: a title and its number share one key when the recognizer gives them an id; intact numbers become facts', () => {
  const text = '《重庆市技工教育“十四五”规划》（渝人社〔2021〕452号）';
  const title: Entity = {
    type: 'docref',
    form: 'title',
    text: '《重庆市技工教育“十四五”规划》',
    start: 0,
    end: 16,
    title: '重庆市技工教育“十四五”规划',
    id: 'd1',
  };
  const number: Entity = {
    type: 'docref',
    form: 'number',
    text: '渝人社〔2021〕452号',
    start: 17,
    end: 30,
    issuer: '渝人社',
    year: 2021,
    serial: 452,
    id: 'd1',
  };
  const index = new WorkspaceIndex();
  index.set(file('file:///w/doc.txt', text, [title, number]));
  assert.equal(index.mentionsOf('doc:d1').length, 2);
  assert.deepEqual(index.facts().facts.docNumbers, ['渝人社〔2021〕452号']);
  assert.equal(docKey({ text: 'x', issuer: '渝人社', year: 2021, serial: 452 }), 'doc:渝人社〔2021〕452号');
  assert.equal(docKey({ text: '《规划》', title: '规划' }), 'doc:《规划》');
});

test('documents: a title cited alone in one file is the document another file cites with its number', () => {
  const withNumber = '根据《关于进一步加强安全生产工作的通知》（湘政发〔2023〕5号）要求，制定本方案。';
  const alone = '各地要认真贯彻《关于进一步加强安全生产工作的通知》精神。';
  const index = new WorkspaceIndex();
  index.set(entryFromAnalysis('file:///w/a.txt', withNumber, analyze(withNumber)));
  index.set(entryFromAnalysis('file:///w/b.txt', alone, analyze(alone)));
  const titleOnly = index.get('file:///w/b.txt')!.mentions.find((m) => m.kind === 'docref')!;
  assert.equal(titleOnly.key, 'doc:《关于进一步加强安全生产工作的通知》');
  const mentions = index.mentionsOf(titleOnly.key);
  assert.deepEqual(
    mentions.map((m) => [m.uri.slice(-5), m.text]),
    [
      ['a.txt', '《关于进一步加强安全生产工作的通知》'],
      ['a.txt', '湘政发〔2023〕5号'],
      ['b.txt', '《关于进一步加强安全生产工作的通知》'],
    ],
  );
  assert.equal(index.definitionOf(titleOnly.key)!.uri, 'file:///w/a.txt');
  assert.deepEqual(index.mentionsOf('doc:湘政发〔2023〕5号'), mentions);
  // two files giving the title different numbers (a version and its replacement): the title stays its own
  const other = '《关于进一步加强安全生产工作的通知》（湘政发〔2019〕8号）同时废止。';
  index.set(entryFromAnalysis('file:///w/c.txt', other, analyze(other)));
  assert.deepEqual(
    index.mentionsOf(titleOnly.key).map((m) => m.uri.slice(-5)),
    ['b.txt'],
  );
});

test('documents: a citation of a title joins the document whose head prints it, with or without its issuer', () => {
  const document = '湘政办发〔2023〕15号\n\n湖南省人民政府办公厅\n关于进一步加强安全生产工作的通知\n\n各市州人民政府：\n正文。';
  const citing = '根据《关于进一步加强安全生产工作的通知》要求，制定本方案。';
  const index = new WorkspaceIndex();
  index.set(entryFromAnalysis('file:///w/notice.txt', document, analyze(document)));
  index.set(entryFromAnalysis('file:///w/plan.txt', citing, analyze(citing)));
  const citation = index.get('file:///w/plan.txt')!.mentions.find((m) => m.kind === 'docref')!;
  const definition = index.definitionOf(citation.key)!;
  assert.equal(definition.uri, 'file:///w/notice.txt');
  assert.deepEqual(
    index.mentionsOf(citation.key).map((m) => m.text),
    ['湘政办发〔2023〕15号', '湖南省人民政府办公厅\n关于进一步加强安全生产工作的通知', '《关于进一步加强安全生产工作的通知》'],
  );
});

test('search finds by full name, alias and characters in order; exact and prefix matches rank first', () => {
  const index = new WorkspaceIndex();
  index.set(
    file('file:///w/a.txt', `${FULL}、市人社局、重庆市教委`, [
      org(FULL, 0),
      org('市人社局', 14),
      org('重庆市教委', 19, '重庆市教育委员会'),
    ]),
  );
  assert.equal(index.search('市人社局')[0]!.name, FULL);
  assert.deepEqual(
    index.search('教育委员会').map((t) => t.name),
    ['重庆市教育委员会'],
  );
  assert.deepEqual(
    index.search('人社').map((t) => t.name),
    [FULL],
  );
  assert.equal(index.search('').length, 2);
  assert.deepEqual(index.search('zzz'), []);
});

test('figures are indexed by subject with their positions', () => {
  const text = '在校生9.9万人\n在校生9万余人';
  const m1: Entity = { type: 'metric', text: '9.9万人', start: 3, end: 8, value: 99000, unit: '人', kind: 'count', subject: '在校生' };
  const m2: Entity = {
    type: 'metric',
    text: '9万余人',
    start: 12,
    end: 17,
    value: 90000,
    unit: '人',
    kind: 'count',
    subject: '在校生',
    approx: 'more-than',
  };
  const index = new WorkspaceIndex();
  index.set(file('file:///w/a.txt', text, [m1, m2]));
  assert.deepEqual(
    index.metricsFor('在校生').map((m) => [m.value, m.range.start.line]),
    [
      [99000, 0],
      [90000, 1],
    ],
  );
  assert.deepEqual(index.metricsFor('毕业生'), []);
});

test('facts are counted as entries come and go: re-indexing a file that names the same ones keeps them, a name goes with its last file', () => {
  const index = new WorkspaceIndex();
  const other = '四川省教育厅';
  index.set(file('file:///w/a.txt', FULL, [org(FULL, 0)]));
  index.set(file('file:///w/b.txt', `${FULL}，${other}`, [org(FULL, 0), org(other, FULL.length + 1, other)]));
  const before = index.facts();
  assert.deepEqual(before.facts.orgNames, [FULL, other].sort());
  // an open document re-indexed as it is edited, naming the same bodies: the facts are not gathered again
  index.set(file('file:///w/b.txt', `改 ${FULL}，${other}`, [org(FULL, 2), org(other, FULL.length + 3, other)]));
  assert.equal(index.facts(), before);
  // the other body's only file stops naming it: it goes; the full name stays while a.txt names it
  index.set(file('file:///w/b.txt', FULL, [org(FULL, 0)]));
  assert.deepEqual(index.facts().facts.orgNames, [FULL]);
  assert.notEqual(index.facts().signature, before.signature);
  index.delete('file:///w/b.txt');
  assert.deepEqual(index.facts().facts.orgNames, [FULL]);
  index.delete('file:///w/a.txt');
  assert.deepEqual(index.facts().facts.orgNames, []);
  index.set(file('file:///w/a.txt', FULL, [org(FULL, 0)]));
  index.clearAll();
  assert.deepEqual(index.facts().facts, { orgNames: [], docNumbers: [] });
});

test('an entry replaced after a look-up is patched into the key map as a rebuild would place it (property)', () => {
  // sentences that name bodies and documents, by full name, short name, title and number
  const pool = [
    `${FULL}印发通知。`,
    '市人社局召开会议。',
    '四川省教育厅发文。',
    '《关于做好就业工作的通知》（渝人社发〔2021〕12号）要求。',
    '《关于做好就业工作的通知》提出。',
    '根据渝人社发〔2021〕12号文件。',
    '《重庆市人民政府关于做好就业工作的通知》（渝府发〔2022〕3号）。',
    '国务院办公厅印发方案。',
    '无关的一句话。',
  ];
  const uris = ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/c.txt', 'file:///w/d.txt'];
  const entryOf = (uri: string, picks: number[]) => {
    const text = picks.map((k) => pool[k]!).join('');
    return entryFromAnalysis(uri, text, analyze(text, { only: { diagnostics: false } }));
  };
  const view = (index: WorkspaceIndex) =>
    index.search('').map((thing) => ({
      key: thing.key,
      definition: [thing.definition.uri, thing.definition.start],
      mentions: index.mentionsOf(thing.key).map((m) => [m.uri, m.start, m.text]),
    }));
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: uris.length - 1 }),
          fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 4 }),
          fc.boolean(),
        ),
        {
          minLength: 1,
          maxLength: 12,
        },
      ),
      (steps) => {
        const index = new WorkspaceIndex();
        const current = new Map<string, number[]>();
        for (const [file, picks, look] of steps) {
          index.set(entryOf(uris[file]!, picks));
          current.set(uris[file]!, picks);
          // a look-up between changes builds the map, which the next change then patches
          if (look) view(index);
        }
        const fresh = new WorkspaceIndex();
        for (const [uri, picks] of current) fresh.set(entryOf(uri, picks));
        assert.deepEqual(view(index), view(fresh));
      },
    ),
    { numRuns: 200 },
  );
});
