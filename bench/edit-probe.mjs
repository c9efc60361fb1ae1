// Times one-character edits of a large file over LSP, for profiling the server alone:
// `node bench/edit-probe.mjs [file] [edits]`; BENCH_SERVER_NODE_ARGS passes flags (e.g. --cpu-prof) to the server.
import { join } from 'node:path';
import { measureEdits } from './lsp.mjs';

const file = process.argv[2] ?? join(import.meta.dirname, '.work', 'corpus-1mb.txt');
const { server, samples } = await measureEdits(join(import.meta.dirname, '.work', 'edit-probe'), file, Number(process.argv[3] ?? 10));
const ms = samples.map(Math.round);
console.log(ms.join(' '), 'median', [...ms].sort((a, b) => a - b)[ms.length >> 1]);
await server.stop();
