/**
 * Bad input over the language server (the bundled server over stdio, as any LSP client runs it): odd
 * texts, huge ones, positions out of range, a document closed mid-analysis, Restricted Mode, and a clean
 * exit. The server is a child process: a crash is a failed assertion, not a dead runner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pullDiagnostics, SEEDS, startServer, type LspRange } from './helpers';

const SETTINGS = { settings: { segmenter: false } };

/** Line lengths of a text as LSP counts lines (\n, \r\n and lone \r end a line). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(text: string, range: LspRange, what: string): void {
  const lines = lineLengths(text);
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line]!, `${what}: character ${p.character} of ${lines[p.line]}`);
  }
}

const ODD: Record<string, string> = {
  empty: '',
  nul: '资助\u0000总金额达到890余万元元。\u0000',
  crlf: '第一行\r\n资助总金额达到890余万元元。\r\n职业 教育\r\n',
  cr: '第一行\r资助总金额达到890余万元元。\r职业 教育\r',
  mixed: '第一行\r\n资助总金额达到890余万元元。\n职业 教育\r第4243届',
  bom: '\uFEFF资助总金额达到890余万元元。',
  surrogates: '\uD842资助总金额\uDFB7达到890余万元元。\uD842',
  astral: '𠮷😀👨‍👩‍👧资助总金额达到890余万元元，渝人社〔2021〕452号。',
  fullwidth: '资助总金额达到８９０余万元元，第４２４３届。',
};

test('odd texts: diagnostics and code actions with ranges inside the document', async () => {
  const server = await startServer(SETTINGS);
  try {
    for (const [name, text] of Object.entries(ODD)) {
      const uri = `file:///odd/${name}.txt`;
      await server.open(uri, text);
      const items = await pullDiagnostics(server, uri);
      for (const d of items) assertInside(text, d.range, `${name}: ${d.code}`);
      if (text.includes('元元') && name !== 'bom') {
        const dup = items.find((d) => d.code === 'duplicated-unit');
        assert.ok(dup, `${name}: duplicated-unit found`);
      }
      const end = lineLengths(text).length - 1;
      const actions = await server.connection.sendRequest<{ edit?: { changes?: Record<string, { range: LspRange }[]> } }[]>(
        'textDocument/codeAction',
        {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: end, character: lineLengths(text)[end]! } },
          context: { diagnostics: [] },
        },
      );
      for (const a of actions ?? []) for (const e of a.edit?.changes?.[uri] ?? []) assertInside(text, e.range, `${name}: code action edit`);
    }
  } finally {
    const exit = await server.stop();
    assert.equal(exit.code, 0, server.stderr());
  }
});

test('positions out of range (line 1e9, negative, past the line end) get a sane answer, not an error', async () => {
  const server = await startServer(SETTINGS);
  try {
    const uri = 'file:///range/a.txt';
    const text = readFileSync(join(SEEDS, '001_4ed491f9420b6c99.txt'), 'utf8');
    await server.open(uri, text);
    const positions = [
      { line: 1e9, character: 0 },
      { line: -1, character: -5 },
      { line: 0, character: 1e9 },
      { line: 2, character: 1e6 },
      { line: 1.5, character: 0.5 },
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight']) {
        const params = { textDocument: { uri }, position, context: { includeDeclaration: true } };
        await assert.doesNotReject(server.connection.sendRequest(method, params), `${method} at ${JSON.stringify(position)}`);
      }
      await assert.doesNotReject(
        server.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: position, end: { line: 1e9, character: 1e9 } },
          context: { diagnostics: [] },
        }),
      );
    }
    // a document the server never saw
    await assert.doesNotReject(
      server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///nope.txt' },
        position: { line: 0, character: 0 },
      }),
    );
    // still alive and answering
    assert.ok(Array.isArray(await pullDiagnostics(server, uri)));
  } finally {
    assert.equal((await server.stop()).code, 0, server.stderr());
  }
});

test('a 2 MB single line is analysed; a 50 MB document is not, with one diagnostic saying so; a document closed mid-analysis is fine', async () => {
  const server = await startServer(SETTINGS);
  try {
    const seed = readFileSync(join(SEEDS, '000_02861b1786645f85.txt'), 'utf8').replace(/[\r\n]+/g, '');
    let line = '';
    while (line.length < 2_000_000) line += seed;
    line = line.slice(0, 2_000_000);
    await server.open('file:///big/line.txt', line);
    const lineItems = await pullDiagnostics(server, 'file:///big/line.txt');
    for (const d of lineItems) assertInside(line, d.range, `2 MB line: ${d.code}`);

    const huge = '资助总金额达到890余万元元。\n'.repeat(3_400_000);
    await server.open('file:///big/huge.txt', huge);
    const hugeItems = await pullDiagnostics(server, 'file:///big/huge.txt');
    assert.equal(hugeItems.length, 1);
    assert.match(hugeItems[0]!.message, /maxDocumentSize/);

    // closed while its analysis runs: the request ends (with whatever it has), the server lives on
    await server.open('file:///big/closing.txt', line, 1);
    const pending = pullDiagnostics(server, 'file:///big/closing.txt').then(
      () => 'answered',
      (error: { code?: number }) => `rejected ${error.code}`,
    );
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///big/closing.txt' } });
    const outcome = await pending;
    // an answer, or the request was cancelled (-32800 / server-cancelled -32802): never an internal error
    assert.ok(outcome === 'answered' || /rejected -3280[02]/.test(outcome), outcome);
    assert.ok(Array.isArray(await pullDiagnostics(server, 'file:///big/line.txt')));
  } finally {
    assert.equal((await server.stop(60_000)).code, 0, server.stderr());
  }
});

test('Restricted Mode: the server says so once and ignores workspace words', async () => {
  const text = '资助总金额达到890余万元元。';
  const server = await startServer({
    trusted: false,
    settings: { segmenter: false, words: ['万元元'], userDictionaries: ['/etc/passwd'] },
  });
  try {
    await server.open('file:///r/a.txt', text);
    const items = await pullDiagnostics(server, 'file:///r/a.txt');
    assert.ok(
      items.some((d) => d.code === 'duplicated-unit'),
      'workspace words are not used',
    );
    const shown = server.messages.filter((m) => m.method === 'show' && /Restricted Mode/.test(m.message));
    assert.equal(shown.length, 1);
  } finally {
    assert.equal((await server.stop()).code, 0, server.stderr());
  }
  const trusted = await startServer({ trusted: true, settings: { segmenter: false } });
  try {
    await trusted.open('file:///r/a.txt', text);
    await pullDiagnostics(trusted, 'file:///r/a.txt');
    assert.equal(trusted.messages.filter((m) => /Restricted Mode/.test(m.message)).length, 0);
  } finally {
    await trusted.stop();
  }
});

test('the server exits cleanly on exit, and when its stdin closes', async () => {
  const a = await startServer(SETTINGS);
  assert.deepEqual(await a.stop(), { code: 0, signal: null });
  const b = await startServer(SETTINGS);
  b.process.stdin.end();
  const timer = setTimeout(() => b.process.kill('SIGKILL'), 10_000);
  const exit = await b.exited;
  clearTimeout(timer);
  assert.equal(exit.signal, null, 'it exited by itself');
  b.connection.dispose();
});
