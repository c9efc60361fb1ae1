/**
 * Finding organisation names by rule, without the segmenter: a name ends in an institutional suffix
 * (学院, 有限公司, 委员会, 人民政府...) or in a government body (人力资源和社会保障局, 人社局, 教委...), and
 * begins where the words before it stop being part of it: at punctuation, a space, a function word or a
 * verb (支持, 印发, 依托...), and, when a place is named inside, at the first place (支持重庆工业职业技术学院
 * → 重庆工业职业技术学院). Hierarchical names (北京师范大学中国社会管理研究院, 国网重庆市电力公司市南供电
 * 分公司) stay whole; two names side by side (重庆五一技师学院同重庆长安汽车公司) are cut apart.
 */
import { HAN } from '../text';
import { REGIONS } from './regions';

/** Suffixes that end an institution's name, longest first. */
const INSTITUTION_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '职业技术学院',
  '人民政府',
  '有限公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
  '委员会',
  '办公室',
  '办公厅',
  '研究院',
  '研究所',
  '科学院',
  '工程院',
  '设计院',
  '检察院',
  '法院',
  '医院',
  '技师学院',
  '学院',
  '大学',
  '技工学校',
  '学校',
  '中学',
  '小学',
  '幼儿园',
  '中心',
  '协会',
  '学会',
  '联合会',
  '基金会',
  '银行',
  '总工会',
  '工会',
  '联盟',
  '政府',
  '总局',
].sort((a, b) => b.length - a.length);

/** Bodies of government named with one-character suffixes (局, 厅, 委, 部, 署): full and abbreviated forms. */
const GOVERNMENT_BODIES = [
  '人力资源和社会保障局',
  '人力资源和社会保障厅',
  '人力资源社会保障局',
  '人力资源社会保障厅',
  '人力资源社会保障部',
  '人力资源和社会保障部',
  '经济和信息化委员会',
  '经济和信息化局',
  '经济和信息化厅',
  '发展和改革委员会',
  '教育委员会',
  '卫生健康委员会',
  '住房和城乡建设委员会',
  '住房和城乡建设厅',
  '住房和城乡建设局',
  '农业农村委员会',
  '市场监督管理局',
  '规划和自然资源局',
  '文化和旅游发展委员会',
  '社会保障局',
  '人力社保局',
  '教育局',
  '教育厅',
  '教育部',
  '财政局',
  '财政厅',
  '财政部',
  '公安局',
  '公安厅',
  '民政局',
  '民政厅',
  '统计局',
  '税务局',
  '科技局',
  '科技厅',
  '商务厅',
  '商务局',
  '审计局',
  '医保局',
  '人社局',
  '人社厅',
  '社保局',
  '教委',
  '经信委',
  '经信局',
  '经信厅',
  '发改委',
  '卫健委',
  '住建委',
  '住建局',
  '住建厅',
  '国资委',
  '文旅委',
  '市场监管局',
  '规自局',
  '工信部',
  '人社部',
].sort((a, b) => b.length - a.length);

/** Suffixes after which a longer, hierarchical name may continue (集团 → 集团重庆青山工业有限责任公司). */
const PARENT_SUFFIXES = /(?:集团|公司|大学|研究院|科学院|总局)$/;

/** Characters that never occur inside a name in running text: function words and clause words. */
const STOP_CHARS = new Set(
  '的了在由是为对将向从把被让等也并及或即跟给于其该这那每如据获按又还已就要我你他她它们各有以个到则、，。；：？！“”‘’（）《》〔〕【】()[]—…·「」『』,.;:?!"\'',
);

/** Words that end the text before a name: verbs and phrases that introduce one. */
const STOP_WORDS = [
  '印发',
  '组织',
  '依托',
  '牵头',
  '联合',
  '支持',
  '推动',
  '参加',
  '举办',
  '成立',
  '认定',
  '评为',
  '授予',
  '入选',
  '加入',
  '建立',
  '开展',
  '实施',
  '发布',
  '指导',
  '来自',
  '位于',
  '走进',
  '进入',
  '前往',
  '委托',
  '携手',
  '联手',
  '配合',
  '协助',
  '会同',
  '通过',
  '提供',
  '获得',
  '荣获',
  '作为',
  '包括',
  '其中',
  '目前',
  '同时',
  '此外',
  '以及',
  '分别',
  '全市',
  '全省',
  '全国',
  '全区',
  '我市',
  '我省',
  '相关',
  '有关',
  '所有',
  '部分',
  '一批',
  '多所',
  '多家',
  '共建',
  '合作',
  '领导下',
  '主办',
  '承办',
  '协办',
  '带领',
  '介绍',
  '表示',
  '记者',
  '来到',
  '按照',
  '依照',
  '遵照',
  '参照',
  '对照',
  '经过',
  '由于',
  '对于',
  '关于',
  '为了',
  '据悉',
  '健全',
  '促进',
  '完善',
  '加快',
  '改革',
  '考虑',
  '帮助',
  '推进',
  '鼓励',
  '深化',
  '落实',
  '引导',
  '强化',
  '着力',
  '化解',
  '形成',
  '依靠',
  '打造',
  '发展',
  '当前',
  '相应',
  '密切',
  '积极',
  '围绕',
  '有序',
  '改善',
  '分类',
  '纳入',
  '享受',
  '感受',
  '融入',
  '参与',
  '扩大',
  '规范',
  '提升',
  '提高',
  '培养',
  '面向',
  '立足',
  '结合',
  '联系',
  '负责',
  '构建',
  '组建',
  '建设',
  '同',
  '与',
  '和',
];

/** Places a name may start with: provinces (full and short), the country, national bodies. */
const PLACE_STARTS = [...new Set([...REGIONS.flatMap((r) => [r.name, r.short]), '中国', '中华', '国家', '国网', '全国'])].sort(
  (a, b) => b.length - a.length,
);

/** Descriptors that make a generic noun, not a name, when nothing else precedes the suffix: 技工学校, 该公司. */
const GENERIC_WORDS =
  /^(?:技工|职业|高职|中职|高等|普通|重点|示范|培训|高级|技师|民办|公办|合作|企业|龙头|国有|知名|中小|骨干|优质|一流|国家级|省级|市级|区级|县级|本|该|全|相关|国内|外资|上市|社会|服务|研发|实训|技能|大师|工作|教学|鉴定|评价|区县|各类|中外|公益|专业|数据|创新|孵化|指挥|运营|管理|科研|行政|职业院校|院校|产业|二级|现代|行业|上市|科技|社区|城镇|乡村|乡镇|寄宿制|小规模|高中阶段|研究型|综合|工科|高水平|技工教育|职业教育|区域性|子|母|分|总|大|小|新|老|一|两|三|四|五|六|七|八|九|十|几|多|这|那|此|所|个|家|名|批)*$/;

const MAX_NAME = 30;
const HAN_AT = new RegExp(`[${HAN}]`);

/** A name found by rule: its span and what ended it. */
export interface NameSpan {
  start: number;
  end: number;
  /** The suffix or government body that ends it. */
  suffix: string;
  /** Whether a place starts it (or is named in it): such names are trusted most. */
  anchored: boolean;
}

/** Whether the text just before `at` ends a name (…学院|同…): a cut point for side-by-side names. */
function endsName(text: string, at: number): boolean {
  for (const suffix of INSTITUTION_SUFFIXES) if (text.endsWith(suffix, at)) return true;
  for (const body of GOVERNMENT_BODIES) if (text.endsWith(body, at)) return true;
  return false;
}

/** The start of the name that ends at `suffixStart + suffix`, or -1 when only the bare suffix is there. */
function leftBoundary(text: string, suffixStart: number): number {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < MAX_NAME) {
    const ch = text[start - 1]!;
    if (!HAN_AT.test(ch) || STOP_CHARS.has(ch)) break;
    // 和 joins the words of one body (人力资源和社会保障局) but not two names (教育部和人社部)
    if (ch === '和' && endsName(text, start - 1)) break;
    // a name ending right before this one: cut, unless it is a parent of this one
    if (start < suffixStart && endsName(text, start) && !PARENT_SUFFIXES.test(text.slice(Math.max(0, start - 3), start))) break;
    start--;
  }
  return start;
}

/** The position after the last stop word in `[from, to)`, or `from`. */
function afterLastStopWord(text: string, from: number, to: number): number {
  let cut = from;
  const window = text.slice(from, to);
  for (const word of STOP_WORDS) {
    for (let w = window.indexOf(word); w >= 0; w = window.indexOf(word, w + 1)) {
      const i = from + w;
      // 和 inside a body name (…资源和社会…) is not a stop: only where a name ends before it
      if (word === '和' && !endsName(text, i)) continue;
      if (word === '同') {
        if (!endsName(text, i) && i !== from) continue;
      }
      if (i + word.length > cut) cut = i + word.length;
    }
  }
  return cut;
}

/** The first place name inside `[from, to)`, or -1. */
function firstPlace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    for (const place of PLACE_STARTS) if (text.startsWith(place, i) && i + place.length < to) return i;
  }
  return -1;
}

/** Whether a place level marker (省, 市, 区, 县, 州, 新区...) is named before the body: 两江新区社会保障局. */
function hasPlaceLevel(text: string, from: number, to: number): boolean {
  return /[省市区县州镇乡]/.test(text.slice(from, to));
}

/** Names ending in an institutional suffix or a government body, found by rule. */
export function findNameSpans(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  const alternation = [...INSTITUTION_SUFFIXES, ...GOVERNMENT_BODIES].sort((a, b) => b.length - a.length).join('|');
  const pattern = new RegExp(alternation, 'g');
  for (const m of text.matchAll(pattern)) {
    const suffixStart = m.index;
    const end = suffixStart + m[0].length;
    // a suffix that continues into a longer suffix or body (公司 in 公司市南供电分公司 is found again later)
    const isBody = GOVERNMENT_BODIES.includes(m[0]);
    let start = leftBoundary(text, suffixStart);
    // a two-character word cut by its first character (按|照) is still a stop word
    start = Math.max(start, afterLastStopWord(text, Math.max(0, start - 1), suffixStart));
    const place = firstPlace(text, start, suffixStart);
    if (place >= 0) start = place;
    const anchored = place >= 0 || hasPlaceLevel(text, start, suffixStart);
    const name = text.slice(start, end);
    const body = text.slice(start, suffixStart);
    if (isBody) {
      // 教育部, 人社局 alone are names; with a prefix the prefix must look like a place or level (市, 北碚区)
      if (body.length > 0 && !anchored) start = suffixStart;
    } else {
      if (body.length === 0) continue;
      if (!anchored && (GENERIC_WORDS.test(body) || name.length < 4)) continue;
    }
    out.push({ start, end, suffix: m[0], anchored });
  }
  return out;
}
