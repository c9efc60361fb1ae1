/**
 * What a figure counts, where the text states it just before the figure: 在校生规模 9.9万人 → 在校生规模,
 * 全市技工院校51所 → 技工院校, 占技能人才总数的 27.3% → 技能人才总数. A heuristic over the Han
 * characters that precede the figure in its clause: linking verbs (达到, 为, 共有...) are dropped from its
 * end, scope words and verbs (全市, 其中, 建成, 拥有...) from its start. With the segmenter loaded the
 * subject starts on a word boundary.
 */
import type { AnalysisContext } from '../context';
import { isHanAt } from '../text';

const MAX_SUBJECT = 10;
const MIN_SUBJECT = 2;
/** After a figure the phrase may run longer: 100个左右国家级教师发展示范基地. */
const MAX_SUBJECT_AFTER = 12;

const TRAILING_LINKS =
  /(?:的|长期|始终|一直|持续|名义|实际|同比|环比|比上年同期|较上年同期|比上年|较上年|保持在|保持|稳定在|控制在|维持在|达到|达|为|是|有|共有|共计|共|总计|合计|累计|约|预计|计|已|均|增至|增加到|增加了|增加|增长了|增长|新增|突破|提高到|提高了|提高|提升至|提升到|提升|升至|降至|下降了|下降|上涨|上升|回落|下跌|回升|减少了|减少|超过|逾|近|占比|占|分别|各|每人每月|每人每年|每户每年|每月|每人|每年|年均|总数达|最高可达|最高达|可达|多达|高达|仅|已达|就有|就|还有|又有|只有|了|在|到|至)$/;
/**
 * Words that end in a qualifier's character but are not one: 最近 (recent), 附近 (nearby), 赶超 (catch up),
 * 签约 (signed up), 节约 (saved). A figure after them is exact, and they belong to its subject (重点人群签约
 * 1495.7万人 counts 重点人群签约). The lookbehinds keep the qualifier where the character before it only ends
 * another word: 春节约300万人次 is 春节 + 约, 编制约200名 编制 + 约, 两条约5公里 条 + 约, 办公约9平方米 办公 + 约.
 */
export const WORD_NOT_QUALIFIER =
  /(?:最近|附近|亲近|靠近|临近|邻近|相近|贴近|就近|走近|挨近|凑近|迫近|远近|赶超|高超|签约|预约|契约|违约|履约|续约|缔约|毁约|邀约|纽约|隐约|(?<![春季环章关细])节约|(?<![编控体机研限])制约|(?<![\d一二两三四五六七八九十几每])条约|(?<!办)公约)$/;

const LEADING_SCOPE =
  /^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|同时|另外|此外|全镇|全乡|全村|实施|推进|启动|落实|力争|确保|争取|预计|其中|全市|全省|全区|全县|全国|全年|我市|我省|我区|我县|本市|本省|该市|该校|目前|现有|共有|共计|总计|合计|共(?!享|同|青团)|累计|已|并|和|及|与|还|又|用于|建成|建有|建设|拥有|申请|培养|培训|新增|获得|获|开设|设有|成立|组建|举办|开展|实现|完成|带动|吸引|引进|招收|招生|覆盖|涉及|参加|参与|帮助|惠及|服务(?!业|费|贸易|收入|外包)|达到|占|对(?!外|口|象)|将|使(?!用)|让|有(?!效|关|限|机|色|线|序|偿|形|益|利|力|害|毒|声))/;
// (有效灌溉面积, 服务业增加值: the lookaheads keep a scope word that starts a longer word; asking the segmenter
// instead cost a cut of every subject's clause)

/**
 * Verbs of making, choosing or funding: when the text before a figure ends in one (建成1所高水平高职院校,
 * 遴选500家左右产教融合型企业), what is counted is named after the figure's unit, not before it.
 */
const ACTIONS =
  '建成|建设|新建|建立|打造|培育|培养|遴选|认定|办好|支持|资助|设立|组建|开设|完成|创建|评选|扶持|命名|新增|认证|挂牌|布局|建好|办成|立项|授牌';
const ACTION_BEFORE_FIGURE = new RegExp(`(?:${ACTIONS})$`);
/** 累计建成: an action alone, which names nothing. */
const ONLY_ACTION = new RegExp(`^(?:${ACTIONS})$`);
/** What ends the noun phrase after a figure: a conjunction, a possessive, a list mark. */
const AFTER_FIGURE_STOP = /[的和及与或、等]/;

/**
 * The subject of the figure whose words end at `end` (before any qualifier), or undefined. `after` is
 * where the figure (with its unit and qualifier) ends: when the text before it is only an action
 * (建成1所, 遴选500家左右), the noun phrase from there names what is counted. `floor` is where the figure
 * before this one ends: its unit and qualifier are not this one's subject.
 */
export function extractSubject(ctx: AnalysisContext, text: string, end: number, after?: number, floor = 0): string | undefined {
  const before = subjectBefore(ctx, text, end, floor);
  if (after === undefined || (before !== undefined && !ACTION_BEFORE_FIGURE.test(before))) return before;
  if (before === undefined && !ACTION_BEFORE_FIGURE.test(text.slice(Math.max(0, end - 4), end))) return before;
  const named = subjectAfter(ctx, text, after);
  if (named) return named;
  // 累计建成23.1万个: an action alone names nothing
  return before === undefined || ONLY_ACTION.test(before) ? undefined : before;
}

/** A scope alone (全国60周岁及以上): where, not what is counted. */
const SCOPE_ONLY = /^(?:全市|全省|全区|全县|全国|全年|我市|我省|我区|我县|本市|本省|该市)$/;

/** Comparisons that qualify a change rather than name what changed (同比增长9.8%). */
const COMPARISON_ONLY = /^(?:同比|环比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|比上年末|较上年末|比年初|较年初)$/;

/** Verbs that end the noun phrase after a figure: 遴选200所学校开展试点 counts 学校. */
const VERB_AFTER_SUBJECT = /开展|进行|实施|参加|参与|用于|作为|承担|推进|纳入|给予|获得|达到|实现|开设|建设/;

/** The noun phrase right after a figure (高水平高职院校 in 建成1所高水平高职院校，), or undefined. */
function subjectAfter(ctx: AnalysisContext, text: string, after: number): string | undefined {
  let end = after;
  while (end < text.length && end - after < MAX_SUBJECT_AFTER && isHanAt(text, end) && !AFTER_FIGURE_STOP.test(text[end]!)) end++;
  const verb = VERB_AFTER_SUBJECT.exec(text.slice(after, end));
  if (verb && verb.index >= MIN_SUBJECT) end = after + verb.index;
  // cut short mid-phrase: end on a word boundary when the text is segmented
  if (end - after === MAX_SUBJECT_AFTER && isHanAt(text, end) && ctx.segmenter) {
    const word = ctx.wordAt(end);
    if (word && word.start < end) end = word.start;
  }
  return end - after >= MIN_SUBJECT ? text.slice(after, end) : undefined;
}

/**
 * Possessive verbs and what an actor achieves (共有, 实现...): the subject is what follows the last one. One
 * global expression stepped with test, as matchAll on a literal cost a new expression and its copy per figure.
 */
const POSSESSIVE = /(?:共有|拥有|现有|建成|建有|新增|累计|其中|全市|全省|全区|全县|全国|实现|完成)/g;

/** A line break inside a paragraph, with the spaces before it: what a narrow column puts inside a phrase. */
const INNER_BREAK_BEFORE = /[ \t\u3000]*\r?\n$/;

function subjectBefore(ctx: AnalysisContext, text: string, end: number, floor: number): string | undefined {
  // the Han characters before the figure, across a narrow column's line breaks (失业保⏎险稳岗返还资金): `origin`
  // holds each one's offset in the text
  const origin: number[] = [];
  let start = end;
  while (start > floor && end - start < MAX_SUBJECT * 2) {
    if (isHanAt(text, start - 1)) {
      origin.push(--start);
      continue;
    }
    const brk = origin.length > 0 ? INNER_BREAK_BEFORE.exec(text.slice(Math.max(0, start - 4), start)) : null;
    if (!brk || !isHanAt(text, start - brk[0].length - 1)) break;
    start -= brk[0].length;
  }
  origin.reverse();
  let subject = origin.length === end - start ? text.slice(start, end) : origin.map((at) => text[at]).join('');
  // 2023年全镇蔬菜产业总产值: the 年 of a date before it is no part of the subject
  if (/^[年月日号]/.test(subject) && /[0-9０-９]/.test(text[start - 1] ?? '') && subject.length > MIN_SUBJECT) {
    subject = subject.slice(1);
    origin.shift();
  }
  // where the subject ends among those characters, once the linking words after it are dropped (for snapToWord)
  let subjectEnd = origin.length;
  for (let guard = 0; guard < 4; guard++) {
    // 签约, 附近: their 约 and 近 are no linking words
    if (WORD_NOT_QUALIFIER.test(subject)) break;
    const trimmed = subject.replace(TRAILING_LINKS, '');
    if (trimmed === subject) break;
    // 才达到 375万人: nothing but a linking word precedes the figure
    if (trimmed.length < MIN_SUBJECT) return undefined;
    subjectEnd -= subject.length - trimmed.length;
    subject = trimmed;
  }
  // the subject is the last noun phrase: after the last 的 it names what is counted (…总数的 27.3% excepted above)
  const lastDe = subject.lastIndexOf('的');
  if (lastDe >= 0 && subject.length - lastDe - 1 >= MIN_SUBJECT) subject = subject.slice(lastDe + 1);
  // 广州市共有中职学校在校生: what follows a possessive verb is the subject, whatever names the place before it
  // 工业企业实现营业收入: what an actor achieved (实现, 完成) is what is counted
  let cut = -1;
  POSSESSIVE.lastIndex = 0;
  // test resets lastIndex to 0 when no match is left
  while (POSSESSIVE.test(subject)) cut = POSSESSIVE.lastIndex;
  if (cut > 0 && subject.length - cut >= MIN_SUBJECT) subject = subject.slice(cut);
  for (let guard = 0; guard < 3; guard++) {
    const trimmed = subject.replace(LEADING_SCOPE, '');
    if (trimmed === subject || trimmed.length < MIN_SUBJECT) break;
    subject = trimmed;
  }
  if (subject.length > MAX_SUBJECT) {
    subject = snapToWord(ctx, origin.slice(subjectEnd - subject.length, subjectEnd), subject, MAX_SUBJECT);
    // 外商及港澳台商投资企业 cut to its last ten characters (商及港澳台商投资企业, or 及港澳… on a word
    // boundary): a conjunction left in front, and the fragment before it, join nothing
    subject = subject.replace(/^[^及和与或、]?[及和与或、]/, '');
  }
  if (subject.length < MIN_SUBJECT || COMPARISON_ONLY.test(subject) || SCOPE_ONLY.test(subject)) return undefined;
  return subject;
}

/**
 * Keeps at most `max` trailing characters of `subject`, starting on a word boundary when the text is
 * segmented. `origin` holds the offset in the text of each character of the subject.
 */
function snapToWord(ctx: AnalysisContext, origin: readonly number[], subject: string, max: number): string {
  const first = subject.length - max;
  if (!ctx.segmenter) return subject.slice(first);
  // the first word starting at or after the earliest character kept: the word there, or the one after it
  const earliest = origin[first]!;
  const word = ctx.wordAt(earliest);
  if (!word || word.start === earliest) return subject.slice(first);
  let k = first;
  while (k < subject.length && origin[k]! < word.end) k++;
  return subject.slice(k);
}
