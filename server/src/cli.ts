/**
 * The `policymark` command line: `check`, `entities` and `annotate` over files and folders, built on the
 * analysis core. Exit codes (DESIGN.md): 0 no error-level findings, 1 some, 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { analyzeChunked } from './chunked';
import { languageFromEnv, languageOf } from './analysis/l10n';
import type { AnalysisOptions } from './analysis/options';
import { loadSegmenter, segmenterLoadError, skippedDictionaries } from './analysis/segment';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type Language, type Severity } from './analysis/types';
import { DEFAULT_MAX_SIZE, expandPaths, InputError, readInput, type InputText } from './cli/input';
import { formatEntitiesText, sarifLog, type EntitiesReport } from './cli/report';
import { checkFiles, serveCheckWorker, type CheckFileResult, type CheckSettings, type CheckWorkerData } from './cli/check';
import { runAnnotate } from './cli/annotate';
import { loadAliasFiles, resolveUserPaths } from './userData';

declare const POLICYMARK_VERSION: string;
const VERSION = typeof POLICYMARK_VERSION === 'string' ? POLICYMARK_VERSION : '0.0.0-dev';

/** Alias files that could not be used in this run (reported on stderr; the exit code becomes 2). */
let userFileProblems = 0;

/** Thrown for bad usage: printed with the usage line, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

const USAGE = {
  en: `Usage: policymark <command> [options] PATHS...

Commands:
  check     [--format text|json|jsonl|sarif] [--fix] [--jobs N] PATHS...
            diagnostics for each file (folders: *.txt, recursively); --jobs N checks in N threads,
            jsonl streams one line per file as it is done
  entities  [--format json|text] PATHS...                 metrics, organisations, document references, dates
  annotate  <tag|accept|reanchor|list|export|import> ...  the annotation sidecar (policymark annotate --help)

Options:
  --lang zh|en          language of messages (default: from LANG)
  --encoding NAME       decode input as NAME (gb18030, gbk, utf-16le...) instead of UTF-8
  --disable CODE,...    turn diagnostic codes off
  --severity CODE=LEVEL set a code's severity (error, warning, information, hint, off)
  --no-segmenter        do not load the word segmenter (faster start, fewer findings)
  --user-dict FILE      extra segmenter dictionary (jieba format), may repeat
  --aliases FILE        institution aliases, JSON { "abbreviation": "full name" }, may repeat
  --max-size N          skip texts longer than N characters (default 5000000; 0: no limit)
  --version, --help

Exit: 0 no error-level findings, 1 some, 2 bad usage or unreadable input.`,
  zh: `用法：policymark <命令> [选项] 路径...

命令：
  check     [--format text|json|jsonl|sarif] [--fix] [--jobs N] 路径...
            检查每个文件（文件夹：递归查找 *.txt）；--jobs N 用 N 个线程并行，jsonl 每完成一个文件输出一行
  entities  [--format json|text] 路径...                  指标、机构、文件引用、日期
  annotate  <tag|accept|reanchor|list|export|import> ...  标注旁注文件（policymark annotate --help）

选项：
  --lang zh|en          消息语言（默认取自 LANG）
  --encoding 编码        按指定编码读取（gb18030、gbk、utf-16le 等），默认 UTF-8
  --disable 代码,...     关闭诊断代码
  --severity 代码=级别    设定级别（error、warning、information、hint、off）
  --no-segmenter        不加载分词器（启动更快，发现更少）
  --user-dict 文件       追加分词词典（jieba 格式），可重复
  --aliases 文件         机构别名 JSON：{ "简称": "全称" }，可重复
  --max-size N          跳过超过 N 个字符的文本（默认 5000000；0 为不限）
  --version, --help

退出码：0 无错误级问题，1 有错误级问题，2 用法错误或无法读取输入。`,
};

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let language: Language = languageFromEnv(io.env);
  const [command, ...rest] = argv;
  try {
    const langFlag = rest.indexOf('--lang');
    if (langFlag >= 0) language = languageOf(rest[langFlag + 1]);
    switch (command) {
      case 'check':
        return await runCheck(rest, io, language);
      case 'entities':
        return runEntities(rest, io, language);
      case 'annotate':
        return await runAnnotate(rest, io, language);
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE[language]}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令“${command}”`, `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`policymark: ${language === 'zh' ? error.zh : error.en}\n\n${USAGE[language]}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`policymark: ${error.path}: ${language === 'zh' ? error.zh : error.en}\n`);
      return 2;
    }
    // a bug must not pass as "no findings"
    io.stderr(
      `policymark: ${language === 'zh' ? '内部错误' : 'internal error'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}

const COMMON_OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  encoding: { type: 'string' },
  disable: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  'no-segmenter': { type: 'boolean' },
  'user-dict': { type: 'string', multiple: true },
  'max-size': { type: 'string' },
  aliases: { type: 'string', multiple: true },
} as const;

const CHECK_OPTIONS = { ...COMMON_OPTIONS, fix: { type: 'boolean' }, jobs: { type: 'string' } } as const;

/** Parses flags with node's parseArgs; its errors become usage errors (exit 2). */
function parse<T extends typeof CHECK_OPTIONS | typeof COMMON_OPTIONS>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误：${text}`, text);
  }
}

type CommonValues = ReturnType<typeof parse<typeof COMMON_OPTIONS>>['values'];

/** Analysis options from the common flags; loads the segmenter unless told not to. */
function analysisOptions(values: CommonValues, io: CliIO, language: Language): AnalysisOptions {
  const severities: Partial<Record<DiagnosticCode, Severity | 'off'>> = {};
  const isCode = (c: string): c is DiagnosticCode => (DIAGNOSTIC_CODES as readonly string[]).includes(c);
  for (const list of values.disable ?? []) {
    for (const code of list
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)) {
      if (!isCode(code)) throw new UsageError(`未知诊断代码“${code}”`, `unknown diagnostic code "${code}"`);
      severities[code] = 'off';
    }
  }
  for (const pair of values.severity ?? []) {
    const [code, level] = pair.split('=');
    if (!code || !isCode(code)) throw new UsageError(`未知诊断代码“${code}”`, `unknown diagnostic code "${code}"`);
    if (!['error', 'warning', 'information', 'hint', 'off'].includes(level ?? '')) {
      throw new UsageError(`无效级别“${level}”`, `invalid severity "${level}" (error, warning, information, hint, off)`);
    }
    severities[code] = level as Severity | 'off';
  }
  const options: AnalysisOptions = { severities };
  if (values.aliases?.length) {
    const { table, problems } = loadAliasFiles(resolveUserPaths(values.aliases, io.cwd));
    for (const { file, reason } of problems) {
      io.stderr(`policymark: ${file}: ${language === 'zh' ? reason.zh : reason.en}\n`);
      userFileProblems++;
    }
    if (table.size) options.userAliases = table;
  }
  if (!values['no-segmenter']) {
    const segmenter = loadSegmenter({ userDicts: values['user-dict'] ?? [] });
    // a bad dictionary is left out (the native loader would abort on it); the built-in ones still work
    for (const { file, reason } of skippedDictionaries()) {
      io.stderr(
        language === 'zh'
          ? `policymark: ${file}: 用户词典${reason.zh}，已忽略，改用内置词典\n`
          : `policymark: ${file}: user dictionary ${reason.en}; ignored, using the built-in dictionaries\n`,
      );
    }
    if (segmenter) options.segmenter = segmenter;
    else {
      const why = segmenterLoadError()?.message ?? '';
      io.stderr(
        language === 'zh'
          ? `policymark: 警告：分词器无法加载，部分检查已跳过（${why}）\n`
          : `policymark: warning: the word segmenter could not be loaded; some checks are skipped (${why})\n`,
      );
    }
  }
  return options;
}

/** The --max-size value: a non-negative integer (0: no limit), default the server's maxDocumentSize. */
function maxSizeOf(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_SIZE;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-size 须为非负整数：“${raw}”`, `--max-size must be a non-negative integer: "${raw}"`);
  return Number(raw);
}

/** The settings and options of a `check` run, parsed from its arguments (shared with the worker threads). */
function checkSetup(args: string[], io: CliIO, language: Language) {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  const format = values.format ?? 'text';
  if (!['text', 'json', 'jsonl', 'sarif'].includes(format))
    throw new UsageError(`未知格式“${format}”`, `unknown format "${format}" (text, json, jsonl, sarif)`);
  const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`--jobs 须为 1 到 64 的整数`, `--jobs must be an integer from 1 to 64`);
  const settings: CheckSettings = {
    format: format as CheckSettings['format'],
    fix: values.fix === true,
    encoding: values.encoding,
    maxSize: maxSizeOf(values['max-size']),
    language,
  };
  return { values, positionals, settings, jobs, options: () => analysisOptions(values, io, language) };
}

async function runCheck(args: string[], io: CliIO, language: Language): Promise<number> {
  const { positionals, settings, jobs, options } = checkSetup(args, io, language);
  if (positionals.length === 0) throw new UsageError('缺少要检查的文件或文件夹', 'no files or folders given');
  const { files, errors: pathErrors } = expandPaths(positionals);
  for (const error of pathErrors) io.stderr(`policymark: ${error.path}: ${language === 'zh' ? error.zh : error.en}\n`);
  let failed = pathErrors.length > 0;
  let findings = 0;
  let errors = 0;
  let reportsWritten = 0;
  const sarif: object[] = [];
  // JSON is streamed as an array, one report at a time, so memory does not grow with the corpus
  if (settings.format === 'json') io.stdout('[');
  const emit = (result: CheckFileResult) => {
    for (const line of result.stderr) io.stderr(`${line}\n`);
    failed ||= result.failed;
    findings += result.findings;
    errors += result.errors;
    if (result.json !== undefined) {
      if (settings.format === 'jsonl') io.stdout(`${result.json}\n`);
      else io.stdout(`${reportsWritten++ ? ',' : ''}\n${result.json}`);
    } else if (result.sarif) sarif.push(...result.sarif);
    else if (result.lines?.length) io.stdout(`${result.lines.join('\n')}\n`);
  };
  await checkFiles(files, settings, options, emit, {
    jobs,
    ordered: settings.format !== 'jsonl',
    workerScript: __filename,
    workerData: { policymarkCheck: true, args, language },
  });
  if (settings.format === 'json') io.stdout(reportsWritten ? '\n]\n' : ']\n');
  else if (settings.format === 'sarif') io.stdout(`${JSON.stringify(sarifLog(sarif, language, VERSION), null, 1)}\n`);
  else if (settings.format === 'text') {
    io.stdout(
      language === 'zh'
        ? `${files.length} 个文件，${findings} 处问题（${errors} 个错误）\n`
        : `${files.length} file${files.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'})\n`,
    );
  }
  if (failed || skippedDictionaries().length > 0 || userFileProblems > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/** Entry of a `check --jobs` worker thread: the same options as the main thread, then one file per message. */
export function runCheckWorker(data: CheckWorkerData, port: Parameters<typeof serveCheckWorker>[0]): void {
  // the main thread already reported option problems (bad dictionaries...): stay quiet here
  const quiet: CliIO = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: process.cwd() };
  const { settings, options } = checkSetup(data.args, quiet, data.language);
  serveCheckWorker(port, settings, options());
}

function runEntities(args: string[], io: CliIO, language: Language): number {
  const { values, positionals } = parse(args, COMMON_OPTIONS);
  const format = values.format ?? 'json';
  if (!['json', 'text'].includes(format)) throw new UsageError(`未知格式“${format}”`, `unknown format "${format}" (json, text)`);
  if (positionals.length === 0) throw new UsageError('缺少要检查的文件或文件夹', 'no files or folders given');
  const maxSize = maxSizeOf(values['max-size']);
  const options = analysisOptions(values, io, language);
  options.only = { diagnostics: false };
  const { files, errors } = expandPaths(positionals);
  for (const error of errors) io.stderr(`policymark: ${error.path}: ${language === 'zh' ? error.zh : error.en}\n`);
  let failed = errors.length > 0;
  let written = 0;
  // one file at a time, streamed (a JSON array written item by item), like `check`
  if (format === 'json') io.stdout('[');
  for (const file of files) {
    let input: InputText;
    try {
      input = readInput(file, values.encoding, maxSize);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(`policymark: ${error.path}: ${language === 'zh' ? error.zh : error.en}\n`);
      failed = true;
      continue;
    }
    const report: EntitiesReport = { file: input.path, entities: analyzeChunked(input.text, options).entities };
    if (format === 'json') io.stdout(`${written++ ? ',' : ''}\n${JSON.stringify(report, null, 1)}`);
    else for (const line of formatEntitiesText(report.file, input.text, report.entities)) io.stdout(`${line}\n`);
  }
  if (format === 'json') io.stdout(written ? '\n]\n' : ']\n');
  return failed || skippedDictionaries().length > 0 || userFileProblems > 0 ? 2 : 0;
}
