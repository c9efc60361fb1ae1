/**
 * The segmenter is native code: a crash there kills the language server. Hostile strings and bad user
 * dictionaries run in child processes, so that a crash is a failed assertion rather than a dead runner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeForNative, splitForNative } from '../../server/src/analysis/segment';
import { runChild } from './helpers';

test('hostile strings (NUL, lone surrogates, 1 MB of one character, controls, mixed scripts) do not kill the process', () => {
  const r = runChild('hostile-strings.ts', [], 60_000);
  assert.equal(r.signal, null, `the child died of ${r.signal}: ${r.stderr.slice(-2000)}`);
  assert.equal(r.timedOut, false, 'the child hung');
  assert.equal(r.code, 0, r.stderr.slice(-2000));
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.at(-1), 'done', r.stdout);
  assert.deepEqual(
    lines.filter((l) => !l.startsWith('ok ') && l !== 'done'),
    [],
  );
  assert.ok(lines.length >= 17, `every case ran: ${r.stdout}`);
});

test('bad user dictionaries are skipped with a reason naming each file; the built-in and good ones still work', () => {
  const r = runChild('bad-dictionaries.ts');
  assert.equal(r.signal, null, `the native loader aborted: ${r.stderr.slice(-2000)}`);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as {
    loaded: boolean;
    skipped: { file: string; en: string; zh: string }[];
    expected: Record<string, string>;
    goodWord: string[];
    builtIn: string[];
  };
  assert.equal(report.loaded, true);
  assert.deepEqual(report.skipped.map((s) => s.file).sort(), Object.values(report.expected).sort());
  const reason = (file: string) => report.skipped.find((s) => s.file === file)!;
  assert.match(reason(report.expected.missing!).en, /ENOENT/);
  assert.match(reason(report.expected.notUtf8!).en, /UTF-8/);
  assert.match(reason(report.expected.folder!).en, /not a regular file/);
  for (const s of report.skipped) assert.match(s.zh, /[\u4e00-\u9fff]/);
  assert.ok(report.goodWord.includes('鹬蚌渔翁局'), `the good dictionary was loaded: ${report.goodWord}`);
  assert.equal(report.builtIn.join(''), '中华人民共和国国务院');
});

test('sanitizeForNative keeps length and offsets; replaces only what native code must not see', () => {
  const text = 'a\u0000b\u0007c\uD842d\uDFB7e𠮷f\tg\nh\r\u007f\u0085';
  const clean = sanitizeForNative(text);
  assert.equal(clean.length, text.length);
  assert.equal(clean, 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe𠮷f\tg\nh\r\uFFFD\uFFFD');
  assert.equal(sanitizeForNative('资助总金额'), '资助总金额');
});

test('splitForNative never splits a surrogate pair and loses nothing', () => {
  for (const text of ['中'.repeat(1999) + '𠮷' + '中'.repeat(5000), '𠮷'.repeat(7001), 'x'.repeat(4001), '。'.repeat(3000) + '中']) {
    const pieces = splitForNative(text);
    assert.equal(pieces.join(''), text);
    for (const p of pieces) {
      assert.ok(p.length <= 2000);
      assert.doesNotMatch(p, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  }
});
