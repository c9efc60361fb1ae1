/**
 * Three-way merge of sidecars: `base` is the version this writer last read, `ours` what it wants to write,
 * `theirs` what another writer (a second window, git checkout, the CLI) put on disk since. Changes to
 * different annotations are merged; when both changed the same one differently, both versions are kept
 * (theirs as a copy marked `conflictOf`) and the conflict is reported. Nothing is lost.
 */
import { randomUUID } from 'node:crypto';
import { silencedKeyOf, sortAnnotations } from './model';
import type { Annotation, Sidecar, SilencedEntry } from './types';

/** A conflict: the same annotation changed by both writers (or changed by one and deleted by the other). */
export interface MergeConflict {
  id: string;
  kind: 'both-changed' | 'changed-and-deleted';
  /** The id of the copy that keeps the other writer's version, when one was made. */
  copyId?: string;
}

/** Order-independent equality of two plain JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function byId(list: readonly Annotation[]): Map<string, Annotation> {
  return new Map(list.map((a) => [a.id, a]));
}

/** Merges annotations and silenced findings; the header (hash, source) is ours, the writer whose text it is. */
export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar): { merged: Sidecar; conflicts: MergeConflict[] } {
  const b = byId(base?.annotations ?? []);
  const o = byId(ours.annotations);
  const t = byId(theirs.annotations);
  const ids = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  const annotations: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  for (const id of ids) {
    const inBase = b.get(id);
    const mine = o.get(id);
    const other = t.get(id);
    if (!inBase) {
      // added on one side, or (never with random UUIDs, but possible with hand-edited files) on both
      if (mine && other && !sameValue(mine, other)) {
        const copyId = randomUUID();
        annotations.push(mine, { ...other, id: copyId, conflictOf: id });
        conflicts.push({ id, kind: 'both-changed', copyId });
      } else annotations.push((mine ?? other)!);
      continue;
    }
    const mineChanged = !mine || !sameValue(mine, inBase);
    const otherChanged = !other || !sameValue(other, inBase);
    if (!mineChanged) {
      if (other) annotations.push(other);
    } else if (!otherChanged) {
      if (mine) annotations.push(mine);
    } else if (mine && other) {
      if (sameValue(mine, other)) annotations.push(mine);
      else {
        const copyId = randomUUID();
        annotations.push(mine, { ...other, id: copyId, conflictOf: id });
        conflicts.push({ id, kind: 'both-changed', copyId });
      }
    } else if (mine || other) {
      // deleted by one writer, changed by the other: the change wins, and the user is told
      annotations.push((mine ?? other)!);
      conflicts.push({ id, kind: 'changed-and-deleted' });
    }
  }
  return {
    merged: {
      ...ours,
      annotations: sortAnnotations(annotations),
      silenced: mergeSilenced(base?.silenced ?? [], ours.silenced, theirs.silenced),
    },
    conflicts,
  };
}

/** Silenced findings are a set: an entry stays if either side added it and neither removed it. */
function mergeSilenced(base: readonly SilencedEntry[], ours: readonly SilencedEntry[], theirs: readonly SilencedEntry[]): SilencedEntry[] {
  const keys = (list: readonly SilencedEntry[]) => new Set(list.map(silencedKeyOf));
  const kb = keys(base);
  const ko = keys(ours);
  const kt = keys(theirs);
  const out: SilencedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of [...ours, ...theirs]) {
    const key = silencedKeyOf(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    const removed = kb.has(key) && (!ko.has(key) || !kt.has(key));
    if (!removed) out.push(entry);
  }
  return out;
}
