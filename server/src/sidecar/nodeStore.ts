/**
 * The node fs adapter of the sidecar store, for the CLI and the language server: atomic writes with
 * write-file-atomic (temporary file + fsync + rename), inter-process locks with proper-lockfile, and the
 * rule that a sidecar is only ever written next to its text (never through a symlink leading elsewhere).
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { msg } from '../analysis/l10n';
import { serializeSidecar, SidecarError } from './format';
import { decodeSidecar, type SidecarFileIO } from './store';
import type { Sidecar } from './types';

/** The default sidecar suffix (setting policymark.sidecarSuffix). */
export const DEFAULT_SIDECAR_SUFFIX = '.policymark.json';

/** `article.txt` → `article.txt.policymark.json`, in the same folder. */
export function sidecarPathFor(textPath: string, suffix: string = DEFAULT_SIDECAR_SUFFIX): string {
  return join(dirname(textPath), basename(textPath) + suffix);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/**
 * Refuses a sidecar path that is a symlink leading out of its own folder (or nowhere). Two stat calls on
 * one path: the synchronous check serves both the awaiting and the synchronous writers.
 */
export async function assertWritableBeside(location: string): Promise<void> {
  assertWritableBesideSync(location);
}

/** Lock timing: 50 processes tagging one file at once must all get their turn. */
const LOCK_OPTIONS: lockfile.LockOptions = {
  realpath: false,
  stale: 10_000,
  // a lock lost to staleness must not crash the process from a timer; the write that follows is still atomic
  onCompromised: () => undefined,
};

/** Retries while another process holds the lock (proper-lockfile would also retry EROFS, ENOSPC... for a minute). */
const LOCK_RETRY = { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 200 };

/** Takes the lock, waiting only while it is held by another process; any other failure is thrown at once. */
async function lockWhileHeld(location: string): Promise<() => Promise<void>> {
  let delay = LOCK_RETRY.minTimeout;
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(location, LOCK_OPTIONS);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || attempt >= LOCK_RETRY.retries) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay * (1 + Math.random())));
    delay = Math.min(LOCK_RETRY.maxTimeout, delay * LOCK_RETRY.factor);
  }
}

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
    try {
      await writeFileAtomic(location, data, { encoding: 'utf8' });
    } catch (error) {
      // a full disk, a read-only folder: write-file-atomic has removed its temporary file; the old one is whole
      throw new SidecarError(
        location,
        msg(
          `无法写入，原文件保持不变：${(error as Error).message}`,
          `could not write; the old file was left as it is: ${(error as Error).message}`,
        ),
      );
    }
  },
  async withLock(location, fn) {
    let release: () => Promise<void>;
    try {
      release = await lockWhileHeld(location);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
        throw new SidecarError(
          location,
          msg(
            `无法锁定（另一进程正在写入？）：${(error as Error).message}`,
            `could not be locked (another process writing?): ${(error as Error).message}`,
          ),
        );
      throw new SidecarError(
        location,
        msg(
          `无法在其文件夹中创建锁（只读或已满？），未写入：${(error as Error).message}`,
          `could not create its lock in the folder (read-only or full?); nothing was written: ${(error as Error).message}`,
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

/** Sleeps synchronously (for the one synchronous path: the `check --fix` write-back hook). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Refuses a sidecar path that is a symlink leading out of its own folder (or nowhere). */
function assertWritableBesideSync(location: string): void {
  let info;
  try {
    info = lstatSync(location);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  if (!info.isSymbolicLink()) return;
  let target: string;
  try {
    target = realpathSync(location);
  } catch {
    throw new SidecarError(
      location,
      msg('是指向不存在位置的符号链接，拒绝写入', 'is a symbolic link to nowhere; refusing to write through it'),
    );
  }
  if (dirname(target) !== realpathSync(dirname(location)))
    throw new SidecarError(
      location,
      msg(
        `是指向文本所在文件夹之外（${target}）的符号链接，拒绝写入`,
        `is a symbolic link leading outside the text's folder (${target}); refusing to write through it`,
      ),
    );
}

/**
 * Synchronous read-modify-write of an existing sidecar under the lock, for callers that cannot await
 * (the hook run after `check --fix` rewrote a text). Returns false when there is no sidecar.
 */
export function updateExistingSidecarSync(location: string, change: (sidecar: Sidecar) => Sidecar): boolean {
  if (!existsSync(location)) return false;
  let release: (() => void) | undefined;
  const deadline = Date.now() + 15_000;
  while (!release) {
    try {
      release = lockfile.lockSync(location, { realpath: false, stale: 10_000, onCompromised: () => undefined });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > deadline)
        throw new SidecarError(location, msg(`无法锁定：${(error as Error).message}`, `could not be locked: ${(error as Error).message}`));
      sleepSync(10 + Math.random() * 40);
    }
  }
  try {
    const bytes = readFileSync(location);
    const next = change(decodeSidecar(bytes, location));
    assertWritableBesideSync(location);
    writeFileAtomic.sync(location, serializeSidecar(next), { encoding: 'utf8' });
    return true;
  } finally {
    release();
  }
}
