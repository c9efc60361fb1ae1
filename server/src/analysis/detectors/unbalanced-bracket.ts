/**
 * unbalanced-bracket: an opening bracket or quote without its partner in the same paragraph, or a
 * closing one without an opener: 毕业生就业率(% (the table heading lost its ")"), 《关于…的通知 (no 》).
 *
 * Brackets are matched per family within a paragraph (a run of non-blank lines, so column-broken text
 * stays together); half- and full-width parentheses are one family, since OCR mixes them. Left alone:
 * - tortoise-shell brackets next to digits (document numbers: docnum-bracket reports those);
 * - ASCII " quotes, which open and close alike and cannot be paired reliably;
 * - a “ whose paragraph is followed by one that also opens with “ (a quotation over several paragraphs);
 * - list markers 1) 一) a) at the start of a paragraph or clause;
 * - an opener and a closer in adjacent paragraphs (one bracket broken across a blank line).
 *
 * The repair adds the missing closer: at the end of the paragraph when what follows the opener is a short
 * phrase without punctuation (a table heading: certain, a warning); else before the first clause
 * punctuation after it (a guess: information, not applied by fix-all). An unmatched closer is only
 * reported: where its opener belongs cannot be known, and removing it would drop text.
 */
import type { AnalysisContext, Span } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { unitTable } from '../text';
import type { Finding } from '../types';

interface Family {
  opens: string;
  closes: string;
  /** The closer added after an opener, by opener. */
  closerOf: Record<string, string>;
}

const FAMILIES: Family[] = [
  { opens: '(（', closes: ')）', closerOf: { '(': ')', '（': '）' } },
  { opens: '《', closes: '》', closerOf: { '《': '》' } },
  { opens: '〈', closes: '〉', closerOf: { '〈': '〉' } },
  { opens: '【', closes: '】', closerOf: { '【': '】' } },
  { opens: '[［', closes: ']］', closerOf: { '[': ']', '［': '］' } },
  { opens: '〔', closes: '〕', closerOf: { '〔': '〕' } },
  { opens: '“', closes: '”', closerOf: { '“': '”' } },
  { opens: '「', closes: '」', closerOf: { '「': '」' } },
  { opens: '『', closes: '』', closerOf: { '『': '』' } },
];

/** What follows an opener in a table heading: short, no clause punctuation. */
const SHORT_TAIL = /^[^，。；！？,;!?：:]{0,12}$/;
const CLAUSE_PUNCT = /[，。；！？,;!?]/;
/**
 * The short name a bracket introduces (以下简称省发展改革委), up to the first word that goes on with the
 * sentence (会同, 负责, 已, 将…): two to twelve characters.
 */
const SHORT_NAME_AFTER =
  /^(?:以下简称|以下称|简称|下称)[为：:“"]?[\u4e00-\u9fff]{2,12}?(?=会同|负责|牵头|组织|联合|已|将|要|应|须|在|对|按|根据|是|为|的|和|与|及|等|[，。；、,;])/;

/** The short name in quotes a bracket introduces: （以下简称“市自然资源规划局”. */
const QUOTED_SHORT_NAME = /^(?:以下简称|以下称|简称|下称)[为：:]?[“"「《][^”"」》（）()]{1,20}[”"」》]/;
/** What a ratio is of, in brackets after its name: （与地区生产总值之比. */
const RATIO_OF = /^与[^，。；,;（）()]{1,20}?之比/;
/**
 * What a bracket may hold alone at its start, before the text goes on: a number ending in 号 (an order's, a
 * house's), a standard's code (GB 16297—1996), an abbreviation in capitals (IMF), a company's 集团 (（集团）有限公司);
 * each followed by Han text
 * or a list mark, where the closer was lost.
 */
const CODE_IN_BRACKET =
  /^(?:[\u4e00-\u9fff]{0,12}第?\d{1,5}号|(?:GB|GB\/T|DB\d{2})\s?[\d.]+[—–-]\d{4}|[A-Z]{2,6}|集团(?=有限|股份))(?=[\u4e00-\u9fff、])/;

/** A heading's Chinese numeral after its opening bracket at a line's start: （五政府债务情况 is （五）. */
const HEADING_NUMERAL = /^[一二三四五六七八九十]{1,3}(?=[^一二三四五六七八九十、）)])/;

/** A bracket holding a document number, which follows a title: （湘人社发〔2021〕18号）. */
const NUMBER_AFTER_TITLE = /[（(][\u4e00-\u9fff]{1,12}[〔[【(（]\s?(?:19|20)\d\d/;

type Paragraph = Span;

interface Unmatched {
  at: number;
  opener: boolean;
  family: Family;
  paragraph: number;
}

/** Whether a 〔 or 〕 belongs to a document number: a digit next to it, or past a space or two (〔 2020〕). */
function inDocNumber(text: string, at: number): boolean {
  return DIGIT_AFTER.test(text.slice(at + 1, at + 4)) || DIGIT_BEFORE.test(text.slice(Math.max(0, at - 3), at));
}
const DIGIT_AFTER = /^[ \u3000]{0,2}[0-9０-９]/;
const DIGIT_BEFORE = /[0-9０-９][ \u3000]{0,2}$/;

/** A closer used as a list marker: 1) 一) a) ① ) at the start of a paragraph or after a separator. */
function isListMarker(text: string, at: number, paragraphStart: number): boolean {
  const before = text.slice(Math.max(paragraphStart, at - 4), at);
  return /(?:^|[\s，。；：,;:、])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z])$/.test(before);
}

/** Family and role of every bracket character, for a single pass over the text. */
/**
 * Bracket roles by UTF-16 code unit: the scan visits every unit of the text, and making a one-character
 * string of each for a string-keyed lookup cost more than the rest of the detector. (A bracket of two
 * units could never equal one unit of the text, so only one-unit brackets are entered.)
 */
const ROLE = new Map<number, { family: Family; opener: boolean }>();
for (const family of FAMILIES) {
  for (const c of family.opens) if (c.length === 1) ROLE.set(c.charCodeAt(0), { family, opener: true });
  for (const c of family.closes) if (c.length === 1) ROLE.set(c.charCodeAt(0), { family, opener: false });
}
/** The units ROLE knows, for the scan of every character (a typed-array read is far cheaper than Map.get). */
const HAS_ROLE = unitTable(String.fromCharCode(...ROLE.keys()));

/** More unmatched brackets than this in one paragraph is not prose (a table of symbols, garbage): left alone. */
const MAX_UNMATCHED_PER_PARAGRAPH = 20;

/**
 * Offsets inside the document numbers the docref recognizer read (渝府办发（2021〕33号): their brackets are
 * the number's, and a wrong one there is docnum-bracket's finding, not an unmatched bracket of the prose.
 */
function docNumberMask(ctx: AnalysisContext): Uint8Array {
  const mask = new Uint8Array(ctx.text.length);
  for (const e of ctx.entities) if (e.type === 'docref' && e.form === 'number') mask.fill(1, e.start, e.end);
  return mask;
}

function unmatchedIn(text: string, paragraph: Paragraph, index: number, inNumber: Uint8Array): Unmatched[] {
  const out: Unmatched[] = [];
  const stacks = new Map<Family, number[]>();
  for (let i = paragraph.start; i < paragraph.end; i++) {
    if (!HAS_ROLE[text.charCodeAt(i)]) continue;
    const role = ROLE.get(text.charCodeAt(i))!;
    const c = text[i]!;
    if (inNumber[i] || ((c === '〔' || c === '〕') && inDocNumber(text, i))) continue;
    let stack = stacks.get(role.family);
    if (!stack) stacks.set(role.family, (stack = []));
    if (role.opener) stack.push(i);
    else if (stack.length) stack.pop();
    else if (!isListMarker(text, i, paragraph.start)) out.push({ at: i, opener: false, family: role.family, paragraph: index });
  }
  for (const [family, stack] of stacks) for (const at of stack) out.push({ at, opener: true, family, paragraph: index });
  return out.length > MAX_UNMATCHED_PER_PARAGRAPH ? [] : out.sort((a, b) => a.at - b.at);
}

function detect(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const paras = ctx.paragraphs;
  const inNumber = docNumberMask(ctx);
  const unmatched = paras.flatMap((p, i) => unmatchedIn(text, p, i, inNumber));
  // which paragraphs hold an unmatched opener / closer of each family, to pair brackets broken across a blank line
  const present = new Set(unmatched.map((u) => key(u.family, u.paragraph, u.opener)));
  const out: Finding[] = [];
  // （苏政发〔2023〕56号〕: a closer of the wrong kind where the opener's belongs: one finding, replace it
  const paired = new Set<Unmatched>();
  for (let i = 0; i + 1 < unmatched.length; i++) {
    const opener = unmatched[i]!;
    const closer = unmatched[i + 1]!;
    if (!opener.opener || closer.opener || closer.paragraph !== opener.paragraph || closer.family === opener.family) continue;
    if (!PARENTHESES.has(text[opener.at]!) || !WRONG_PARENTHESIS_CLOSERS.has(text[closer.at]!) || closer.at - opener.at > 40) continue;
    paired.add(opener).add(closer);
    out.push(wrongCloserFinding(text, opener, closer));
  }
  for (const u of unmatched) {
    if (paired.has(u)) continue;
    const partnerAcross = u.opener ? present.has(key(u.family, u.paragraph + 1, false)) : present.has(key(u.family, u.paragraph - 1, true));
    if (partnerAcross) continue;
    const paragraph = paras[u.paragraph]!;
    const c = text[u.at]!;
    if (u.opener && c === '“') {
      const next = paras[u.paragraph + 1];
      if (
        next &&
        text
          .slice(next.start, Math.min(next.end, next.start + 200))
          .trimStart()
          .startsWith('“')
      )
        continue;
    }
    // 《《国务院…》: a bracket written twice, next to its copy: the copy goes
    const twin = u.opener ? text[u.at + 1] : text[u.at - 1];
    // 〔〔2020〕〕7号: a document number's doubled brackets are docnum-bracket's
    if (twin === c && /[0-9０-９]/.test(u.opener ? (text[u.at + 2] ?? '') : (text[u.at - 2] ?? ''))) continue;
    if (twin === c) {
      out.push(doubledFinding(u, c));
      continue;
    }
    out.push(u.opener ? openerFinding(text, u, paragraph) : closerFinding(u, c));
  }
  // several closers wanted at one place (〔〔〔…) is no longer certain, and fix-all could only add one per
  // round (insertions at one offset conflict), so it would not reach a fixed point: offer them one by one
  const inserts = new Map<number, number>();
  for (const f of out) for (const e of f.fixes[0]?.edits ?? []) inserts.set(e.start, (inserts.get(e.start) ?? 0) + 1);
  for (const f of out) if (f.fixes[0]?.edits.some((e) => inserts.get(e.start)! > 1)) f.fixAllSafe = false;
  return out;
}

function key(family: Family, paragraph: number, opener: boolean): string {
  return `${FAMILIES.indexOf(family)}|${paragraph}|${opener}`;
}

function openerFinding(text: string, u: Unmatched, paragraph: Paragraph): Finding {
  const opener = text[u.at]!;
  const closer = u.family.closerOf[opener]!;
  // a closer is looked for in the rest of the clause, not the whole of a long paragraph
  const tail = text.slice(u.at + 1, Math.min(paragraph.end, u.at + 1 + 300));
  const trimmedTail = tail.replace(/[\s\u3000]+$/, '');
  const short = SHORT_TAIL.test(trimmedTail) && trimmedTail.length > 0;
  let insertAt: number;
  // （五政府债务情况: a numbered heading lost the bracket after its numeral; the numeral is all it holds
  const lineStart = text.lastIndexOf('\n', u.at - 1) + 1;
  const heading =
    (opener === '（' || opener === '(') && /^[\s\u3000]*$/.test(text.slice(lineStart, u.at)) ? HEADING_NUMERAL.exec(tail) : null;
  if (heading) {
    insertAt = u.at + 1 + heading[0].length;
    const enclosedHeading = text.slice(u.at, insertAt);
    return {
      code: 'unbalanced-bracket',
      severity: 'warning',
      start: u.at,
      end: insertAt,
      message: msg(
        `“${opener}”没有对应的“${closer}”：这是一个编号标题，修复将在序号“${enclosedHeading}”之后补上“${closer}”。`,
        `"${opener}" has no matching "${closer}": this is a numbered heading, and the fix adds "${closer}" after its numeral "${enclosedHeading}".`,
      ),
      fixes: [{ title: msg(`补上“${closer}”`, `Add "${closer}"`), edits: [{ start: insertAt, end: insertAt, newText: closer }] }],
      fixAllSafe: true,
    };
  }
  if (short) insertAt = u.at + 1 + trimmedTail.length;
  else {
    const punct = CLAUSE_PUNCT.exec(tail);
    insertAt = punct ? u.at + 1 + punct.index : u.at + 1 + trimmedTail.length;
    // 《…补贴办法（湘人社发〔2021〕18号）执行: a title ends before the document number bracketed after it
    const numbered = opener === '《' ? NUMBER_AFTER_TITLE.exec(tail) : null;
    if (numbered && u.at + 1 + numbered.index < insertAt) insertAt = u.at + 1 + numbered.index;
    // （以下简称省发展改革委会同…: the bracket holds the short name, which ends where the sentence's verb begins
    const paren = opener === '（' || opener === '(';
    const alias = paren ? (QUOTED_SHORT_NAME.exec(tail) ?? SHORT_NAME_AFTER.exec(tail)) : null;
    if (alias && u.at + 1 + alias[0].length < insertAt) insertAt = u.at + 1 + alias[0].length;
    // （与地区生产总值之比为3.42%: the bracket names what the ratio is of
    const ratioOf = paren ? RATIO_OF.exec(tail) : null;
    if (ratioOf && u.at + 1 + ratioOf[0].length < insertAt) insertAt = u.at + 1 + ratioOf[0].length;
    // （国务院令第652号、…, （明月路356号二楼…, （IMF将…, （GB 16297—1996规定…: a number, a code or an
    // abbreviation opening the bracket is what it holds
    const code = paren ? CODE_IN_BRACKET.exec(tail) : null;
    if (code && u.at + 1 + code[0].length < insertAt) insertAt = u.at + 1 + code[0].length;
  }
  const enclosed = text.slice(u.at, insertAt);
  return {
    code: 'unbalanced-bracket',
    severity: short ? 'warning' : 'information',
    start: u.at,
    end: Math.max(u.at + 1, insertAt),
    message: msg(
      `“${opener}”没有对应的“${closer}”。修复将在“${enclosed}”之后补上“${closer}”${short ? '' : '（位置为推测，请核对）'}。`,
      `"${opener}" has no matching "${closer}". The fix adds "${closer}" after "${enclosed}"${short ? '' : ' (a guess at the position: check it)'}.`,
    ),
    fixes: [{ title: msg(`补上“${closer}”`, `Add "${closer}"`), edits: [{ start: insertAt, end: insertAt, newText: closer }] }],
    fixAllSafe: short,
  };
}

/** Openers of parentheses, and closers of other kinds OCR or typing puts in their partner's place. */
const PARENTHESES = new Set(['（', '(']);
const WRONG_PARENTHESIS_CLOSERS = new Set(['〕', '】', ']', '］', '」']);

function wrongCloserFinding(text: string, opener: Unmatched, closer: Unmatched): Finding {
  const open = text[opener.at]!;
  const wrong = text[closer.at]!;
  const right = opener.family.closerOf[open]!;
  return {
    code: 'unbalanced-bracket',
    severity: 'warning',
    start: opener.at,
    end: closer.at + 1,
    message: msg(
      `“${open}”与“${wrong}”不成对：“${wrong}”应为“${right}”。修复将把它改为“${right}”。`,
      `"${open}" is closed by "${wrong}", which should be "${right}". The fix changes it to "${right}".`,
    ),
    fixes: [{ title: msg(`改为“${right}”`, `Change to "${right}"`), edits: [{ start: closer.at, end: closer.at + 1, newText: right }] }],
    fixAllSafe: true,
  };
}

function doubledFinding(u: Unmatched, bracket: string): Finding {
  return {
    code: 'unbalanced-bracket',
    severity: 'warning',
    start: u.opener ? u.at : u.at - 1,
    end: u.opener ? u.at + 2 : u.at + 1,
    message: msg(
      `“${bracket}”重复了一次，多出的一个没有对应的括号。修复将删去多出的“${bracket}”。`,
      `"${bracket}" is written twice, and the copy has no partner. The fix removes the copy.`,
    ),
    fixes: [
      { title: msg(`删去多出的“${bracket}”`, `Remove the extra "${bracket}"`), edits: [{ start: u.at, end: u.at + 1, newText: '' }] },
    ],
    fixAllSafe: true,
  };
}

function closerFinding(u: Unmatched, closer: string): Finding {
  return {
    code: 'unbalanced-bracket',
    severity: 'information',
    start: u.at,
    end: u.at + 1,
    message: msg(
      `“${closer}”前没有对应的开括号或引号，可能缺了开头的一半，请对照原文核对。无法自动确定位置，不提供修复。`,
      `"${closer}" has no opening partner before it in this paragraph; its other half may be lost. Check it against the source; its position cannot be known, so there is no fix.`,
    ),
    fixes: [],
  };
}

export const unbalancedBracket: Detector = {
  id: 'unbalanced-bracket',
  codes: ['unbalanced-bracket'],
  description: msg('括号或引号不成对（就业率(%）', 'A bracket or quote without its partner (就业率(%)'),
  detect,
};
