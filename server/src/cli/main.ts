/** Process entry of the `policymark` bin: wires `main` to the real process (or serves as a `check --jobs` worker). */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main, runCheckWorker } from '../cli';
import type { CheckWorkerData } from './check';

if (!isMainThread && parentPort && (workerData as CheckWorkerData | undefined)?.policymarkCheck) {
  runCheckWorker(workerData as CheckWorkerData, parentPort);
} else {
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
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`policymark: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
