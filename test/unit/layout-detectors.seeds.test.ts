/**
 * The layout detectors (cjk-stray-space, column-break) on the seed texts: every seed defect of these codes
 * is found and repaired as the gold file says, the clean government text (seed 002) and the edited texts
 * (003, 004) stay silent, and fix-all is idempotent, keeps CRLF files CRLF and removes nothing but white
 * space. Reads the project's own copies in test/fixtures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisContext, detectAll, fixAllToFixpoint } from '../../server/src/analysis/index';
import { applyEdits } from '../../server/src/analysis/fixes/apply';
import { loadSegmenter } from '../../server/src/analysis/segment';
import { cjkStraySpace } from '../../server/src/analysis/detectors/cjk-stray-space';
import { columnBreak } from '../../server/src/analysis/detectors/column-break';
import type { Finding } from '../../server/src/analysis/types';

const fixtures = join(__dirname, '..', 'fixtures');
const seedNames = readdirSync(join(fixtures, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seed = (prefix: string) => {
  const name = seedNames.find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix}`);
  return readFileSync(join(fixtures, 'seeds', name), 'utf8').replace(/^\uFEFF/, '');
};
const segmenter = loadSegmenter();
const findings = (text: string): Finding[] => detectAll(new AnalysisContext(text, { segmenter }), [cjkStraySpace, columnBreak]);
const fixAll = (text: string) => fixAllToFixpoint(text, findings).text;
const visible = (text: string) => text.replace(/\s/g, '');

interface GoldDefect {
  file: string;
  quote: string;
  codes: string[];
  fix?: string;
}
const gold = JSON.parse(readFileSync(join(fixtures, 'gold', 'seeds.json'), 'utf8')) as { defects: GoldDefect[] };
const ours = gold.defects.filter((d) => d.codes.includes('cjk-stray-space') || d.codes.includes('column-break'));

test('the gold file has defects of both codes', () => {
  assert.ok(ours.filter((d) => d.codes.includes('cjk-stray-space')).length >= 10);
  assert.ok(ours.filter((d) => d.codes.includes('column-break')).length >= 3);
});

test('every gold defect of these codes is found with the right code and the preferred fix repairs it', () => {
  for (const d of ours) {
    const text = seed(d.file.slice(0, 3));
    const at = text.indexOf(d.quote);
    assert.ok(at >= 0, d.quote);
    const hits = findings(text).filter((f) => d.codes.includes(f.code) && f.start < at + d.quote.length && at < f.end);
    assert.ok(hits.length > 0, `not found: ${d.quote}`);
    if (d.fix === undefined) continue;
    const repaired = hits.some((h) => {
      const after = applyEdits(text, h.fixes[0]!.edits);
      // the text around the quote, after the fix (a column fix shortens the text before it only by line ends)
      const shift = h.fixes[0]!.edits.filter((e) => e.end <= at).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
      const window = after.slice(Math.max(0, at + shift - 40), at + shift + d.quote.length + 40);
      return window.includes(d.fix!) && !window.includes(d.quote);
    });
    assert.ok(repaired, `${d.quote.replace(/\n/g, '⏎')} should become ${d.fix}`);
  }
});

test('seed 002 (a clean government document) gets no finding of these codes', () => {
  assert.deepEqual(
    findings(seed('002')).map((f) => `${f.code} ${f.start}`),
    [],
  );
});

test('seeds 003 and 004 (edited texts, headlines with spaces) get no column break and no stray-space warning', () => {
  for (const prefix of ['003', '004']) {
    const found = findings(seed(prefix)).filter((f) => f.code === 'column-break' || f.severity === 'warning');
    assert.deepEqual(
      found.map((f) => f.code),
      [],
      prefix,
    );
  }
});

test('seed 001: the column text is joined, its headings are not', () => {
  const text = seed('001');
  const fixed = fixAll(text);
  const lines = (t: string) => t.split('\n').filter((l) => l.trim()).length;
  assert.ok(lines(fixed) < lines(text) * 0.4, `${lines(text)} → ${lines(fixed)} lines`);
  for (const heading of [
    '精心筹备\n多方联动搭起企业培训立交桥\n',
    '精准识别\n不让一个学生因家庭贫困失学\n',
    '精准帮扶\n用心用情为学生谋幸福\n',
  ]) {
    assert.ok(fixed.includes(heading), heading);
  }
  assert.ok(fixed.includes('如今，随着成渝地区双城经济圈建设战略的提出，我市经济发展迎来新的机遇，也为更多企业收获广阔空间。\n'));
});

test('fix-all on every seed: applied twice gives the same text as once, and only white space goes', () => {
  for (const name of seedNames) {
    const text = seed(name.slice(0, 3));
    const once = fixAll(text);
    assert.equal(fixAll(once), once, name);
    assert.equal(visible(once), visible(text), name);
  }
});

test('CRLF copies of the seeds are repaired the same way and stay CRLF', () => {
  for (const prefix of ['000', '001']) {
    const lf = seed(prefix);
    const crlf = lf.replace(/\n/g, '\r\n');
    const fixed = fixAll(crlf);
    assert.equal(fixed, fixAll(lf).replace(/\n/g, '\r\n'), prefix);
    assert.equal(/(^|[^\r])\n/.test(fixed), false, prefix);
  }
});
