/** The CLI's output shapes (DESIGN.md's contract) and their text and SARIF renderings. */
import { pick } from '../analysis/l10n';
import { LineIndex } from '../analysis/text';
import { DETECTORS } from '../analysis/registry';
import type { Entity, Finding, Language, Severity, TextEdit } from '../analysis/types';

/** One diagnostic in `check --format json`. */
export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: { title: string; edits: TextEdit[] }[];
  /** Whether `check --fix` applies the first fix (a certain repair); false: the reader decides. */
  fixAll: boolean;
}

/** One file's entry in `check --format json`. */
export interface CheckReport {
  file: string;
  diagnostics: JsonDiagnostic[];
  /** Set by --fix: how many findings were repaired in the file. */
  fixed?: number;
}

/** One file's entry in `entities --format json`. */
export interface EntitiesReport {
  file: string;
  entities: Entity[];
}

export function toJsonDiagnostic(finding: Finding, language: Language): JsonDiagnostic {
  return {
    code: finding.code,
    severity: finding.severity,
    message: pick(finding.message, language),
    start: finding.start,
    end: finding.end,
    fixes: finding.fixes.map((fix) => ({ title: pick(fix.title, language), edits: fix.edits })),
    fixAll: finding.fixes.length > 0 && finding.fixAllSafe === true,
  };
}

const SEVERITY_LABEL: Record<Severity, Record<Language, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  information: { zh: '信息', en: 'info' },
  hint: { zh: '提示', en: 'hint' },
};

/** `file:line:col: severity code: message` with 1-based line and column, and the quoted span. */
export function formatFindingsText(file: string, text: string, findings: readonly Finding[], language: Language): string[] {
  const index = new LineIndex(text);
  return findings.map((f) => {
    const { line, column } = index.at(f.start);
    const quote = text.slice(f.start, Math.min(f.end, f.start + 24)).replace(/\r?\n|\r/g, '⏎');
    // a fix that --fix leaves for the reader says so: a guess is no repair to apply blindly
    const review = f.fixAllSafe ? '' : language === 'zh' ? '（需人工确认，--fix 不会应用）' : ' (to review: --fix leaves it)';
    const fix = f.fixes[0] ? `  → ${pick(f.fixes[0].title, language)}${review}` : '';
    return `${file}:${line + 1}:${column + 1}: ${SEVERITY_LABEL[f.severity][language]} [${f.code}] ${pick(f.message, language)} «${quote}»${fix}`;
  });
}

/** One line per entity: `file:line:col type «text» attributes`. */
export function formatEntitiesText(file: string, text: string, entities: readonly Entity[]): string[] {
  const index = new LineIndex(text);
  return entities.map((e) => {
    const { line, column } = index.at(e.start);
    const { type, start: _s, end: _e, text: quoted, ...attributes } = e;
    const shown = Object.entries(attributes)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' ');
    return `${file}:${line + 1}:${column + 1}: ${type} «${quoted.replace(/\r?\n|\r/g, '⏎')}» ${shown}`.trimEnd();
  });
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The SARIF results of one file; regions carry UTF-16 char offsets as well as lines and columns. */
export function sarifResults(file: string, text: string, findings: readonly Finding[], language: Language): object[] {
  const index = new LineIndex(text);
  const region = (start: number, end: number) => {
    const a = index.at(start);
    const b = index.at(end);
    return {
      charOffset: start,
      charLength: end - start,
      startLine: a.line + 1,
      startColumn: a.column + 1,
      endLine: b.line + 1,
      endColumn: b.column + 1,
    };
  };
  const uri = file.split('\\').join('/');
  return findings.map((f) => ({
    ruleId: f.code,
    level: SARIF_LEVEL[f.severity],
    message: { text: pick(f.message, language) },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(f.start, f.end) } }],
    fixes: f.fixes.map((fix) => ({
      description: { text: pick(fix.title, language) },
      artifactChanges: [
        {
          artifactLocation: { uri },
          replacements: fix.edits.map((e) => ({
            deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
            insertedContent: { text: e.newText },
          })),
        },
      ],
    })),
  }));
}

/** A SARIF 2.1.0 log around results made by `sarifResults`. */
export function sarifLog(results: readonly object[], language: Language, version: string): object {
  const rules = [...new Set(DETECTORS.flatMap((d) => d.codes))].map((code) => {
    const detector = DETECTORS.find((d) => d.codes.includes(code));
    return { id: code, shortDescription: { text: detector ? pick(detector.description, language) : code } };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policymark', version, informationUri: 'https://github.com/policymark/policymark', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
