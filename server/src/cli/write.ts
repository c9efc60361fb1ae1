/** Writing a repaired text back: atomically (temporary file + rename), keeping its BOM. */
import writeFileAtomic from 'write-file-atomic';
import type { TextEdit } from '../analysis/types';

/** What changed, so that annotations in the text's sidecar can follow the edits. */
export interface TextChange {
  oldText: string;
  /** Rounds of edits, each in offsets of the previous round's text. */
  steps: TextEdit[][];
}

/** Hooks run after a text was rewritten (the sidecar module registers one to move annotations). */
const afterWriteHooks: ((path: string, newText: string, change: TextChange) => void)[] = [];

/** Registers a hook called after each successful write-back. */
export function onTextRewritten(hook: (path: string, newText: string, change: TextChange) => void): void {
  afterWriteHooks.push(hook);
}

/** Replaces `path` with `text` atomically; the old file stays whole if anything fails. */
export function writeTextAtomic(path: string, text: string, bom: boolean, change: TextChange): void {
  writeFileAtomic.sync(path, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8' });
  for (const hook of afterWriteHooks) hook(path, text, change);
}
