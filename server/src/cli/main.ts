/** Process entry of the `policymark` bin: wires `main` to the real process. */
import { main } from '../cli';

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
