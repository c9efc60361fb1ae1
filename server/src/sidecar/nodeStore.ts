/**
 * The node fs adapter of the sidecar store, for the CLI and the language server: atomic writes with
 * write-file-atomic (temporary file + fsync + rename), inter-process locks with proper-lockfile, and the
 * rule that a sidecar is only ever written next to its text (never through a symlink leading elsewhere).
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { msg } from '../analysis/l10n';
import { SidecarError } from './format';
import type { SidecarFileIO } from './store';

/** The default sidecar suffix (setting policymark.sidecarSuffix). */
export const DEFAULT_SIDECAR_SUFFIX = '.policymark.json';

/** `article.txt` → `article.txt.policymark.json`, in the same folder. */
export function sidecarPathFor(textPath: string, suffix: string = DEFAULT_SIDECAR_SUFFIX): string {
  return join(dirname(textPath), basename(textPath) + suffix);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Refuses a sidecar path that is a symlink leading out of its own folder (or nowhere). */
export async function assertWritableBeside(location: string): Promise<void> {
  let info;
  try {
    info = await lstat(location);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  if (!info.isSymbolicLink()) return;
  let target: string;
  try {
    target = await realpath(location);
  } catch {
    throw new SidecarError(
      location,
      msg('是指向不存在位置的符号链接，拒绝写入', 'is a symbolic link to nowhere; refusing to write through it'),
    );
  }
  const folder = await realpath(dirname(location));
  if (dirname(target) !== folder)
    throw new SidecarError(
      location,
      msg(
        `是指向文本所在文件夹之外（${target}）的符号链接，拒绝写入`,
        `is a symbolic link leading outside the text's folder (${target}); refusing to write through it`,
      ),
    );
}

/** Lock timing: 50 processes tagging one file at once must all get their turn. */
const LOCK_OPTIONS: lockfile.LockOptions = {
  realpath: false,
  stale: 10_000,
  retries: { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 200, randomize: true },
  // a lock lost to staleness must not crash the process from a timer; the write that follows is still atomic
  onCompromised: () => undefined,
};

/** The node fs adapter. */
export const nodeSidecarIO: SidecarFileIO = {
  async read(location) {
    try {
      return await readFile(location);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new SidecarError(
        location,
        msg(`无法读取：${String((error as Error).message)}`, `cannot read: ${String((error as Error).message)}`),
      );
    }
  },
  async mtime(location) {
    try {
      return (await stat(location)).mtimeMs;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },
  async writeAtomic(location, data) {
    await assertWritableBeside(location);
    await writeFileAtomic(location, data, { encoding: 'utf8' });
  },
  async withLock(location, fn) {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(location, LOCK_OPTIONS);
    } catch (error) {
      throw new SidecarError(
        location,
        msg(
          `无法锁定（另一进程正在写入？）：${(error as Error).message}`,
          `could not be locked (another process writing?): ${(error as Error).message}`,
        ),
      );
    }
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  },
};
