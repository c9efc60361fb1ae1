/**
 * Organisations (type `org`): full names (重庆市人力资源和社会保障局, 四川九远气浮科技有限公司), central
 * bodies (国务院, 教育部) and abbreviations (市人社局, 区教委, 重庆人社, 工业校, 中物院六所, 长安汽车).
 *
 * Candidates come from four places: names found by rule (org-names.ts: suffix + place + stop words),
 * the alias dictionary (server/data/org-aliases.json plus options.userAliases), a region followed by an
 * abbreviated body (重庆人社), and aliases the document itself introduces: a bracket after a full name
 * (…研究所(中物院六所)) or the short form of a full name it gives elsewhere (重庆市工业学校 → 工业校,
 * 重庆长安汽车股份有限公司 → 长安汽车). With the segmenter loaded, words tagged `nt` are candidates too.
 *
 * The canonical name of an abbreviation comes, in this order, from a full name in the same document, the
 * workspace (options.workspace.orgNames), then the dictionary and the region rules (`resolvedBy`).
 */
import type { AnalysisContext } from '../context';
import type { EntityRecognizer } from '../detector';
import { msg } from '../l10n';
import type { OrgEntity } from '../types';
import aliasData from '../../../data/org-aliases.json';
import { Literals } from './literals';
import {
  bodyWordStartEndingAt,
  completeBodyAtEnd,
  descriptiveReason,
  endsInsideLongerWord,
  findNameSpans,
  endsName,
  isBareHead,
  isGeneric,
  mayEndName,
  REGION_BODY_ABBREVIATIONS,
  type WordHints,
} from './org-names';
import { stickyMatches, unitTable, withoutLineBreaks } from '../text';
import { expandBody, REGIONS, regionByName, type Region } from './regions';

const DICTIONARY = new Map(Object.entries(aliasData.aliases));
/** Dictionary names (two characters or more), indexed for a linear scan. */
const DICTIONARY_NAMES = new Literals([...DICTIONARY.keys()].filter((k) => k.length >= 2));
const ABBREVIATED_WORDS = Object.entries(aliasData.words).sort((a, b) => b[0].length - a[0].length);

/** Abbreviated bodies after a place or level (市人社局, 北碚区教委, 万盛经开区人力社保局). */
const PLACE_BODY = new RegExp(`^(.*?)(${REGION_BODY_ABBREVIATIONS.join('|')})$`);
const REGION_NAMES = [...new Set(REGIONS.flatMap((r) => [r.name, r.short]))].sort((a, b) => b.length - a.length);
const REGION_BODY = new RegExp(
  `(${REGION_NAMES.join('|')})(${REGION_BODY_ABBREVIATIONS.join('|')})(?![\\u4e00-\\u9fff]{0,1}(?:局|厅|委|部))`,
  'y',
);
/** Units a region's name starts with: REGION_BODY is tried only there (see stickyMatches). */
const REGION_BODY_START = unitTable(REGION_NAMES.map((name) => name[0]).join(''));
/** Bracketed aliases: …研究所(中物院六所), …公司（以下简称“长安汽车”）. */
const BRACKET_ALIAS = /^\s?[(（](?:以下简称|下称|简称)?[“"「]?([\u4e00-\u9fff]{2,10})[”"」]?[)）]/;
const COMPANY_SUFFIX = /(?:集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|公司)$/;
/** A city, county or district at the start of a full name (合肥市, 沂南县, 北碚区), after its province if any. */
const LOCAL_PLACE = /^(?:[\u4e00-\u9fff]{2,4}[省])?([\u4e00-\u9fff]{2,4}?[市县区])(?![场民级])/;

/** What follows a company's short name in its full name: its legal form alone. */
const LEGAL_FORM = /^(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团股份有限公司|集团公司|股份公司)$/;
const SCHOOL_SUFFIX = /学校$/;

/**
 * Party committees, their departments and people's organisations by their usual short names, after a level:
 * 市委、市政府, 重庆市委, 中共四川省委, 县委书记, 市委宣传部, 区纪委监委, 市政协, 市人大常委会, 共青团市委, 市妇联,
 * 区关工委, 重庆市科协.
 * 市 not inside 城市, 都市, 超市, 上市, 股市, 门市; 委 not before 员 (省委员会 is a longer name), 托 (城市委托), 派
 * or 任 (委派, 委任 are verbs); 人大 not before 多 or 量 (城市人大多数); 科协 not before 同, 作, 调 (协同, 协作, 协调).
 */
const LEVEL_BODY =
  /(?:[省县区州]|(?<![城都超上股门])市)(?:委(?![员托屈派任婉])(宣传部|组织部|统战部|社会工作部|政法委|网信办|编委办|编办|机构编制委员会办公室|金融委员会办公室|金融办|外办|台办|老干部局|机关工委|政策研究室|党史研究室|巡视办|办公室|办公厅|党校|政研室|农办)?|纪委(?:监委)?|政协|人大(?:常委会)?(?:法制委员会|监察和司法委员会|内务司法委员会|财政经济委员会|财经委员会|教育科学文化卫生委员会|城乡建设环境保护委员会|环境与资源保护委员会|环境资源保护委员会|农业与农村委员会|农业农村委员会|民族宗教侨务外事委员会|民族侨务外事委员会|社会建设委员会|外事委员会|华侨委员会)?(?![多量])|团委|妇联|关工委|科协(?![同作调议])|残联|工商联|文联|侨联|社科联)/g;
/** Places that may stand before one (重庆市委: 重庆 + 市委), found backwards from the level character. */
const LEVEL_BODY_PLACES = new Literals(REGION_NAMES);

/**
 * Such bodies in `text`, with the place and 中共 or 共青团 before them when written (中共四川省委, 共青团重庆市委).
 * A province is known by name; a city or county (合肥市委, 中共肥西县委) by the segmenter's place tag.
 */
function levelBodies(text: string, ctx: AnalysisContext): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(LEVEL_BODY)) {
    let start = m.index;
    start -= LEVEL_BODY_PLACES.longestEndingAt(text, start)?.length ?? placeBefore(ctx, start);
    if (text.startsWith('中共', start - 2)) start -= 2;
    else if (m[0].endsWith('委') && text.startsWith('共青团', start - 3)) start -= 3;
    out.push({ start, end: m.index + m[0].length });
    // the committee alone too, for when its department does not hold (市委宣传部长 is a title)
    if (m[1]) out.push({ start, end: m.index + m[0].length - m[1].length });
  }
  return out;
}

/** Nouns before a level that say which or how many, not where (全体市委常委, 上级市委). */
const NOT_PLACES = new Set(['全体', '全部', '各级', '广大', '上级', '下级', '本级', '同级', '有关', '相关', '历届', '新一届']);

/** The length of the place the segmenter tags right before a level character (合肥 of 合肥市委, or 合肥市 itself), or 0. */
function placeBefore(ctx: AnalysisContext, level: number): number {
  // a Han character or two before the level, at least: most 市委 and 市政府 follow punctuation (、市政府)
  if (!ctx.segmenter || level < 2 || !isHan(ctx.text.charCodeAt(level - 1)) || !isHan(ctx.text.charCodeAt(level - 2))) return 0;
  const withLevel = ctx.taggedWordAt(level);
  if (withLevel && withLevel.tag === 'ns' && withLevel.start < level && withLevel.end === level + 1) return level - withLevel.start;
  const before = ctx.taggedWordAt(level - 1);
  if (!before || before.end !== level || level - before.start < 2 || level - before.start > 3) return 0;
  if (before.tag === 'ns') return level - before.start;
  // jieba tags many cities plain nouns (合肥 n): a noun is the place when nothing but a preposition, a
  // conjunction, punctuation or 中共 stands before it (在合肥市委, 中共肥西县委; not 加强市委)
  if (!/^(?:n|nz)$/.test(before.tag) || NOT_PLACES.has(ctx.text.slice(before.start, level))) return 0;
  if (before.start === 0 || ctx.text.startsWith('中共', before.start - 2)) return level - before.start;
  const previous = ctx.taggedWordAt(before.start - 1);
  // conjunctions of one character (和, 与, 及) or 以及: jieba tags 及时 c as well (及时报告省委)
  const joins = previous && (previous.tag !== 'c' || previous.end - previous.start === 1 || ctx.text.startsWith('以及', previous.start));
  return previous && joins && /^(?:p|c|x)$/.test(previous.tag) ? level - before.start : 0;
}

/**
 * Companies with their place in brackets: 阿里巴巴（中国）有限公司, 网易（杭州）网络有限公司. The bracket ends the
 * rules' reading of a name, which would keep only what follows it (网络有限公司) or nothing.
 */
const PLACE_IN_BRACKETS_THEN_COMPANY =
  /[（(]([\u4e00-\u9fff]{2,4})[）)]([\u4e00-\u9fff]{0,10}?(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团))/y;
/** Words before a company's brand that are not part of it. */
const BEFORE_BRAND = /^(?:.*(?:包括|其中|以及|联合|会同|支持|引进|与|和|及|同|对|向|由|在|被|将|把|给|是|的))/;

function companiesWithPlace(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  // from each bracket after a Han character: an expression tried at every character cost a profile's 40 ms
  for (let b = 1; b < text.length; b++) {
    const c = text.charCodeAt(b);
    if ((c !== 0xff08 && c !== 40) || !isHan(text.charCodeAt(b - 1))) continue;
    PLACE_IN_BRACKETS_THEN_COMPANY.lastIndex = b;
    const m = PLACE_IN_BRACKETS_THEN_COMPANY.exec(text);
    if (!m) continue;
    let runStart = b;
    // a brand of up to fourteen characters: 绵阳科技城发展投资（集团）有限公司
    while (runStart > 0 && b - runStart < 14 && isHan(text.charCodeAt(runStart - 1))) runStart--;
    const brand = text.slice(runStart, b).replace(BEFORE_BRAND, '');
    if (brand.length < 2) continue;
    out.push({ start: b - brand.length, end: b + m[0].length });
  }
  return out;
}

function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

interface Candidate {
  start: number;
  end: number;
  canonical?: string;
  resolvedBy?: OrgEntity['resolvedBy'];
  /** Names from the dictionary or introduced by the document are kept over an overlapping rule match. */
  priority: number;
}

/**
 * Bodies whose local offices carry their name before the place (国家税务总局浙江省税务局, 中国人民银行浙江省分行)
 * and the party before its committees (中共浙江省委): a short form starts at the place (省税务局, 省委).
 */
const PARENT_PREFIXES = ['', '中共', '共青团', '国家税务总局', '中国人民银行', '国家金融监督管理总局', '国家统计局'];

/** Where in `full` an abbreviation of it may start: at the name, or at (or just after) its place. */
function abbreviationStarts(full: string): number[] {
  const starts = [0];
  for (const prefix of PARENT_PREFIXES) {
    if (!full.startsWith(prefix)) continue;
    for (const place of REGION_NAMES) {
      if (!full.startsWith(place, prefix.length)) continue;
      for (let i = prefix.length; i <= prefix.length + place.length + 1 && i < full.length; i++) starts.push(i);
    }
  }
  return starts;
}

/** A university's or hospital's head right after a place (台湾大学, 浙江大学, 香港大学). */
const PLACE_AND_HEAD = /(?:大学|学院|医院)$/;

/** A party committee by its level alone. */
const PARTY_COMMITTEE = /^[省市区县]委$/;

/** 委 abbreviates 委员会 at the end of a name (省发展改革委 for 浙江省发展和改革委员会): the form to compare with. */
function comparableEnd(short: string, full: string): string {
  return short.endsWith('委') && full.endsWith('委员会') ? full.slice(0, -2) : full;
}

/** Whether `short` abbreviates `full`: its characters in order, ending alike, starting at the name (or at its place). */
export function abbreviates(short: string, full: string): boolean {
  // 省委, 市委: the party's committee of the level (中共浙江省委), never another body whose name ends in 委
  if (PARTY_COMMITTEE.test(short)) return full.startsWith('中共') && comparableEnd(short, full).endsWith(short);
  const target = comparableEnd(short, full);
  if (short.length < 2 || short.length >= target.length) return false;
  if (short[short.length - 1] !== target[target.length - 1]) return false;
  // 台湾大学, 香港大学, 清华大学: two characters (or a place) and a university's head make a name of its own,
  // not a short form of a longer one (台湾清华大学, 香港中文大学)
  if (
    PLACE_AND_HEAD.test(short) &&
    (short.length === 4 || REGION_NAMES.some((place) => short.length - place.length === 2 && short.startsWith(place)))
  )
    return false;
  // 省民政厅 names the 民政厅, a body of its own: never an abbreviation of …人民政府办公厅
  const body = completeBodyAtEnd(short);
  if (body && !target.includes(body)) return false;
  for (const start of abbreviationStarts(target)) {
    if (target[start] !== short[0]) continue;
    let j = 1;
    for (let i = start + 1; i < target.length && j < short.length; i++) if (target[i] === short[j]) j++;
    if (j === short.length) return true;
  }
  return false;
}

/**
 * Full names indexed by the characters an abbreviation of them starts and ends with (abbreviates() needs
 * the same last character and the first one at the start of the name or of the name after its place), so
 * that resolving each distinct short name tries a few full names, not all of them.
 */
class AbbreviationIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(fullNames: Iterable<string>) {
    for (const full of fullNames) {
      const lasts = full.endsWith('委员会') ? ['会', '委'] : [full[full.length - 1]!];
      const firsts = new Set(abbreviationStarts(full).map((i) => full[i]!));
      for (const first of firsts) {
        for (const last of lasts) {
          const key = first + last;
          const group = this.byKey.get(key);
          if (group) group.push(full);
          else this.byKey.set(key, [full]);
        }
      }
    }
  }

  /** The first full name (in insertion order) that `short` abbreviates. */
  find(short: string): string | undefined {
    if (short.length < 2) return undefined;
    return this.byKey.get(short[0]! + short[short.length - 1]!)?.find((full) => abbreviates(short, full));
  }
}

/** The region a document is about: the one it names most often. */
export function documentRegion(text: string): Region | undefined {
  // one pass over the text for all regions (a search of the whole text per region was 31 passes); each
  // region's mentions are counted as `indexOf` from the end of the last one would count them
  const counts = new Int32Array(REGIONS.length);
  const nextFree = new Int32Array(REGIONS.length);
  for (let i = 0; i < text.length; i++) {
    if (!REGION_FIRST_UNITS[text.charCodeAt(i)]) continue;
    for (const index of REGIONS_BY_FIRST_UNIT.get(text.charCodeAt(i))!) {
      const short = REGIONS[index]!.short;
      if (i >= nextFree[index]! && text.startsWith(short, i)) {
        counts[index]++;
        nextFree[index] = i + short.length;
      }
    }
  }
  let best: Region | undefined;
  let bestCount = 0;
  REGIONS.forEach((region, index) => {
    if (counts[index]! > bestCount) {
      best = region;
      bestCount = counts[index]!;
    }
  });
  return best;
}

/** 1 for the first unit of a region's short name (a typed-array read per character, not a Map lookup). */
const REGION_FIRST_UNITS = unitTable(REGIONS.map((region) => region.short[0]).join(''));
/** Indexes into REGIONS by the first unit of each region's short name. */
const REGIONS_BY_FIRST_UNIT = new Map<number, number[]>();
REGIONS.forEach((region, index) => {
  const first = region.short.charCodeAt(0);
  const group = REGIONS_BY_FIRST_UNIT.get(first);
  if (group) group.push(index);
  else REGIONS_BY_FIRST_UNIT.set(first, [index]);
});

/** Expands abbreviated words inside a name (大足职教中心 → 大足职业教育中心), or undefined when there are none. */
function expandWords(name: string): string | undefined {
  if (!/(?:中心|局|厅|委|委员会|学校|学院)$/.test(name)) return undefined;
  let out = name;
  for (const [short, full] of ABBREVIATED_WORDS) if (!out.includes(full)) out = out.split(short).join(full);
  return out === name ? undefined : out;
}

/** A level that 全 before it makes "every body of the level": 全省, 全市, 全县, 全区. */
const LEVEL_START = /[省市县区]/;

/** Whether the segmenter reads a word exactly at [start, start + length) (华为 of 华为公司, not of 张建华为). */
function isWordAt(ctx: AnalysisContext, start: number, length: number): boolean {
  const word = ctx.wordAt(start);
  return word === undefined || (word.start === start && word.end === start + length);
}

/** Where a stretch of the text is covered by another entity type that an org may not overlap (document numbers). */
function blockedBy(ctx: AnalysisContext): Array<{ start: number; end: number }> {
  return ctx.entities.filter((e) => e.type === 'docref' && e.form === 'number');
}

function recognize(ctx: AnalysisContext): OrgEntity[] {
  // names are read in simplified characters (省財政廳 is 省财政厅, and links to it); reported as written
  const text = ctx.simplifiedText;
  const region = documentRegion(text);
  const userAliases = ctx.options.userAliases ?? new Map<string, string>();
  const workspaceNames = ctx.options.workspace?.orgNames ?? [];
  const candidates: Candidate[] = [];

  const hints = ctx.segmenter ? wordHints(ctx) : undefined;
  for (const span of findNameSpans(text, hints)) candidates.push({ start: span.start, end: span.end, priority: span.anchored ? 2 : 1 });

  // dictionary names and user aliases, wherever they occur
  const user = [...userAliases.keys()].filter((k) => k.length >= 2);
  for (const m of DICTIONARY_NAMES.matches(text)) {
    // a two-character name read out of other words (张建华为: 张建华|为, not 华为): the segmenter must see it
    if (m.word.length === 2 && ctx.segmenter && !isWordAt(ctx, m.index, m.word.length)) continue;
    candidates.push({ start: m.index, end: m.index + m.word.length, priority: 3 });
  }
  if (user.length > 0) {
    for (const m of new Literals(user).matches(text)) candidates.push({ start: m.index, end: m.index + m.word.length, priority: 3 });
  }
  for (const m of stickyMatches(text, REGION_BODY, REGION_BODY_START))
    candidates.push({ start: m.index, end: m.index + m[0].length, priority: 2 });
  for (const c of levelBodies(text, ctx)) candidates.push({ ...c, priority: 2 });
  for (const c of companiesWithPlace(text)) candidates.push({ ...c, priority: 3 });

  if (ctx.segmenter) {
    // 住房和城乡建设局 holds the dictionary's 建设局: the tail of a body's name is no name of its own
    for (const w of organisationWords(ctx)) {
      const body = bodyWordStartEndingAt(text, w.end);
      if (body >= 0 && body < w.start) continue;
      candidates.push({ start: w.start, end: w.end, priority: 1 });
    }
  }
  for (const c of namesAcrossLineBreaks(text, hints)) candidates.push(c);

  // a date never begins a name (2024年市政府工作报告): such candidates start after it
  const dates = new Uint8Array(text.length);
  for (const e of ctx.entities) if (e.type === 'date') dates.fill(1, e.start, e.end);
  for (const c of candidates) while (c.start < c.end && dates[c.start]) c.start++;
  // 全省法院, 全市公安机关: every body of that level in the region, not one of them
  for (const c of candidates) if (text[c.start - 1] === '全' && LEVEL_START.test(text[c.start] ?? '')) c.end = c.start;

  let kept = resolveOverlaps(
    // 财政部门 is "finance departments", whichever list 财政部 came from
    candidates.filter((c) => c.end - c.start >= 2 && !endsInsideLongerWord(text, c.end)),
    blockedBy(ctx),
  );

  // full names of the document, and the aliases it introduces or implies
  const fullNames = new Set<string>();
  for (const c of kept) {
    const name = nameAt(text, c);
    if (isFullName(name)) fullNames.add(name);
  }
  // the bodies that issued the document numbers it cites (云政办发 → 云南省人民政府办公厅) are named there too:
  // 省政府办公厅 resolves to one of them; kept after the names written out, which go first
  const issuers = new Set<string>();
  for (const e of ctx.entities) if (e.type === 'docref' && e.issuerOrg && !fullNames.has(e.issuerOrg)) issuers.add(e.issuerOrg);
  const documentAliases = new Map<string, string>();
  for (const c of kept) {
    const name = nameAt(text, c);
    const bracket = BRACKET_ALIAS.exec(text.slice(c.end, c.end + 20));
    // 县人力资源和社会保障局（以下简称“县人社局”）: the text's own short name, for a full name or one relative
    // to its level (whose canonical name is resolved below)
    const explicit = bracket !== null && /^\s?[(（](?:以下简称|下称|简称)/.test(text.slice(c.end, c.end + 8));
    if (bracket && (fullNames.has(name) || explicit) && looksLikeAliasOf(bracket[1]!, name)) documentAliases.set(bracket[1]!, name);
    if (!fullNames.has(name)) continue;
    for (const alias of impliedAliases(name)) if (!documentAliases.has(alias)) documentAliases.set(alias, name);
  }
  if (documentAliases.size > 0) {
    const extra: Candidate[] = [];
    for (const m of new Literals(documentAliases.keys()).matches(text)) {
      if (text[m.index - 1] === '全' && LEVEL_START.test(m.word[0]!)) continue;
      extra.push({ start: m.index, end: m.index + m.word.length, priority: 4 });
    }
    kept = resolveOverlaps([...kept, ...extra], blockedBy(ctx));
  }

  const out: OrgEntity[] = [];
  // built on first use: most documents resolve every name before needing them
  let documentIndex: AbbreviationIndex | undefined;
  let workspaceIndex: AbbreviationIndex | undefined;
  const resolvedAbbreviations = new Map<string, { canonical: string; resolvedBy: OrgEntity['resolvedBy'] }>();
  for (const c of kept) {
    const name = nameAt(text, c);
    const resolution = resolve(name);
    out.push({
      type: 'org',
      start: c.start,
      end: c.end,
      text: ctx.text.slice(c.start, c.end),
      canonical: resolution.canonical,
      resolvedBy: resolution.resolvedBy,
    });
  }
  return out;

  function resolve(name: string): { canonical: string; resolvedBy: OrgEntity['resolvedBy'] } {
    const cached = resolvedAbbreviations.get(name);
    if (cached) return cached;
    const result = resolveUncached(name);
    resolvedAbbreviations.set(name, result);
    return result;
  }

  function resolveUncached(name: string): { canonical: string; resolvedBy: OrgEntity['resolvedBy'] } {
    const alias = documentAliases.get(name);
    // the long form a short name stands for may itself be relative (县人力资源和社会保障局): its own canonical
    if (alias) return { canonical: fullNames.has(alias) || alias === name ? alias : resolve(alias).canonical, resolvedBy: 'document' };
    const user = userAliases.get(name);
    if (user) return { canonical: user, resolvedBy: 'dictionary' };
    const dictionary = DICTIONARY.get(name);
    if (dictionary) return { canonical: dictionary, resolvedBy: dictionary === name ? 'self' : 'dictionary' };

    const byRule = expandAbbreviatedBody(name);
    if (byRule) {
      // the rule tells what the name means; the document or workspace confirm the spelling
      if (fullNames.has(byRule)) return { canonical: byRule, resolvedBy: 'document' };
      if (workspaceNames.includes(byRule)) return { canonical: byRule, resolvedBy: 'workspace' };
      return { canonical: byRule, resolvedBy: 'dictionary' };
    }
    // 人民银行浙江省分行, 建设银行长沙支行: the full name the document gives adds only 中国
    if (fullNames.has(`中国${name}`)) return { canonical: `中国${name}`, resolvedBy: 'document' };
    const owned = companyOf(name) ?? placeOf(name);
    if (owned) return { canonical: owned, resolvedBy: 'document' };
    // a full name is itself, except a company's short form (重庆长安汽车公司 for …股份有限公司)
    if (!fullNames.has(name) || /(?<!有限)公司$/.test(name)) {
      const inDocument = (documentIndex ??= new AbbreviationIndex([...fullNames, ...issuers])).find(name);
      if (inDocument) return { canonical: inDocument, resolvedBy: 'document' };
      const inWorkspace = (workspaceIndex ??= new AbbreviationIndex(workspaceNames)).find(name);
      if (inWorkspace) return { canonical: inWorkspace, resolvedBy: 'workspace' };
    }
    const expanded = expandWords(name);
    if (expanded) {
      if (workspaceNames.includes(expanded)) return { canonical: expanded, resolvedBy: 'workspace' };
      return { canonical: expanded, resolvedBy: 'dictionary' };
    }
    return { canonical: name, resolvedBy: 'self' };
  }

  /** 美的集团 for 美的集团股份有限公司 in the same document: the company without its legal form. */
  function companyOf(name: string): string | undefined {
    if (!/(?:集团|公司)$/.test(name)) return undefined;
    for (const full of fullNames)
      if (full.startsWith(name) && COMPANY_SUFFIX.test(full) && LEGAL_FORM.test(full.slice(name.length))) return full;
    return undefined;
  }

  /**
   * 县人民政府 (or 县政府) for the 肥西县人民政府 the document names: a name relative to its level is the one
   * full name of the document that ends with it after a place of its own.
   */
  function placeOf(name: string): string | undefined {
    if (!RELATIVE_LEVEL.test(name)) return undefined;
    const forms = [name, name.replace(/(?<!人民)政府/, '人民政府')];
    const found = new Set<string>();
    for (const full of fullNames) {
      const form = forms.find((f) => full.endsWith(f) && full.length > f.length);
      if (form && /^[\u4e00-\u9fff]{2,8}$/.test(full.slice(0, full.length - form.length))) found.add(full);
    }
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
    // no such name: the city or county the document's names are of, when they are all of one (合肥市林业和园林局,
    // 合肥市自然资源和规划局 → 市人民政府 is 合肥市人民政府)
    const place = localPlace(name[0]!);
    return place ? place + name.slice(1) : undefined;
  }

  /** The one place of `level` (市, 县, 区) that two or more of the document's full names start with, if only one. */
  function localPlace(level: string): string | undefined {
    const counts = new Map<string, number>();
    for (const full of fullNames) {
      const m = LOCAL_PLACE.exec(full);
      if (m && m[1]!.endsWith(level)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
    const places = [...counts].filter(([, n]) => n >= 2);
    return counts.size === 1 && places.length === 1 ? places[0]![0] : undefined;
  }

  /** 市人社局 → 重庆市人力资源和社会保障局 (in a text about 重庆), 北碚区教委 → 北碚区教育委员会, 区教委 → the district the text names. */
  function expandAbbreviatedBody(name: string): string | undefined {
    const m = PLACE_BODY.exec(name);
    if (!m) return undefined;
    const place = m[1]!;
    const body = m[2]!;
    const named = regionByName(place) ?? REGIONS.find((r) => place === r.short + '市' || place === r.short + '省');
    if (named) return named.name + expandBody(body, named.municipality === true)!;
    if (place === '市' || place === '省') {
      if (!region) return undefined;
      // a bare 市 in a province's text is one of its cities: unknown which
      if (place === '市' && !region.municipality) return undefined;
      return region.name + expandBody(body, region.municipality === true)!;
    }
    if (place === '区' || place === '县' || place === '') {
      // the district the document names with the same body: 北碚区教委 … 区教委
      const fuller = kept
        .map((c) => nameAt(text, c))
        .find((other) => other !== name && other.endsWith(place + body) && other.length > name.length);
      return fuller ? expandAbbreviatedBody(fuller) : undefined;
    }
    return place + expandBody(body, !place.endsWith('省'))!;
  }
}

/**
 * Line breaks inside Chinese text (Han, then spaces, an optional CR and LF, then Han), each as the span
 * `/(?<=[\u4e00-\u9fff])[ \t\u3000]*\r?\n(?=[\u4e00-\u9fff])/g` would match: found from each LF and read
 * back over the spaces, since that pattern is tried at every position and hard-wrapped text has a break
 * every line.
 */
export function innerLineBreaks(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) {
    if (!isHan(text.charCodeAt(lf + 1))) continue;
    let start = lf;
    if (text.charCodeAt(start - 1) === 13) start--;
    while (start > 0 && LINE_INNER_SPACE[text.charCodeAt(start - 1)]) start--;
    if (start > 0 && isHan(text.charCodeAt(start - 1))) out.push({ start, end: lf + 1 });
  }
  return out;
}

/** The spaces a line may end in before its break (see innerLineBreaks). */
const LINE_INNER_SPACE = unitTable(' \t\u3000');

/** Characters taken before such a break to look for a name across it. */
const ACROSS_BREAK = 24;
/** How far into the next line a name cut by the break may end (大足⏎职业教育中心). */
const SUFFIX_END_AFTER_BREAK = 12;

/** Whether an institutional suffix or a dictionary name ends at some offset in `[from, to]`. */
function suffixEndsIn(text: string, from: number, to: number): boolean {
  for (let at = from; at <= to; at++) if (endsName(text, at) || DICTIONARY_NAMES.longestEndingAt(text, at)) return true;
  return false;
}

/**
 * Names that a narrow column's line break cuts in two (市人力资源和社⏎会保障局): the rule and dictionary
 * matches run on the two line ends joined, and those that span the join are mapped back to the text. A
 * break before an indented line starts a paragraph and is left alone (the lookahead wants a Han character
 * right after the break).
 */
function namesAcrossLineBreaks(text: string, hints: WordHints | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const { start: breakStart, end: breakEnd } of innerLineBreaks(text)) {
    let leftStart = breakStart;
    while (leftStart > 0 && breakStart - leftStart < ACROSS_BREAK && text[leftStart - 1] !== '\n') leftStart--;
    let rightEnd = breakEnd;
    let mayEnd = false;
    while (rightEnd < text.length && rightEnd - breakEnd < SUFFIX_END_AFTER_BREAK && text[rightEnd] !== '\n' && text[rightEnd] !== '\r') {
      const unit = text.charCodeAt(rightEnd);
      mayEnd ||= mayEndName(unit) || DICTIONARY_NAMES.endsWithUnit(unit);
      rightEnd++;
    }
    // no character after the break can end a name: nothing to join (most breaks, and no strings made)
    if (!mayEnd) continue;
    const left = text.slice(leftStart, breakStart);
    const joined = left + text.slice(breakEnd, rightEnd);
    // a name across the break ends a few characters into the next line: most breaks have no suffix there
    if (!suffixEndsIn(joined, left.length + 1, joined.length)) continue;
    const toText = (at: number) => (at <= left.length ? leftStart + at : breakEnd + at - left.length);
    const toJoined = (at: number) => (at <= breakStart ? at - leftStart : at - breakEnd + left.length);
    const spans = [
      ...findNameSpans(joined, hints ? joinedHints(hints, toText, toJoined) : undefined).map((span) => ({
        ...span,
        priority: span.anchored ? 2 : 1,
      })),
      ...DICTIONARY_NAMES.matches(joined).map((d) => ({ start: d.index, end: d.index + d.word.length, priority: 3 })),
    ];
    // the next line starting with a whole name of its own (潍坊市统计局⏎国家统计局潍坊调查队, a session's line⏎
    // 湖南省财政厅): the break separates two things, it does not cut one
    const ownName = (end: number) =>
      findNameSpans(joined.slice(left.length, end)).some((own) => own.start === 0 && own.end === end - left.length && own.anchored);
    for (const span of spans) {
      if (span.start < left.length && span.end > left.length && !ownName(span.end))
        out.push({ start: toText(span.start), end: toText(span.end), priority: span.priority });
    }
  }
  return out;
}

/**
 * The segmenter's hints over a joined pair of line ends, from the words of the text's own clauses (which
 * the analysis segments once and shares): jieba cuts at a line break anyway, so no word spans it.
 */
function joinedHints(hints: WordHints, toText: (at: number) => number, toJoined: (at: number) => number): WordHints {
  return {
    insideNoun: (offset) => hints.insideNoun(toText(offset)),
    tagAt(offset) {
      const word = hints.tagAt(toText(offset));
      return word && { tag: word.tag, end: toJoined(word.end) };
    },
  };
}

/** The name a candidate spells: its text without the line break (and indent) a column put inside it. */
function nameAt(text: string, c: { start: number; end: number }): string {
  return withoutLineBreaks(text.slice(c.start, c.end));
}

/** A name that is not itself an abbreviation: long enough, with a full suffix. */
function isFullName(name: string): boolean {
  if (PLACE_BODY.test(name) || RELATIVE_LEVEL.test(name)) return false;
  return name.length >= 5 || DICTIONARY.get(name) === name;
}

/** A name that starts with a bare level (省发展改革委, 市政府办公厅): relative to the document's place, never a full name. */
const RELATIVE_LEVEL = /^(?:省|市(?!场|民)|区(?!域)|县)/;

/** Short forms a full name implies: 重庆长安汽车股份有限公司 → 长安汽车, 重庆市工业学校 → 工业校. */
function impliedAliases(full: string): string[] {
  const place = REGION_NAMES.find((p) => full.startsWith(p));
  const withoutPlace = place ? full.slice(place.length).replace(/^市/, '') : full;
  const out: string[] = [];
  if (COMPANY_SUFFIX.test(full)) {
    const core = withoutPlace.replace(COMPANY_SUFFIX, '');
    // too short a core (a two-character brand) would match ordinary words
    if (core.length >= 4 && place) out.push(core);
  }
  if (SCHOOL_SUFFIX.test(full) && place) {
    const core = withoutPlace.replace(SCHOOL_SUFFIX, '');
    if (core.length >= 2) out.push(core + '校');
  }
  return out;
}

/** Whether a bracketed word can be an alias of `full`: most of its characters come from the full name. */
function looksLikeAliasOf(alias: string, full: string): boolean {
  if (!full.includes(alias[0]!)) return false;
  let shared = 0;
  for (const ch of alias) if (full.includes(ch)) shared++;
  return shared / alias.length >= 0.6;
}

/** Nouns of two characters or more: a stop character inside one (华为, 中国建设银行) does not end a name. */
const NOUN_TAG = /^(?:n|nr|ns|nt|nz|nrt)$/;

/**
 * The segmenter's hints, read from the clauses asked about: a clause is tagged the first time a name
 * near it meets a stop character (the cut alone would not say whether the word there is a noun, and
 * cutting before tagging cost more than tagging outright).
 */
function wordHints(ctx: AnalysisContext): WordHints {
  return {
    insideNoun(offset) {
      const word = ctx.taggedWordAt(offset);
      return word !== undefined && word.end - word.start >= 2 && NOUN_TAG.test(word.tag);
    },
    tagAt(offset) {
      const word = ctx.taggedWordAt(offset);
      return word && word.start === offset ? word : undefined;
    },
  };
}

/**
 * What an organisation word from the segmenter must end in. Its `nt` tag alone is too loose (it tags
 * 大力开展, 新兴产业, 党组织 so), so the word must end like an institution.
 */
const INSTITUTION_ENDING =
  /(?:[社团委院局部厅所校司行处署馆盟府]|政府|中心|公司|集团|协会|学会|工会|商会|研究会|促进会|联合会|基金会|总会|委员会|理事会|办公室|研究室|中央|大学|中学|小学|银行)$/;

/** Endings that look institutional but are directions or parts: 中西部, 内部, 干部. */
const NOT_INSTITUTION_ENDING = /(?:[东西南北中内外全局干]部|[^政]府)$/;

/**
 * Words jieba's dictionary tags `nt` that name a kind of institution, not one: every township has its 卫生院
 * and every city its 供电局. Counted (全市卫生院98个) or addressed as a kind (普通高校, 科研院所), they are no
 * more a name than 医院 is; a place before them (株洲市卫生局) makes the name, which the rules find.
 */
const KIND_WORDS = new Set([
  // (卫生院, 卫生局, 中医院, 商业银行… are suffixes or bodies alone, which isBareHead turns down already)
  ...['儿童医院', '福利院', '敬老院', '养老院', '派出所', '交易所', '科研院所', '信用社', '农信社', '供电局', '邮政局'],
  ...['邮电局', '邮政所', '邮电所', '税务所'],
  ...['国税局', '地税局', '国土局', '交管局', '农业局', '商业局', '开发局', '新闻局', '镇政府', '乡政府', '村委会'],
  ...['居委会', '日报社', '大中学校', '普通高校', '高等院校', '高职院校', '理工大学', '农业大学', '师范大学', '医科大学'],
  ...['政法大学', '财经大学', '理工学院', '文理学院', '商学院', '法学院', '医学院', '师范学院', '农学院', '文学院'],
  ...['公共场所', '交汇处', '汇合处', '住院部', '财务处', '财务部', '联络处', '开发部', '现政府', '非政府', '全公社'],
  ...['学校', '幼儿园', '医院', '大学', '中学', '小学'],
]);

/** Whether a word the segmenter tags `nt` names an organisation: it ends like one and is not a description (党和政府). */
function isOrganisationWord(word: string): boolean {
  if (word.length < 3 || KIND_WORDS.has(word)) return false;
  const ending = INSTITUTION_ENDING.exec(word);
  if (!ending || NOT_INSTITUTION_ENDING.test(word) || isBareHead(word)) return false;
  return !isGeneric(word.slice(0, word.length - ending[0].length)) && !descriptiveReason(word, ending[0], false);
}

/**
 * The dictionary's organisation words as a trie read backwards from the last character. A word is
 * tagged `nt` only when the dictionary says so (jieba tags words it does not know m, eng or x), so the
 * clauses worth tagging are those containing one of these words, and most clauses contain none.
 */
class ReversedWords {
  private readonly root: TrieNode = { next: new Map(), isWord: false };
  private readonly lastUnits = new Uint8Array(65536);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      let node = this.root;
      for (let i = word.length - 1; i >= 0; i--) {
        const unit = word.charCodeAt(i);
        let child = node.next.get(unit);
        if (!child) node.next.set(unit, (child = { next: new Map(), isWord: false }));
        node = child;
      }
      node.isWord = true;
      this.lastUnits[word.charCodeAt(word.length - 1)] = 1;
    }
  }

  /** Every occurrence of every word in `text`, overlapping ones included, in the order of their ends. */
  occurrences(text: string): Array<{ start: number; end: number }> {
    const out: Array<{ start: number; end: number }> = [];
    for (let end = 1; end <= text.length; end++) {
      if (!this.lastUnits[text.charCodeAt(end - 1)]) continue;
      let node: TrieNode | undefined = this.root;
      for (let i = end - 1; i >= 0 && node; i--) {
        node = node.next.get(text.charCodeAt(i));
        if (node?.isWord) out.push({ start: i, end });
      }
    }
    return out;
  }
}

interface TrieNode {
  next: Map<number, TrieNode>;
  isWord: boolean;
}

/** Per list of dictionary words (one per loaded segmenter): the organisation words among them, as a trie. */
const organisationTries = new WeakMap<readonly string[], ReversedWords>();

/** Words the segmenter tags as organisations (nt) that end like one and are not a description. */
function organisationWords(ctx: AnalysisContext): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const dictionary = ctx.segmenter?.dictionaryWordsTagged?.('nt');
  if (!dictionary) {
    // a segmenter that cannot list its dictionary (a test's fake): tag every clause
    for (let i = 0; i < ctx.clauseCount; i++) {
      for (const w of ctx.taggedWordsOfClause(i) ?? []) if (w.tag === 'nt' && isOrganisationWord(w.word)) out.push(w);
    }
    return out;
  }
  let trie = organisationTries.get(dictionary);
  if (!trie) organisationTries.set(dictionary, (trie = new ReversedWords(dictionary.filter(isOrganisationWord))));
  for (const at of trie.occurrences(ctx.text)) {
    const word = ctx.taggedWordAt(at.start);
    if (word && word.start === at.start && word.end === at.end && word.tag === 'nt') out.push(at);
  }
  return out;
}

/** Keeps the best of overlapping candidates: longer (a hierarchical name over its parent), then higher priority, then earlier. */
function resolveOverlaps(candidates: Candidate[], blocked: Array<{ start: number; end: number }>): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  // occupancy by offset keeps this linear in the covered length, not quadratic in the candidates
  let end = 0;
  for (const x of blocked) end = Math.max(end, x.end);
  for (const x of candidates) end = Math.max(end, x.end);
  const taken = new Uint8Array(end);
  for (const b of blocked) taken.fill(1, b.start, b.end);
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export const orgRecognizer: EntityRecognizer = {
  id: 'org',
  description: msg(
    '机构：全称、中央机关与简称（市人社局 → 重庆市人力资源和社会保障局）',
    'Organisations: full names, central bodies and abbreviations (市人社局 → 重庆市人力资源和社会保障局)',
  ),
  recognize,
};
