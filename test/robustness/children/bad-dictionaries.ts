/**
 * Child process of segment.test.ts: loads the real segmenter with user dictionaries that are missing,
 * a folder, not UTF-8, full of control characters or behind a path with "|" in it, plus one good one.
 * nodejieba aborts the whole process on a missing file, so this runs apart from the test runner.
 * Prints a JSON report of what was skipped and how a word of the good dictionary is cut.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSegmenter, segmenterLoadError, skippedDictionaries } from '../../../server/src/analysis/segment';

const dir = mkdtempSync(join(tmpdir(), 'policymark-dicts-'));
const good = join(dir, 'good.dict');
// a made-up word that jieba would otherwise cut apart
writeFileSync(good, '鹬蚌渔翁局 100 n\n');
const notUtf8 = join(dir, 'gbk.dict');
writeFileSync(notUtf8, Buffer.from('d7cad6fa2031300a', 'hex'));
const controls = join(dir, 'controls.dict');
writeFileSync(controls, '资助\u0000 10\n');
const piped = join(dir, 'a|b.dict');
writeFileSync(piped, '词 1\n');
const folder = join(dir, 'folder.dict');
mkdirSync(folder);
const missing = join(dir, 'missing.dict');

const segmenter = loadSegmenter({ userDicts: [missing, folder, notUtf8, controls, piped, good] });
process.stdout.write(
  JSON.stringify({
    loaded: segmenter !== undefined,
    error: segmenterLoadError()?.message,
    skipped: skippedDictionaries().map((s) => ({ file: s.file, en: s.reason.en, zh: s.reason.zh })),
    expected: { missing, folder, notUtf8, controls, piped },
    goodWord: segmenter?.cut('他说鹬蚌渔翁局很好'),
    builtIn: segmenter?.cut('中华人民共和国国务院'),
  }) + '\n',
);
