/** Process entry of the `policymark` bin: wires `main` to the real process (or serves as a `check --jobs` worker). */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main, runCheckWorker } from '../cli';
import { tuneCompilerForBatch, type CheckWorkerData } from './check';

if (!isMainThread && parentPort && (workerData as CheckWorkerData | undefined)?.policymarkCheck) {
  runCheckWorker(workerData as CheckWorkerData, parentPort);
} else {
  // before any analysis, and before `check --jobs` starts its workers, which inherit it
  tuneCompilerForBatch();
  // `policymark check … | head`: the reader went away; stop quietly as Unix tools do, not with a stack trace
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`policymark: cannot write the output: ${error.message}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2), {
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => exitWhenWritten(code),
    (error: unknown) => {
      process.stderr.write(`policymark: ${String(error)}\n`);
      exitWhenWritten(2);
    },
  );
}

/**
 * Exits once everything written has reached stdout and stderr. Exiting, rather than letting the event loop
 * run dry, skips freeing what the process holds until its end: nodejieba's dictionary alone (millions of
 * small allocations) takes about 0.15 s to free, a tenth of a small check.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  // a write's callback runs once it and everything before it has been handed to the system
  process.stdout.write('', done);
  process.stderr.write('', done);
}
