/**
 * The user's own data files named in settings (policymark.aliasFiles, policymark.userDictionaries) or on
 * the command line (--aliases, --user-dict): resolved against the workspace folder, read with node fs,
 * validated, and handed to the pure core as plain data. A file that cannot be used is reported by name
 * and left out; the built-in data keeps working.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { msg } from './analysis/l10n';
import type { Localized } from './analysis/types';

/** A user file that was left out, and why. */
export interface UserFileProblem {
  file: string;
  reason: Localized;
}

/** Largest alias file accepted: a dictionary of every institution in China is far smaller. */
const MAX_ALIAS_BYTES = 16 * 1024 * 1024;

/** Paths from settings, made absolute: relative ones are taken from the first workspace folder (a file: URI or path). */
export function resolveUserPaths(paths: readonly string[], folder: string | undefined): string[] {
  const base = folder ? (folder.startsWith('file:') ? fileURLToPath(folder) : folder) : process.cwd();
  return paths.filter((p) => p.trim() !== '').map((p) => (isAbsolute(p) ? p : join(base, p)));
}

const aliasCache = new Map<string, { mtimeMs: number; size: number; table: Map<string, string> }>();

/**
 * Reads alias files (`{ "abbreviation": "full name", ... }`), later files overriding earlier ones. Entries
 * must be non-empty strings of a sensible length; anything else makes the file's problem list, not a crash.
 * Files are cached by modification time and size, so a hover does not re-read them.
 */
export function loadAliasFiles(files: readonly string[]): { table: Map<string, string>; problems: UserFileProblem[] } {
  const table = new Map<string, string>();
  const problems: UserFileProblem[] = [];
  for (const file of files) {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      problems.push({ file, reason: msg('别名文件不存在或无法访问', 'the alias file does not exist or cannot be accessed') });
      continue;
    }
    if (!stat.isFile() || stat.size > MAX_ALIAS_BYTES) {
      problems.push({ file, reason: msg('别名文件不是普通文件或过大', 'the alias file is not a regular file or is too large') });
      continue;
    }
    const cached = aliasCache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      for (const [k, v] of cached.table) table.set(k, v);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push({ file, reason: msg(`别名文件不是有效的 JSON（${why}）`, `the alias file is not valid JSON (${why})`) });
      continue;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      problems.push({
        file,
        reason: msg(
          '别名文件应为 { "简称": "全称" } 形式的 JSON 对象',
          'the alias file must be a JSON object { "abbreviation": "full name" }',
        ),
      });
      continue;
    }
    const own = new Map<string, string>();
    const bad: string[] = [];
    for (const [alias, full] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof full === 'string' && alias.trim() && full.trim() && alias.length <= 64 && full.length <= 128)
        own.set(alias.trim(), full.trim());
      else bad.push(alias);
    }
    if (bad.length) {
      const shown = bad.slice(0, 3).join('、');
      problems.push({
        file,
        reason: msg(
          `已跳过 ${bad.length} 个无效条目（${shown}）`,
          `${bad.length} invalid entr${bad.length === 1 ? 'y was' : 'ies were'} skipped (${shown})`,
        ),
      });
    }
    aliasCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, table: own });
    for (const [k, v] of own) table.set(k, v);
  }
  return { table, problems };
}
