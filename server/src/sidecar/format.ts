/**
 * Reading and writing the sidecar's JSON: parse with clear bilingual errors, validate against the schema
 * shipped in server/data/sidecar.schema.json (ajv) plus the checks a schema cannot express, and serialise
 * with a stable key order so that a file changes only where its content changed (clean git diffs).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { msg } from '../analysis/l10n';
import type { Localized } from '../analysis/types';
import schema from '../../data/sidecar.schema.json';
import { SIDECAR_VERSION, type Annotation, type SilencedEntry, type Sidecar } from './types';

/** Why a sidecar could not be used, in both languages. The file it came from is never rewritten. */
export class SidecarError extends Error {
  constructor(
    /** The sidecar's path or URI. */
    readonly file: string,
    readonly reason: Localized,
  ) {
    super(`${file}: ${reason.en}`);
  }
}

let compiled: ValidateFunction | undefined;

/** The compiled schema validator (compiled once, on first use). */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    // RFC 3339 date-time, as written by Date.prototype.toISOString (ajv-formats is not a dependency)
    ajv.addFormat('date-time', {
      type: 'string',
      validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
    });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : error.keyword === 'enum'
        ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
        : '';
  return `${where}: ${error.message ?? error.keyword}${extra}`;
}

/**
 * Validates a parsed value: the schema, then offsets, unique ids and the version. Returns the problems
 * (empty when valid); `text`, when given, is not consulted: offsets past the text's end make orphans, not errors.
 */
export function validateSidecar(value: unknown): Localized[] {
  if (value && typeof value === 'object' && typeof (value as { version?: unknown }).version === 'number') {
    const version = (value as { version: number }).version;
    if (version > SIDECAR_VERSION)
      return [
        msg(
          `文件格式版本 ${version} 比本程序支持的版本（${SIDECAR_VERSION}）新，请升级 PolicyMark`,
          `format version ${version} is newer than this PolicyMark supports (${SIDECAR_VERSION}); upgrade PolicyMark`,
        ),
      ];
  }
  const validate = schemaValidator();
  if (!validate(value)) {
    const details = (validate.errors ?? []).slice(0, 5).map(describe).join('; ');
    return [msg(`不符合旁注文件格式：${details}`, `does not match the sidecar schema: ${details}`)];
  }
  const sidecar = value as Sidecar;
  const problems: Localized[] = [];
  const seen = new Set<string>();
  for (const [i, a] of sidecar.annotations.entries()) {
    if (a.end < a.start) problems.push(msg(`/annotations/${i}：end 小于 start`, `/annotations/${i}: end is before start`));
    if (seen.has(a.id)) problems.push(msg(`/annotations/${i}：重复的 id ${a.id}`, `/annotations/${i}: duplicate id ${a.id}`));
    seen.add(a.id);
  }
  return problems;
}

/** Parses and validates the text of a sidecar file; throws SidecarError naming `file` and the reason. */
export function parseSidecar(json: string, file: string): Sidecar {
  let value: unknown;
  try {
    value = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SidecarError(
      file,
      msg(`不是有效的 JSON（${reason}）；文件保持原样，未被改写`, `is not valid JSON (${reason}); the file was left as it is`),
    );
  }
  const problems = validateSidecar(value);
  if (problems.length) {
    throw new SidecarError(
      file,
      msg(
        `${problems.map((p) => p.zh).join('；')}；文件保持原样，未被改写`,
        `${problems.map((p) => p.en).join('; ')}; the file was left as it is`,
      ),
    );
  }
  const sidecar = value as Sidecar & { $schema?: string };
  delete sidecar.$schema;
  return sidecar;
}

const ANNOTATION_KEYS: (keyof Annotation)[] = [
  'id',
  'label',
  'start',
  'end',
  'exact',
  'prefix',
  'suffix',
  'attributes',
  'orphan',
  'conflictOf',
  'created',
  'modified',
];
const ATTRIBUTE_KEYS = ['value', 'unit', 'canonical', 'issuer', 'year', 'serial', 'note'];
const SILENCED_KEYS: (keyof SilencedEntry)[] = ['code', 'exact', 'prefix', 'suffix'];

function ordered<T extends object>(value: T, keys: readonly string[], rest: 'sorted' | 'drop'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  if (rest === 'sorted')
    for (const key of Object.keys(record).sort()) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

/** The file text of a sidecar: stable key order, two-space indentation, final newline. */
export function serializeSidecar(sidecar: Sidecar): string {
  const body = {
    version: sidecar.version,
    source: sidecar.source,
    hash: sidecar.hash,
    annotations: sidecar.annotations.map((a) => {
      const out = ordered(a, ANNOTATION_KEYS, 'drop');
      if (a.attributes) out.attributes = ordered(a.attributes, ATTRIBUTE_KEYS, 'sorted');
      return ordered(out, ANNOTATION_KEYS, 'drop');
    }),
    silenced: sidecar.silenced.map((s) => ordered(s, SILENCED_KEYS, 'drop')),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
