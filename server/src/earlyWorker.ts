/**
 * Starts the analysis worker before the rest of the server is evaluated. server.ts imports this module
 * first, so the worker thread boots (a new isolate, reading and compiling analysisWorker.js, building the
 * core's tables: about 200 ms on a slow machine) on the other core while the main thread evaluates the
 * server bundle (about as long). Started later, from createAnalyzer, the worker began booting only once the
 * main thread was done, and a cold server's first diagnostics waited for both, one after the other.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The bundled worker beside this bundle (server/out), if there is one. */
export const ANALYSIS_WORKER_FILE = path.join(__dirname, 'analysisWorker.js');

let early: { file: string; worker: Worker | undefined; error?: unknown } | undefined;

/**
 * Starts a worker from `file` now, if the file exists, to be taken by takeEarlyWorker; a failure to start
 * is kept for the taker to report and fall back on.
 */
export function startEarlyWorker(file: string): void {
  if (!existsSync(file)) return;
  try {
    early = { file, worker: new Worker(file) };
    // idle until the analyzer gives it work (it refs the worker while a job runs)
    early.worker?.unref();
  } catch (error) {
    early = { file, worker: undefined, error };
  }
}

/**
 * The worker started for `file` when this module was loaded, handed out once; undefined when none was
 * started for that file (or it was taken already), so that the caller starts one itself.
 */
export function takeEarlyWorker(file: string): Worker | undefined {
  if (!early || early.file !== file) return undefined;
  const { worker, error } = early;
  early = undefined;
  if (error !== undefined) throw error;
  return worker;
}

// Only the bundled server starts it at load: under tsx (unit tests) no analysisWorker.js sits beside this file.
startEarlyWorker(ANALYSIS_WORKER_FILE);
