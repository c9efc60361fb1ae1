/**
 * Protocol-level tests of the language server: the real bundle over stdio, a real JSON-RPC client, a
 * temporary workspace with the seed texts and small fixtures of our own.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventually, LspSession, positionAt, positionOf, SEEDS, textAt, type Diagnostic, type Pos, type Rng } from './harness';

const SEED_002 = '002_646c74fc75960117.txt';
const SEED_003 = '003_a102c72bcda75586.txt';

/** A small policy text with headings at every level, a doubled unit and a document number. */
const OUTLINE = [
  '关于印发示范方案的通知',
  '',
  '一、总体要求',
  '（一）指导思想',
  '全市技工院校41所，投入资金500万元元。',
  '（二）主要目标',
  '到2025年，培训10万人次，新增投入300万元元。',
  '专栏1 重点项目',
  '1.技能提升工程。开展培训。',
  '2.校企合作工程',
  '二、保障措施',
  '加强组织领导。',
  '',
].join('\n');

interface Location {
  uri: string;
  range: Rng;
}
interface Hover {
  contents: { kind: string; value: string };
  range?: Rng;
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes: Record<string, { range: Rng; newText: string }[]> };
  command?: { command: string; arguments?: unknown[] };
}
interface DocumentSymbol {
  name: string;
  kind: number;
  range: Rng;
  selectionRange: Rng;
  children?: DocumentSymbol[];
}

function makeWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'policymark-lsp-'));
  for (const name of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, name), path.join(dir, name));
  writeFileSync(path.join(dir, 'outline.txt'), OUTLINE);
  return dir;
}

/** Applies LSP edits to a text (from the end, so earlier offsets hold). */
function applyLspEdits(text: string, edits: { range: Rng; newText: string }[]): string {
  const toOffset = (p: Pos) => {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += lines[i]!.length + 1;
    return offset + p.character;
  };
  const sorted = edits
    .map((e) => ({ start: toOffset(e.range.start), end: toOffset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('language server over stdio', { timeout: 120_000 }, () => {
  let workspace: string;
  let session: LspSession;
  let capabilities: Record<string, unknown>;

  before(async () => {
    workspace = makeWorkspace();
    session = await LspSession.start({ workspace, locale: 'en' });
    capabilities = {};
  });

  after(async () => {
    await session?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('indexes the workspace with progress and registers a file watcher for policymark.include', async () => {
    await session.indexed();
    await eventually(
      () => session.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
      10_000,
      'watcher registration',
    );
    const watchers = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as {
      watchers: { globPattern: string }[];
    };
    assert.ok(watchers.watchers.some((w) => w.globPattern === '**/*.txt'));
    void capabilities;
  });

  test('diagnostics carry code, documentation link and an English message; the quick fix repairs them', async () => {
    const file = path.join(workspace, 'outline.txt');
    const uri = session.open(file);
    const diagnostics = await session.diagnostics(uri);
    const doubled = diagnostics.filter((d) => d.code === 'duplicated-unit');
    assert.equal(doubled.length, 2, JSON.stringify(diagnostics));
    assert.equal(doubled[0]!.source, 'policymark');
    assert.match(doubled[0]!.codeDescription!.href, /README\.md#diagnostic-codes$/);
    assert.doesNotMatch(doubled[0]!.message, /[\u4e00-\u9fff]{4}/, 'English client, English message');
    assert.ok(textAt(OUTLINE, doubled[0]!.range).includes('元'));

    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: doubled[0]!.range,
      context: { diagnostics: [doubled[0]] },
    });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions));
    assert.equal(actions[0], preferred, 'the preferred fix comes first');
    const fixed = applyLspEdits(OUTLINE, preferred.edit!.changes[uri]!);
    assert.ok(fixed.includes('500万元。') && fixed.includes('300万元元'), fixed);

    const all = actions.find((a) => a.kind === 'quickfix' && /Fix all duplicated-unit/.test(a.title));
    assert.ok(all, 'fix all of this kind');
    const allFixed = applyLspEdits(OUTLINE, all.edit!.changes[uri]!);
    assert.ok(allFixed.includes('500万元。') && allFixed.includes('300万元。'), allFixed);

    const silence = actions.find((a) => a.command?.command === 'policymark.silenceFinding');
    assert.ok(silence, 'silence this finding');
    const key = silence.command!.arguments![0] as { uri: string; code: string; exact: string; prefix: string; suffix: string };
    assert.equal(key.uri, uri);
    assert.equal(key.code, 'duplicated-unit');
    assert.equal(key.exact, textAt(OUTLINE, doubled[0]!.range));
    assert.ok(key.prefix.endsWith(OUTLINE.slice(0, OUTLINE.indexOf(key.exact, OUTLINE.indexOf('500'))).slice(-3)));
  });

  test('source.fixAll.policymark repairs every safe finding in one edit (editor.codeActionsOnSave)', async () => {
    const uri = pathToFileURL(path.join(workspace, 'outline.txt')).href;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions));
    assert.equal(actions[0]!.kind, 'source.fixAll.policymark');
    const fixed = applyLspEdits(OUTLINE, actions[0]!.edit!.changes[uri]!);
    assert.ok(!fixed.includes('万元元'), fixed);
    assert.ok(fixed.includes('培训10万人次'));
  });

  test('hover on a finding explains the damage and the fix', async () => {
    const uri = pathToFileURL(path.join(workspace, 'outline.txt')).href;
    const hover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(OUTLINE, '万元元', 2),
    });
    assert.ok(hover, 'a hover');
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /duplicated-unit/);
    assert.match(hover.contents.value, /Fix:/);
  });

  test('hover on a metric shows its normalised value and unit (9.9万人 → 99000 人)', async () => {
    const file = path.join(workspace, SEED_002);
    const text = readFileSync(file, 'utf8');
    const uri = session.open(file);
    const hover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, '9.9万人', 1),
    });
    assert.ok(hover, 'a hover over 9.9万人');
    assert.match(hover.contents.value, /99000 人/);
    assert.equal(textAt(text, hover.range!), '9.9万人');
  });

  test('hover on an institution and a document reference; "tag this entity" carries the normalised attributes', async () => {
    const file = path.join(workspace, SEED_002);
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const orgHover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, '重庆市人力资源和社会保障局', 3),
    });
    assert.ok(orgHover, 'a hover over the institution');
    assert.match(orgHover.contents.value, /重庆市人力资源和社会保障局/);
    assert.match(orgHover.contents.value, /mentions in \d+ files/);
    const docHover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, '渝人社〔2021〕452号', 4),
    });
    assert.ok(docHover, 'a hover over the document number');
    assert.match(docHover.contents.value, /渝人社〔2021〕452号/);
    assert.match(docHover.contents.value, /Year: 2021/);

    const metric = positionOf(text, '9.9万人', 1);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: metric, end: metric },
      context: { diagnostics: [] },
    });
    const tag = actions.find((a) => a.command?.command === 'policymark.acceptEntity');
    assert.ok(tag, JSON.stringify(actions.map((a) => a.title)));
    const args = tag.command!.arguments![0] as {
      uri: string;
      start: number;
      end: number;
      label: string;
      attributes: Record<string, unknown>;
    };
    assert.equal(args.uri, uri);
    assert.equal(args.label, 'metric');
    assert.equal(text.slice(args.start, args.end), '9.9万人');
    assert.equal(args.attributes.value, 99000);
    assert.equal(args.attributes.unit, '人');
  });

  test('a source action joins every column-broken block of the file', async () => {
    const file = path.join(workspace, '001_4ed491f9420b6c99.txt');
    const text = readFileSync(file, 'utf8');
    const uri = session.open(file);
    const breaks = (await session.diagnostics(uri)).filter((d) => d.code === 'column-break');
    assert.ok(breaks.length >= 2, `column-break findings: ${breaks.length}`);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const join = actions.find((a) => a.kind === 'source.policymark.joinColumnBreaks');
    assert.ok(join, JSON.stringify(actions.map((a) => a.kind)));
    const joined = applyLspEdits(text, join.edit!.changes[uri]!);
    assert.ok(joined.includes('随着成渝地区'), 'the gold column break is joined');
    assert.ok(joined.includes('中小企业经营管理'));
    assert.ok(joined.length < text.length);
  });

  test('outline: headings nest (一、 > （一）, 专栏 > 1.) with entities under them', async () => {
    const uri = pathToFileURL(path.join(workspace, 'outline.txt')).href;
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = symbols.filter((s) => s.kind === 3 /* Namespace */);
    assert.deepEqual(
      sections.map((s) => s.name),
      ['一、总体要求', '二、保障措施'],
    );
    const first = sections[0]!;
    const children = first.children!.filter((s) => s.kind === 3 || s.kind === 23).map((s) => s.name);
    assert.deepEqual(children, ['（一）指导思想', '（二）主要目标']);
    const goals = first.children!.find((s) => s.name === '（二）主要目标')!;
    const box = goals.children!.find((s) => s.name.startsWith('专栏1'));
    assert.ok(box, JSON.stringify(goals));
    assert.deepEqual(
      box.children!.filter((s) => s.kind === 3).map((s) => s.name),
      ['1.技能提升工程', '2.校企合作工程'],
    );
  });

  test('a name a column broke over two lines is shown on one line in the outline and on hover', async () => {
    const file = path.join(workspace, '001_4ed491f9420b6c99.txt');
    const text = readFileSync(file, 'utf8');
    const uri = session.open(file);
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names: string[] = [];
    const walk = (list: DocumentSymbol[]) => {
      for (const s of list) {
        names.push(s.name);
        walk(s.children ?? []);
      }
    };
    walk(symbols);
    assert.ok(names.includes('重庆市工业学校'), JSON.stringify(names.slice(0, 40)));
    assert.deepEqual(
      names.filter((n) => n.includes('\n')),
      [],
    );
    const hover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, '重庆市工\n业学校', 1),
    });
    assert.ok(hover, 'a hover over the broken name');
    const first = hover.contents.value.split('\n')[0]!;
    assert.match(first, /^\*\*重庆市工业学校\*\*/);
  });

  test('folding ranges follow the sections', async () => {
    const uri = pathToFileURL(path.join(workspace, 'outline.txt')).href;
    const ranges = await session.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    // 一、总体要求 (line 2) runs to the line before 二、 (line 9); 二、 to 加强组织领导 (line 11)
    assert.ok(
      ranges.some((r) => r.startLine === 2 && r.endLine === 9),
      JSON.stringify(ranges),
    );
    assert.ok(
      ranges.some((r) => r.startLine === 3 && r.endLine === 4),
      JSON.stringify(ranges),
    );
    assert.ok(
      ranges.some((r) => r.startLine === 10 && r.endLine === 11),
      JSON.stringify(ranges),
    );
  });

  test('semantic tokens mark figures in a plaintext document', async () => {
    const file = path.join(workspace, SEED_002);
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const init = await session.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.equal(init.data.length % 5, 0);
    const tokens: { line: number; character: number; length: number; type: number }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < init.data.length; i += 5) {
      const [dl, dc, length, type] = init.data.slice(i, i + 4) as [number, number, number, number];
      line += dl;
      character = dl === 0 ? character + dc : dc;
      tokens.push({ line, character, length, type });
    }
    const at = positionOf(text, '9.9万人');
    const token = tokens.find((t) => t.line === at.line && t.character === at.character);
    assert.ok(token, 'a token at 9.9万人');
    assert.equal(token.type, 1, 'number (metric)');
    assert.equal(token.length, '9.9万人'.length);
    // tokens are in order and never overlap
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1]!;
      const b = tokens[i]!;
      assert.ok(b.line > a.line || b.character >= a.character + a.length, `overlap at ${JSON.stringify(b)}`);
    }
  });

  test('definition from 市人社局 (seed 003) goes to 重庆市人力资源和社会保障局 in seed 002', async () => {
    const file = path.join(workspace, SEED_003);
    const text = readFileSync(file, 'utf8');
    const uri = session.open(file);
    const position = positionOf(text, '市人社局', 1, text.indexOf('图片由市人社局提供'));
    const target = pathToFileURL(path.join(workspace, SEED_002)).href;
    const seed002 = readFileSync(path.join(workspace, SEED_002), 'utf8');
    const location = await eventually(
      async () => {
        const result = await session.request<Location | Location[] | null>('textDocument/definition', { textDocument: { uri }, position });
        const first = Array.isArray(result) ? result[0] : result;
        return first && first.uri === target ? first : undefined;
      },
      20_000,
      'a definition in seed 002',
    );
    assert.equal(textAt(seed002, location.range), '重庆市人力资源和社会保障局');
    assert.equal(location.range.start.line, positionOf(seed002, '重庆市人力资源和社会保障局').line, 'the first full-name mention');
  });

  test('references list every mention across the workspace, abbreviations and unopened files included', async () => {
    const file002 = path.join(workspace, SEED_002);
    const text = readFileSync(file002, 'utf8');
    const uri = pathToFileURL(file002).href;
    const locations = await eventually(
      async () => {
        const result = await session.request<Location[] | null>('textDocument/references', {
          textDocument: { uri },
          position: positionOf(text, '重庆市人力资源和社会保障局', 2),
          context: { includeDeclaration: true },
        });
        return result && new Set(result.map((l) => l.uri)).size >= 2 ? result : undefined;
      },
      20_000,
      'references in two files',
    );
    const in003 = locations.filter((l) => l.uri.endsWith(SEED_003));
    assert.ok(in003.length >= 1, JSON.stringify(locations));
    const text003 = readFileSync(path.join(workspace, SEED_003), 'utf8');
    assert.ok(in003.some((l) => textAt(text003, l.range) === '市人社局'));
    assert.ok(locations.some((l) => l.uri === uri && textAt(text, l.range) === '重庆市人力资源和社会保障局'));
  });

  test('document highlight shows the mentions in the current file', async () => {
    const file002 = path.join(workspace, SEED_002);
    const text = readFileSync(file002, 'utf8');
    const uri = pathToFileURL(file002).href;
    const highlights = await session.request<{ range: Rng; kind?: number }[] | null>('textDocument/documentHighlight', {
      textDocument: { uri },
      position: positionOf(text, '重庆市人力资源和社会保障局', 2),
    });
    assert.ok(highlights && highlights.length >= 2, JSON.stringify(highlights));
    for (const h of highlights) assert.ok(textAt(text, h.range).length > 0);
  });

  test('the index follows files created on disk (didChangeWatchedFiles)', async () => {
    const file = path.join(workspace, 'new-notice.txt');
    writeFileSync(file, '本通知由重庆市人力资源和社会保障局负责解释。\n');
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    const file002 = path.join(workspace, SEED_002);
    const text = readFileSync(file002, 'utf8');
    await eventually(
      async () => {
        const result = await session.request<Location[] | null>('textDocument/references', {
          textDocument: { uri: pathToFileURL(file002).href },
          position: positionOf(text, '重庆市人力资源和社会保障局', 2),
          context: { includeDeclaration: true },
        });
        return result?.some((l) => l.uri.endsWith('new-notice.txt'));
      },
      20_000,
      'the new file in references',
    );
    rmSync(file);
    session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 3 }] });
    await eventually(
      async () => {
        const result = await session.request<Location[] | null>('textDocument/references', {
          textDocument: { uri: pathToFileURL(file002).href },
          position: positionOf(text, '重庆市人力资源和社会保障局', 2),
          context: { includeDeclaration: true },
        });
        return result !== null && !result.some((l) => l.uri.endsWith('new-notice.txt'));
      },
      20_000,
      'the deleted file gone from references',
    );
  });

  test('workspace symbols find an institution by abbreviation', async () => {
    const symbols = await eventually(
      async () => {
        const result = await session.request<{ name: string; location: Location }[]>('workspace/symbol', { query: '市人社局' });
        return result.some((s) => s.name === '重庆市人力资源和社会保障局') ? result : undefined;
      },
      20_000,
      'a workspace symbol',
    );
    assert.ok(symbols[0]!.location.uri.startsWith('file:'));
  });

  test('positions from the client are clamped, never fatal', async () => {
    const uri = pathToFileURL(path.join(workspace, 'outline.txt')).href;
    const wild: Pos[] = [
      { line: 99_999, character: 99_999 },
      { line: -5, character: -1 },
      { line: 2, character: 10_000 },
      { line: 1.5, character: Number.MAX_SAFE_INTEGER },
    ];
    for (const position of wild) {
      await session.request('textDocument/hover', { textDocument: { uri }, position });
      await session.request('textDocument/definition', { textDocument: { uri }, position });
      await session.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
      await session.request('textDocument/documentHighlight', { textDocument: { uri }, position });
    }
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 500, character: 3 }, end: { line: -1, character: -1 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
    // an unknown document is not an error either
    assert.equal(
      await session.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } }),
      null,
    );
    // and the server is still answering
    assert.ok(Array.isArray(await session.diagnostics(uri)));
  });

  test('a 2 MB document does not block hovers on another one', async () => {
    const small = pathToFileURL(path.join(workspace, 'outline.txt')).href;
    await session.diagnostics(small);
    const unit = readFileSync(path.join(workspace, SEED_002), 'utf8');
    let big = '';
    while (big.length < 2_000_000) big += unit;
    const bigFile = path.join(workspace, 'big.policy.txt');
    writeFileSync(bigFile, big);
    const bigUri = session.open(bigFile, 'policytext', big);
    // asked for, not awaited: the analysis of the big document runs while the hover is answered; the
    // property is the order of the answers (no timing: speed is the benchmark's job)
    let bigAnalysed = false;
    const bigDiagnostics = session.diagnostics(bigUri).then(
      () => (bigAnalysed = true),
      () => (bigAnalysed = true),
    );
    const hover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: small },
      position: positionOf(OUTLINE, '万元元', 2),
    });
    assert.ok(hover, 'hover answered');
    assert.equal(bigAnalysed, false, 'the hover was answered while the 2 MB document was still being analysed');
    await bigDiagnostics;
    session.close(bigUri);
  });
});

describe('language server settings', { timeout: 60_000 }, () => {
  let workspace: string;
  let session: LspSession;

  before(async () => {
    workspace = makeWorkspace();
    session = await LspSession.start({
      workspace,
      locale: 'en',
      settings: { language: 'zh', maxDocumentSize: 200, diagnostics: { 'duplicated-unit': 'error' } },
    });
  });

  after(async () => {
    await session?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('severity from settings and messages in the configured language', async () => {
    const uri = session.open(path.join(workspace, 'outline.txt'));
    const diagnostics = await session.diagnostics(uri);
    const doubled = diagnostics.filter((d) => d.code === 'duplicated-unit');
    assert.equal(doubled.length, 2);
    assert.equal(doubled[0]!.severity, 1, 'error, from policymark.diagnostics.duplicated-unit');
    assert.match(doubled[0]!.message, /[\u4e00-\u9fff]/, 'Chinese message');
  });

  test('a document over maxDocumentSize gets one information diagnostic and no analysis', async () => {
    const file = path.join(workspace, SEED_002);
    const uri = session.open(file);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, 3);
    assert.match(diagnostics[0]!.message, /maxDocumentSize/);
    const hover = await session.request('textDocument/hover', {
      textDocument: { uri },
      position: positionAt(readFileSync(file, 'utf8'), 1000),
    });
    assert.equal(hover, null);
  });
});
