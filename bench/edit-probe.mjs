// Times one-character edits on a large file over LSP; BENCH_SERVER_NODE_ARGS passes flags (e.g. --cpu-prof) to the server.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp.mjs';
const file = process.argv[2] ?? join(import.meta.dirname, '.work', 'corpus-1mb.txt');
const edits = Number(process.argv[3] ?? 10);
const folder = join(import.meta.dirname, '.work', 'edit-probe');
mkdirSync(folder, { recursive: true });
const server = await startServer(folder);
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(join(folder, 'doc.txt')).href;
const refreshed = server.nextRefresh(20_000);
server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
await refreshed;
await server.segmenterLoaded();
await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
const lines = text.split('\n');
const samples = [];
for (let i = 0, version = 1; i < edits; i++) {
  const line = Math.floor((i * 7919) % lines.length);
  const t = performance.now();
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: ++version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '新' }],
  });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  samples.push(Math.round(performance.now() - t));
}
console.log(samples.join(' '), 'median', samples.sort((a, b) => a - b)[samples.length >> 1]);
await server.stop();
