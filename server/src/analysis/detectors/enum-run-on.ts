/**
 * enum-run-on: an enumeration 一是…二是…三是… (or 一要…二要…, or items numbered 1. 2. 3. inside a paragraph)
 * whose separators were partly lost, as in
 * “一是落实立德树人根本任务二是推进职业教育协调发展三是完善…体系；四是…”. The repair inserts ； (or 。 when
 * the list ends its items with 。) right before the marker that lost it.
 *
 * A list is a chain of markers 一是, 二是, 三是… with consecutive values, in order, within one paragraph.
 * A marker counts only as part of such a chain, so 统一是 or 唯一是 alone never start anything, and an
 * 一是 that forms a word with the character before it (统一, 唯一, 第一, 之一…) never starts a chain.
 * A marker is flagged only when another item of the same list is separated: a list that never uses
 * separators is a style, not damage, and stays silent.
 */
import type { AnalysisContext } from '../context';
import type { Detector } from '../detector';
import { msg } from '../l10n';
import { parseChineseNumeral } from '../numbers';
import type { Finding } from '../types';

/** 一是…二是… and, in speeches and directives, 一要…二要…: a list uses one of them throughout. */
const MARKER = /([一二三四五六七八九十]{1,3})([是要])/g;

/** Characters that form a word with a following 一 (统一, 唯一, 第一…): such an 一是 is not a list item. */
const WORD_BEFORE_ONE = new Set('统唯第之同万单专划均归合整如初逐其周星礼择');

/** What may stand right before a separated marker (a closing quote or bracket ends the item, it does not separate it). */
const SEPARATOR_BEFORE = /[，。；;,.：:！？!?、\s]/;

interface Marker {
  start: number;
  value: number;
  numeral: string;
  /** 是 or 要: the word the list's markers share. */
  verb: string;
}

/**
 * Items numbered in figures inside a paragraph: 1.曾受过刑事处罚的；2.曾被开除公职的 (and 1、, 1．). Not a
 * decimal (1.5万), nor a number inside a longer one or a date (2023.5.8), nor one after a letter (V1.2).
 */
const ARABIC_MARKER = /(?<![\d.．A-Za-z])(\d{1,2})([.．、])(?![\d])/g;

function markersIn(text: string, start: number, end: number): Marker[] {
  const out: Marker[] = [];
  const paragraph = text.slice(start, end);
  for (const m of paragraph.matchAll(MARKER)) {
    const value = parseChineseNumeral(m[1]!);
    if (value === undefined || value < 1 || value > 30) continue;
    out.push({ start: start + m.index, value, numeral: m[1]!, verb: m[2]! });
  }
  // the figures' own kind of list: 1. 2. 3. (the mark after the number is its "verb", so 1. and 2、 are two lists)
  for (const m of paragraph.matchAll(ARABIC_MARKER)) {
    out.push({ start: start + m.index, value: Number(m[1]), numeral: m[1]!, verb: m[2]! });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Chains of consecutive markers 1, 2, 3… in text order. */
function chains(text: string, markers: Marker[]): Marker[][] {
  const out: Marker[][] = [];
  for (let i = 0; i < markers.length; i++) {
    const head = markers[i]!;
    if (head.value !== 1 || WORD_BEFORE_ONE.has(text[head.start - 1] ?? '')) continue;
    const chain = [head];
    for (let j = i + 1; j < markers.length; j++) {
      const next = markers[j]!;
      if (next.verb !== head.verb) continue;
      if (next.value === 1) break; // a new list starts
      if (next.value === chain[chain.length - 1]!.value + 1) chain.push(next);
    }
    if (chain.length >= 2) out.push(chain);
  }
  return out;
}

function detect(ctx: AnalysisContext): Finding[] {
  const { text } = ctx;
  const out: Finding[] = [];
  for (const paragraph of ctx.paragraphs) {
    for (const chain of chains(text, markersIn(text, paragraph.start, paragraph.end))) {
      const items = chain.slice(1);
      const separated = items.filter((m) => m.start === paragraph.start || SEPARATOR_BEFORE.test(text[m.start - 1]!));
      const glued = items.filter((m) => !separated.includes(m));
      if (separated.length === 0 || glued.length === 0) continue;
      const endsWithPeriod = separated.every((m) => /[。.]/.test(text[m.start - 1]!));
      const separator = endsWithPeriod ? '。' : '；';
      for (const marker of glued) {
        const wordStart = Math.max(paragraph.start, marker.start - 2);
        const label = `${marker.numeral}${marker.verb}`;
        out.push({
          code: 'enum-run-on',
          severity: 'warning',
          start: wordStart,
          end: marker.start + label.length,
          message: msg(
            `列举项“${label}”前缺少分隔符（同一列举的其他项用了分隔符）。修复将在“${label}”前插入“${separator}”。`,
            `The list item "${label}" has lost the separator before it (other items of the same list have one). The fix inserts "${separator}" before "${label}".`,
          ),
          fixes: [
            {
              title: msg(`在“${label}”前插入“${separator}”`, `Insert "${separator}" before "${label}"`),
              edits: [{ start: marker.start, end: marker.start, newText: separator }],
            },
          ],
          fixAllSafe: true,
        });
      }
    }
  }
  return out;
}

export const enumRunOn: Detector = {
  id: 'enum-run-on',
  codes: ['enum-run-on'],
  description: msg('列举项（一是…二是…、一要…二要…）之间缺少分隔符', 'List items (一是…二是…, 一要…二要…) with a lost separator'),
  detect,
};
