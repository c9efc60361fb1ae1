/**
 * Where analyses run. The server hands every analysis (open documents, workspace indexing, fix-all) to
 * an Analyzer: normally a worker thread (analysisWorker.ts) so that the event loop stays free for hovers
 * and completions while a big file is analysed; inline (yielding first) when no worker can be started,
 * e.g. under tsx in unit tests.
 *
 * Jobs run one at a time in the worker, interactive ones (open documents) before background ones
 * (indexing). A queued job whose token is cancelled, or that a newer job with the same key supersedes,
 * never reaches the worker.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeChunked, fixAllChunked } from './chunked';
import { takeEarlyWorker } from './earlyWorker';
import type { AnalysisOptions } from './analysis/options';
import { currentSegmenter, loadSegmenter, segmenterLoadError, skippedDictionaries } from './analysis/segment';
import type { AnalysisResult } from './analysis/types';

/** Options as they travel to the worker: everything but the segmenter, which lives there. */
export type PortableOptions = Omit<AnalysisOptions, 'segmenter'>;

/** Messages to the worker. */
export type WorkerRequest =
  | { id: number; kind: 'analyze'; text: string; options: PortableOptions; useSegmenter: boolean; cacheKey?: string }
  | { id: number; kind: 'fixAll'; text: string; options: PortableOptions; useSegmenter: boolean }
  | { id: number; kind: 'loadSegmenter'; userDicts: string[] };

/** Messages from the worker. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The outcome of loading the segmenter. */
export interface SegmenterStatus {
  loaded: boolean;
  ms: number;
  error?: string;
  /** User dictionaries left out (missing, unreadable, invalid), with the reason. */
  skipped?: { file: string; reason: { zh: string; en: string } }[];
}

/** The result of fix-all to a fixed point, without the per-round detail the server does not use. */
export interface FixAllSummary {
  text: string;
  applied: number;
}

/** Something that can be cancelled (an LSP CancellationToken fits). */
export interface Cancellable {
  readonly isCancellationRequested: boolean;
}

/** How urgent a job is: interactive jobs (open documents) go before background ones (indexing). */
export type Priority = 'interactive' | 'background';

/** Per-job scheduling: priority, cancellation, and a key whose newer jobs supersede queued older ones. */
export interface JobOptions {
  priority?: Priority;
  token?: Cancellable;
  supersedeKey?: string;
  /**
   * The document an analysis is of, when later versions of it will be analysed again (open documents):
   * the worker keeps the segmenter's words of its lines, so that an edit re-segments only what it touched.
   */
  cacheKey?: string;
}

/** Raised for a job that was cancelled or superseded before it ran. */
export class JobCancelledError extends Error {
  constructor(readonly reason: 'cancelled' | 'superseded') {
    super(`analysis job ${reason}`);
  }
}

/** Runs analyses somewhere other than in the request handler's turn of the event loop. */
export interface Analyzer {
  analyze(text: string, options: PortableOptions, useSegmenter: boolean, job?: JobOptions): Promise<AnalysisResult>;
  fixAll(text: string, options: PortableOptions, useSegmenter: boolean, job?: JobOptions): Promise<FixAllSummary>;
  loadSegmenter(userDicts: string[]): Promise<SegmenterStatus>;
  /** Whether analyses run off the main thread. */
  readonly offThread: boolean;
  dispose(): void;
}

type DistributiveOmitId<T> = T extends unknown ? Omit<T, 'id'> : never;
type JobPayload = DistributiveOmitId<WorkerRequest>;

interface Job {
  payload: JobPayload;
  options: JobOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Analyses in a worker thread, one job at a time, interactive first. */
export class WorkerAnalyzer implements Analyzer {
  readonly offThread = true;
  private worker: Worker | undefined;
  private readonly interactive: Job[] = [];
  private readonly background: Job[] = [];
  private running: { id: number; job: Job } | undefined;
  private nextId = 1;
  private restarts = 0;
  private disposed = false;
  private segmenterRequest: { userDicts: string[] } | undefined;

  /** `started`: a worker already booting from `workerFile` (see earlyWorker.ts), used instead of a new one. */
  constructor(
    private readonly workerFile: string,
    private readonly log: (message: string) => void,
    started?: Worker,
  ) {
    this.worker = this.start(started);
  }

  analyze(text: string, options: PortableOptions, useSegmenter: boolean, job: JobOptions = {}): Promise<AnalysisResult> {
    const cacheKey = job.cacheKey;
    return this.enqueue(
      { kind: 'analyze', text, options, useSegmenter, ...(cacheKey ? { cacheKey } : {}) },
      job,
    ) as Promise<AnalysisResult>;
  }

  fixAll(text: string, options: PortableOptions, useSegmenter: boolean, job: JobOptions = {}): Promise<FixAllSummary> {
    return this.enqueue({ kind: 'fixAll', text, options, useSegmenter }, job) as Promise<FixAllSummary>;
  }

  loadSegmenter(userDicts: string[]): Promise<SegmenterStatus> {
    // remembered so that a restarted worker loads it again
    this.segmenterRequest = { userDicts };
    return this.enqueue({ kind: 'loadSegmenter', userDicts }, { priority: 'interactive' }) as Promise<SegmenterStatus>;
  }

  dispose(): void {
    this.disposed = true;
    const pending = [...this.interactive.splice(0), ...this.background.splice(0)];
    if (this.running) pending.push(this.running.job);
    this.running = undefined;
    for (const job of pending) job.reject(new JobCancelledError('cancelled'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(started?: Worker): Worker {
    const worker = started ?? new Worker(this.workerFile);
    // an idle worker must not keep the process alive (pump() holds it while a job runs)
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => this.log(`policymark: analysis worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.onExit(worker, code));
    return worker;
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker || this.disposed) return;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    // the job that was running may be what crashed the worker: fail it rather than retry it
    running?.job.reject(new Error(`analysis worker exited with code ${code}`));
    if (this.restarts++ < 5) {
      this.log(`policymark: restarting the analysis worker (exit code ${code})`);
      this.worker = this.start();
      if (this.segmenterRequest) {
        this.interactive.unshift({
          payload: { kind: 'loadSegmenter', ...this.segmenterRequest },
          options: { priority: 'interactive' },
          resolve: () => undefined,
          reject: () => undefined,
        });
      }
      this.pump();
    } else {
      for (const job of [...this.interactive.splice(0), ...this.background.splice(0)]) job.reject(new Error('analysis worker unavailable'));
    }
  }

  private enqueue(payload: JobPayload, options: JobOptions): Promise<unknown> {
    if (this.disposed) return Promise.reject(new JobCancelledError('cancelled'));
    return new Promise((resolve, reject) => {
      const queue = options.priority === 'background' ? this.background : this.interactive;
      if (options.supersedeKey !== undefined) {
        for (const q of [this.interactive, this.background]) {
          for (let i = q.length - 1; i >= 0; i--) {
            if (q[i]!.options.supersedeKey === options.supersedeKey) q.splice(i, 1)[0]!.reject(new JobCancelledError('superseded'));
          }
        }
      }
      queue.push({ payload, options, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || !this.worker) return;
    let job: Job | undefined;
    while ((job = this.interactive.shift() ?? this.background.shift())) {
      if (job.options.token?.isCancellationRequested) {
        job.reject(new JobCancelledError('cancelled'));
        continue;
      }
      break;
    }
    if (!job) {
      this.worker.unref();
      return;
    }
    this.worker.ref();
    const id = this.nextId++;
    this.running = { id, job };
    this.worker.postMessage({ ...job.payload, id } as WorkerRequest);
  }

  private onReply(reply: WorkerReply): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    this.running = undefined;
    this.restarts = 0;
    if (reply.ok) running.job.resolve(reply.value);
    else running.job.reject(new Error(reply.error));
    this.pump();
  }
}

/** Analyses on the main thread, yielding to the event loop before each job (fallback and tests). */
export class InlineAnalyzer implements Analyzer {
  readonly offThread = false;

  async analyze(text: string, options: PortableOptions, useSegmenter: boolean, job: JobOptions = {}): Promise<AnalysisResult> {
    await yieldToEventLoop(job.token);
    return analyzeChunked(text, withSegmenter(options, useSegmenter));
  }

  async fixAll(text: string, options: PortableOptions, useSegmenter: boolean, job: JobOptions = {}): Promise<FixAllSummary> {
    await yieldToEventLoop(job.token);
    const full = withSegmenter(options, useSegmenter);
    const result = fixAllChunked(text, full);
    return { text: result.text, applied: result.applied.length };
  }

  async loadSegmenter(userDicts: string[]): Promise<SegmenterStatus> {
    await yieldToEventLoop();
    const started = Date.now();
    const loaded = loadSegmenter({ userDicts }) !== undefined;
    return { loaded, ms: Date.now() - started, error: segmenterLoadError()?.message, skipped: [...skippedDictionaries()] };
  }

  dispose(): void {}
}

function withSegmenter(options: PortableOptions, useSegmenter: boolean): AnalysisOptions {
  const segmenter = useSegmenter ? currentSegmenter() : undefined;
  return segmenter ? { ...options, segmenter } : options;
}

async function yieldToEventLoop(token?: Cancellable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (token?.isCancellationRequested) throw new JobCancelledError('cancelled');
}

/**
 * The worker-backed analyzer when the bundled worker file sits beside this bundle (server/out), else the
 * inline one.
 */
export function createAnalyzer(log: (message: string) => void, directory: string = __dirname): Analyzer {
  const workerFile = path.join(directory, 'analysisWorker.js');
  if (existsSync(workerFile)) {
    try {
      return new WorkerAnalyzer(workerFile, log, takeEarlyWorker(workerFile));
    } catch (error) {
      log(`policymark: cannot start the analysis worker, analysing on the main thread: ${String(error)}`);
    }
  }
  return new InlineAnalyzer();
}
