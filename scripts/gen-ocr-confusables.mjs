// Generates server/data/ocr-confusables.json: OCR-confusable character groups, and for each character of
// a group the common dictionary words (2–3 characters) that contain it, with jieba's frequency, taken
// from nodejieba's bundled dictionary (MIT). The ocr-confusable detector accepts a swap only when it
// makes one of these words. Run: node scripts/gen-ocr-confusables.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jieba = require('nodejieba');

/**
 * Characters that OCR confuses with one another, by shape. In a group written `a>b` the characters before
 * `>` are suspects whose look-alikes include the ones after it, and the ones after are only ever the
 * repair: 成 of 完戍 is everywhere and right, and checking each 成 for a misread 戍 would cost much and
 * find nothing. So with the common side of the other one-way pairs: its look-alike makes no common word
 * (业 → 亚, 年 → 午), would turn names into words (金国强 → 全国), or would be read where it is right (环境是
 * is not 竟是).
 */
const GROUPS = [
  '而面',
  '己已巳',
  '末未',
  '土士',
  '曰日',
  '人入',
  '千干',
  '戊戌戍',
  '准淮',
  '天夭',
  '刀力',
  '王玉',
  '今令',
  '冶治',
  '拨拔',
  '侯候',
  '免兔',
  '壁璧',
  '茶荼',
  '汩汨',
  '间问',
  '田由',
  '白自',
  '儿几',
  '住往',
  '侍待',
  '徒徙',
  '辩辨',
  '赢嬴',
  '予矛',
  '贝见',
  '钓钩',
  '折析',
  '苦若',
  '券卷',
  '洒酒',
  // shapes that scanned policy texts confuse as well (水乎 for 水平, 竟争, 落买, 侯选)
  '平乎',
  '竞竟',
  '实买',
  '设没',
  '午牛',
  '失矢',
  '理埋',
  '续绩',
  '缓援',
  '历厉',
  // 因索 for 因素, 体息 for 休息, 乌类 for 鸟类, 徽信 for 微信
  '索素',
  '休体',
  '乌鸟',
  '微徽',
  // 顶目 for 项目, 字宙 for 宇宙, 裁培 for 栽培, 眼晴 for 眼睛, 颂发 for 颁发, 廷长 for 延长, 厂泛 for 广泛,
  // 计刘 for 计划, 李度 for 季度
  '项顶',
  '宇字',
  '栽裁载',
  '睛晴',
  '颁颂',
  '延廷',
  '厂广',
  '划刘',
  '季李',
  // 生态温地 for 湿地, 覆盍率 for 覆盖率, 申扳 for 申报, 环镜 for 环境
  '温湿',
  '盍盖',
  '扳报',
  '镜境',
  // 完戍 for 完成: rare shapes misread for a common one, checked one way only (see below)
  '戍戊戌>成',
  // more of scanned policy texts: 吞叶量 for 吞吐量, 胜拆 for 胜诉, 参保人教 for 人数, 穿棱 for 穿梭, 记著 for 记者,
  // 耕地古用税 for 占用, 杜会 for 社会, 装机客量 for 容量, 公积全 for 公积金, 化学晶 for 化学品, 企亚 for 企业, 价恪 for
  // 价格, 青午 for 青年, 环竟 for 环境, 失业卒 for 失业率 (a character in two groups has the look-alikes of both: 竟
  // is read for 竞 and for 境)
  '叶吐',
  '拆诉',
  '教>数',
  '棱梭',
  '著>者',
  '古>占',
  '杜>社',
  '盲>言',
  '客容',
  '全>金',
  '晶>品',
  '亚>业',
  '恪>格',
  '午>年',
  '竟>境',
  '卒>率',
  // rare shapes that are all but never right in a policy text: 制迼业, 亿兀, 生态文眀, 贠责人, 预箅, 昕取, 改革仼务,
  // 审枇
  '迼>造',
  '兀>元',
  '眀>明',
  '贠>负',
  '箅>算',
  '昕>听',
  '仼>任',
  '枇>批',
  // more of scanned policy texts: 推迸 for 推进, 宙计 for 审计, 坏比 for 环比, 应屈 for 应届, 行政忖 for 行政村, 考枝 for
  // 考核; and common characters read for others: 比土年 for 比上年, 年度日标 for 目标, 共力理 for 共办理 (of these
  // three, only the words of REPAIR_WORDS repair)
  '迸>进',
  '宙>审',
  '坏>环',
  '屈>届',
  '忖>村',
  '枝>核',
  '土>上',
  '日>目',
  '力>办',
];
/**
 * A word this frequent (jieba) is common: a character in one as written is taken to be right, and a swap
 * must make one.
 */
const MIN_FREQ = 800;
/**
 * Misreadings (suspect, then repair) that right text almost never has standing alone, so that a rarer
 * word, from REPAIR_MIN_FREQ, may be the repair: policy words are far rarer in jieba's general corpus
 * than in policy texts (胜诉 43, 化学品 108, 纳税人 177, 免去 245, 责令 227, 失业率 249, 吞吐量 507, 住院 589).
 * Not the other way (人 for 入: 没人干 is not 没入, 送人 not 送入), nor common characters that stand alone
 * (由 of 和由 is not 和田, 拨出专款 is not 拔出, 方便而 not 方便面).
 */
const RARER_REPAIRS = ['叶吐', '拆诉', '棱梭', '古占', '兔免', '往住', '今令', '入人', '全金', '晶品', '卒率'];
const REPAIR_MIN_FREQ = 40;
/**
 * Suspects that a rarer word repairs only inside it, never as its first character: 叶 is a surname (叶露 is
 * a name, not 吐露), and 全 starts phrases of its own (全城, 全价 are not 金城, 金价); 吞叶量 and 公积全 are found.
 */
const RARER_INSIDE_ONLY = '叶全';
/**
 * Policy words that jieba's general corpus counts far below their weight in policy texts (环比 22, 拨付 53,
 * 行政村 54, 划拨 69, 调拨 131, 准考证 156, 拨款 436, 应届 694): counted as common words, so that they repair
 * (坏比, 拔付, 行政忖, 淮考证, 应屈) and, as written, are right. Not 下拨 (26): 向下拔 is right.
 */
const POLICY_WORDS = ['环比', '拨付', '划拨', '拨款', '调拨', '行政村', '准考证', '应届'];
/**
 * Repair-only characters so common that only these of their words repair: 日 is right before 的 after a
 * date (截止日的前一天 is no 截止目的), and 土 before 下 or after 以 (埋在土下 is no 上下, 以土为本 no 以上); the
 * words here are ones that a lone 日 or 土 as written all but never makes.
 */
const REPAIR_WORDS = {
  目: ['目标', '项目', '目录', '题目', '科目', '栏目'],
  上: ['上年', '上半年', '上述', '上级', '上升', '上涨', '上报'],
};

const chars = new Set(GROUPS.join('').replace(/>/g, ''));
const suspects = new Set(GROUPS.flatMap((group) => [...group.split('>')[0]]));
for (const c of Object.keys(REPAIR_WORDS)) if (suspects.has(c)) throw new Error(`${c} of REPAIR_WORDS is a suspect`);
const rarerRepairChars = new Set(RARER_REPAIRS.map((pair) => pair[1]));
/** Whether `word` may stand in the words of `c`: REPAIR_WORDS restricts the words of its characters. */
const allowed = (c, word) => !REPAIR_WORDS[c] || REPAIR_WORDS[c].includes(word);
const words = {};
for (const line of readFileSync(jieba.DEFAULT_DICT, 'utf8').split('\n')) {
  const [word, f] = line.split(' ');
  const freq = POLICY_WORDS.includes(word) ? Math.max(MIN_FREQ, Number(f)) : Number(f);
  if (!word || freq < REPAIR_MIN_FREQ || word.length < 2 || word.length > 3 || !/^[\u4e00-\u9fff]+$/.test(word)) continue;
  for (const c of new Set(word))
    if (chars.has(c) && allowed(c, word) && (freq >= MIN_FREQ || rarerRepairChars.has(c))) (words[c] ??= {})[word] = freq;
}
/**
 * Misreadings the dictionary lists as words of their own (千部 10, 侯选人 2, 自已 263), so that the
 * non-word test never sees them: a rare word that one look-alike swap turns into a far more common one.
 * The thresholds keep the list to swaps where the rare word is almost always the misreading.
 */
const RARE_MAX_FREQ = 300;
const COMMON_MIN_FREQ = 2000;
const MIN_RATIO = 50;
/**
 * Rare words the thresholds let through that are right as written in policy texts or news: 苦干 (work
 * hard), 主刀/动刀/电刀 (surgery), 扳道 (railway switching: 扳道员), 现买, 不往, 国士, 全休 (sick leave), 加人, 哪几,
 * 不贝, 全属 (全属国有), 容人 (宽以容人), 当午 (锄禾日当午), and a person's name.
 */
const REAL_RARE_WORDS = new Set([
  '苦干',
  '扳道',
  '主刀',
  '动刀',
  '电刀',
  '现买',
  '不往',
  '国士',
  '全休',
  '加人',
  '哪几',
  '不贝',
  '全属',
  '容人',
  '当午',
  '李白成',
]);
const dictionary = new Map();
for (const line of readFileSync(jieba.DEFAULT_DICT, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (word && /^[\u4e00-\u9fff]+$/.test(word)) dictionary.set(word, Number(freq));
}
// each suspect's look-alikes, over all its groups (竟: 竞 and 境)
const lookAlikes = new Map();
for (const group of GROUPS) {
  const [suspects, targets = ''] = group.split('>');
  for (const c of suspects)
    lookAlikes.set(c, [...new Set([...(lookAlikes.get(c) ?? []), ...[...(suspects + targets)].filter((other) => other !== c)])]);
}
const rareWords = {};
for (const [word, freq] of dictionary) {
  if (word.length < 2 || word.length > 4 || freq > RARE_MAX_FREQ || REAL_RARE_WORDS.has(word)) continue;
  for (let i = 0; i < word.length; i++) {
    for (const alike of lookAlikes.get(word[i]) ?? []) {
      const repaired = word.slice(0, i) + alike + word.slice(i + 1);
      const common = dictionary.get(repaired) ?? 0;
      if (common >= COMMON_MIN_FREQ && common >= MIN_RATIO * freq && allowed(alike, repaired)) rareWords[word] = repaired;
    }
  }
}
/**
 * Misreadings that jieba's dictionary-only cut hides in a word of their own (发盲人 is cut 发/盲人, for 发言人),
 * so that the misread character never stands alone: a word of three characters (from HIDDEN_MIN_FREQ)
 * that one look-alike swap turns into a non-word, cut with a word (HIDDEN_RATIO times rarer than the
 * repair) that holds the swapped character. Left out: the ones the rare words above already cover (到时侯),
 * readings right as written (增加入口数, 景区总入口, 设想到2035年, 热情好客易于, 苦干个把月) and a person's name
 * (刘子华).
 */
const HIDDEN_MIN_FREQ = 300;
const HIDDEN_RATIO = 1.5;
const RIGHT_AS_WRITTEN = new Set(['入口数', '总入口', '设想到', '好客易', '苦干个', '划子华']);
const hiddenWords = {};
for (const [word, freq] of dictionary) {
  if (word.length !== 3 || freq < HIDDEN_MIN_FREQ) continue;
  for (let i = 0; i < 3; i++) {
    for (const [suspect, alikes] of lookAlikes) {
      if (!alikes.includes(word[i]) || !allowed(word[i], word)) continue;
      const damaged = word.slice(0, i) + suspect + word.slice(i + 1);
      if (dictionary.has(damaged) || RIGHT_AS_WRITTEN.has(damaged)) continue;
      let at = 0;
      for (const piece of jieba.cut(damaged, false)) {
        const holds = at <= i && i < at + piece.length && piece.length > 1;
        if (holds && !rareWords[piece] && freq >= HIDDEN_RATIO * (dictionary.get(piece) ?? 0)) hiddenWords[damaged] = word;
        at += piece.length;
      }
    }
  }
}
/**
 * Misreadings no rule above finds, each with its repair, found like the hidden ones (where no word of the
 * cut crosses their ends): 四舍五入 is a word of four characters, and 采购人 is none of jieba's dictionary
 * (采购入库, 采购入围 are right, and their cut has 入库, 入围 crossing the end).
 */
const KNOWN_MISREADINGS = { 四舍五人: '四舍五入', 采购入: '采购人' };
for (const [damaged, word] of Object.entries(KNOWN_MISREADINGS)) {
  if (dictionary.has(damaged)) throw new Error(`${damaged} is a dictionary word`);
  hiddenWords[damaged] = word;
}
/**
 * Characters that are never right in a modern policy text, each with the character OCR read them for: 巿
 * (U+5DFF, fú) for 市, 釆 (U+91C6, the radical biàn) for 采, 亊 (an old variant) for 事. None is in a word of
 * jieba's dictionary.
 */
const NEVER_RIGHT = { 巿: '市', 釆: '采', 亊: '事' };
for (const c of Object.keys(NEVER_RIGHT))
  for (const word of dictionary.keys()) if (word.length > 1 && word.includes(c)) throw new Error(`${c} is in the word ${word}`);
const out = {
  about: `OCR-confusable characters and the common words (jieba dictionary, frequency >= ${MIN_FREQ}, policy words it under-counts counted as such; for the repairs of rarerRepairs from ${REPAIR_MIN_FREQ}; for ${Object.keys(REPAIR_WORDS).join('')} listed words only) containing each; rare dictionary words that are misreadings of common ones (frequency <= ${RARE_MAX_FREQ}, the repair >= ${COMMON_MIN_FREQ} and ${MIN_RATIO} times as frequent); misreadings of three-character words (>= ${HIDDEN_MIN_FREQ}) that the dictionary-only cut hides in a word, and known misreadings; characters never right, with their repair; generated by scripts/gen-ocr-confusables.mjs`,
  groups: GROUPS,
  commonFrequency: MIN_FREQ,
  rarerRepairs: RARER_REPAIRS,
  rarerRepairFrequency: REPAIR_MIN_FREQ,
  rarerInsideOnly: RARER_INSIDE_ONLY,
  lookAlikes: Object.fromEntries([...lookAlikes].map(([c, alikes]) => [c, alikes.join('')])),
  words,
  rareWords,
  hiddenWords,
  neverRight: NEVER_RIGHT,
};
writeFileSync(new URL('../server/data/ocr-confusables.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(
  `${Object.values(words).reduce((n, w) => n + Object.keys(w).length, 0)} words, ${Object.keys(rareWords).length} rare misreadings, ${Object.keys(hiddenWords).length} hidden ones`,
);
