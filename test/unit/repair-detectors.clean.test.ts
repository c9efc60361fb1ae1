/**
 * False alarms of the OCR-repair detectors on clean policy prose written for this test (other provinces,
 * issuers, figures and lists than the seeds): nothing at warning level, at most a stray hint.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/index';
import { loadSegmenter } from '../../server/src/analysis/segment';
import { REPAIR_CODES as CODES } from './repair-codes';

const segmenter = loadSegmenter();

const CLEAN = `
浙江省人民政府办公厅关于印发浙江省职业教育高质量发展行动方案（2023—2027年）的通知

浙政办发〔2023〕18号

各市、县（市、区）人民政府，省政府直属各单位：

为深入贯彻《中华人民共和国职业教育法》和中办、国办《关于推动现代职业教育高质量发展的意见》（中办发〔2021〕43号）精神，经省政府同意，现将《浙江省职业教育高质量发展行动方案（2023—2027年）》印发给你们，请认真贯彻执行。

一、总体要求

到2027年，全省中等职业学校在校生稳定在55万人左右，高职（专科）在校生达到60万人，毕业生就业率保持在95%以上，专业对口率达到80%以上。累计培养高技能人才30万人次，建成国家级示范性职业教育集团（联盟）20个。第125届广交会期间，我省职业院校参展企业达到86家，第46届世界技能大赛我省选手获得3枚金牌。

二、重点任务

一是完善现代职业教育体系；二是推进产教融合、校企合作；三是提升教师队伍素质；四是深化考试招生制度改革。同时，要坚持统一领导，唯一的标准是群众满意，第一要务是发展。

（一）优化布局结构。各地要因地制宜，进而形成特色，从而提高整体水平；而且要注重质量，而非单纯追求规模。对于面积较大、人口较多的县（市），可适当增加学校数量。已经完成布局调整的地区，要巩固成果；尚未完成的，要在2024年底前完成。

（二）加强经费保障。省财政每年安排专项资金10亿元，其中中央补助资金3.5亿元、省级资金6.5亿元。生均拨款标准不低于1.2万元，比2022年提高15.3%。拨打12345热线可咨询相关政策。

三、保障措施

各地各部门要把职业教育摆在更加突出的位置，"学技能、强技能"的氛围日益浓厚。附件：1.重点项目清单；2.任务分工表。

联系人：张明，电话：0571-87051234。
`;

test('clean prose written for this test draws no warning and at most a hint from these detectors', () => {
  const found = analyze(CLEAN, segmenter ? { segmenter } : {}).diagnostics.filter((d) => CODES.has(d.code));
  const report = found.map((d) => `${d.code} ${d.severity} «${CLEAN.slice(d.start, d.end)}»`);
  assert.deepEqual(
    report.filter((r) => / (warning|error) /.test(r)),
    [],
  );
  assert.ok(found.length <= 1, report.join('\n'));
});

/** Damage injected into the clean text: [code, clean snippet, damaged snippet, whether the preferred fix restores it]. */
const INJECTIONS: [string, string, string, boolean][] = [
  ['docnum-bracket', '浙政办发〔2023〕18号', '浙政办发〔202318号', true],
  ['docnum-bracket', '中办发〔2021〕43号', '中办发2021〕43号', true],
  ['fused-ordinal', '第46届世界技能大赛', '第4647届世界技能大赛', false],
  ['fused-figures', '3.5亿元、省级资金6.5亿元', '3.5亿元6.5亿元', false],
  ['enum-run-on', '提升教师队伍素质；四是', '提升教师队伍素质四是', true],
  ['traditional-char', '推进产教融合', '推進产教融合', true],
  ['ocr-confusable', '对于面积较大', '对于而积较大', true],
  ['unbalanced-bracket', '2.任务分工表。', '2.任务分工表(', false],
  ['letter-for-digit', '高技能人才30万人次', '高技能人才3O万人次', true],
  ['letter-for-digit', '要在2024年底前完成', '要在2O24年底前完成', true],
  ['duplicated-line', '二、重点任务\n', '二、重点任务\n二、重点任务\n', true],
  [
    'duplicated-line',
    '联系人：张明，电话：0571-87051234。\n',
    '联系人：张明，电话：0571-87051234。\n\n联系人：张明，电话：0571-87051234。\n',
    true,
  ],
  ['garbled-figure', '获得3枚金牌', '获得3枚金牌，共获得5127优胜奖', false],
];

test('each kind of damage injected into the clean text is found (and repaired where the fix is certain)', () => {
  for (const [code, clean, damaged, restores] of INJECTIONS) {
    assert.ok(CLEAN.includes(clean), clean);
    const text = CLEAN.replace(clean, damaged);
    const at = text.indexOf(damaged);
    const hits = analyze(text, segmenter ? { segmenter } : {}).diagnostics.filter(
      (d) => d.code === code && d.start < at + damaged.length && at < d.end,
    );
    assert.equal(hits.length, 1, `${code}: ${damaged}`);
    if (restores) {
      const edits = hits[0]!.fixes[0]!.edits;
      const fixed = text.slice(0, edits[0]!.start) + edits[0]!.newText + text.slice(edits[0]!.end);
      assert.equal(fixed, CLEAN, `${code}: ${damaged}`);
    }
  }
});
