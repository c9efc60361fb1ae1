/**
 * Generators and properties over the analysis core, shared by the bounded run in `npm test`
 * (properties.test.ts) and the long run of `npm run fuzz` (scripts/fuzz.mjs).
 *
 * Texts are built from the seed fixtures: random slices, then mutations of the kinds OCR and copying
 * produce (spaces, line breaks of every kind, digits, brackets, traditional and astral characters,
 * full-width digits, doubled units, NULs and lone surrogates).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, fixAllToFixpoint } from '../../server/src/analysis/index';
import type { AnalysisOptions } from '../../server/src/analysis/options';
import { hanRemoved, rangeProblems, SEEDS } from './helpers';

export const SEED_TEXTS: readonly string[] = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'));

/** What a mutation may insert. */
const INSERTS = [
  ' ',
  '\u3000',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '0',
  '7',
  '42',
  '3.5',
  '%',
  '４',
  '２０',
  '〔',
  '〕',
  '《',
  '》',
  '（',
  '）',
  '“',
  '”',
  '(',
  ')',
  '鋒',
  '們',
  '國',
  '𠮷',
  '😀',
  '𪚥',
  '元',
  '万元',
  '人',
  '第',
  '届',
  '号',
  '其中',
  '占',
  '一是',
  '二是',
  '，',
  '。',
  '、',
  '\u0000',
  '\uD842',
  '\uDFB7',
  '\t',
  '\u200B',
];

/** One mutation: insert something, delete a run, or duplicate a run, at a relative position. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.constantFrom(...INSERTS) }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('double' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 3 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  if (m.kind === 'insert') return text.slice(0, at) + m.what + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
}

/** A slice of a seed (up to `maxLength` units) with up to `maxMutations` mutations. */
export function textArbitrary(maxLength = 600, maxMutations = 12): fc.Arbitrary<string> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: SEED_TEXTS.length - 1 }),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 0, max: maxLength }),
      mutations: fc.array(mutation, { maxLength: maxMutations }),
    })
    .map(({ seed, from, length, mutations }) => {
      const source = SEED_TEXTS[seed]!;
      const start = Math.floor(from * source.length);
      return mutations.reduce(mutate, source.slice(start, start + length));
    });
}

/** Codes whose repair replaces a Han character by another (鋒 → 锋, 而积 → 面积): the count must not drop. */
const REPLACING = new Set(['traditional-char', 'ocr-confusable']);

/** Every property of one text; returns the problems found (empty when all hold). */
export function checkText(text: string, options: AnalysisOptions = {}): string[] {
  const problems: string[] = [];
  let result;
  try {
    result = analyze(text, options);
  } catch (error) {
    return [`analyze threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  problems.push(...rangeProblems(text, result));
  for (const finding of result.diagnostics) {
    finding.fixes.forEach((fix, k) => {
      let after: string;
      try {
        after = applyEdits(text, fix.edits);
      } catch (error) {
        problems.push(`fix ${k} of ${finding.code} cannot be applied: ${String(error)}`);
        return;
      }
      // only a proven duplicate may lose a Han character; a character repair replaces one with another
      const removed = hanRemoved(text, after);
      const added = hanRemoved(after, text);
      if (finding.code === 'duplicated-unit') {
        const span = text.slice(finding.start, finding.end);
        if (removed.some((c) => !span.includes(c))) problems.push(`duplicated-unit fix removes ${removed.join('')}, not in ${span}`);
      } else if (REPLACING.has(finding.code)) {
        // the numeral 一 misread for a dash between figures (1一9 → 1—9) is replaced by the dash it was
        const dash = removed.every((c) => c === '一') && fix.edits.every((e) => /^[—-]$/.test(e.newText));
        if (removed.length > added.length && !dash)
          problems.push(`fix ${k} of ${finding.code} removes Han ${removed.join('')} for ${added.join('')}`);
      } else if (removed.length) {
        problems.push(`fix ${k} of ${finding.code} at [${finding.start}, ${finding.end}) removes Han ${removed.join('')}`);
      }
    });
  }
  try {
    const once = fixAllToFixpoint(text, (t) => analyze(t, options).diagnostics);
    const twice = fixAllToFixpoint(once.text, (t) => analyze(t, options).diagnostics);
    if (twice.text !== once.text) problems.push(`fix-all is not idempotent: ${JSON.stringify(once.text)} → ${JSON.stringify(twice.text)}`);
  } catch (error) {
    problems.push(`fix-all threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}
