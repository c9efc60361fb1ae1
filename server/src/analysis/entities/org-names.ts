/**
 * Finding organisation names by rule, without the segmenter: a name ends in an institutional suffix
 * (学院, 有限公司, 委员会, 人民政府...) or in a government body (人力资源和社会保障局, 人社局, 教委...), and
 * begins where the words before it stop being part of it: at punctuation, a space, a function word or a
 * verb (支持, 印发, 依托...), and, when a place is named inside, at the first place (支持重庆工业职业技术学院
 * → 重庆工业职业技术学院). Hierarchical names (北京师范大学中国社会管理研究院, 国网重庆市电力公司市南供电
 * 分公司) stay whole; two names side by side (重庆五一技师学院同重庆长安汽车公司) are cut apart.
 */
import { isHanAt } from '../text';
import { Literals } from './literals';
import { REGIONS } from './regions';

/** Suffixes that end an institution's name, longest first. */
const INSTITUTION_SUFFIXES = [
  // customs offices (合肥海关), flood and drought headquarters (省防汛抗旱指挥部), village and town party bodies
  '海关',
  '总指挥部',
  '指挥部',
  '党总支',
  '党支部',
  '党工委',
  '党委',
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
  '管理委员会',
  '管委会',
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
  // township and village clinics, traditional medicine hospitals (湘潭县卫生院, 某某镇卫生院, 株洲市中医院)
  '卫生院',
  '卫生所',
  '卫生室',
  '中医院',
  // survey teams of the statistics bureau, fire and police units (国家统计局株洲调查队, 市消防救援支队)
  '调查队',
  '支队',
  '总队',
  '技师学院',
  '中心校',
  '学院',
  '大学',
  '技工学校',
  '学校',
  '中小学',
  '中学',
  '小学',
  '幼儿园',
  '中心',
  '协会',
  '学会',
  '联合会',
  '基金会',
  '银行',
  // branches of banks and of the financial regulators under their head office (中国人民银行长沙中心支行,
  // 国家金融监督管理总局湖南监管局)
  '中心支行',
  '分行',
  '支行',
  '监管局',
  '监管分局',
  // branches of a bureau (杭州市生态环境局萧山分局, 县生态环境分局, 市公安局交警支队) and the police's
  // traffic bureaus (省公安厅交通管理局)
  '分局',
  '交通管理局',
  // a country's missions abroad and a government's offices elsewhere (中国驻美国大使馆, 省政府驻北京办事处)
  '大使馆',
  '总领事馆',
  '领事馆',
  '办事处',
  '总工会',
  '工会',
  '联盟',
  '政府',
  '总局',
].sort((a, b) => b.length - a.length);

/**
 * Abbreviated bodies that may follow a bare region name (重庆人社, 四川人社厅) or a place or level
 * (市人社局, 北碚区教委): unambiguous, unlike 财政 or 交通.
 */
export const REGION_BODY_ABBREVIATIONS: readonly string[] = [
  '人力社保局',
  '人社局',
  '人社厅',
  '人社',
  '教委',
  '经信委',
  '经信局',
  '经信厅',
  '发改委',
  '发展改革委',
  '卫健委',
  '住建委',
  '住建厅',
  '住建局',
  '国资委',
  '文旅委',
  '社保局',
  '市场监管局',
  '规自局',
];

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
  '住房和城乡建设部',
  '住房城乡建设部',
  '住房城乡建设厅',
  '住房城乡建设局',
  '建设局',
  '农业农村委员会',
  '市场监督管理局',
  '规划和自然资源局',
  '文化和旅游发展委员会',
  '社会保障局',
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
  // the health departments' names before 2018, still in older documents
  '卫生局',
  '卫生厅',
  '工信部',
  '人社部',
  // the departments of provincial, city and county governments (and their ministries), as policy texts
  // name them: 省发展改革委, 市交通运输局, 省工业和信息化厅, 省通信管理局
  '发展改革委',
  '发展和改革局',
  '发展改革局',
  '工业和信息化厅',
  '工业和信息化局',
  '工业和信息化部',
  '工信厅',
  '工信局',
  '科学技术厅',
  '科学技术局',
  '科学技术部',
  '科技部',
  '公安部',
  '民政部',
  '司法厅',
  '司法局',
  '司法部',
  '自然资源厅',
  '自然资源局',
  '自然资源部',
  '生态环境厅',
  '生态环境局',
  '生态环境部',
  '住房和城乡建设部',
  '住房城乡建设厅',
  '住房城乡建设局',
  '住建部',
  '交通运输厅',
  '交通运输局',
  '交通运输部',
  '交通运输委员会',
  '交通局',
  '水利厅',
  '水利局',
  '水利部',
  '水务局',
  '农业农村厅',
  '农业农村局',
  '农业农村部',
  '农业农村委',
  '商务部',
  '文化和旅游厅',
  '文化和旅游局',
  '文化和旅游部',
  '文旅厅',
  '文旅局',
  '卫生健康委',
  '卫生健康局',
  '卫生健康厅',
  '卫健局',
  '退役军人事务厅',
  '退役军人事务局',
  '退役军人事务部',
  '应急管理厅',
  '应急管理局',
  '应急管理部',
  '审计厅',
  '审计署',
  '国有资产监督管理委员会',
  '市场监督管理厅',
  '市场监管厅',
  '医疗保障局',
  '体育局',
  '林业局',
  '林业和草原局',
  '粮食和物资储备局',
  '能源局',
  '乡村振兴局',
  '信访局',
  '机关事务管理局',
  '大数据局',
  '大数据发展管理局',
  '数据局',
  '地方金融监督管理局',
  '地方金融监管局',
  '金融监管局',
  '通信管理局',
  '邮政管理局',
  '气象局',
  '水文局',
  '地震局',
  '药品监督管理局',
  '药监局',
  '知识产权局',
  '广播电视局',
  '新闻出版局',
  '外事办公室',
  '发展改革委员会',
  '民族宗教事务委员会',
  '民宗委',
  // more departments as provinces and cities name them since the 2018 reform (省林草局, 海南省旅游和文化广电
  // 体育厅, 市城市管理局)
  '林草局',
  '林业和园林局',
  '园林局',
  '园林绿化局',
  '自然资源和规划局',
  '自然资源和规划厅',
  '城乡建设局',
  '住房保障和房产管理局',
  '教育考试院',
  '文化广电和旅游厅',
  '文化广电和旅游局',
  '文化广电旅游局',
  '文广旅局',
  '旅游和文化广电体育厅',
  '旅游发展委员会',
  '城市管理局',
  '城市管理委员会',
  '城管局',
  '综合行政执法局',
  '行政审批局',
  '行政审批服务局',
  '政务服务管理局',
  '政务服务和大数据管理局',
  // the abbreviations above that end like a body (人社 alone does not)
  ...REGION_BODY_ABBREVIATIONS.filter((body) => /[局厅委部署]$/.test(body)),
].sort((a, b) => b.length - a.length);

/** Suffixes after which a longer, hierarchical name may continue (集团 → 集团重庆青山工业有限责任公司). */
const PARENT_SUFFIXES = /(?:集团|公司|大学|研究院|科学院|总局|统计局|银行)$/;

/**
 * Suffixes of a branch, which is named after its parent whatever the parent's suffix: 杭州市生态环境局萧山分局,
 * 市公安局交通警察支队, 中国建设银行湖南省分行.
 */
const BRANCH_SUFFIXES = new Set([
  ...['分局', '监管局', '监管分局', '分行', '支行', '中心支行', '支队', '总队', '分公司', '调查队', '交通管理局'],
  ...['大使馆', '总领事馆', '领事馆', '办事处'],
]);

/**
 * Parents known by a short form, that a branch names before its place (武警湖南总队, 证监会湖南监管局,
 * 人行长沙中心支行): the branch's name starts at the parent, not at the place.
 */
const SHORT_PARENT_BEFORE = /(?:武警|证监会|银保监会|银监会|保监会|人行|海关|税务)$/;

/** Whether the place at `at` is where a government named right before 驻 sends its office: 中国驻|美国大使馆. */
function sentByGovernment(text: string, at: number): boolean {
  return text[at - 1] === '驻' && (endsName(text, at - 1) || PLACES.longestEndingAt(text, at - 1) !== undefined);
}

/** Characters that never occur inside a name in running text: function words and clause words. */
const STOP_CHARS = new Set(
  '的了在由经是为对将向从把被让等也并及或即跟给于其该这那每如据获按又还已就要我你他她它们各有以个到则距赴更最报、，。；：？！“”‘’（）《》〔〕【】()[]—…·「」『』,.;:?!"\'',
);

/** Words that end the text before a name: verbs and phrases that introduce one. */
const STOP_WORDS = [
  '印发',
  // （以下简称市政府办公厅）: the words that introduce a short name are no part of it
  '以下简称',
  '简称',
  '下称',
  // a document's title ends in its genre: 杭州市国民经济和社会发展统计公报 above 杭州市统计局 is no name
  // across the line break
  '公报',
  '通知',
  '通报',
  '通告',
  '公告',
  '意见',
  '方案',
  '报告',
  '决定',
  '纲要',
  '办法',
  '条例',
  '细则',
  '批复',
  // 我国驻美国大使馆: a country referred to, not named
  '我国',
  '各国',
  // 各地住房公积金管理中心: every place's, not one
  '各地',
  // time before a name: 收到本决定书之日起六十日内向杭州市人民政府申请, 此前省政府发布
  '之日起',
  '日内',
  '此前',
  '此后',
  '以来',
  // where money goes: 缴至指定银行账户
  '缴至',
  '缴入',
  '存入',
  '汇入',
  '本国',
  // documents go up or out to a body (抄报市政府办公室): the segmenter takes 抄报 for a noun
  '抄报',
  // 我代表市人民政府: a noun to the segmenter too
  '代表',
  '抄送',
  '报送',
  '上报',
  '呈报',
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
  // 新建改扩建中小学: building work done to schools of a kind (新建 alone stays: 南昌市新建区)
  '改扩建',
  '扩建',
  '改建',
  '影响',
  '扩大',
  '切合',
  '符合',
  '适合',
  '一家',
  '一所',
  '两家',
  '两所',
  '几家',
  '同',
  '与',
  '和',
];

/** Places a name may start with: provinces (full and short), the country, national bodies. */
const PLACE_STARTS = [...new Set([...REGIONS.flatMap((r) => [r.name, r.short]), '中国', '中华', '国家', '国网', '全国'])].sort(
  (a, b) => b.length - a.length,
);

/**
 * Kinds of place, not places: how a document addresses every city or county at once (各设区市, 县市区,
 * 市州, 区县, 旗县). Not names, not a place before a body, and after 各 a body of every such place.
 */
const PLACE_KINDS = '设区的?市|直辖市|县市区|市州|区县|县区|旗县';

/** Descriptors that make a generic noun, not a name, when nothing else precedes the suffix: 技工学校, 该公司. */
const GENERIC_WORDS = new RegExp(
  `^(?:${PLACE_KINDS}|技工|职业|高职|中职|商业|银行|高等|普通|重点|示范|培训|高级|技师|民办|公办|合作|企业|龙头|国有|知名|中小|骨干|优质|一流|国家级|省级|市级|区级|县级|本|该|全|相关|国内|外资|上市|社会|服务|研发|实训|技能|大师|工作|教学|鉴定|评价|各类|中外|公立|民营|私立|一级|三级|未定级|级|专科|卫生服务|社区卫生服务|疾病预防控制|交叉学科|学科|世界|公益|专业|数据|创新|孵化|指挥|运营|管理|科研|行政|职业院校|院校|产业|二级|现代|行业|科技|社区|城镇|乡村|乡镇|村|村级|寄宿制|小规模|高中阶段|研究型|综合|工科|高水平|技工教育|职业教育|区域性|特殊|特殊教育|国外|境外|海外|国际|外国|各级|各|中等|初级|中级|特色|品牌|新型|重要|先进|示范性|标准化|部门|单位|企事业单位|职能部门|属地|中职教育|委属|部属|省属|市属|区属|县属|直属|公共|领域|数字|地方|基层|城市|农村|城乡|本科|高中|初中|义务教育|义务教育阶段|阶段|指定|年度|本年度|上年度|普惠|普惠性|成果|转化|成果转化|算力|游客|展示|体验|交流|交易|物流|检测|检验|调度|会展|健康|康复|养老|托育|便民|党群|网格|应急|救助|志愿|学前|子|母|分|总|大|小|新|老|一|两|三|四|五|六|七|八|九|十|几|多|这|那|此|所|个|家|名|批)*$`,
);

const MAX_NAME = 30;

const SUFFIXES = new Literals([...INSTITUTION_SUFFIXES, ...GOVERNMENT_BODIES]);
const BODIES = new Set(GOVERNMENT_BODIES);
const STOPS = new Literals(STOP_WORDS);
const PLACES = new Literals(PLACE_STARTS);

/**
 * Words that contain a stop character or a stop word yet belong to names (华为, 中国建设银行, 对外经济贸易
 * 大学, 中国有色金属工业协会): without the segmenter these are the only ones protected; with it, any
 * noun the segmenter finds over a stop character is (see `WordHints.insideNoun`).
 */
export const NAME_WORDS_WITH_STOPS = [
  '华为',
  // 政协 is no 协办 (市政协办公厅)
  '政协',
  // the stop word 代表 inside names
  '人民代表大会',
  '代表大会',
  '代表团',
  '代表处',
  // 报 ends the text before a name (情况报省人民政府, 抄报市政府办公室) but belongs to these words of one
  '日报',
  '晚报',
  '时报',
  '商报',
  '报社',
  '报业',
  '报刊',
  '学报',
  '画报',
  '情报',
  // 经 ends a name in 经省人民政府同意 but begins these words of one
  '经济',
  '经信',
  '经开',
  '经贸',
  '经管',
  '经营',
  '经侦',
  '建设银行',
  '对外经济贸易',
  '对外友好',
  '有色金属',
  '以色列',
  '发展研究',
  '合作组织',
  '为民',
  '和平',
  '数据',
  '就业',
  '给排水',
  '从化',
  '于都',
  '个旧',
  '将乐',
];

/** Words that describe a city's or region's role in a plan (西部金融中心, 国际消费中心), not an institution. */
const ROLE_BEFORE_CENTRE =
  /(?:经济|金融|制造业|贸易|商贸|航运|物流|消费|科技创新|科创|创新|文化|旅游|会展|交通|门户|枢纽|数据|结算|航空|信息)$/;
/** What may precede such a role: places in a general sense and descriptors (国家重要, 长江上游地区, 西部). */
const ROLE_DESCRIPTORS =
  /^(?:国际|国家|全国|全球|世界|区域性?|西部|东部|中部|西南|西北|东北|东南|华南|华北|华东|华中|重要|先进|现代|综合性?|新兴|一流|性|级)*$/;
/** Words with a level character that are not places: 地区, 社区, 市级, 上市, 城镇, 乡村, the addressees 县市区 and 市州... */
const NOT_PLACE_WORDS = new RegExp(
  `${PLACE_KINDS}|地区|社区|园区|校区|小区|片区|景区|城区|山区|灾区|辖区|区域|[省市区县]级|城市|超市|上市|股市|市场|市民|城镇|乡镇|乡村|城乡`,
  'g',
);
/** Heads that name a kind of institution rather than one (学校, 大学, 医院...): a place plus a descriptor is a category. */
const CATEGORY_SUFFIXES = new Set([
  '学校',
  '技工学校',
  '中小学',
  '中学',
  '小学',
  '学院',
  '技师学院',
  '职业技术学院',
  '大学',
  '幼儿园',
  '医院',
]);

/** A name found by rule: its span and what ended it. */
export interface NameSpan {
  start: number;
  end: number;
  /** The suffix or government body that ends it. */
  suffix: string;
  /** Whether a place starts it (or is named in it): such names are trusted most. */
  anchored: boolean;
}

/** What the segmenter tells about a text, when it is loaded (org.ts answers from the clauses asked about). */
export interface WordHints {
  /** Whether `offset` is inside a noun that a stop character or stop word must not split (华为, 中国建设银行). */
  insideNoun(offset: number): boolean;
  /** The part-of-speech tag of the word starting at an offset, if a word starts there. */
  tagAt(offset: number): { tag: string; end: number } | undefined;
}

/** Whether the character at an offset is inside a protected noun (a listed word, or WordHints.insideNoun). */
type Guard = (offset: number) => boolean;

/**
 * What may not follow a body's last character for it to end a name: 财政部门 and 教育部署 are "finance
 * departments" and "arrangements", 局面 a situation, 委员 a member, 部长 and 局长 titles.
 */
const NOT_AFTER_BODY: Record<string, string> = { 部: '门署分长队位', 局: '面势部限长', 委: '员托屈', 厅: '堂', 署: '名' };

/** What may stand before a ministry's name in it: 中华人民共和国教育部. */
const MINISTRY_PREFIX = /^(?:中华人民共和国|国家)?$/;

/** What makes 政府 the first half of a compound: 政府采购(法, 网), 政府性基金, 政府间. */
const GOVERNMENT_COMPOUND_AFTER = /^(?:采购|性|间)/;

/** Whether a name ending at `end` (in 部, 局, 委...) is only the start of a longer word there (财政部|门). */
export function endsInsideLongerWord(text: string, end: number): boolean {
  // 政府采购, 政府性基金, 政府间: 政府 is the first half of a compound there
  if (text.startsWith('政府', end - 2) && GOVERNMENT_COMPOUND_AFTER.test(text.slice(end, end + 2))) return true;
  // 《人民法院组织法》, 《国务院组织法》: the name begins a law's title
  if (text.startsWith('组织法', end)) return true;
  const next = text[end];
  return end > 0 && next !== undefined && (NOT_AFTER_BODY[text[end - 1]!] ?? '').includes(next);
}

/** One-character heads of units (专业部, 财务处, 教务科, 办公室 aside): before 和 they end a unit's name. */
const UNIT_HEAD_END = /[部处科室所局厅委院校站队]$/;

/**
 * Bodies of three characters or more that are complete names of their own (民政厅, 财政局, 教育厅), not
 * shortened forms of a longer body (人社局 of 人力资源和社会保障局 is not): a short name ending in one
 * names that body and cannot abbreviate a full name without it.
 */
const COMPLETE_BODIES = new Literals(
  GOVERNMENT_BODIES.filter((body) => {
    if (body.length < 3) return false;
    // 委 shortens 委员会 at the end (发展改革委 of 发展和改革委员会)
    const longerForms = GOVERNMENT_BODIES.filter((longer) => longer.length > body.length).map((longer) => longer.replace(/委员会$/, '委'));
    return !longerForms.some((longer) => longer.endsWith(body[body.length - 1]!) && isSubsequence(body, longer));
  }),
);

function isSubsequence(needle: string, haystack: string): boolean {
  let j = 0;
  for (let i = 0; i < haystack.length && j < needle.length; i++) if (haystack[i] === needle[j]) j++;
  return j === needle.length;
}

/** The complete body a name ends with (省民政厅 → 民政厅), if any. */
export function completeBodyAtEnd(name: string): string | undefined {
  return COMPLETE_BODIES.longestEndingAt(name, name.length);
}

/** Where a government body's name of four characters or more ending at `end` starts (住房和城乡建设局), or -1. */
export function bodyWordStartEndingAt(text: string, end: number): number {
  const word = SUFFIXES.longestEndingAt(text, end);
  return word !== undefined && word.length >= 4 && BODIES.has(word) ? end - word.length : -1;
}

/** Whether a name's suffix may end with this UTF-16 unit (a cheap test before endsName). */
export function mayEndName(unit: number): boolean {
  return SUFFIXES.endsWithUnit(unit);
}

/** Whether the text just before `at` ends a name (…学院|同…): a cut point for side-by-side names. */
export function endsName(text: string, at: number): boolean {
  return SUFFIXES.longestEndingAt(text, at) !== undefined;
}

/** The start of the name that ends at `suffixStart + suffix`, or -1 when only the bare suffix is there. */
function leftBoundary(text: string, suffixStart: number, guard: Guard, branch: boolean): number {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < MAX_NAME) {
    if (!isHanAt(text, start - 1)) break;
    const ch = text[start - 1]!;
    if (STOP_CHARS.has(ch) && !guard(start - 1)) break;
    // 和 joins the words of one body (人力资源和社会保障局) but not two names (教育部和人社部), nor two
    // units whose first ends in a unit's one-character head (专业部和资助中心)
    if (ch === '和' && (endsName(text, start - 1) || UNIT_HEAD_END.test(text.slice(Math.max(0, start - 2), start - 1)))) break;
    // a name ending right before this one: cut, unless it is a parent of this one
    if (start < suffixStart && endsName(text, start) && !branch && !PARENT_SUFFIXES.test(text.slice(Math.max(0, start - 3), start))) break;
    start--;
  }
  return start;
}

/**
 * Whether the stop word of `length` units at an offset lies inside a protected noun. A stop word the
 * segmenter reads as a noun of its own (抄报, 印发 tagged n, nz) is still a stop: only a longer noun over it
 * protects it.
 */
type StopGuard = (offset: number, length: number) => boolean;

/** The position after the last stop word in `[from, to)`, or `from`. */
function afterLastStopWord(text: string, from: number, to: number, guard: StopGuard): number {
  let cut = from;
  for (let i = from; i < to; i++) {
    const word = STOPS.longestAt(text, i);
    // the cheap tests first: the guard may segment a clause
    if (!word || i + word.length > to || i + word.length <= cut) continue;
    // 和 inside a body name (…资源和社会…) is not a stop: only where a name ends before it
    if ((word === '和' || word === '同') && !endsName(text, i) && !(word === '同' && i === from)) continue;
    // 将会同县农业农村局: after 将, 要, 并… a verb is a verb, even where the segmenter reads a place over it (会同县)
    if (guard(i, word.length) && !(VERB_STOPS.has(word) && MODAL_BEFORE.test(text[i - 1] ?? ''))) continue;
    cut = i + word.length;
  }
  return cut;
}

/** Stop words that are verbs of working with a body (会同 is also a county's name: 会同县). */
const VERB_STOPS = new Set(['会同', '联合', '配合', '协助', '委托', '指导']);
/** What puts a verb after it: a modal or an adverb (将会同, 要会同, 并会同, 由…会同). */
const MODAL_BEFORE = /^[将要并应须需拟已由可均特再也还]$/;

/** Whether a stop word starts before `at` and ends after it. */
function straddled(text: string, at: number, guard: StopGuard): boolean {
  for (let i = Math.max(0, at - 3); i < at; i++) {
    const word = STOPS.longestAt(text, i);
    if (word && word.length > 1 && i + word.length > at && !guard(i, word.length)) return true;
  }
  return false;
}

/** The first place name inside `[from, to)`, or -1. */
function firstPlace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const place = PLACES.longestAt(text, i);
    if (place && i + place.length <= to) return i;
  }
  return -1;
}

/** Whether a place level marker (省, 市, 区, 县, 州, 新区...) is named before the body: 两江新区社会保障局, not 地区 or 市级. */
function hasPlaceLevel(text: string, from: number, to: number): boolean {
  return /[省市区县州镇乡]/.test(text.slice(from, to).replace(NOT_PLACE_WORDS, ''));
}

/** Whether `body` is made of descriptors only (技工, 市级优质, 国外知名行业): a kind of institution, not one. */
/** Whether a word is an institutional suffix alone or with descriptors (技师学院, 高级技工学校): a kind, not a name. */
export function isBareHead(word: string): boolean {
  const suffix = SUFFIXES.longestEndingAt(word, word.length);
  return suffix !== undefined && isGeneric(word.slice(0, word.length - suffix.length));
}

export function isGeneric(body: string): boolean {
  return GENERIC_WORDS.test(body);
}

/**
 * Why a candidate that ends in an institutional suffix is not a name, or undefined when it may be one:
 * a coordination whose last member is a bare head (企业和学校, 党和政府), a body "run by" someone
 * (部门办技师学院), a plan's target for a city (西部金融中心), a place with a category (重庆市中职学校).
 */
export function descriptiveReason(name: string, suffix: string, anchored: boolean): string | undefined {
  const body = name.slice(0, name.length - suffix.length);
  if (BODIES.has(suffix) && body === '') return undefined;
  // the last coordinated member decides: 属地监管和学校 is "supervision and schools"
  const conj = Math.max(body.lastIndexOf('和'), body.lastIndexOf('与'), body.lastIndexOf('及'), body.lastIndexOf('或'));
  if (conj >= 0 && isGeneric(body.slice(conj + 1))) return 'coordination';
  if (body.endsWith('办') && !body.endsWith('总办')) return 'run-by';
  if (suffix === '中心') {
    // the last member of a list of targets (国际消费中心城市和西部金融中心)
    const tail = body.slice(conj + 1);
    const role = ROLE_BEFORE_CENTRE.exec(tail);
    if (role) {
      const place = PLACES.longestAt(tail, 0) ?? '';
      const before = tail
        .slice(place.length, tail.length - role[0].length)
        .replace(/^[省市]/, '')
        .replace(/^.{0,6}(?:地区|区域)/, '');
      if (ROLE_DESCRIPTORS.test(before)) return 'plan-target';
    }
  }
  if (anchored && CATEGORY_SUFFIXES.has(suffix)) {
    const place = PLACES.longestAt(body, 0);
    if (place) {
      const rest = body.slice(place.length).replace(/^[省市]/, '');
      // a numeral in it is part of a name (重庆五一技师学院), not a count
      if (rest !== '' && !/[一二三四五六七八九十两]/.test(rest) && (isGeneric(rest) || isGeneric(body))) return 'category';
    }
  }
  return undefined;
}

/** 各 and a level or kind of place right before a body: 各区县, 各省（区、市）, 各设区市. */
const EACH_BEFORE = new RegExp(`各(?:${PLACE_KINDS}|[省市区县乡镇])?(?:[(（][^()（）]{1,8}[)）])?$`);

/** A list of bodies addressed by kind up to a 、 (各市州财政局、 and 各县市区财政局、教育局、). */
const EACH_LIST_BEFORE = new RegExp(
  `各(?:${PLACE_KINDS}|[省市区县乡镇])?(?:[(（][^()（）]{1,8}[)）])?[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12}){0,6}、$`,
);

/** Prepositions and verbs of one character that may stand right before a name. */
const ONE_CHARACTER_PREPOSITION = /[受向由对在于从被将把给请按经]/;

/** One-character verbs and prepositions before a bare level (受省…, 向市…, 由县…): never a name's start. */
const VERB_BEFORE_LEVEL = new RegExp(`^${ONE_CHARACTER_PREPOSITION.source}[省市县区](?!场|民|委员)`);

/** Tags that cannot start a name without a place: adjectives, adverbs, locatives, pronouns, numerals, function words. */
const NOT_NAME_START = /^(?:a|ad|an|s|f|r|m|q|p|c|u|uj|ul|y|e|o|z)$/;

/**
 * Whether what stands before 政府 names a place: a word the segmenter tags so, or two characters alone
 * after a list mark or at a clause's start (巫溪、城口政府: jieba tags many counties nouns, or splits them),
 * other than the nouns of level or kind (地方政府, 基层政府).
 */
function placeWordBefore(text: string, start: number, at: number, hints: WordHints | undefined): boolean {
  if (at - start === 2 && (start === 0 || /[、，,；;：:（(\s]/.test(text[start - 1]!)) && !NOT_PLACE_NOUNS.has(text.slice(start, at)))
    return true;
  if (!hints) return false;
  for (let from = Math.max(start, at - 4); from < at - 1; from++) {
    const word = hints.tagAt(from);
    if (word && word.end === at) return word.tag === 'ns';
  }
  return false;
}

/** Nouns before 政府 that say which level or kind, not where. */
const NOT_PLACE_NOUNS = new Set(['地方', '基层', '当地', '同级', '上级', '下级', '本级', '各级', '全体', '人民', '联邦']);

/** Party bodies of towns, villages and communities. */
const PARTY_BODY = /^(?:党委|党总支|党支部|党工委)$/;
/** What names the place a party body serves. */
const PARTY_PLACE_BEFORE = /(?:村|社区|镇|乡|街道|县|市|区|省)$/;

/** The suffixes of companies, whose brands may open with any word. */
const COMPANY_SUFFIX_WORD = /(?:有限公司|有限责任公司|集团)$/;

/** A count right before a name: 3个, 十余家, 两所. */
const COUNT_BEFORE = /[0-9０-９一二三四五六七八九十百两几多余]+[个家所座批类]$/;

/** A level that starts a name: 省农业农村厅, 市教育局. */
const LEVEL_CHARACTER = /[省市县区]/;
/** Tags of words that name no place (time, numerals, verbs, adverbs, prepositions...): jieba tags places ns, some nouns. */
// (not vn, a or longer d: jieba tags some counties so, 射洪 vn, 大足 d)
const NOT_PLACE_TAG = /^(?:t|m|v|vd|p|c|u|uj|ul|f|r)$/;

/**
 * Where a bare level starts a word after one to four words that name no place (全年|省…, 加挂|省…, 报告|省委),
 * or -1. The segmenter must see the level as a word's start; a place word (珠海市/ns) stops the walk.
 */
function levelAfterOtherWords(start: number, suffixStart: number, text: string, hints: WordHints): number {
  // most names hold no bare level after their first character: no segmentation asked for then; nor when a
  // city's, county's or district's level follows three characters or fewer (杭州市, 铜梁区: a place's name)
  let level = -1;
  for (let i = start + 1; i <= suffixStart && level < 0; i++) if (LEVEL_CHARACTER.test(text[i] ?? '')) level = i;
  if (level < 0 || (text[level] !== '省' && level - start <= 3)) return -1;
  let at = start;
  // jieba tags many counties plain nouns (铜梁 n of 铜梁区): a noun may name the place before 市, 区 or 县,
  // never before 省 (provinces are known by name)
  let sawNoun = false;
  const levelAt = (offset: number): number =>
    offset > start && offset <= suffixStart && LEVEL_CHARACTER.test(text[offset] ?? '') && (!sawNoun || text[offset] === '省')
      ? offset
      : -1;
  for (let steps = 0; steps < 4 && at < suffixStart; steps++) {
    if (at > start && LEVEL_CHARACTER.test(text[at]!)) return levelAt(at);
    const word = hints.tagAt(at);
    if (!word || word.end > suffixStart) return -1;
    if (word.tag === 'n') sawNoun = true;
    else if (!NOT_PLACE_TAG.test(word.tag)) return -1;
    at = word.end;
  }
  // the level may open the body itself (报告|省委)
  return levelAt(at);
}

/** Names ending in an institutional suffix or a government body, found by rule. */
export function findNameSpans(text: string, hints?: WordHints): NameSpan[] {
  const out: NameSpan[] = [];
  const mask = protectedByList(text);
  // the segmenter is asked only where a stop character or word is met, and the list did not protect it
  const guard: Guard = hints ? (offset) => mask[offset] === 1 || hints.insideNoun(offset) : (offset) => mask[offset] === 1;
  const stopGuard: StopGuard = hints
    ? (offset, length) => mask[offset] === 1 || (hints.insideNoun(offset) && hints.tagAt(offset)?.end !== offset + length)
    : (offset) => mask[offset] === 1;
  for (const m of SUFFIXES.matches(text)) {
    const suffixStart = m.index;
    const end = suffixStart + m.word.length;
    const isBody = BODIES.has(m.word);
    // the cheap tests that turn a suffix down first, before any segmentation is asked for: 财政部门 (the
    // recognizer drops names ending inside a longer word anyway), 中心村, 中心城区 (中心 starts another word),
    // 政府采购, 政府性基金 (政府 begins a compound)
    if (endsInsideLongerWord(text, end)) continue;
    if (m.word === '中心' && /[村城镇区]/.test(text[end] ?? '')) continue;
    if (m.word === '政府' && GOVERNMENT_COMPOUND_AFTER.test(text.slice(end, end + 2))) continue;
    // a stop word across the suffix (落实和扩|大学|校) means the suffix was read out of two words
    if (straddled(text, suffixStart, stopGuard)) continue;
    const branch = BRANCH_SUFFIXES.has(m.word);
    let start = leftBoundary(text, suffixStart, guard, branch);
    // a two-character word cut by its first character (按|照) is still a stop word
    start = Math.max(start, afterLastStopWord(text, Math.max(0, start - 1), suffixStart, stopGuard));
    const place = firstPlace(text, start, suffixStart);
    // a branch after its parent keeps the parent (证监会湖南监管局, 武警湖南总队), and so does a mission or
    // office where its government sends it (中国驻美国大使馆, 省政府驻北京办事处; not 我国驻…)
    const parentBefore =
      branch &&
      place > start &&
      (endsName(text, place) || SHORT_PARENT_BEFORE.test(text.slice(start, place)) || sentByGovernment(text, place));
    if (place >= 0 && !parentBefore) start = place;
    // 中共江苏省委机构编制委员会办公室: the party's name before the place is part of it
    if (start >= 2 && text.startsWith('中共', start - 2)) start -= 2;
    // 驻 never starts a name: what it follows was cut off (我国|驻美国大使馆)
    if (text[start] === '驻' && start + 1 < suffixStart) start++;
    // 受省人民政府委托, 向市教育局报告: a verb or preposition of one character before a bare level
    if (VERB_BEFORE_LEVEL.test(text.slice(start, start + 2)) && start + 1 < suffixStart) start++;
    // …before a place too, which the segmenter tells (向杭州市人民政府申请; 向阳区 is one word)
    else if (hints && start + 1 < suffixStart && ONE_CHARACTER_PREPOSITION.test(text[start]!)) {
      const word = hints.tagAt(start);
      // the segmenter may join it to the word before (六十日内向杭州市: 内向): a place word right after it tells
      const place = hints.tagAt(start + 1);
      if ((word && word.end === start + 1 && /^(?:p|c|v)$/.test(word.tag)) || (place && place.tag === 'ns' && place.end - (start + 1) >= 2))
        start++;
    }
    // 全年省交通运输厅, 加挂省乡村振兴局, 报告省委: words that name no place before a bare level are not the name's
    if (hints && place < 0) {
      const level = levelAfterOtherWords(start, suffixStart, text, hints);
      if (level > start) start = level;
    }
    // 各住房公积金管理中心, 各地…: every such body, not one
    if (text[start - 1] === '各' || text.startsWith('各地', start - 2)) continue;
    let anchored = place >= 0 || hasPlaceLevel(text, start, suffixStart);
    if (hints && !anchored) {
      // with the segmenter: a verb before the name is not part of it (影响学校, 共创…中心); an adjective,
      // adverb or locative makes a description (特殊学校, 国外知名行业协会)
      let rejected = false;
      for (let guardSteps = 0; guardSteps < 4 && start < suffixStart; guardSteps++) {
        const word = hints.tagAt(start);
        if (!word || word.end > suffixStart) break;
        // 近年来厦门大学: a time word before the name is not part of it either
        if (word.tag === 'v' || word.tag === 'vd' || word.tag === 't') start = word.end;
        else {
          // a one-character adverb (都, 也, 还) too; longer "adverbs" include places jieba mistags (大足); a
          // company's brand may open with numerals (三一集团有限公司, 五粮液股份有限公司)
          const brand = word.tag === 'm' && COMPANY_SUFFIX_WORD.test(m.word);
          if ((NOT_NAME_START.test(word.tag) && !brand) || (word.tag === 'd' && word.end - start === 1)) rejected = true;
          break;
        }
      }
      if (rejected) continue;
      anchored = hasPlaceLevel(text, start, suffixStart);
    }
    const name = text.slice(start, end);
    const body = text.slice(start, suffixStart);
    // addressed by kind (各区县财政局, 各省教育厅, 各区县（自治县）人民政府): every such body, not one
    if (EACH_BEFORE.test(text.slice(Math.max(0, suffixStart - 14), suffixStart))) continue;
    // …and so is a bare body listed after one (各市州财政局、教育局)
    if (isBody && start === suffixStart && EACH_LIST_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    if (isBody) {
      // 教育部, 人社局 alone are names; with a prefix the prefix must look like a place or level (市, 北碚区)
      if (body.length > 0 && !anchored) start = suffixStart;
      // a ministry (…部) is the State Council's: a place before it (全国水利部技能工作室) is not part of it
      if (m.word.endsWith('部') && !MINISTRY_PREFIX.test(body)) start = suffixStart;
    } else {
      if (body.length === 0) continue;
      if (!anchored && (isGeneric(body) || name.length < 4)) continue;
      // 学校党委, 社会学院党总支: a party body is named by the place it serves (城关镇党委, 石门村党支部)
      if (PARTY_BODY.test(m.word) && !anchored && !PARTY_PLACE_BEFORE.test(body)) continue;
      // 3个交叉学科研究中心: counted, it is a kind of institution, not one
      if (!anchored && COUNT_BEFORE.test(text.slice(Math.max(0, start - 6), start))) continue;
      // …政府 without a place or level before it (同级政府, 地方政府, 加大政府…) is government in general,
      // unless the segmenter tags the word before it a place (城口政府)
      if (m.word === '政府' && !anchored && !placeWordBefore(text, start, suffixStart, hints)) continue;
    }
    if (descriptiveReason(text.slice(start, end), m.word, anchored)) continue;
    out.push({ start, end, suffix: m.word, anchored });
  }
  return out;
}

const PROTECTED = new Literals(NAME_WORDS_WITH_STOPS);

/** Offsets inside the words of NAME_WORDS_WITH_STOPS: the protection available without the segmenter. */
function protectedByList(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of PROTECTED.matches(text)) mask.fill(1, m.index, m.index + m.word.length);
  return mask;
}
