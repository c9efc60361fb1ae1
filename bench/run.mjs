// `npm run bench`: builds what it needs, measures everything below in one run on this machine, prints a
// table and writes bench/results.json. Targets are checked here, never in timed unit tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpora, workDir } from './corpus.mjs';
import { startServer } from './lsp.mjs';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'server', 'out', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const quick = process.argv.includes('--quick');

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'inherit' });
if (!existsSync(join(import.meta.dirname, 'node_modules', 'autocorrect-node'))) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: import.meta.dirname, stdio: 'inherit' });
}
const corpora = ensureCorpora();
const sizeOf = (p) => statSync(p).size;

const results = [];
const stats = (samples) => {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: q(0.5), min: s[0], max: s[s.length - 1], p90: q(0.9), p99: q(0.99), n: s.length };
};
/** Records a figure; `better` says whether lower or higher is better, `target` the bound it must meet. */
function record(name, unit, samples, input, { better = 'lower', target, use = 'median', note } = {}) {
  const st = stats(samples);
  const value = st[use];
  const pass = target === undefined ? undefined : better === 'lower' ? value <= target : value >= target;
  results.push({
    name,
    unit,
    value: round(value),
    statistic: use,
    median: round(st.median),
    min: round(st.min),
    max: round(st.max),
    runs: st.n,
    input,
    target,
    pass,
    note,
  });
  process.stderr.write(`bench: ${name} (${input}): ${round(value)} ${unit}${pass === false ? '  (target missed)' : ''}\n`);
}
const round = (x) => (x === undefined ? x : Math.round(x * 100) / 100);
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const node = (args, opts = {}) => spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });

// ---------------------------------------------------------------- throughput (whole processes)
const big = corpora['10mb'];
const bigMb = sizeOf(big) / (1024 * 1024);
const jiebaScript = `
const j = require('nodejieba'); const fs = require('fs');
const t0 = performance.now(); j.load(); const t1 = performance.now();
const text = fs.readFileSync(${JSON.stringify(big)}, 'utf8');
const lines = text.split('\\n'); let n = 0;
const t2 = performance.now(); for (const l of lines) if (l) n += j.cut(l, true).length; const t3 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, cut: t3 - t2, words: n }));`;
const jieba = [];
const jiebaCut = [];
for (let i = 0; i < RUNS; i++) {
  let out;
  const wall = time(() => (out = node(['-e', jiebaScript], { cwd: root })));
  const r = JSON.parse(out.stdout);
  jieba.push(wall);
  jiebaCut.push(r.cut);
}
record('nodejieba cut, whole process (load + cut)', 'ms', jieba, '10 MB corpus');
record('nodejieba cut, cut only', 'ms', jiebaCut, '10 MB corpus');

const check = [];
for (let i = 0; i < RUNS; i++)
  check.push(time(() => node([cli, 'check', '--format', 'json', big], { stdio: ['ignore', 'ignore', 'pipe'] })));
record('policymark check, whole process', 'ms', check, '10 MB corpus');
const jiebaThroughput = jieba.map((ms) => bigMb / (ms / 1000));
const checkThroughput = check.map((ms) => bigMb / (ms / 1000));
record('nodejieba throughput', 'MB/s', jiebaThroughput, '10 MB corpus', { better: 'higher' });
record('policymark check throughput', 'MB/s', checkThroughput, '10 MB corpus', {
  better: 'higher',
  target: round(stats(jiebaThroughput).median / 2),
  note: 'target: at least half of nodejieba’s',
});

const autocorrectScript = `
const ac = require(${JSON.stringify(join(import.meta.dirname, 'node_modules', 'autocorrect-node'))});
const text = require('fs').readFileSync(${JSON.stringify(big)}, 'utf8');
const t = performance.now(); ac.lintFor(text, 'corpus.txt'); console.log(performance.now() - t);`;
const autocorrect = [];
for (let i = 0; i < RUNS; i++) autocorrect.push(time(() => node(['-e', autocorrectScript])));
const autocorrectThroughput = autocorrect.map((ms) => bigMb / (ms / 1000));
record('autocorrect-node lintFor throughput', 'MB/s', autocorrectThroughput, '10 MB corpus', { better: 'higher' });
results.at(-3).note += '; and faster than autocorrect-node';
const checkBeatsAutocorrect = stats(checkThroughput).median > stats(autocorrectThroughput).median;
if (!checkBeatsAutocorrect) results.find((r) => r.name === 'policymark check throughput').pass = false;

const supportsJobs = node([cli, '--help']).stdout.includes('--jobs');
if (supportsJobs) {
  for (const jobs of [1, 2]) {
    const samples = [];
    for (let i = 0; i < RUNS; i++)
      samples.push(
        time(() =>
          node([cli, 'check', '--jobs', String(jobs), '--format', 'jsonl', corpora.workspace], { stdio: ['ignore', 'ignore', 'pipe'] }),
        ),
      );
    record(`policymark check --jobs ${jobs}`, 'ms', samples, '200-file workspace (4.7 MB)');
  }
  const [one, two] = results.slice(-2).map((r) => r.median);
  record('check --jobs 2 speed-up over --jobs 1', '×', [one / two], `${cpus().length} cores`, { better: 'higher', target: 1.4 });
}

// ---------------------------------------------------------------- language server
const coldFirst = [];
for (let i = 0; i < RUNS; i++) {
  const folder = join(workDir, `cold-${i}`);
  execFileSync('mkdir', ['-p', folder]);
  writeFileSync(join(folder, 'a.txt'), readFileSync(corpora['40kb']));
  const server = await startServer(folder);
  const uri = pathToFileURL(join(folder, 'a.txt')).href;
  server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(corpora['40kb'], 'utf8') },
  });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  coldFirst.push(performance.now() - server.started);
  await server.stop();
}
record('initialize → first diagnostics, segmenter cold', 'ms', coldFirst, '40 KB file', { target: 500 });

async function editLatency(path, edits) {
  const folder = join(workDir, 'edit');
  execFileSync('mkdir', ['-p', folder]);
  const server = await startServer(folder);
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(join(folder, 'doc.txt')).href;
  const refreshed = server.nextRefresh(20_000);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  await refreshed; // the segmenter is loaded: measure the steady state
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const lines = text.split('\n');
  const samples = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const line = Math.floor((i * 7919) % lines.length);
    const t = performance.now();
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '新' }],
    });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    samples.push(performance.now() - t);
  }
  return { server, uri, text, samples };
}
{
  const { server, samples } = await editLatency(corpora['40kb'], quick ? 5 : 20);
  record('one-character edit → new diagnostics', 'ms', samples, '40 KB file', { target: 30 });
  await server.stop();
}
{
  const { server, uri, text, samples } = await editLatency(corpora['1mb'], quick ? 3 : 10);
  record('one-character edit → new diagnostics', 'ms', samples, '1 MB file', { target: 300 });
  const lines = text.split('\n');
  const hover = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < (quick ? 100 : 1000); i++) {
    const line = next() % lines.length;
    const character = next() % Math.max(1, lines[line].length);
    const t = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    hover.push(performance.now() - t);
  }
  record('hover at random positions (p99)', 'ms', hover, '1 MB file', { target: 10, use: 'p99' });
  await server.stop();
}
{
  const server = await startServer(corpora.workspace);
  const indexed = server.progressEnded(180_000);
  const t = performance.now();
  const ended = await indexed;
  record('index the workspace', 'ms', [performance.now() - t], '200 files', {
    note: ended ? 'until the progress ended' : 'no progress reported (timed out)',
  });
  const files = readdirSync(corpora.workspace)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const definition = [];
  const references = [];
  for (const file of files.slice(0, quick ? 5 : 20)) {
    const text = readFileSync(join(corpora.workspace, file), 'utf8');
    const uri = pathToFileURL(join(corpora.workspace, file)).href;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const entities = JSON.parse(node([cli, 'entities', '--format', 'json', join(corpora.workspace, file)]).stdout)[0].entities.filter(
      (e) => e.type === 'org' || e.type === 'docref',
    );
    const lines = text.split('\n');
    const starts = [];
    let acc = 0;
    for (const l of lines) {
      starts.push(acc);
      acc += l.length + 1;
    }
    const position = (offset) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      return { line, character: offset - starts[line] };
    };
    for (const entity of entities.slice(0, 10)) {
      const pos = position(entity.start + 1);
      let t0 = performance.now();
      await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos });
      definition.push(performance.now() - t0);
      t0 = performance.now();
      await server.connection.sendRequest('textDocument/references', {
        textDocument: { uri },
        position: pos,
        context: { includeDeclaration: true },
      });
      references.push(performance.now() - t0);
    }
  }
  if (definition.length) {
    record('definition across the workspace (p99)', 'ms', definition, '200 files indexed', { target: 50, use: 'p99' });
    record('references across the workspace (p99)', 'ms', references, '200 files indexed', { target: 50, use: 'p99' });
  }
  record('server resident memory, workspace indexed', 'MB', [await server.rssMb()], '200 files', { target: 400 });
  await server.stop();
}

// ---------------------------------------------------------------- report
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify({ machine, runs: RUNS, results }, null, 1) + '\n');
const rows = results.map((r) => [
  r.name,
  r.input,
  `${r.value} ${r.unit}${r.statistic !== 'median' ? ` (${r.statistic})` : ''}`,
  r.runs > 1 ? `${r.min}–${r.max}` : '',
  r.target === undefined ? '' : `${r.target}`,
  r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
]);
const header = ['figure', 'input', 'value (median)', 'spread', 'target', 'met'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
console.log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, Node ${machine.node}\n`);
console.log(table);
writeFileSync(join(workDir, 'table.md'), table + '\n');
process.exit(0);
