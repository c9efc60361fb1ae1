/**
 * docnum-bracket: a document number (发文字号) whose year brackets were lost or mangled by OCR or typing.
 * The standard form (GB/T 9704) is ISSUER〔YEAR〕SERIAL号: 教职成〔2020〕7号, 渝人社〔2021〕452号.
 *
 * Damage recognised, each only right after an issuer (a Han character) and before 号:
 * - the closing bracket lost:           教职成〔20207号   → 教职成〔2020〕7号 (also read as a space: 〔2020 7号)
 * - the opening bracket lost:           教职成2020〕7号   → 教职成〔2020〕7号
 * - a five-digit year (bracket moved):  教职成〔20201〕7号 → 〔2020〕17号 (or the intact form found elsewhere)
 * - a wrong bracket kind:               教职成[2020]7号, 【2020】, (2020) → 〔2020〕
 *
 * A year is 19xx or 20xx, so the four digits after the bracket are the year and the rest is the serial.
 * When the same number appears intact in the document (or the workspace), the repair uses it and points
 * to it; a repair that would drop a digit is offered only then, since only then is the digit proven extra.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import { HAN, isHanAt } from '../text';
import type { Finding, Fix, RelatedSpan, TextEdit } from '../types';
import { issuerCodeOf } from '../entities/docref';

/** Bracket kinds seen around the year, escaped for use inside a regex character class. */
const OPEN = '〔\\[［【(（{｛〖';
const CLOSE = '〕\\]］】)）}｝〗」』';
const YEAR = '(?:19|20)\\d{2}';

// The damaged forms below, built once. Each opens with a character class that V8's regular expressions
// skip ahead to, not with a lookbehind or a repeated group, which are tried at every position of the text
/** Both brackets present: a wrong kind of either, or a five-digit year. */
const BOTH_BRACKETS = new RegExp(`([${OPEN}])(${YEAR})(\\d{0,2})([${CLOSE}])(\\d{1,5})号`, 'g');
/** Both brackets doubled: 〔〔2020〕〕7号 (the pairs as [x][x], not ([x]){2}, for that skip). */
const DOUBLED_BRACKETS = new RegExp(`([${OPEN}][${OPEN}])(${YEAR})([${CLOSE}][${CLOSE}])(\\d{1,5})号`, 'g');
/** An opening bracket where the closing one belongs: 〔2023〔1004号. */
const OPEN_FOR_CLOSE = new RegExp(`([${OPEN}])(${YEAR})([${OPEN}])(\\d{1,5})号`, 'g');
/** The closing bracket lost, or read as a space: 〔20207号, 〔2019 10号. */
const LOST_CLOSE = new RegExp(`([${OPEN}])(${YEAR})([ \u3000]?)(\\d{1,5})号`, 'g');
/** The opening bracket lost: 教职成2020〕7号 (the lookahead for the year's first digit comes first, for that skip). */
const LOST_OPEN = new RegExp(`(?=[12])(?<=[${HAN}])(${YEAR})([${CLOSE}])(\\d{1,5})号`, 'g');

/** An intact document number: the Han run before it (issuer plus whatever words precede), year, serial. */
interface IntactNumber {
  issuerRun: string;
  year: number;
  serial: number;
  text: string;
  /** Offsets when it is in this document. */
  start?: number;
  end?: number;
}

/**
 * An intact number is what `/([${HAN}]{1,12})〔(${YEAR})〕(\d{1,5})号/g` matches. That expression, tried at
 * every Han character, was slow on long texts, so the same matches are found from each 〔: the tail is
 * matched there, and the issuer run is the Han run just before it, at most 12 characters back and after
 * the previous match (where the leftmost attempt of the expression succeeds).
 */
const INTACT_TAIL = new RegExp(`〔(${YEAR})〕(\\d{1,5})号`, 'y');
const MAX_ISSUER_RUN = 12;

function intactNumbers(text: string, source: 'document' | 'workspace'): IntactNumber[] {
  const out: IntactNumber[] = [];
  const half = toHalfWidthDigits(text);
  let lastEnd = 0;
  for (let bracket = half.indexOf('〔'); bracket >= 0; bracket = half.indexOf('〔', Math.max(bracket + 1, lastEnd))) {
    let runStart = bracket;
    const earliest = Math.max(lastEnd, bracket - MAX_ISSUER_RUN);
    while (runStart > earliest && isHanAt(half, runStart - 1)) runStart--;
    if (runStart === bracket) continue;
    INTACT_TAIL.lastIndex = bracket;
    const tail = INTACT_TAIL.exec(half);
    if (!tail) continue;
    const end = bracket + tail[0].length;
    out.push({
      issuerRun: half.slice(runStart, bracket),
      year: Number(tail[1]),
      serial: Number(tail[2]),
      text: text.slice(runStart, end),
      ...(source === 'document' ? { start: bracket, end } : {}),
    });
    lastEnd = end;
  }
  return out;
}

/** Two Han runs name the same issuer when they end alike (the run may include words before the code). */
function sameIssuer(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[a.length - 1 - common] === b[b.length - 1 - common]) common++;
  return common >= Math.min(2, a.length, b.length);
}

interface Candidate {
  /** Offsets of the damaged span: from the first bracket or year digit to 号 inclusive. */
  start: number;
  end: number;
  issuerRun: string;
  year: string;
  /** Serials that the damage allows, the one needing no deletion first. */
  serials: string[];
  kind: 'lost-close' | 'lost-open' | 'five-digit-year' | 'wrong-kind' | 'doubled';
}

function candidates(text: string): Candidate[] {
  const t = toHalfWidthDigits(text);
  const out: Candidate[] = [];
  const issuerBefore = (at: number): string => /[\u3400-\u9fff\uf900-\ufaff]{1,12}$/.exec(t.slice(Math.max(0, at - 12), at))?.[0] ?? '';
  const push = (c: Candidate) => {
    if (c.issuerRun && !out.some((o) => o.start < c.end && c.start < o.end)) out.push(c);
  };
  // both brackets present: a wrong kind of either, or a five-digit year
  for (const m of t.matchAll(BOTH_BRACKETS)) {
    const [, open, year, extra, close, serial] = m as unknown as string[];
    if (open === '〔' && close === '〕' && !extra) continue;
    push({
      start: m.index,
      end: m.index + m[0].length,
      issuerRun: issuerBefore(m.index),
      year: year!,
      serials: extra ? [extra + serial!, serial!] : [serial!],
      kind: extra ? 'five-digit-year' : 'wrong-kind',
    });
  }
  // brackets that are there but wrong, read as year and serial groups 2 and 4: both doubled (〔〔2020〕〕7号), or
  // an opening bracket where the closing one belongs (〔2023〔1004号)
  const misplaced: Array<[RegExp, Candidate['kind']]> = [
    [DOUBLED_BRACKETS, 'doubled'],
    [OPEN_FOR_CLOSE, 'wrong-kind'],
  ];
  for (const [pattern, kind] of misplaced) {
    for (const m of t.matchAll(pattern)) {
      push({ start: m.index, end: m.index + m[0].length, issuerRun: issuerBefore(m.index), year: m[2]!, serials: [m[4]!], kind });
    }
  }
  // the closing bracket lost: 〔20207号, or read as a space: 〔2019 10号; or read as the digit 1
  // (〔2023115号 may be 〔2023〕115号 or 〔2023〕15号: both are offered, the one keeping every digit first)
  for (const m of t.matchAll(LOST_CLOSE)) {
    const serial = m[4]!;
    const readAsOne = m[3] === '' && serial.length >= 2 && serial.startsWith('1');
    push({
      start: m.index,
      end: m.index + m[0].length,
      issuerRun: issuerBefore(m.index),
      year: m[2]!,
      serials: readAsOne ? [serial, serial.slice(1)] : [serial],
      kind: 'lost-close',
    });
  }
  // the opening bracket lost: 教职成2020〕7号 (the year follows the issuer directly)
  for (const m of t.matchAll(LOST_OPEN)) {
    push({
      start: m.index,
      end: m.index + m[0].length,
      issuerRun: issuerBefore(m.index),
      year: m[1]!,
      serials: [m[3]!],
      kind: 'lost-open',
    });
  }
  return out;
}

function detect(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const found = candidates(text);
  if (found.length === 0) return [];
  const intact = [
    ...intactNumbers(text, 'document'),
    ...(ctx.options.workspace?.docNumbers ?? []).flatMap((n) => intactNumbers(n, 'workspace')),
  ];
  return found.map((c) => toFinding(text, c, intact));
}

function toFinding(text: string, c: Candidate, intact: IntactNumber[]): Finding {
  const span = text.slice(c.start, c.end);
  // the issuer's code, not the words before it (结合川府发 → 川府发)
  const issuerCode = issuerCodeOf(c.issuerRun);
  const match = c.serials
    .map((serial) => intact.find((n) => n.year === Number(c.year) && n.serial === Number(serial) && sameIssuer(n.issuerRun, c.issuerRun)))
    .find((n) => n !== undefined);
  const proven = match ? String(match.serial) : undefined;
  const repaired = (serial: string) => `〔${c.year}〕${serial}号`;
  const fixFor = (serial: string): Fix => {
    const wanted = repaired(serial);
    return {
      title: msg(`改为“${wanted}”`, `Change to "${wanted}"`),
      edits: minimalEdits(c.start, span, wanted),
    };
  };
  const fixes: Fix[] = [];
  if (proven !== undefined) fixes.push(fixFor(proven));
  // without proof, only repairs that keep every digit: the five-digit year moves its bracket
  if (c.kind === 'five-digit-year') {
    if (proven !== c.serials[0]) fixes.push(fixFor(c.serials[0]!));
  } else if (proven === undefined) {
    fixes.push(fixFor(c.serials[0]!));
    // 〔2023115号: the bracket may have been read as the 1 (〔2023〕15号); a choice for the reader
    if (c.serials.length > 1) fixes.push(fixFor(c.serials[1]!));
  }

  const related: RelatedSpan[] = [];
  if (match?.start !== undefined && match.end !== undefined) {
    related.push({ start: match.start, end: match.end, message: msg('完整的文号', 'The intact document number') });
  }
  const target = repaired(proven ?? c.serials[0]!);
  const alternative =
    c.kind === 'lost-close' && c.serials.length > 1 && proven === undefined
      ? msg(
          `若右括号被识别成了数字“1”，则应为“${repaired(c.serials[1]!)}”。`,
          ` If the bracket was read as the digit 1, it is "${repaired(c.serials[1]!)}".`,
        )
      : msg('', '');
  const evidence = match
    ? msg(
        `本文${match.start !== undefined ? '' : '所在工作区'}另有完整文号“${match.text}”。`,
        ` The intact number "${match.text}" appears ${match.start !== undefined ? 'elsewhere in this document' : 'in the workspace'}.`,
      )
    : msg('', '');
  const what = {
    'lost-close': msg('年份的右括号“〕”缺失', 'the closing bracket after the year is missing'),
    'lost-open': msg('年份的左括号“〔”缺失', 'the opening bracket before the year is missing'),
    'five-digit-year': msg('括号内的年份多出数字，括号错位', 'the year in brackets has an extra digit: the bracket is misplaced'),
    'wrong-kind': msg('年份应使用六角括号“〔〕”', 'the year should be in tortoise-shell brackets 〔〕'),
    doubled: msg('年份两侧的括号重复了', 'the brackets around the year are doubled'),
  }[c.kind];
  // two readings of the serial and nothing to tell them apart: the reader chooses
  const ambiguous = c.serials.length > 1 && match === undefined;
  const certain = c.kind !== 'wrong-kind' && !ambiguous;
  return {
    code: 'docnum-bracket',
    severity: c.kind === 'wrong-kind' && !match ? 'information' : 'warning',
    message: msg(
      `文号“${issuerCode}${span}”有误：${what.zh}。${evidence.zh}修复将改为“${target}”。${alternative.zh}`,
      `Document number "${issuerCode}${span}": ${what.en}.${evidence.en} The fix changes it to "${target}".${alternative.en}`,
    ),
    start: c.start,
    end: c.end,
    fixes,
    ...(related.length ? { related } : {}),
    fixAllSafe: certain,
  };
}

/** Edits turning `from` (at `offset`) into `to`, touching only what differs (common prefix and suffix kept). */
function minimalEdits(offset: number, from: string, to: string): TextEdit[] {
  const fromHalf = toHalfWidthDigits(from);
  let head = 0;
  while (head < from.length && head < to.length && fromHalf[head] === to[head]) head++;
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && fromHalf[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  return [{ start: offset + head, end: offset + from.length - tail, newText: to.slice(head, to.length - tail) }];
}

export const docnumBracket: Detector = {
  id: 'docnum-bracket',
  codes: ['docnum-bracket'],
  description: msg('文号年份括号缺失或错误（〔20207号）', 'A document number with a lost or wrong year bracket (〔20207号)'),
  detect,
};
