/**
 * Child process of segmenter-dictionary.test.ts: loads nodejieba (the project's patched build) with a user
 * dictionary of its own in the main thread and in worker threads, in a process apart because load() replaces
 * the dictionaries of the whole module. Prints a JSON report: how much memory the first load took and how
 * much four workers loading the same files added, and how each thread cuts a test sentence, including a
 * worker that adds a word and one that loads after the user dictionary has changed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const jiebaPath = createRequire(__filename).resolve('nodejieba');
const jieba = createRequire(__filename)('nodejieba') as {
  load(files: { userDict: string }): boolean;
  cut(text: string, hmm: boolean): string[];
};
const userDict = join(mkdtempSync(join(tmpdir(), 'policymark-shared-')), 'user.dict');
// made-up words (HMM off), so that what each thread's dictionary holds shows in how it cuts
const sentence = '甲乙丙丁戊己庚辛';
const cut = () => jieba.cut(sentence, false).join('/');
const rss = () => process.memoryUsage().rss;

// plain JavaScript: the worker runs without tsx
const workerCode = `
const { parentPort, workerData } = require('node:worker_threads');
const jieba = require(workerData.jiebaPath);
jieba.load({ userDict: workerData.userDict });
if (workerData.insert) for (const word of workerData.insert.split(' ')) jieba.insertWord(word);
parentPort.postMessage(jieba.cut(workerData.sentence, false).join('/'));
// stay alive, holding the segmenter, until told
parentPort.once('message', () => process.exit(0));
`;

function start(insert?: string, text = sentence): Promise<{ worker: Worker; seen: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerCode, { eval: true, workerData: { jiebaPath, userDict, sentence: text, insert } });
    worker.once('message', (seen: string) => resolve({ worker, seen }));
    worker.once('error', reject);
  });
}

async function main() {
  writeFileSync(userDict, '甲乙丙丁 100 n\n');
  const beforeLoad = rss();
  jieba.load({ userDict });
  const dictionary = rss() - beforeLoad;
  const mainBefore = cut();
  const beforeWorkers = rss();
  const four = await Promise.all([1, 2, 3, 4].map(() => start()));
  const fourWorkers = rss() - beforeWorkers;
  const inserted = await start('戊己');
  const afterInsert = await start();
  // words whose first character starts no dictionary word: one in the Basic Multilingual Plane (the trie's
  // root is indexed by rune there, see the patch) and one beyond it (the root's map)
  const newFirst = await start('㐀㐁 𠀀𠀁', '甲㐀㐁乙𠀀𠀁丙');
  // a different size: the same path now names another dictionary, which must be read anew
  writeFileSync(userDict, '甲乙丙丁 100 n\n庚辛 100 n\n');
  const changed = await start();
  const report = {
    dictionary,
    fourWorkers,
    mainBefore,
    workers: four.map((w) => w.seen),
    inserted: inserted.seen,
    afterInsert: afterInsert.seen,
    newFirst: newFirst.seen,
    changed: changed.seen,
    mainAfter: cut(),
  };
  for (const { worker } of [...four, inserted, afterInsert, newFirst, changed]) worker.postMessage('exit');
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
