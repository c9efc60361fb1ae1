import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { analyze, applyEdits } from '../index';
import { loadSegmenter } from '../segment';
import { mayConvert } from '../simplified';

const segmenter = loadSegmenter();
const findings = (text: string, withSegmenter = true, userWords?: string[]) =>
  analyze(text, { ...(withSegmenter && segmenter ? { segmenter } : {}), ...(userWords ? { userWords } : {}) }).diagnostics.filter(
    (f) => f.code === 'traditional-char',
  );

/** A simplified paragraph long enough that one stray character is a small share of it. */
const CLEAN =
  '近年来，全省各地深入实施乡村振兴战略，持续加大基础设施投入，农村道路、供水、电网等条件明显改善。' +
  '全省累计建成高标准农田两千万亩，粮食总产量连续五年稳定在较高水平，农民收入增速快于城镇居民。' +
  '下一步，将着力发展特色产业，培育新型经营主体，推动一二三产业融合发展，让农民群众有更多获得感。';

test('a traditional character in a simplified text is found and its word converted', () => {
  for (const withSegmenter of [true, false]) {
    const text = CLEAN.replace('基础设施', '基礎设施');
    const d = findings(text, withSegmenter);
    assert.equal(d.length, 1, `segmenter ${withSegmenter}`);
    assert.equal(d[0]!.severity, 'warning');
    assert.equal(d[0]!.fixAllSafe, true);
    assert.equal(applyEdits(text, d[0]!.fixes[0]!.edits), CLEAN);
  }
});

test('with the segmenter the whole word is reported', () => {
  const text = CLEAN.replace('特色产业', '特色產业');
  const [d] = findings(text);
  assert.equal(text.slice(d!.start, d!.end), '產业');
  assert.match(d!.message.zh, /产业/);
});

test('several stray characters are each repaired', () => {
  const text = CLEAN.replace('乡村振兴', '鄉村振興').replace('农民收入', '農民收入');
  const fixed = applyEdits(
    text,
    findings(text).flatMap((d) => d.fixes[0]!.edits),
  );
  assert.equal(fixed, CLEAN);
});

test('characters that stay in simplified phrases are not flagged', () => {
  for (const clean of ['乾坤未定', '乾隆年间', '成效显著', '著名学者', '皇后镇', '著作权']) {
    assert.equal(findings(CLEAN + clean).length, 0, clean);
  }
});

test('a fully traditional text gets nothing', () => {
  const traditional = '近年來，全省各地深入實施鄉村振興戰略，持續加大基礎設施投入，農村道路、供水、電網等條件明顯改善。';
  assert.equal(findings(traditional).length, 0);
});

test('a user word is never flagged', () => {
  assert.equal(findings(CLEAN + '鄧小平', true, ['鄧小平']).length, 0);
});

test('a clean simplified text is silent', () => {
  assert.equal(findings(CLEAN).length, 0);
});

test('a conversion that only a phrase makes is still found (乾燥 → 干燥: 乾 alone stays)', () => {
  const text = CLEAN + '气候乾燥少雨。';
  const d = findings(text);
  assert.equal(d.length, 1);
  assert.equal(applyEdits(text, d[0]!.fixes[0]!.edits), CLEAN + '气候干燥少雨。');
});

test('a line that mayConvert rules out converts to itself (property, over the converter’s own phrases)', () => {
  const opencc = createRequire(__filename)('opencc-js/t2cn') as {
    Converter(o: { from: string; to: string }): (t: string) => string;
    Locale: { configs: { t2s: { conversionChain: string[][] } } };
  };
  const convert = opencc.Converter({ from: 't', to: 'cn' });
  // pieces: plain text, phrases the tables keep as they are (乾坤, 显著: their characters change elsewhere),
  // and phrases and characters the tables change
  const entries = opencc.Locale.configs.t2s.conversionChain.flat().flatMap((table) => table.split('|').map((e) => e.split(' ')));
  const keptAsTheyAre = entries.filter(([from, to]) => from === to).map(([from]) => from!);
  const changing = entries.filter(([from, to]) => from !== to).map(([from]) => from!);
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom(...CLEAN, '么', '覆', '乾', '著'), weight: 6 },
    { arbitrary: fc.constantFrom(...keptAsTheyAre), weight: 3 },
    { arbitrary: fc.constantFrom(...changing), weight: 1 },
  );
  let ruledOut = 0;
  let kept = 0;
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
      const line = parts.join('');
      if (mayConvert(line)) {
        kept++;
        return true;
      }
      ruledOut++;
      return convert(line) === line;
    }),
    { numRuns: 3000, seed: 20261122 },
  );
  assert.ok(ruledOut > 100 && kept > 100, `both kinds of line were tried (${ruledOut} ruled out, ${kept} kept)`);
});

test('Japanese forms OCR leaves (増, 経) are repaired to their simplified characters; Chinese characters OpenCC’s Japanese tables would rewrite (芸) stay', () => {
  const text =
    '全市企业比上年末増加286家，経済总量稳步提升，全年地区生产总值达到6523.8亿元，比上年增长5.6%，其中第一产业增加值312.4亿元，第二产业增加值2608.9亿元，第三产业增加值3602.5亿元。芸芸众生。全市常住人口671.5万人，城镇化率71.2%，比上年末提高0.9个百分点，城乡居民收入稳步增长。';
  const found = analyze(text, { segmenter }).diagnostics.filter((d) => d.code === 'traditional-char');
  // the segmenter knows no word of these forms: each is reported on its own
  assert.deepEqual(
    found.map((d) => text.slice(d.start, d.end)),
    ['増', '経', '済'],
  );
  let fixed = text;
  for (const d of [...found].reverse()) fixed = applyEdits(fixed, d.fixes[0]!.edits);
  assert.ok(fixed.includes('增加286家') && fixed.includes('经济总量') && fixed.includes('芸芸众生'), fixed);
  assert.match(found[0]!.message.en, /Japanese form/);
});

test('a title or name quoted in traditional characters throughout is quoted as its source writes it', () => {
  assert.deepEqual(findings(`${CLEAN}她阅读了台湾《聯合報》刊登的专题报道《兩岸青年交流的新世代》。`), []);
  assert.deepEqual(findings(`${CLEAN}香港“政府統計處”发布数据。`), []);
  // a quoted title with simplified characters too is damaged like the rest
  const damaged = `${CLEAN}根据《关于加強安全生产的通知》要求。`;
  const d = findings(damaged);
  assert.equal(d.length, 1);
  assert.equal(applyEdits(damaged, d[0]!.fixes[0]!.edits), `${CLEAN}根据《关于加强安全生产的通知》要求。`);
});

test('於 is also the simplified surname (於梨华): a guess, never applied by fix-all', () => {
  const d = findings(`${CLEAN}著名作家於梨华的著作展出。`);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.severity, 'information');
  assert.equal(d[0]!.fixAllSafe, false);
});

test('a conversion that makes no word (間题 → 间题, 影嚮 → 影向: 問 and 響 misread) is a guess, never applied by fix-all', () => {
  for (const damaged of [`${CLEAN}消费者如发现食品安全間题，可拨打12315。`, `${CLEAN}受降雨影嚮，河道水位上涨。`]) {
    const d = findings(damaged);
    assert.equal(d.length, 1, damaged);
    assert.equal(d[0]!.severity, 'information');
    assert.equal(d[0]!.fixAllSafe, false);
  }
  // a conversion that makes the word stays certain
  const sure = findings(`${CLEAN.replace('基础设施', '基礎设施')}`);
  assert.equal(sure[0]!.fixAllSafe, true);
});

test('a character quoted in single quotes inside a quotation (‘門’字简化为‘门’) is an example, left as written', () => {
  assert.deepEqual(findings(`${CLEAN}他说：“繁体的‘門’字，简化为‘门’；‘干’‘乾’‘幹’是三个不同的字。”`), []);
});
