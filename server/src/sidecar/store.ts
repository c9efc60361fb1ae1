/**
 * Loading and saving a sidecar through an I/O adapter (node fs for the CLI and the server, workspace.fs in
 * the extension). The rules of DESIGN.md live here, once:
 * - a sidecar that fails to parse or validate is reported (SidecarError) and never overwritten;
 * - writes are atomic (the adapter's temporary file + rename) and made under the adapter's lock;
 * - a file changed on disk since it was read is merged three-way with what we read, not overwritten.
 */
import { createHash } from 'node:crypto';
import { msg } from '../analysis/l10n';
import { parseSidecar, serializeSidecar, SidecarError } from './format';
import { mergeSidecars, type MergeConflict } from './merge';
import { contentHash, emptySidecar } from './model';
import { reanchor, type ReanchorReport } from './reanchor';
import type { Sidecar } from './types';

/** File access for the store. Locations are paths (node) or URI strings (the extension). */
export interface SidecarFileIO {
  /** The file's bytes, or undefined when it does not exist. */
  read(location: string): Promise<Uint8Array | undefined>;
  /** Its modification time in ms, or undefined when it does not exist (a quick change check; the hash decides). */
  mtime(location: string): Promise<number | undefined>;
  /** Replaces the file atomically: the old or the new content, never a truncated one. */
  writeAtomic(location: string, data: string): Promise<void>;
  /** Runs `fn` holding an exclusive lock on `location` (across processes where the adapter can). */
  withLock<T>(location: string, fn: () => Promise<T>): Promise<T>;
}

/** What was on disk when a sidecar was read: the base for detecting another writer's change. */
export interface DiskSnapshot {
  exists: boolean;
  /** sha256 of the raw bytes. */
  digest: string;
  mtime?: number;
}

/** A sidecar as read, with the snapshot it came from. `sidecar` is undefined when there is no file yet. */
export interface LoadedSidecar {
  location: string;
  sidecar: Sidecar | undefined;
  snapshot: DiskSnapshot;
}

function digestOf(bytes: Uint8Array | undefined): string {
  return bytes ? createHash('sha256').update(bytes).digest('hex') : 'absent';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses a sidecar's bytes; SidecarError when they are not UTF-8, JSON or a valid sidecar. */
export function decodeSidecar(bytes: Uint8Array, location: string): Sidecar {
  let json: string;
  try {
    json = decoder.decode(bytes);
  } catch {
    throw new SidecarError(location, msg('不是 UTF-8 文本；文件保持原样，未被改写', 'is not UTF-8 text; the file was left as it is'));
  }
  return parseSidecar(json, location);
}

/** Reads a sidecar; throws SidecarError when it exists but cannot be used. */
export async function loadSidecar(io: SidecarFileIO, location: string): Promise<LoadedSidecar> {
  const mtime = await io.mtime(location);
  const bytes = await io.read(location);
  const snapshot: DiskSnapshot = { exists: bytes !== undefined, digest: digestOf(bytes), ...(mtime !== undefined ? { mtime } : {}) };
  return { location, sidecar: bytes ? decodeSidecar(bytes, location) : undefined, snapshot };
}

/** The result of a save. */
export interface SaveResult {
  /** What is now on disk. */
  loaded: LoadedSidecar;
  /** True when another writer had changed the file and the two versions were merged. */
  merged: boolean;
  conflicts: MergeConflict[];
  /** Set when merged annotations had to be re-anchored against the text. */
  reanchored?: ReanchorReport;
}

async function writeSnapshot(io: SidecarFileIO, location: string, sidecar: Sidecar): Promise<LoadedSidecar> {
  const data = serializeSidecar(sidecar);
  await io.writeAtomic(location, data);
  const mtime = await io.mtime(location);
  return {
    location,
    sidecar,
    snapshot: { exists: true, digest: digestOf(new TextEncoder().encode(data)), ...(mtime !== undefined ? { mtime } : {}) },
  };
}

/**
 * Saves `ours`, which was derived from `base` (what this writer last read). If the file changed on disk
 * since, the change is merged three-way; `text`, when given, is the current text, against which merged
 * annotations made on another version are re-anchored. A file on disk that no longer parses is not touched.
 */
export async function saveSidecar(io: SidecarFileIO, base: LoadedSidecar, ours: Sidecar, text?: string): Promise<SaveResult> {
  return io.withLock(base.location, async () => {
    const bytes = await io.read(base.location);
    if (digestOf(bytes) === base.snapshot.digest) {
      return { loaded: await writeSnapshot(io, base.location, ours), merged: false, conflicts: [] };
    }
    if (!bytes) {
      // deleted by another writer since we read it: what we hold is all there is; writing it loses nothing
      return { loaded: await writeSnapshot(io, base.location, ours), merged: false, conflicts: [] };
    }
    const theirs = decodeSidecar(bytes, base.location);
    const { merged: union, conflicts } = mergeSidecars(base.sidecar, ours, theirs);
    let merged = union;
    let reanchored: ReanchorReport | undefined;
    if (text !== undefined && theirs.hash !== ours.hash) {
      const result = reanchor(merged, text, { force: true });
      merged = result.sidecar;
      reanchored = result.report;
    }
    return { loaded: await writeSnapshot(io, base.location, merged), merged: true, conflicts, ...(reanchored ? { reanchored } : {}) };
  });
}

/**
 * Read-modify-write under the lock (the CLI's way: nobody can write in between, so there is nothing to
 * merge). The sidecar is first re-anchored to `text` if it was made on another version of it. `change`
 * returns the new sidecar, or undefined to leave the file as it is.
 */
export async function updateSidecar<R>(
  io: SidecarFileIO,
  location: string,
  source: string,
  text: string,
  change: (sidecar: Sidecar, reanchored: ReanchorReport | undefined) => { sidecar: Sidecar | undefined; result: R },
): Promise<{ result: R; loaded: LoadedSidecar; written: boolean }> {
  return io.withLock(location, async () => {
    const loaded = await loadSidecar(io, location);
    let current = loaded.sidecar ?? emptySidecar(source, text);
    let report: ReanchorReport | undefined;
    if (loaded.sidecar && loaded.sidecar.hash !== contentHash(text)) {
      const r = reanchor(loaded.sidecar, text);
      current = r.sidecar;
      report = r.report;
    }
    const { sidecar, result } = change(current, report);
    if (!sidecar) return { result, loaded, written: false };
    return { result, loaded: await writeSnapshot(io, location, sidecar), written: true };
  });
}
