/** Scheduling analyses off the event loop (analyzer.ts) and caching them per version (analysisCache.ts). */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/analysisCache';
import { createAnalyzer, InlineAnalyzer, JobCancelledError, WorkerAnalyzer, type Analyzer } from '../../server/src/analyzer';
import { startEarlyWorker, takeEarlyWorker } from '../../server/src/earlyWorker';
import type { AnalysisResult } from '../../server/src/analysis/types';

// A stand-in worker speaking the analyzer's protocol: echoes the text as the only entity, sleeps on
// "slow", exits on "crash", so queueing, superseding and recovery can be observed without the core.
const dir = mkdtempSync(path.join(tmpdir(), 'policymark-worker-'));
const fakeWorker = path.join(dir, 'fake.js');
writeFileSync(
  fakeWorker,
  `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.text === 'crash') process.exit(3);
  if (m.text && m.text.startsWith('slow')) { const until = Date.now() + 200; while (Date.now() < until); }
  parentPort.postMessage({ id: m.id, ok: true, value: m.kind === 'loadSegmenter' ? { loaded: false, ms: 0 } : { entities: [{ type: 'date', text: m.text, start: 0, end: m.text.length }], diagnostics: [], segmented: m.useSegmenter } });
});`,
);
after(() => rmSync(dir, { recursive: true, force: true }));

const textOf = (r: AnalysisResult) => r.entities[0]?.text;

test('worker: jobs run in order, interactive before background; a newer job supersedes a queued one with its key', async () => {
  const analyzer = new WorkerAnalyzer(fakeWorker, () => undefined);
  try {
    const order: string[] = [];
    const track = (p: Promise<AnalysisResult>) => p.then((r) => (order.push(textOf(r)!), r));
    const first = track(analyzer.analyze('slow-1', {}, false));
    const background = track(analyzer.analyze('bg', {}, false, { priority: 'background' }));
    const old = analyzer.analyze('v1', {}, false, { supersedeKey: 'doc' });
    const newer = track(analyzer.analyze('v2', {}, false, { supersedeKey: 'doc' }));
    await assert.rejects(old, (e: unknown) => e instanceof JobCancelledError && e.reason === 'superseded');
    await Promise.all([first, background, newer]);
    assert.deepEqual(order, ['slow-1', 'v2', 'bg']);
  } finally {
    analyzer.dispose();
  }
});

test('worker: a cancelled job never runs; a crash fails only the job that caused it and the worker restarts', async () => {
  const logs: string[] = [];
  const analyzer = new WorkerAnalyzer(fakeWorker, (m) => logs.push(m));
  try {
    const blocker = analyzer.analyze('slow', {}, false);
    const token = { isCancellationRequested: false };
    const cancelled = analyzer.analyze('never', {}, false, { token });
    token.isCancellationRequested = true;
    await blocker;
    await assert.rejects(cancelled, JobCancelledError);
    await assert.rejects(analyzer.analyze('crash', {}, false), /exited with code 3/);
    assert.equal(textOf(await analyzer.analyze('after', {}, true)), 'after');
    assert.ok(logs.some((l) => /restarting/.test(l)));
  } finally {
    analyzer.dispose();
  }
});

test('worker: dispose rejects what is pending', async () => {
  const analyzer = new WorkerAnalyzer(fakeWorker, () => undefined);
  const running = analyzer.analyze('slow', {}, false);
  const queued = analyzer.analyze('queued', {}, false);
  analyzer.dispose();
  await assert.rejects(running, JobCancelledError);
  await assert.rejects(queued, JobCancelledError);
  await assert.rejects(analyzer.analyze('late', {}, false), JobCancelledError);
});

test('early worker: started before the analyzer, taken once, for its own file only; the analyzer uses it', async () => {
  // a worker file that says which start it is: the analyzer must talk to the one started early
  const earlyDir = mkdtempSync(path.join(tmpdir(), 'policymark-early-'));
  try {
    const file = path.join(earlyDir, 'analysisWorker.js');
    writeFileSync(
      file,
      `const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, ok: true, value: { entities: [{ type: 'date', text: String(threadId), start: 0, end: 1 }], diagnostics: [], segmented: false } }));`,
    );
    assert.equal(takeEarlyWorker(file), undefined, 'nothing started yet');
    startEarlyWorker(path.join(earlyDir, 'missing.js'));
    assert.equal(takeEarlyWorker(path.join(earlyDir, 'missing.js')), undefined, 'no worker for a file that is not there');
    startEarlyWorker(file);
    assert.equal(takeEarlyWorker(path.join(earlyDir, 'other.js')), undefined, 'not handed out for another file');
    const early = takeEarlyWorker(file);
    assert.ok(early, 'the early worker is handed out');
    assert.equal(takeEarlyWorker(file), undefined, 'and only once');
    const analyzer = new WorkerAnalyzer(file, () => undefined, early);
    try {
      assert.equal(textOf(await analyzer.analyze('x', {}, false)), String(early.threadId));
    } finally {
      analyzer.dispose();
    }
    // createAnalyzer takes the early worker of the file beside it
    startEarlyWorker(file);
    const analyzer2 = createAnalyzer(() => undefined, earlyDir);
    try {
      assert.equal(takeEarlyWorker(file), undefined, 'createAnalyzer took it');
      assert.equal(analyzer2.offThread, true);
      assert.match(textOf(await analyzer2.analyze('x', {}, false))!, /^\d+$/);
    } finally {
      analyzer2.dispose();
    }
  } finally {
    rmSync(earlyDir, { recursive: true, force: true });
  }
});

/** An analyzer that counts calls and finishes when told to. */
class ControlledAnalyzer extends InlineAnalyzer {
  calls: string[] = [];
  private gates: (() => void)[] = [];
  override async analyze(text: string): Promise<AnalysisResult> {
    this.calls.push(text);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    return { entities: [{ type: 'date', text, start: 0, end: text.length }], diagnostics: [], segmented: false };
  }
  release(): void {
    for (const gate of this.gates.splice(0)) gate();
  }
}

function cacheWith(analyzer: Analyzer, maxDocumentSize = 1000): AnalysisCache {
  return new AnalysisCache(async () => ({ options: {}, maxDocumentSize }), analyzer);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('cache: concurrent requests for one version share one analysis; a new version recomputes; peek keeps the last', async () => {
  const analyzer = new ControlledAnalyzer();
  const cache = cacheWith(analyzer);
  const document = TextDocument.create('file:///a.txt', 'policytext', 1, 'one');
  const a = cache.get(document);
  const b = cache.get(document);
  await tick();
  analyzer.release();
  assert.equal(await a, await b);
  assert.deepEqual(analyzer.calls, ['one']);
  assert.equal(cache.current(document)?.text, 'one');

  TextDocument.update(document, [{ text: 'two' }], 2);
  assert.equal(cache.current(document), undefined);
  const c = cache.get(document);
  await tick();
  assert.ok(cache.isComputing(document.uri));
  assert.equal(cache.peek(document.uri)?.text, 'one', 'the last analysis serves while the new one computes');
  analyzer.release();
  assert.equal((await c).text, 'two');
  assert.equal(cache.peek(document.uri)?.version, 2);
});

test('cache: clear() makes the next request recompute; an over-size document is skipped without analysis', async () => {
  const analyzer = new ControlledAnalyzer();
  const cache = cacheWith(analyzer, 5);
  const small = TextDocument.create('file:///s.txt', 'policytext', 1, 'abc');
  const first = cache.get(small);
  await tick();
  analyzer.release();
  await first;
  cache.clear();
  const again = cache.get(small);
  await tick();
  analyzer.release();
  await again;
  assert.deepEqual(analyzer.calls, ['abc', 'abc']);

  const big = TextDocument.create('file:///b.txt', 'policytext', 1, 'abcdefgh');
  const skipped = await cache.get(big);
  assert.deepEqual(skipped.skipped, { size: 8, limit: 5 });
  assert.deepEqual(analyzer.calls, ['abc', 'abc']);
});

test('cache: listeners hear every finished analysis', async () => {
  const cache = cacheWith(new InlineAnalyzer());
  const heard: number[] = [];
  cache.onDidAnalyze((a) => heard.push(a.version));
  const document = TextDocument.create('file:///l.txt', 'policytext', 7, '2021年');
  const analyzed = await cache.get(document);
  assert.deepEqual(heard, [7]);
  assert.ok(analyzed.result.entities.some((e) => e.type === 'date'));
});
