/**
 * Document references (type `docref`): titles in book-title marks, 《重庆市技工教育“十四五”规划》, and
 * document numbers, 渝人社〔2021〕452号, with the brackets OCR leaves ([], 【】, (), （）, half-width).
 *
 * A number is split into issuer code, year and serial; the issuer is resolved to the issuing body from
 * server/data/issuers.json, or by rule from a region abbreviation and an abbreviated body (渝人社 →
 * 重庆市人力资源和社会保障局, see regions.ts). A title followed by its number in brackets, or opening
 * with it, names one document: both mentions get the same `id`, and so do later mentions of the title.
 * A short title the text defines for it (《关于支持中小企业数字化转型的若干措施》（以下简称《措施》）) names
 * the same document from there on: 《措施》 gets the full title's `id`.
 */
import type { AnalysisContext } from '../context';
import { unitTable, withoutLineBreaks } from '../text';
import type { EntityRecognizer } from '../detector';
import { msg } from '../l10n';
import { toHalfWidthDigits } from '../numbers';
import type { DocRefEntity } from '../types';
import issuersData from '../../../data/issuers.json';
import { expandBody, regionByAbbr } from './regions';

const ISSUERS = new Map(Object.entries(issuersData.issuers));
const MAX_TITLE = 200;
const MAX_ISSUER = 8;

// A document number is an issuer (a run of 1–16 Han characters), an opening bracket, year, closing bracket,
// serial, 号, with single optional spaces as OCR leaves them:
//   /([\u4e00-\u9fff]{1,16})[ \u3000]?[〔[【(（［〖{][ \u3000]?((?:19|20)\d\d)…号/g
// That expression, tried at every Han character, was a hot spot; docNumbers finds the same matches from
// the opening brackets: the tail below is tried at each bracket, and the issuer is the Han run before it.
const NUMBER_TAIL = /[ \u3000]?[〔[【(（［〖{][ \u3000]?((?:19|20)\d\d)[ \u3000]?[〕\]】)）］〗}][ \u3000]?第?(\d{1,5})[ \u3000]?号/y;
const OPENING_BRACKETS = unitTable('〔[【(（［〖{');
const MAX_ISSUER_RUN = 16;

interface NumberMatch {
  index: number;
  /** The whole match, issuer run to 号. */
  match: string;
  run: string;
  year: string;
  serial: string;
}

function isHanUnit(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

function isSpaceUnit(c: number): boolean {
  return c === 32 || c === 0x3000;
}

/**
 * The matches, in order, that the global expression above finds. At a bracket the expression's issuer
 * group can only end just before it or before one space before it (Han characters only inside), and the
 * leftmost attempt that succeeds starts at most 16 characters back, after the previous match.
 */
function docNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  let lastEnd = 0;
  for (let b = 0; b < text.length; b++) {
    if (!OPENING_BRACKETS[text.charCodeAt(b)]) continue;
    const runEnd = b >= 2 && isSpaceUnit(text.charCodeAt(b - 1)) && isHanUnit(text.charCodeAt(b - 2)) ? b - 1 : b;
    const earliest = Math.max(lastEnd, runEnd - MAX_ISSUER_RUN);
    let runStart = runEnd;
    while (runStart > earliest && isHanUnit(text.charCodeAt(runStart - 1))) runStart--;
    if (runStart === runEnd) continue;
    NUMBER_TAIL.lastIndex = runEnd;
    const tail = NUMBER_TAIL.exec(text);
    if (!tail) continue;
    const end = runEnd + tail[0].length;
    out.push({ index: runStart, match: text.slice(runStart, end), run: text.slice(runStart, runEnd), year: tail[1]!, serial: tail[2]! });
    lastEnd = end;
    b = end - 1;
  }
  return out;
}

/** Words that end the text before an issuer code: 根据渝人社〔2021〕452号 → 渝人社. */
const BEFORE_ISSUER = /^.*(?:印发|根据|按照|依据|参照|转发|执行|落实|贯彻|详见|文件|通知|的|和|及|与|见|即|号|是|为|等)/;
/** Endings of an issuer code that do not change who issued it: 发, 函, 厅发, 规... */
const ISSUER_ENDINGS = /(?:办发|办函|厅发|厅函|发|函|规|字|令|复)$/;

/** The issuing body of an issuer code, or undefined when the code is unknown. */
export function resolveIssuer(code: string): string | undefined {
  const known = ISSUERS.get(code) ?? ISSUERS.get(code.replace(ISSUER_ENDINGS, ''));
  if (known) return known;
  const region = regionByAbbr(code[0] ?? '');
  if (!region) return undefined;
  const rest = code.slice(1);
  for (const body of [rest, rest.replace(ISSUER_ENDINGS, '')]) {
    const expanded = expandBody(body, region.municipality === true);
    if (expanded) return region.name + expanded;
  }
  return undefined;
}

/** The issuer code at the end of the Han run before a number's bracket. */
export function issuerCodeOf(run: string): string {
  // a known code or a region + known body, longest first
  for (let length = Math.min(run.length, MAX_ISSUER); length >= 2; length--) {
    const code = run.slice(run.length - length);
    if (ISSUERS.has(code) || (resolveIssuer(code) && regionByAbbr(code[0]!))) return code;
  }
  const afterStopWord = run.replace(BEFORE_ISSUER, '');
  const code = afterStopWord.length > 0 ? afterStopWord : run;
  return code.length > MAX_ISSUER - 2 ? code.slice(code.length - (MAX_ISSUER - 2)) : code;
}

interface TitleSpan {
  start: number;
  end: number;
  title: string;
}

/** 《…》 spans, nested marks included; an unclosed mark or one running past MAX_TITLE is skipped. */
function findTitles(text: string): TitleSpan[] {
  const out: TitleSpan[] = [];
  for (let open = text.indexOf('《'); open >= 0; open = text.indexOf('《', open + 1)) {
    let depth = 0;
    let close = -1;
    for (let i = open; i < text.length && i - open <= MAX_TITLE; i++) {
      const ch = text[i];
      if (ch === '《') depth++;
      else if (ch === '》' && --depth === 0) {
        close = i;
        break;
      } else if (ch === '\n' && text[i + 1] === '\n' && text[i + 2] === '\n' && text[i + 3] === '\n') break;
    }
    if (close < 0) continue;
    // OCR spaces and column breaks inside a title are not part of it
    const title = text.slice(open + 1, close).replace(/\s+/g, '');
    if (title.length === 0) continue;
    out.push({ start: open, end: close + 1, title });
    open = close;
  }
  return out;
}

function numberId(issuer: string, year: number, serial: number): string {
  return `${issuer}〔${year}〕${serial}号`;
}

function recognize(ctx: AnalysisContext): DocRefEntity[] {
  const original = ctx.text;
  // read in simplified characters, as names are: 鄂政發〔2024〕5号 is 鄂政发〔2024〕5号 (its issuer, its id), and
  // a title in traditional characters is the same document as in simplified ones; reported as written
  const simplified = ctx.simplifiedText;
  const text = toHalfWidthDigits(simplified);
  const numbers: DocRefEntity[] = [];
  for (const m of docNumbers(text)) {
    const issuer = issuerCodeOf(m.run);
    const start = m.index + m.run.length - issuer.length;
    const end = m.index + m.match.length;
    const year = Number(m.year);
    const serial = Number(m.serial);
    const entity: DocRefEntity = {
      type: 'docref',
      start,
      end,
      text: original.slice(start, end),
      form: 'number',
      issuer,
      year,
      serial,
      id: numberId(issuer, year, serial),
    };
    const issuerOrg = resolveIssuer(issuer);
    if (issuerOrg) entity.issuerOrg = issuerOrg;
    numbers.push(entity);
  }

  const titles: DocRefEntity[] = findTitles(simplified).map((t) => ({
    type: 'docref',
    start: t.start,
    end: t.end,
    text: original.slice(t.start, t.end),
    form: 'title',
    title: t.title,
    id: `《${t.title}》`,
  }));

  // a title followed by its number in brackets (…》(教职成〔2020〕7号)) or opening with it (《川教〔2021〕24号…》)
  const idOfTitle = new Map<string, DocRefEntity>();
  for (const title of titles) {
    const number = numbers.find(
      (n) => n.start >= title.start && (n.end <= title.end ? n.start <= title.start + 1 : isBracketedAfter(text, title.end, n.start)),
    );
    if (!number) continue;
    linkTitle(title, number);
    idOfTitle.set(title.title!, number);
  }
  for (const title of titles) {
    const number = idOfTitle.get(title.title!);
    if (number && title.id !== number.id) linkTitle(title, number);
  }
  linkShortTitles(simplified, titles);
  return [...titles, ...numbers].sort((a, b) => a.start - b.start);
}

/**
 * What defines a short title right after a full one, in the bracket that follows it (the document number
 * may come first): （以下简称《措施》）, (渝府发〔2023〕1号，以下简称“办法”), （下称《规划》）.
 */
const SHORT_TITLE = /^\s*[(（][^()（）《》]{0,30}?(?:以下简称|以下称|下称|简称)[为：:]?[《“"「]([^《》“”"「」()（）]{1,20})[》”"」][)）]/;

/** Gives the later mentions of each short title the text defines the id of the document it stands for. */
function linkShortTitles(text: string, titles: DocRefEntity[]): void {
  for (const full of titles) {
    // a column break may fall inside the bracket (（以下简称⏎《措施》）)
    const m = SHORT_TITLE.exec(withoutLineBreaks(text.slice(full.end, full.end + 80)));
    if (!m || m[1] === full.title) continue;
    const short = m[1]!;
    for (const mention of titles) {
      if (mention.start < full.end || mention.title !== short) continue;
      mention.id = full.id;
      mention.sameAs = [full.text];
      if (full.issuer !== undefined) mention.issuer = full.issuer;
      if (full.year !== undefined) mention.year = full.year;
      if (full.serial !== undefined) mention.serial = full.serial;
      if (full.issuerOrg !== undefined) mention.issuerOrg = full.issuerOrg;
    }
  }
}

/** Whether `numberStart` is just inside a bracket that opens right after a title ends (spaces allowed). */
function isBracketedAfter(text: string, titleEnd: number, numberStart: number): boolean {
  const between = text.slice(titleEnd, numberStart);
  return between.length <= 3 && /^\s?[(（[【〔]\s?$/.test(between);
}

function linkTitle(title: DocRefEntity, number: DocRefEntity): void {
  title.id = number.id!;
  title.issuer = number.issuer!;
  title.year = number.year!;
  title.serial = number.serial!;
  if (number.issuerOrg) title.issuerOrg = number.issuerOrg;
  title.sameAs = [number.text];
  if (!number.sameAs?.includes(title.text)) number.sameAs = [...(number.sameAs ?? []), title.text];
}

export const docrefRecognizer: EntityRecognizer = {
  id: 'docref',
  description: msg(
    '文件引用：书名号标题与发文字号（渝人社〔2021〕452号）',
    'Document references: 《titles》 and document numbers (渝人社〔2021〕452号)',
  ),
  recognize,
};
