/**
 * What each diagnostic code means and how it is repaired, in both languages: the hover over a finding and
 * the diagnostic's codeDescription link. Kept beside the LSP layer because only editors show it; the
 * catalogue itself (names, meaning) is DESIGN.md's.
 */
import type { DiagnosticCode, Localized } from '../analysis/types';

/** Where the codes are documented: the README's diagnostic-code table (its heading is the anchor). */
export const CODE_DOCS_BASE = 'https://github.com/policymark/policymark/blob/main/README.md';

/**
 * The documentation link of a code: the README's table of codes (one row per code). The README has no
 * anchor per code, so the link lands on the table rather than a dead fragment.
 */
export function codeHref(_code: DiagnosticCode): string {
  return `${CODE_DOCS_BASE}#diagnostic-codes`;
}

/** The damage a code stands for and its repair. */
export const CODE_DOCS: Record<DiagnosticCode, { damage: Localized; repair: Localized }> = {
  'fused-ordinal': {
    damage: { zh: '两个序数被 OCR 连在了一起，如“第4243届”。', en: 'Two ordinals run together by OCR, e.g. 第4243届.' },
    repair: { zh: '拆成“第42、43届”。', en: 'Split them: 第42、43届.' },
  },
  'fused-figures': {
    damage: { zh: '两个数字之间丢了分隔符，如“3.51%80%”。', en: 'Two figures lost their separator, e.g. 3.51%80%.' },
    repair: { zh: '在两数之间插入分隔符。', en: 'Insert a separator between them.' },
  },
  'garbled-figure': {
    damage: {
      zh: '这个数字在上下文中读不成一个数，可能是 OCR 误识。',
      en: 'This number cannot be read as one figure here; probably misread by OCR.',
    },
    repair: { zh: '无法自动修复：请对照原件。', en: 'No automatic repair: check the original.' },
  },
  'letter-for-digit': {
    damage: {
      zh: '数字中有一个字母，是 OCR 把形近的数字（0、1、8、5）识别成了字母（O、l、I、B、S），如“2O20年”“l20个”“6B%”；汉字年份中的“〇”被识别成了 O 或 0，如“二O二三年”。',
      en: 'A figure holds a letter where OCR misread a look-alike digit (0, 1, 8, 5 as O, l, I, B, S), e.g. 2O20年, l20个, 6B%; or the 〇 of a year in Chinese numerals became O or 0, e.g. 二O二三年.',
    },
    repair: { zh: '把字母改回数字。', en: 'Write the digit back.' },
  },
  'docnum-bracket': {
    damage: {
      zh: '文号的六角括号或年份丢失、错误，如“〔20207号”。',
      en: 'A document number lost or garbled its brackets or year, e.g. 〔20207号.',
    },
    repair: { zh: '改为标准形式“〔2020〕7号”。', en: 'Restore the standard form 〔2020〕7号.' },
  },
  'enum-run-on': {
    damage: {
      zh: '“一是…二是…”（或“一要…二要…”）的分项之间丢了分号，而文中别处用了分号。',
      en: 'Items of an 一是…二是… (or 一要…二要…) list lost the separator used elsewhere in the list.',
    },
    repair: { zh: '插入“；”。', en: 'Insert ；.' },
  },
  'cjk-stray-space': {
    damage: { zh: '空格把中文词语拆开了（排版或 OCR 残留）。', en: 'A space splits Chinese words (a layout or OCR leftover).' },
    repair: { zh: '删除空格。', en: 'Remove the space.' },
  },
  'column-break': {
    damage: { zh: '句子被窄栏排版断成了多行短行。', en: 'A sentence broken over short lines from a narrow column.' },
    repair: { zh: '把这些行接成一行（也可一次接好全文的断行）。', en: 'Join the lines (or join every broken block in the file at once).' },
  },
  'duplicated-unit': {
    damage: { zh: '单位重复了，如“万元元”。', en: 'A unit is repeated, e.g. 万元元.' },
    repair: { zh: '删去重复的单位。', en: 'Drop the copy.' },
  },
  'duplicated-line': {
    damage: {
      zh: '同一行连写了两遍，如分页处的“（二）政府性基金预算”，是 OCR 或从 PDF 复制时留下的（少于4个汉字的行、分隔线和连续三遍以上的行不报告）。',
      en: 'A line written twice in a row, e.g. a heading repeated at a page break, as OCR or copying from a PDF leaves it (lines with fewer than 4 Han characters, separators and runs of three or more are not reported).',
    },
    repair: { zh: '删去重复的那一行。', en: 'Remove the repeated line.' },
  },
  'traditional-char': {
    damage: { zh: '简体文本中混入了繁体字，如“鋒”。', en: 'A traditional character in simplified text, e.g. 鋒.' },
    repair: { zh: '换成对应的简体字，如“锋”。', en: 'Replace it with the simplified form, e.g. 锋.' },
  },
  'ocr-confusable': {
    damage: {
      zh: 'OCR 把形近字认错，成了不存在的词，如“而积”，或极少见的词，如“千部”（干部）；或把数字间的连接号认成“一”，如“1一10月”。',
      en: 'OCR confused look-alike characters into a non-word, e.g. 而积, or a very rare word, e.g. 千部 for 干部; or read the dash between two figures as 一, e.g. 1一10月.',
    },
    repair: { zh: '改为正确的词或连接号，如“面积”“1—10月”。', en: 'Replace it with the intended word or dash, e.g. 面积, 1—10月.' },
  },
  'unbalanced-bracket': {
    damage: { zh: '括号、书名号或引号缺了另一半。', en: 'A bracket, title mark or quotation mark is missing its partner.' },
    repair: { zh: '补上或删去一个。', en: 'Add the partner or remove the stray one.' },
  },
  'sum-mismatch': {
    damage: { zh: '分项之和与文中给出的总数不符。', en: 'The parts given as a breakdown do not add up to the stated total.' },
    repair: { zh: '无法自动修复：请核对各数字。', en: 'No automatic repair: check the figures.' },
  },
  'ratio-mismatch': {
    damage: { zh: '“其中…占…%”的比例与两个数字算出的不符。', en: 'The stated share does not match the two figures it relates.' },
    repair: { zh: '无法自动修复：请核对各数字。', en: 'No automatic repair: check the figures.' },
  },
  'growth-mismatch': {
    damage: { zh: '增长倍数或百分比与前后两个数字矛盾。', en: 'The stated growth contradicts the old and new figures.' },
    repair: { zh: '无法自动修复：请核对各数字。', en: 'No automatic repair: check the figures.' },
  },
  'shares-sum': {
    damage: { zh: '同一整体的各部分百分比相加不等于100%。', en: 'Percentage shares of one whole do not sum to 100%.' },
    repair: { zh: '无法自动修复：请核对各数字。', en: 'No automatic repair: check the figures.' },
  },
  'orphan-annotation': {
    damage: { zh: '旁注文件中的标注在文本中找不到了。', en: 'A sidecar annotation whose text can no longer be found.' },
    repair: { zh: '重新定位或删除该标注。', en: 'Re-anchor or delete the annotation.' },
  },
};
