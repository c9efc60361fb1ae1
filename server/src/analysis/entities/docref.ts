/**
 * Document references (type `docref`): titles in book-title marks, 《重庆市技工教育“十四五”规划》, and
 * document numbers, 渝人社〔2021〕452号, with the brackets OCR leaves ([], 【】, (), （）, half-width).
 *
 * A number is split into issuer code, year and serial; the issuer is resolved to the issuing body from
 * server/data/issuers.json, or by rule from a region abbreviation and an abbreviated body (渝人社 →
 * 重庆市人力资源和社会保障局, see regions.ts). A title followed by its number in brackets, or opening
 * with it, names one document: both mentions get the same `id`, and so do later mentions of the title.
 * An order (国务院令第723号) is a number without a year; a title right after it (国务院令第723号《保障农民工
 * 工资支付条例》) is the document it made.
 * A short title the text defines for it (《关于支持中小企业数字化转型的若干措施》（以下简称《措施》）) names
 * the same document from there on: 《措施》 gets the full title's `id`.
 */
import type { AnalysisContext } from '../context';
import { unitTable, withoutLineBreaks } from '../text';
import type { EntityRecognizer } from '../detector';
import { msg } from '../l10n';
import { parseChineseNumeral, toHalfWidthDigits } from '../numbers';
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
// The serial may hold one stray space too (〔2025〕1 6号: OCR's, cjk-stray-space removes it); it is read without it.
const NUMBER_TAIL =
  /[ \u3000]?[〔[【(（［〖{][ \u3000]?((?:19|20)\d\d)[ \u3000]?[〕\]】)）］〗}」』〔][ \u3000]?第?(\d{1,4}[ \u3000]\d{1,3}(?=[ \u3000]?号)|\d{1,5})[ \u3000]?号/y;
const OPENING_BRACKETS = unitTable('〔[【(（［〖{');
/** A number whose closing bracket OCR lost: the year's four digits run into the serial (〔202230号). */
const UNCLOSED_TAIL = /[ \u3000]?[〔[【(（［〖{]((?:19|20)\d\d)[ \u3000]?(\d{1,4})号/y;
const MAX_ISSUER_RUN = 16;

interface NumberMatch {
  index: number;
  /** The whole match, issuer run to 号. */
  match: string;
  /** The Han run before the bracket, without a line break a narrow column put inside it. */
  run: string;
  /** Where that line break is, and its length, when the run crosses one (（国⏎发〔2013〕24号）). */
  lineBreak?: { start: number; length: number };
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
    // a code's last character alone at a line's start began on the line before (（国⏎发〔2013〕…), and a bracket
    // at a line's start may follow its whole code (（皖政⏎〔2022〕63号）); a code of two characters or more there is
    // one of its own (a number line under a title: 国发〔2013〕24号)
    let lineBreak: NumberMatch['lineBreak'];
    if (runEnd - runStart <= 1 && text.charCodeAt(runStart - 1) === 10) {
      const breakStart = text.charCodeAt(runStart - 2) === 13 ? runStart - 2 : runStart - 1;
      let before = breakStart;
      while (before > 0 && breakStart - before < 6 && isHanUnit(text.charCodeAt(before - 1))) before--;
      if (before < breakStart) {
        lineBreak = { start: breakStart, length: runStart - breakStart };
        runStart = before;
      }
    }
    if (runStart === runEnd) continue;
    NUMBER_TAIL.lastIndex = runEnd;
    let tail = NUMBER_TAIL.exec(text);
    if (!tail) {
      // 国办发〔202230号: the closing bracket lost (docnum-bracket reports it); the number is still the
      // document 国办发〔2022〕30号, and its issuer code no organisation name
      UNCLOSED_TAIL.lastIndex = runEnd;
      tail = UNCLOSED_TAIL.exec(text);
    }
    if (!tail) continue;
    const end = runEnd + tail[0].length;
    const run = lineBreak
      ? text.slice(runStart, lineBreak.start) + text.slice(lineBreak.start + lineBreak.length, runEnd)
      : text.slice(runStart, runEnd);
    out.push({
      index: runStart,
      match: text.slice(runStart, end),
      run,
      ...(lineBreak ? { lineBreak } : {}),
      year: tail[1]!,
      serial: tail[2]!.replace(/[ \u3000]/g, ''),
    });
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
  // 湘财社, 湘发改就业, 粤教职函: the department whose body the code starts with (财, 发改, 教)
  for (let length = Math.min(rest.length - 1, 4); length >= 1; length--) {
    const expanded = expandBody(rest.slice(0, length), region.municipality === true);
    if (expanded) return region.name + expanded;
  }
  return undefined;
}

/** The issuer code at the end of the Han run before a number's bracket. */
export function issuerCodeOf(run: string): string {
  // a known code or a region + known body, longest first
  for (let length = Math.min(run.length, MAX_ISSUER); length >= 2; length--) {
    const code = run.slice(run.length - length);
    if (resolveIssuer(code) && regionByAbbr(code[0]!)) return code;
    if (!ISSUERS.has(code)) continue;
    // 湘财社: a province's department numbers its documents with the ministry's code after its own
    // abbreviation; the ministry's code alone (财社, 财政部) would credit the wrong body
    const before = run[run.length - length - 1];
    if (before && regionByAbbr(before) && !regionByAbbr(code[0]!) && resolveIssuer(before + code)) return before + code;
    return code;
  }
  const afterStopWord = run.replace(BEFORE_ISSUER, '');
  const code = afterStopWord.length > 0 ? afterStopWord : run;
  return code.length > MAX_ISSUER - 2 ? code.slice(code.length - (MAX_ISSUER - 2)) : code;
}

/**
 * An order (令): 国务院令第723号, 中华人民共和国主席令第二十四号, 教育部令第50号, 湖南省人民政府令第285号. It has
 * no year; the issuer is the body itself, named in full before 令, not a code.
 */
const ORDER = /令第([0-9]{1,4}|[一二三四五六七八九十百零〇两]{1,8})号/g;
/** What an order's issuer ends with: a body that makes rules, or the head of state. */
const ORDER_ISSUER = /(?:国务院|主席|部|委员会|委|总局|局|署|银行|人民政府|政府)$/;
/**
 * What ends the text before an order's issuer: verbs, 的, and a conjunction that joins it to the text before
 * (和 and 及 inside a name stay: 中华人民共和国主席, 国家发展和改革委员会).
 */
const BEFORE_ORDER_ISSUER = /^.*(?:印发|根据|按照|依照|遵照|依据|参照|转发|执行|落实|贯彻|详见|实施|的|以|由|经|是|为|见|即|号)/;
const CONJUNCTION_BEFORE = /^[和及与]/;

interface OrderMatch {
  start: number;
  end: number;
  issuer: string;
  serial: number;
}

function orders(text: string): OrderMatch[] {
  const out: OrderMatch[] = [];
  for (const m of text.matchAll(ORDER)) {
    let start = m.index;
    while (start > 0 && m.index - start < MAX_ISSUER_RUN && isHanUnit(text.charCodeAt(start - 1))) start--;
    const run = text.slice(start, m.index);
    const issuer = run.replace(BEFORE_ORDER_ISSUER, '').replace(CONJUNCTION_BEFORE, '');
    if (issuer.length < 2 || !ORDER_ISSUER.test(issuer)) continue;
    const serial = /^\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
    if (serial === undefined || serial < 1) continue;
    out.push({ start: m.index - issuer.length, end: m.index + m[0].length, issuer, serial });
  }
  return out;
}

/**
 * An announcement's number (公告): 国家税务总局公告2022年第3号, 财政部 税务总局公告2023年第12号 (two issuers
 * joined by a space), 海关总署公告〔2023〕10号. Its issuers are bodies named in full before 公告.
 */
const ANNOUNCEMENT = /公告[ \u3000]?(?:((?:19|20)\d\d)年|[〔[（(]((?:19|20)\d\d)[〕\]）)])[ \u3000]?第?[ \u3000]?(\d{1,4})[ \u3000]?号/g;
/** How far back the issuers of an announcement may run. */
const MAX_ANNOUNCEMENT_ISSUERS = 24;

interface AnnouncementMatch {
  start: number;
  end: number;
  /** The issuers as written (财政部 税务总局), and the first of them. */
  issuer: string;
  firstIssuer: string;
  year: number;
  serial: number;
}

function announcements(text: string): AnnouncementMatch[] {
  const out: AnnouncementMatch[] = [];
  for (let at = text.indexOf('公告'); at >= 0; at = text.indexOf('公告', at + 2)) {
    ANNOUNCEMENT.lastIndex = at;
    const m = ANNOUNCEMENT.exec(text);
    if (!m || m.index !== at) continue;
    // the issuers: Han runs joined by single spaces (财政部 税务总局)
    let start = at;
    while (start > 0 && at - start < MAX_ANNOUNCEMENT_ISSUERS) {
      const unit = text.charCodeAt(start - 1);
      if (isHanUnit(unit) || ((unit === 0x20 || unit === 0x3000) && start >= 2 && isHanUnit(text.charCodeAt(start - 2)))) start--;
      else break;
    }
    const run = text.slice(start, at);
    const issuer = run.replace(BEFORE_ORDER_ISSUER, '').replace(CONJUNCTION_BEFORE, '').trim();
    const issuers = issuer.split(/[ \u3000]/);
    if (issuer.length < 2 || !issuers.every((i) => ORDER_ISSUER.test(i))) continue;
    out.push({
      start: at - issuer.length,
      end: at + m[0].length,
      issuer,
      firstIssuer: issuers[0]!,
      year: Number(m[1] ?? m[2]),
      serial: Number(m[3]),
    });
  }
  return out;
}

/** The standard form of an announcement's number: 国家税务总局公告2022年第3号 (issuers without spaces). */
export function announcementId(issuer: string, year: number, serial: number): string {
  return `${issuer.replace(/[ \u3000]/g, '')}公告${year}年第${serial}号`;
}

/** The standard form of an order's number: 国务院令第723号. */
export function orderId(issuer: string, serial: number): string {
  return `${issuer}令第${serial}号`;
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

/**
 * The bodies a document's head names on lines of their own (杭州市市场监督管理局 above 行政处罚决定书 and its
 * number): the issuer of a number whose code the tables do not know, when the code abbreviates one of them.
 */
function headingBodies(text: string): string[] {
  const out: string[] = [];
  let lines = 0;
  // the head only: a long text is not split whole for its first lines
  for (const line of text.slice(0, HEADING_LINES * 60).split(/\r?\n/)) {
    if (++lines > HEADING_LINES) break;
    const body = line.trim();
    if (body.length >= 4 && body.length <= 30 && HEADING_BODY.test(body)) out.push(body);
  }
  return out;
}

/** Lines at the head of a document that may name its issuer. */
const HEADING_LINES = 12;
/** A line that is only a body's name. */
const HEADING_BODY = /^[\u4e00-\u9fff]+(?:局|厅|委员会|委|人民政府|政府|办公室|办公厅|院|署)$/;

/** Whether `code` (杭市监罚处) abbreviates `body` (杭州市市场监督管理局): its first three characters in order, from the start. */
function codeOf(code: string, body: string): boolean {
  if (code.length < 3 || code[0] !== body[0]) return false;
  let j = 1;
  for (let i = 1; i < body.length && j < 3; i++) if (body[i] === code[j]) j++;
  return j === 3;
}

/** What a document's title ends with: the kind of document it is. */
const DOCUMENT_KIND =
  /(?:通知|意见|决定|办法|方案|规定|批复|报告|请示|复函|函|通报|公告|通告|纪要|细则|规划|计划|要点|决议|条例|规则|指引|措施|命令|决定书)$/;
/** Punctuation that a title line never holds: a line with it is a sentence (the body, an addressee). */
const SENTENCE_MARK = /[，。；：:！？!?,;]/;
/** Non-empty lines at the head of a document where its own number and title stand. */
const HEAD_LINES = 15;

/**
 * The document's own title and number, as its head prints them on lines of their own (a number line
 * such as 湘政办发〔2023〕15号, and near it a title line such as 湖南省人民政府办公厅关于…的通知, maybe wrapped
 * over two or three lines): the title without 《》 is a mention of the document the number names.
 */
function headingTitle(
  text: string,
  numbers: readonly DocRefEntity[],
): { start: number; end: number; title: string; number: DocRefEntity } | undefined {
  const lines: Array<{ start: number; end: number; body: string }> = [];
  const head = text.slice(0, HEAD_LINES * 120);
  for (let at = 0; at < head.length && lines.length < HEAD_LINES;) {
    const newline = head.indexOf('\n', at);
    const lineEnd = newline < 0 ? head.length : newline;
    const raw = head.slice(at, lineEnd);
    const body = raw.trim();
    if (body !== '') {
      const start = at + raw.indexOf(body);
      lines.push({ start, end: start + body.length, body });
    }
    at = lineEnd + 1;
  }
  // the number on a line of its own (签发人 may follow it)
  const numberLine = lines.findIndex((line) =>
    numbers.some((n) => n.year !== undefined && n.start === line.start && /^(?:\s|签发人|$)/.test(text.slice(n.end, line.end))),
  );
  if (numberLine < 0) return undefined;
  const number = numbers.find((n) => n.start === lines[numberLine]!.start)!;
  const isTitlePart = (line: { body: string }) =>
    line.body.length >= 2 && line.body.length <= 60 && !SENTENCE_MARK.test(line.body) && /^[0-9\u4e00-\u9fff“《（(]/.test(line.body);
  for (let i = 0; i < lines.length; i++) {
    if (i === numberLine || !isTitlePart(lines[i]!)) continue;
    // a title wraps over at most three lines; the last ends with the kind of document
    let title = lines[i]!.body;
    let last = i;
    while (
      !DOCUMENT_KIND.test(title) &&
      last + 1 < lines.length &&
      last - i < 2 &&
      last + 1 !== numberLine &&
      isTitlePart(lines[last + 1]!)
    ) {
      title += lines[++last]!.body;
    }
    if (!DOCUMENT_KIND.test(title) || title.length < 6 || title.startsWith('《')) continue;
    // without 关于 a line ending so (…工作要点) is a title only right by the number
    if (!title.includes('关于') && Math.min(Math.abs(i - numberLine), Math.abs(last - numberLine)) > 2) continue;
    return { start: lines[i]!.start, end: lines[last]!.end, title: title.replace(/\s+/g, ''), number };
  }
  return undefined;
}

/** Before a title, what makes it the version a document replaces: 原《…》, 旧《…》. */
const FORMER_VERSION = /(?:原|旧)$/;

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
  let headBodies: string[] | undefined;
  for (const m of docNumbers(text)) {
    const issuer = issuerCodeOf(m.run);
    // the issuer ends where the run does; it reaches back over a column's line break when it is longer
    // than the run's part after the break
    const runEnd = m.index + m.run.length + (m.lineBreak?.length ?? 0);
    let start = runEnd - issuer.length;
    if (m.lineBreak && start < m.lineBreak.start + m.lineBreak.length) start -= m.lineBreak.length;
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
    const issuerOrg = resolveIssuer(issuer) ?? (headBodies ??= headingBodies(original)).find((body) => codeOf(issuer, body));
    if (issuerOrg) entity.issuerOrg = issuerOrg;
    numbers.push(entity);
  }

  for (const a of announcements(text)) {
    // 海关总署公告〔2023〕10号 reads as a code number too: the announcement's reading (its issuer named in full) wins
    const overlapping = numbers.findIndex((n) => n.start < a.end && a.start < n.end);
    if (overlapping >= 0 && !numbers[overlapping]!.issuer?.endsWith('公告')) continue;
    if (overlapping >= 0) numbers.splice(overlapping, 1);
    const issuer = `${a.issuer.replace(/[ \u3000]/g, '')}公告`;
    numbers.push({
      type: 'docref',
      start: a.start,
      end: a.end,
      text: original.slice(a.start, a.end),
      form: 'number',
      issuer,
      year: a.year,
      serial: a.serial,
      id: announcementId(a.issuer, a.year, a.serial),
      issuerOrg: a.firstIssuer,
    });
  }
  for (const o of orders(text)) {
    if (numbers.some((n) => n.start < o.end && o.start < n.end)) continue;
    const entity: DocRefEntity = {
      type: 'docref',
      start: o.start,
      end: o.end,
      text: original.slice(o.start, o.end),
      form: 'number',
      issuer: o.issuer,
      serial: o.serial,
      id: orderId(o.issuer, o.serial),
    };
    // the issuer of an order is named in full (国务院, 教育部); the head of state is no organisation
    if (!o.issuer.endsWith('主席')) entity.issuerOrg = o.issuer;
    numbers.push(entity);
  }
  numbers.sort((a, b) => a.start - b.start);

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
  // the title's other mentions are that document too, unless the title names more than one: a version the
  // text replaces (原《…办法》（湘财教〔2019〕35号）同时废止) shares its title with the new one
  const idOfTitle = new Map<string, DocRefEntity | null>();
  const heading = headingTitle(text, numbers);
  let headingEntity: DocRefEntity | undefined;
  if (heading && !titles.some((t) => t.start < heading.end && heading.start < t.end && t.end - t.start >= heading.end - heading.start)) {
    headingEntity = {
      type: 'docref',
      start: heading.start,
      end: heading.end,
      text: original.slice(heading.start, heading.end),
      form: 'title',
      title: heading.title,
      id: `《${heading.title}》`,
    };
    linkTitle(headingEntity, heading.number);
    idOfTitle.set(heading.title, heading.number);
  }
  for (const title of titles) {
    const number =
      numbers.find(
        (n) => n.start >= title.start && (n.end <= title.end ? n.start <= title.start + 1 : isBracketedAfter(text, title.end, n.start)),
      ) ??
      numbers.find(
        (n) => n.year === undefined && n.end <= title.start && title.start - n.end <= 1 && /^\s?$/.test(text.slice(n.end, title.start)),
      );
    if (!number) continue;
    linkTitle(title, number);
    const known = idOfTitle.get(title.title!);
    const former = FORMER_VERSION.test(text.slice(Math.max(0, title.start - 2), title.start));
    idOfTitle.set(title.title!, former || (known !== undefined && known?.id !== number.id) ? null : number);
  }
  for (const title of titles) {
    const number = idOfTitle.get(title.title!);
    if (number && title.id !== number.id && !title.sameAs) linkTitle(title, number);
  }
  linkShortTitles(simplified, titles);
  if (headingEntity) titles.push(headingEntity);
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
