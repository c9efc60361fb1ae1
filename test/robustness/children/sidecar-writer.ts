/**
 * Child of sidecar-faults.test.ts: writes one sidecar over and over through the store's public API
 * (updateSidecar + the node fs adapter), adding annotation `w<k>` at write k, and prints `k + 1` after each
 * write returned. The sidecar carries a large note, so that each write takes a while and a SIGKILL from the
 * parent lands before, inside or after one. Usage: sidecar-writer.ts TEXT_FILE
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { addAnnotations } from '../../../server/src/sidecar/model';
import { nodeSidecarIO, sidecarPathFor } from '../../../server/src/sidecar/nodeStore';
import { updateSidecar } from '../../../server/src/sidecar/store';

const textPath = process.argv[2]!;
const text = readFileSync(textPath, 'utf8');
const location = sidecarPathFor(textPath);
const payload = '据年报'.repeat(400_000);

async function main(): Promise<void> {
  // bounded, in case the parent is gone
  for (let k = 0; k < 5_000; k++) {
    await updateSidecar(nodeSidecarIO, location, basename(textPath), text, (sidecar) => {
      const spec =
        k === 0
          ? { label: 'payload', start: 0, end: 2, attributes: { note: payload } }
          : { label: `w${k}`, start: k % 10, end: (k % 10) + 1 };
      return { sidecar: addAnnotations(sidecar, text, [spec]).sidecar, result: undefined };
    });
    process.stdout.write(`${k + 1}\n`);
  }
}

void main();
