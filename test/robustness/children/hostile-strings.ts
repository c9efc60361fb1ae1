/**
 * Child process of segment.test.ts: hands hostile strings to the real segmenter and to the whole analysis
 * with it. A native crash kills this process, which the parent sees as a signal or a missing "done".
 * Prints one line per case: "ok NAME" or "bad NAME: why".
 */
import { analyze } from '../../../server/src/analysis/index';
import { loadSegmenter, sanitizeForNative, segmenterLoadError } from '../../../server/src/analysis/segment';
import { rangeProblems } from '../helpers';

export const HOSTILE: Record<string, () => string> = {
  nul: () => '资助\u0000总金额\u0000\u0000达到890余万元元。\u0000',
  'lone high surrogate': () => '资助\uD842总金额达到890余万元元。\uD842',
  'lone low surrogate': () => '\uDFB7资助总金额\uDFB7达到890余万元元。',
  'reversed pair': () => '资助\uDFB7\uD842总金额',
  'astral and emoji': () => '𠮷野家😀👨‍👩‍👧资助总金额达到890余万元元。𪚥',
  '1 MB of one character': () => '中'.repeat(1 << 20),
  '1 MB of one astral character': () => '𠮷'.repeat(1 << 19),
  '1 MB of digits': () => '9'.repeat(1 << 20),
  '1 MB without any break': () => '资助总金额达到八百九十余万元'.repeat(80_000),
  'control characters': () => Array.from({ length: 160 }, (_, i) => String.fromCharCode(i)).join('') + '资助总金额',
  'mixed scripts': () => 'Заявление 申请 طلب 신청 申請 αίτηση अर्ज 資助總金額 ４２４３届 ℡㈱ 890余万元元',
  'combining marks': () => '资\u0301\u0302\u0303助'.repeat(1000),
  'bidi and zero width': () => '\u202E资助\u200B总金额\u2066达到\uFEFF890余万元元\u200D。',
  noncharacters: () => '\uFFFE\uFFFF资助\uFDD0总金额',
  'only whitespace': () => ' \t\r\n\u3000'.repeat(10_000),
  empty: () => '',
  'surrogate at a piece boundary': () => '中'.repeat(1999) + '𠮷' + '中'.repeat(3000),
};

const segmenter = loadSegmenter();
if (!segmenter) {
  process.stdout.write(`bad load: ${segmenterLoadError()?.message}\n`);
  process.exit(3);
}
const only = process.argv.slice(2);
for (const [name, make] of Object.entries(HOSTILE)) {
  if (only.length && !only.includes(name)) continue;
  const text = make();
  const why: string[] = [];
  const words = segmenter.cut(text);
  if (words.join('') !== sanitizeForNative(text)) why.push('cut does not spell the sanitised text');
  if (segmenter.cutDictionary && segmenter.cutDictionary(text).join('') !== sanitizeForNative(text))
    why.push('cutDictionary does not spell the sanitised text');
  const tagged = segmenter.tag(text.slice(0, 20_000));
  if (tagged.map((t) => t.word).join('') !== sanitizeForNative(text.slice(0, 20_000))) why.push('tag does not spell the sanitised text');
  const result = analyze(text, { segmenter });
  why.push(...rangeProblems(text, result).slice(0, 3));
  process.stdout.write(why.length ? `bad ${name}: ${why.join('; ')}\n` : `ok ${name}\n`);
}
process.stdout.write('done\n');
