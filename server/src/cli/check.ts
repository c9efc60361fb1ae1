/**
 * `policymark check` over many files: one file at a time is read, repaired (--fix), analysed and written
 * out before the next is read, so a corpus larger than memory goes through; with --jobs N the files are
 * spread over N threads (the main thread and N − 1 workers, sharing one loaded segmenter) and results are
 * streamed as they come.
 */
import { lstatSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../analysis/options';
import type { Finding, Language } from '../analysis/types';
import { sidecarForCheck } from '../sidecar/checkFacts';
import { analyzeChunked, fixAllChunked } from '../chunked';
import { InputError, readInput } from './input';
import { formatFindingsText, sarifResults, toJsonDiagnostic, type CheckReport } from './report';
import { writeTextAtomic } from './write';

/** The per-run choices of `check` that every file shares. */
export interface CheckSettings {
  format: 'text' | 'json' | 'jsonl' | 'sarif';
  fix: boolean;
  encoding?: string;
  maxSize: number;
  language: Language;
}

/** What checking one file produced; plain data, so it crosses from a worker thread unchanged. */
export interface CheckFileResult {
  file: string;
  /** Messages for stderr (unreadable input, a write that failed, a corrupt sidecar). */
  stderr: string[];
  /** Reading or writing failed: the run's exit code becomes 2. */
  failed: boolean;
  findings: number;
  errors: number;
  /**
   * The JSON / JSONL report entry, already serialised (one line for JSONL, indented for JSON): with --jobs
   * a worker serialises its own reports, so the main thread only writes them instead of copying each report
   * object across threads and then serialising every file's report on its own.
   */
  json?: string;
  /** Text-format lines. */
  lines?: string[];
  /** SARIF results. */
  sarif?: object[];
}

/** Whether `path` itself is a symbolic link (not followed). */
function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads, repairs (with --fix), analyses and formats one file. Never throws for a bad file. */
export function checkFile(path: string, settings: CheckSettings, options: AnalysisOptions): CheckFileResult {
  const { language } = settings;
  const say = (zh: string, en: string) => `policymark: ${path}: ${language === 'zh' ? zh : en}`;
  const result: CheckFileResult = { file: path, stderr: [], failed: false, findings: 0, errors: 0 };
  let input;
  try {
    input = readInput(path, settings.encoding, settings.maxSize);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    result.stderr.push(say(error.zh, error.en));
    result.failed = true;
    return result;
  }
  let text = input.text;
  let fixed = 0;
  // findings silenced in the text's sidecar are neither reported nor fixed; its orphans are reported
  const sidecar = sidecarForCheck(options, path, (file, reason) =>
    result.stderr.push(`policymark: ${file}: ${language === 'zh' ? reason.zh : reason.en}`),
  );
  if (settings.fix) {
    const repaired = fixAllChunked(text, sidecar.options);
    if (repaired.text !== text) {
      if (input.encoding !== 'utf-8') {
        result.stderr.push(
          say(
            `只能写回 UTF-8 文件（此文件为 ${input.encoding}），未修改`,
            `--fix writes UTF-8 files only (this one is ${input.encoding}); left unchanged`,
          ),
        );
        result.failed = true;
      } else if (isSymlink(path)) {
        // write-file-atomic would resolve the link and replace its target, wherever that is
        result.stderr.push(
          say(
            '是符号链接，--fix 不经由符号链接写入，未修改（其目标保持原样）',
            'is a symbolic link; --fix does not write through symbolic links, left unchanged (its target too)',
          ),
        );
        result.failed = true;
      } else {
        try {
          writeTextAtomic(path, repaired.text, input.bom, { oldText: text, steps: repaired.steps });
          text = repaired.text;
          fixed = repaired.applied.length;
        } catch (error) {
          result.stderr.push(
            say('写回失败', 'could not write the fixed file') + `: ${error instanceof Error ? error.message : String(error)}`,
          );
          result.failed = true;
        }
      }
    }
  }
  const findings: Finding[] = [...analyzeChunked(text, sidecar.options).diagnostics, ...sidecar.orphanFindings(text)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  result.findings = findings.length;
  result.errors = findings.filter((f) => f.severity === 'error').length;
  if (settings.format === 'json' || settings.format === 'jsonl') {
    const report: CheckReport = {
      file: path,
      diagnostics: findings.map((f) => toJsonDiagnostic(f, language)),
      ...(settings.fix ? { fixed } : {}),
    };
    result.json = settings.format === 'jsonl' ? JSON.stringify(report) : JSON.stringify(report, null, 1);
  } else if (settings.format === 'sarif') {
    result.sarif = sarifResults(path, text, findings, language);
  } else {
    result.lines = [
      ...(fixed ? [language === 'zh' ? `${path}: 已修复 ${fixed} 处` : `${path}: fixed ${fixed} finding${fixed === 1 ? '' : 's'}`] : []),
      ...formatFindingsText(path, text, findings, language),
    ];
  }
  return result;
}

/** Where worker threads start: the bundled CLI itself, recognising `workerData.policymarkCheck`. */
export interface CheckWorkerData {
  policymarkCheck: true;
  /** The CLI arguments after `check`, so the worker builds the same analysis options. */
  args: string[];
  language: Language;
}

/**
 * Checks `files` and hands each result to `emit`: in input order (`ordered`) or as soon as it is ready.
 * With `jobs` > 1 the main thread is one of the `jobs` analysing threads and `jobs` - 1 worker threads,
 * started from `workerScript`, are the others: on two cores, an idle coordinating thread would cost one
 * isolate's start and memory for nothing, and the main thread can begin as soon as the dictionary is
 * loaded instead of waiting for a worker to report in.
 */
export async function checkFiles(
  files: readonly string[],
  settings: CheckSettings,
  local: () => AnalysisOptions,
  emit: (result: CheckFileResult) => void,
  parallel: { jobs: number; ordered: boolean; workerScript: string; workerData: CheckWorkerData },
): Promise<void> {
  const jobs = Math.max(1, Math.min(parallel.jobs, files.length));
  if (jobs <= 1) {
    const options = local();
    for (const file of files) emit(checkFileSafely(file, settings, options));
    return;
  }
  const pending = new Map<number, CheckFileResult>();
  let nextToEmit = 0;
  let nextToSend = 0;
  const deliver = (index: number, result: CheckFileResult) => {
    if (!parallel.ordered) return emit(result);
    pending.set(index, result);
    while (pending.has(nextToEmit)) {
      emit(pending.get(nextToEmit)!);
      pending.delete(nextToEmit++);
    }
  };
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(parallel.workerScript, { workerData: parallel.workerData }));
  // While the workers start: the main thread reports the options' problems (a bad user dictionary...) once,
  // and loads the segmenter, which nodejieba (patched) shares with every thread that loads the same files:
  // the workers find it loaded, and it stays held here so that no worker pays for freeing it.
  const options = local();
  const workersDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const sendNext = () => {
          // two files in hand, so that a worker never waits for the main thread, busy with a file of its own
          while (inFlight < WORKER_QUEUE && nextToSend < files.length) {
            const index = nextToSend++;
            inFlight++;
            worker.postMessage({ index, file: files[index] });
          }
          if (inFlight === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', (message: { index: number; result: CheckFileResult }) => {
          inFlight--;
          deliver(message.index, message.result);
          sendNext();
        });
        worker.on('error', reject);
        worker.once('online', sendNext);
      }),
  );
  const workersFinished = Promise.all(workersDone);
  // a worker that fails is reported once its promise is awaited below, not as an unhandled rejection meanwhile
  workersFinished.catch(() => undefined);
  // the main thread's share: one file at a time, letting the workers' results in between
  while (nextToSend < files.length) {
    const index = nextToSend++;
    deliver(index, checkFileSafely(files[index]!, settings, options));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await workersFinished;
}

/** Files sent to a worker ahead of its results. */
const WORKER_QUEUE = 2;

/**
 * V8 optimises a function once it has run for a while (its "interrupt budget"), compiling on a background
 * thread. Every isolate pays its compilations again (compiled code is not shared between threads), and the
 * default budget (67,584, about 66 KB of bytecode executed, in Node 20's V8: `node --v8-options`) compiles
 * much of the rule set that a short run never earns back. About fifteen times the default compiles only the
 * functions that stay hot. Measured in whole-process runs, paired:
 * on the benchmark's 200-file workspace `--jobs 1` takes 0.94 of its time (CPU 0.76), on the 10 MB corpus
 * within noise (CPU 0.86); with threads it matters most, since every core then runs analysis and the
 * compilations take their time from it. Set before anything is analysed and before the workers start (they
 * inherit it). The language server keeps the default: its edits must be fast from the first ones.
 */
export function tuneCompilerForBatch(): void {
  setFlagsFromString('--interrupt-budget=1000000');
  // Less inlining: TurboFan spent about 0.8 s of CPU (on V8's helper threads) compiling the 10 MB check,
  // the recognizers' large functions with their callees inlined, once per isolate. Inlining callees of at
  // most 100 bytecodes, 300 in all per function (V8's defaults: 460 and 920), cuts that CPU by about 0.2 s
  // with no slower analysis. In paired whole-process runs (8 each), the 200-file workspace took 0.96 of its
  // time with --jobs 2 (CPU 0.95) and 0.98 with --jobs 1 (CPU 0.93); the 10 MB corpus 0.99 (CPU 0.95).
  setFlagsFromString('--max-inlined-bytecode-size=100');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}

/** The worker side: builds its options once, then checks each file it is sent. */
export function serveCheckWorker(
  port: { on(event: 'message', listener: (message: { index: number; file: string }) => void): void; postMessage(value: unknown): void },
  settings: CheckSettings,
  options: AnalysisOptions,
): void {
  port.on('message', ({ index, file }) => port.postMessage({ index, result: checkFileSafely(file, settings, options) }));
}

/** `checkFile`, with an internal error reported as that file's failure: a bug on one file must not lose the others, nor pass as "no findings". */
function checkFileSafely(file: string, settings: CheckSettings, options: AnalysisOptions): CheckFileResult {
  try {
    return checkFile(file, settings, options);
  } catch (error) {
    return {
      file,
      stderr: [`policymark: ${file}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`],
      failed: true,
      findings: 0,
      errors: 0,
    };
  }
}
