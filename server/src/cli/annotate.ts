/**
 * `policymark annotate`: the annotation sidecar from the command line (tag, accept, reanchor, list,
 * export, import, relabel, delete). Every change is a read-modify-write under the sidecar's lock, written
 * atomically; a sidecar that fails to parse is reported (exit 2) and left byte for byte as it was.
 * Exit codes as the rest of the CLI: 0 ok, 1 findings (orphan annotations), 2 bad usage or unreadable input.
 *
 * Loading this module also registers the hook that moves annotations with `check --fix` edits.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from '../cli';
import { UsageError } from '../cli';
import { analyze } from '../analysis/index';
import { loadSegmenter } from '../analysis/segment';
import { LineIndex } from '../analysis/text';
import type { EntityType, Language } from '../analysis/types';
import {
  csvHeader,
  fromBrat,
  fromDoccano,
  ImportError,
  importSpans,
  toBrat,
  toCsvRows,
  toDoccano,
  type OffsetUnit,
} from '../sidecar/exchange';
import { mapThroughSteps } from '../sidecar/edits';
import { SidecarError } from '../sidecar/format';
import {
  addAnnotations,
  contentHash,
  deleteAnnotation,
  entityAttributes,
  hasAnnotation,
  relabelAnnotation,
  SpanError,
  type NewAnnotation,
} from '../sidecar/model';
import { DEFAULT_SIDECAR_SUFFIX, nodeSidecarIO, sidecarPathFor, updateExistingSidecarSync } from '../sidecar/nodeStore';
import { reanchor, type ReanchorReport } from '../sidecar/reanchor';
import { loadSidecar, updateSidecar } from '../sidecar/store';
import type { Annotation, AnnotationAttributes } from '../sidecar/types';
import { expandPaths, InputError, readInput, type InputText } from './input';
import { onTextRewritten } from './write';
import { languageFromEnv } from '../analysis/l10n';

const USAGE = {
  en: `Usage: policymark annotate <sub-command> ...

  tag FILE --start S --end E --label L [--attr k=v]... [--note TEXT]   tag a span (UTF-16 offsets)
  accept FILE --type metric|org|docref|date [--no-segmenter]          detected entities become annotations
  reanchor FILE [--format text|json]                                  re-anchor after an outside edit (exit 1: orphans)
  list FILE [--format json|text]                                      the file's annotations
  relabel FILE --id ID --label L                                      change an annotation's label
  delete FILE --id ID                                                 delete an annotation
  export --format brat|jsonl|csv [--out PATH] PATHS...                brat .ann / doccano JSONL: code-point offsets;
                                                                      CSV: UTF-16 and code-point offsets
  import FILE --format jsonl|brat SOURCE                              doccano JSONL or a brat .ann for FILE
  (jsonl: --offsets utf16 for files made in doccano's web UI, which counts UTF-16 units)

Options: --suffix .policymark.json (sidecar name), --encoding NAME, --lang zh|en
Exit: 0 ok, 1 orphan annotations, 2 bad usage, unreadable input or an invalid sidecar (left unchanged).`,
  zh: `用法：policymark annotate <子命令> ...

  tag 文件 --start 起 --end 止 --label 标签 [--attr 键=值]... [--note 备注]   标注一段文字（UTF-16 偏移）
  accept 文件 --type metric|org|docref|date [--no-segmenter]              将识别出的实体采纳为标注
  reanchor 文件 [--format text|json]                                      外部修改后重新定位（退出码 1：有孤立标注）
  list 文件 [--format json|text]                                          列出标注
  relabel 文件 --id ID --label 标签                                        修改标签
  delete 文件 --id ID                                                     删除标注
  export --format brat|jsonl|csv [--out 路径] 路径...                       brat .ann / doccano JSONL：码点偏移；
                                                                          CSV：UTF-16 与码点偏移
  import 文件 --format jsonl|brat 来源                                      导入 doccano JSONL 或 brat .ann
  （jsonl：doccano 网页界面按 UTF-16 单元计数，其文件请加 --offsets utf16）

选项：--suffix .policymark.json（旁注文件后缀）、--encoding 编码、--lang zh|en
退出码：0 成功，1 有孤立标注，2 用法错误、无法读取或旁注文件无效（文件保持原样）。`,
};

const OPTIONS = {
  start: { type: 'string' },
  end: { type: 'string' },
  label: { type: 'string' },
  attr: { type: 'string', multiple: true },
  note: { type: 'string' },
  type: { type: 'string' },
  id: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  offsets: { type: 'string' },
  suffix: { type: 'string' },
  encoding: { type: 'string' },
  lang: { type: 'string' },
  'no-segmenter': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseOptions>['values'];

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误：${text}`, text);
  }
}

/** Everything a sub-command needs. */
interface Run {
  values: Values;
  positionals: string[];
  io: CliIO;
  language: Language;
  say: (zh: string, en: string) => string;
}

export async function runAnnotate(args: string[], io: CliIO, language: Language): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseOptions(rest);
  const say = (zh: string, en: string) => (language === 'zh' ? zh : en);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help' || values.help) {
    io.stdout(`${USAGE[language]}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (values.suffix !== undefined && !/^\.[\w.-]+$/.test(values.suffix))
    throw new UsageError(`无效的后缀“${values.suffix}”`, `invalid sidecar suffix "${values.suffix}" (like .policymark.json)`);
  const run: Run = { values, positionals, io, language, say };
  try {
    switch (sub) {
      case 'tag':
        return await runTag(run);
      case 'accept':
        return await runAccept(run);
      case 'reanchor':
        return await runReanchor(run);
      case 'list':
        return await runList(run);
      case 'relabel':
        return await runRelabel(run);
      case 'delete':
        return await runDelete(run);
      case 'export':
        return await runExport(run);
      case 'import':
        return await runImport(run);
      default:
        throw new UsageError(`未知的 annotate 子命令“${sub}”`, `unknown annotate sub-command "${sub}"`);
    }
  } catch (error) {
    if (error instanceof SidecarError) {
      io.stderr(`policymark: ${error.file}: ${language === 'zh' ? error.reason.zh : error.reason.en}\n`);
      return 2;
    }
    if (error instanceof SpanError) throw new UsageError(`无效的标注：${error.message}`, `invalid annotation: ${error.message}`);
    if (error instanceof ImportError) {
      io.stderr(`policymark: ${say('无法导入', 'cannot import')}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The one text file a sub-command works on. */
function oneFile(run: Run): InputText {
  const [file, ...extra] = run.positionals;
  if (!file) throw new UsageError('缺少文件', 'no FILE given');
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`, `unexpected arguments: ${extra.join(' ')}`);
  return readInput(file, run.values.encoding);
}

function locationOf(run: Run, textPath: string): string {
  return sidecarPathFor(textPath, run.values.suffix ?? DEFAULT_SIDECAR_SUFFIX);
}

function offsetArg(value: string | undefined, name: string): number {
  if (value === undefined || !/^\d+$/.test(value))
    throw new UsageError(`--${name} 需要一个非负整数`, `--${name} needs a non-negative integer`);
  return Number(value);
}

/** `--offsets codepoint|utf16` for doccano JSONL (see OffsetUnit). */
function offsetUnit(run: Run): OffsetUnit {
  const unit = run.values.offsets ?? 'codepoint';
  if (unit !== 'codepoint' && unit !== 'utf16')
    throw new UsageError('--offsets 需为 codepoint 或 utf16', '--offsets must be codepoint or utf16');
  return unit;
}

const NUMERIC_ATTRIBUTES = new Set(['value', 'year', 'serial']);

/** `--attr k=v` pairs and `--note`; value, year and serial are numbers. */
function attributesArg(values: Values): AnnotationAttributes | undefined {
  const attributes: AnnotationAttributes = {};
  for (const pair of values.attr ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--attr 需要 键=值：${pair}`, `--attr needs key=value: ${pair}`);
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    if (NUMERIC_ATTRIBUTES.has(key)) {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || ((key === 'year' || key === 'serial') && !Number.isInteger(n)))
        throw new UsageError(`属性 ${key} 需要数字：${raw}`, `attribute ${key} needs a number: ${raw}`);
      attributes[key] = n;
    } else attributes[key] = raw;
  }
  if (values.note !== undefined) attributes.note = values.note;
  return Object.keys(attributes).length ? attributes : undefined;
}

async function runTag(run: Run): Promise<number> {
  const input = oneFile(run);
  const start = offsetArg(run.values.start, 'start');
  const end = offsetArg(run.values.end, 'end');
  const label = run.values.label?.trim();
  if (!label) throw new UsageError('缺少 --label', 'no --label given');
  const attributes = attributesArg(run.values);
  const spec: NewAnnotation = { label, start, end, ...(attributes ? { attributes } : {}) };
  const { result } = await updateSidecar(nodeSidecarIO, locationOf(run, input.path), basename(input.path), input.text, (sidecar) => {
    const { sidecar: next, added } = addAnnotations(sidecar, input.text, [spec]);
    return { sidecar: next, result: added[0]! };
  });
  run.io.stdout(`${result.id}\n`);
  return 0;
}

const ENTITY_TYPES: readonly EntityType[] = ['metric', 'org', 'docref', 'date'];

async function runAccept(run: Run): Promise<number> {
  const input = oneFile(run);
  const type = run.values.type as EntityType | undefined;
  if (!type || !ENTITY_TYPES.includes(type))
    throw new UsageError(`--type 需为 ${ENTITY_TYPES.join('|')}`, `--type must be one of ${ENTITY_TYPES.join(', ')}`);
  const segmenter = run.values['no-segmenter'] ? undefined : loadSegmenter();
  const entities = analyze(input.text, { only: { diagnostics: false }, ...(segmenter ? { segmenter } : {}) }).entities.filter(
    (e) => e.type === type,
  );
  const { result } = await updateSidecar(nodeSidecarIO, locationOf(run, input.path), basename(input.path), input.text, (sidecar) => {
    const fresh = entities.filter((e) => !hasAnnotation(sidecar, e.start, e.end, type));
    if (fresh.length === 0) return { sidecar: undefined, result: { added: 0, skipped: entities.length } };
    const specs: NewAnnotation[] = fresh.map((e) => {
      const attributes = entityAttributes(e);
      return { label: type, start: e.start, end: e.end, ...(attributes ? { attributes } : {}) };
    });
    return {
      sidecar: addAnnotations(sidecar, input.text, specs).sidecar,
      result: { added: specs.length, skipped: entities.length - specs.length },
    };
  });
  run.io.stdout(
    `${run.say(
      `${input.path}：采纳 ${result.added} 个 ${type}，跳过已标注的 ${result.skipped} 个`,
      `${input.path}: accepted ${result.added} ${type} entit${result.added === 1 ? 'y' : 'ies'}, skipped ${result.skipped} already annotated`,
    )}\n`,
  );
  return 0;
}

function describeOrphan(path: string, text: string, a: Annotation, run: Run): string {
  const { line, column } = new LineIndex(text).at(Math.min(a.start, text.length));
  return `${path}:${line + 1}:${column + 1}: ${run.say('孤立标注', 'orphan annotation')} [orphan-annotation] ${a.label} «${a.exact.replace(/\r?\n|\r/g, '⏎')}» (${a.id})`;
}

async function runReanchor(run: Run): Promise<number> {
  const input = oneFile(run);
  const location = locationOf(run, input.path);
  const format = run.values.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`未知格式“${format}”`, `unknown format "${format}" (text, json)`);
  const { loaded } = await loadSidecarOrEmpty(location);
  if (!loaded) {
    run.io.stdout(
      format === 'json'
        ? `${JSON.stringify({ file: input.path, annotations: 0 })}\n`
        : `${run.say(`${input.path}：没有旁注文件`, `${input.path}: no sidecar`)}\n`,
    );
    return 0;
  }
  const { result } = await updateSidecar(nodeSidecarIO, location, basename(input.path), input.text, (sidecar, report) => {
    // updateSidecar re-anchors a sidecar made on another text; orphans from an earlier run get another chance too
    const orphans = new Set(sidecar.annotations.filter((a) => a.orphan).map((a) => a.id));
    let current = sidecar;
    let final: ReanchorReport = report ?? reanchor(sidecar, input.text).report;
    if (!report && orphans.size) {
      const again = reanchor(sidecar, input.text, { only: orphans });
      current = again.sidecar;
      final = again.report;
    }
    const changed = report !== undefined || current !== sidecar;
    return { sidecar: changed ? current : undefined, result: { report: final, annotations: current.annotations } };
  });
  const orphans = result.annotations.filter((a) => a.orphan);
  const r = result.report;
  if (format === 'json') {
    run.io.stdout(
      `${JSON.stringify({ file: input.path, unchanged: r.unchanged, kept: r.kept.length, moved: r.moved.length, fuzzy: r.fuzzy.length, orphans: orphans.map((a) => ({ id: a.id, label: a.label, exact: a.exact, start: a.start, end: a.end })) }, null, 1)}\n`,
    );
  } else {
    const lines = orphans.map((a) => describeOrphan(input.path, input.text, a, run));
    lines.push(
      run.say(
        `${input.path}：${result.annotations.length} 个标注；原位 ${r.kept.length}，移动 ${r.moved.length}，模糊匹配 ${r.fuzzy.length}，孤立 ${orphans.length}`,
        `${input.path}: ${result.annotations.length} annotations; in place ${r.kept.length}, moved ${r.moved.length}, fuzzy ${r.fuzzy.length}, orphans ${orphans.length}`,
      ),
    );
    run.io.stdout(`${lines.join('\n')}\n`);
  }
  return orphans.length ? 1 : 0;
}

async function loadSidecarOrEmpty(location: string) {
  const loaded = await loadSidecar(nodeSidecarIO, location);
  return { loaded: loaded.sidecar ? loaded : undefined };
}

async function runList(run: Run): Promise<number> {
  const input = oneFile(run);
  const format = run.values.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`未知格式“${format}”`, `unknown format "${format}" (json, text)`);
  const { loaded } = await loadSidecarOrEmpty(locationOf(run, input.path));
  let annotations = loaded?.sidecar?.annotations ?? [];
  // offsets are for the text the sidecar was made on: show them for the text as it is now (without writing)
  if (loaded?.sidecar && loaded.sidecar.hash !== contentHash(input.text))
    annotations = reanchor(loaded.sidecar, input.text).sidecar.annotations;
  if (format === 'json') {
    run.io.stdout(`${JSON.stringify([{ file: input.path, annotations, silenced: loaded?.sidecar?.silenced ?? [] }], null, 1)}\n`);
  } else {
    const index = new LineIndex(input.text);
    const lines = annotations.map((a) => {
      const { line, column } = index.at(Math.min(a.start, input.text.length));
      const attrs = Object.entries(a.attributes ?? {})
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      return `${input.path}:${line + 1}:${column + 1}: ${a.label} «${a.exact.replace(/\r?\n|\r/g, '⏎')}»${attrs ? ` ${attrs}` : ''}${a.orphan ? ` [${run.say('孤立', 'orphan')}]` : ''} (${a.id})`;
    });
    run.io.stdout(lines.length ? `${lines.join('\n')}\n` : '');
  }
  return 0;
}

async function runRelabel(run: Run): Promise<number> {
  const input = oneFile(run);
  const id = run.values.id;
  const label = run.values.label?.trim();
  if (!id || !label) throw new UsageError('需要 --id 和 --label', '--id and --label are required');
  await updateSidecar(nodeSidecarIO, locationOf(run, input.path), basename(input.path), input.text, (sidecar) => ({
    sidecar: relabelAnnotation(sidecar, id, label),
    result: undefined,
  }));
  return 0;
}

async function runDelete(run: Run): Promise<number> {
  const input = oneFile(run);
  const id = run.values.id;
  if (!id) throw new UsageError('需要 --id', '--id is required');
  await updateSidecar(nodeSidecarIO, locationOf(run, input.path), basename(input.path), input.text, (sidecar) => {
    if (!sidecar.annotations.some((a) => a.id === id)) throw new SpanError(`no annotation with id ${id}`);
    return { sidecar: deleteAnnotation(sidecar, id), result: undefined };
  });
  return 0;
}

async function runExport(run: Run): Promise<number> {
  const format = run.values.format;
  if (!format || !['brat', 'jsonl', 'csv'].includes(format))
    throw new UsageError(`--format 需为 brat、jsonl 或 csv`, `--format must be brat, jsonl or csv`);
  if (run.positionals.length === 0) throw new UsageError('缺少要导出的文件或文件夹', 'no files or folders given');
  const { files, errors } = expandPaths(run.positionals);
  const suffix = run.values.suffix ?? DEFAULT_SIDECAR_SUFFIX;
  const out = run.values.out;
  if (format === 'brat' && files.length > 1 && !out)
    throw new UsageError('导出多个文件为 brat 需要 --out 文件夹', 'exporting several files to brat needs --out FOLDER');
  let failed = errors.length > 0;
  for (const error of errors) run.io.stderr(`policymark: ${error.path}: ${run.say(error.zh, error.en)}\n`);
  const chunks: string[] = format === 'csv' ? [csvHeader()] : [];
  let orphanCount = 0;
  for (const file of files) {
    let input: InputText;
    try {
      input = readInput(file, run.values.encoding);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      run.io.stderr(`policymark: ${error.path}: ${run.say(error.zh, error.en)}\n`);
      failed = true;
      continue;
    }
    let loaded;
    try {
      loaded = await loadSidecar(nodeSidecarIO, sidecarPathFor(file, suffix));
    } catch (error) {
      if (!(error instanceof SidecarError)) throw error;
      run.io.stderr(`policymark: ${error.file}: ${run.say(error.reason.zh, error.reason.en)}\n`);
      failed = true;
      continue;
    }
    if (!loaded.sidecar) continue;
    let annotations = loaded.sidecar.annotations;
    if (loaded.sidecar.hash !== contentHash(input.text)) annotations = reanchor(loaded.sidecar, input.text).sidecar.annotations;
    const orphans = annotations.filter((a) => a.orphan);
    orphanCount += orphans.length;
    if (format === 'csv') chunks.push(...toCsvRows(file, input.text, annotations));
    else if (format === 'jsonl') chunks.push(toDoccano(input.text, annotations, basename(file), offsetUnit(run)));
    else if (out) {
      // brat needs the text (as UTF-8, no BOM: its offsets count from the first character) beside the .ann
      mkdirSync(out, { recursive: true });
      const stem = basename(file).replace(/\.txt$/i, '');
      writeFileSync(join(out, `${stem}.txt`), input.text);
      writeFileSync(join(out, `${stem}.ann`), toBrat(input.text, annotations));
    } else chunks.push(toBrat(input.text, annotations).trimEnd());
    if (orphans.length && format !== 'csv') {
      run.io.stderr(
        `policymark: ${file}: ${run.say(`${orphans.length} 个孤立标注未导出（没有位置）`, `${orphans.length} orphan annotation${orphans.length === 1 ? '' : 's'} not exported (no position)`)}\n`,
      );
    }
  }
  const body = chunks.filter((c) => c !== '').join(format === 'csv' ? '\r\n' : '\n');
  const data = body ? `${body}${format === 'csv' ? '\r\n' : '\n'}` : '';
  if (format !== 'brat' && out) writeFileSync(out, data);
  else if (format !== 'brat' || !out) run.io.stdout(data);
  if (failed) return 2;
  return orphanCount > 0 ? 1 : 0;
}

async function runImport(run: Run): Promise<number> {
  const [file, source, ...extra] = run.positionals;
  const format = run.values.format;
  if (!file || !source)
    throw new UsageError('用法：annotate import 文件 --format jsonl|brat 来源', 'usage: annotate import FILE --format jsonl|brat SOURCE');
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}`, `unexpected arguments: ${extra.join(' ')}`);
  if (format !== 'jsonl' && format !== 'brat') throw new UsageError('--format 需为 jsonl 或 brat', '--format must be jsonl or brat');
  const input = readInput(file, run.values.encoding);
  if (!existsSync(source)) throw new InputError(source, '找不到', 'not found');
  const raw = readFileSync(source, 'utf8');
  let sourceText = input.text;
  let spans;
  if (format === 'brat') spans = fromBrat(input.text, raw);
  else {
    const records = fromDoccano(raw, offsetUnit(run));
    const record =
      records.find((r) => r.text === input.text) ??
      records.find((r) => r.file !== undefined && r.file === basename(file)) ??
      (records.length === 1 ? records[0] : undefined);
    if (!record) throw new ImportError(`${source}: no record has this file's text or name (${basename(file)})`);
    sourceText = record.text;
    spans = record.spans;
  }
  const { result } = await updateSidecar(nodeSidecarIO, locationOf(run, input.path), basename(input.path), input.text, (sidecar) => {
    const r = importSpans(sidecar, input.text, sourceText, spans);
    return { sidecar: r.added.length ? r.sidecar : undefined, result: r };
  });
  for (const a of result.orphans) run.io.stdout(`${describeOrphan(input.path, input.text, a, run)}\n`);
  run.io.stdout(
    `${run.say(
      `${input.path}：导入 ${result.added.length} 个，跳过重复 ${result.skipped} 个，孤立 ${result.orphans.length} 个`,
      `${input.path}: imported ${result.added.length}, skipped ${result.skipped} duplicates, ${result.orphans.length} orphans`,
    )}\n`,
  );
  return result.orphans.length ? 1 : 0;
}

/**
 * `check --fix` rewrote a text: move the annotations of its sidecar with the fix edits (after re-anchoring
 * them to the text as it was, if the sidecar was made on an older version). Never fails the write-back:
 * if the sidecar cannot be updated it is left as it was (its quotes re-anchor it later) and a warning says so.
 */
export function moveAnnotationsAfterRewrite(
  path: string,
  oldText: string,
  steps: Parameters<typeof mapThroughSteps>[2],
  suffix = DEFAULT_SIDECAR_SUFFIX,
): void {
  updateExistingSidecarSync(sidecarPathFor(path, suffix), (sidecar) => {
    const anchored = sidecar.hash === contentHash(oldText) ? sidecar : reanchor(sidecar, oldText).sidecar;
    return mapThroughSteps(anchored, oldText, steps).sidecar;
  });
}

onTextRewritten((path, _newText, change) => {
  try {
    moveAnnotationsAfterRewrite(path, change.oldText, change.steps);
  } catch (error) {
    const zh = languageFromEnv(process.env) === 'zh';
    const reason =
      error instanceof SidecarError ? (zh ? error.reason.zh : error.reason.en) : error instanceof Error ? error.message : String(error);
    process.stderr.write(
      zh
        ? `policymark: 警告：${sidecarPathFor(path)}：标注未随修复移动（${reason}）；下次将按引文重新定位\n`
        : `policymark: warning: ${sidecarPathFor(path)}: annotations were not moved with the fixes (${reason}); they will be re-anchored by quote\n`,
    );
  }
});
