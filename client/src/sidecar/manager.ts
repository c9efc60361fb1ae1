/**
 * The editor side of annotations: one in-memory sidecar per open text. Annotations move with every edit
 * made in the editor (unsaved ones included; quick fixes and fix-all arrive as edits too); the sidecar is
 * written when the text is saved (at once when the text has no unsaved changes), merged three-way if
 * someone else changed it meanwhile, and re-anchored when the text changed outside the editor. A sidecar
 * that cannot be read is reported and never written over: annotating that file is refused until it is fixed.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../../../server/src/analysis/types';
import { mapThroughEdits } from '../../../server/src/sidecar/edits';
import { SidecarError } from '../../../server/src/sidecar/format';
import { contentHash, emptySidecar } from '../../../server/src/sidecar/model';
import { reanchor } from '../../../server/src/sidecar/reanchor';
import { SIDECAR_STATE_NOTIFICATION, type SidecarStateParams } from '../../../server/src/sidecar/serverState';
import { loadSidecar, saveSidecar, type LoadedSidecar } from '../../../server/src/sidecar/store';
import type { Annotation, Sidecar } from '../../../server/src/sidecar/types';
import { sidecarUriFor, textUriForSidecar, workspaceSidecarIO } from './io';

/** The annotations of one text. */
export interface FileAnnotations {
  uri: vscode.Uri;
  /** What was last read from or written to disk (the base of a merge). */
  base: LoadedSidecar;
  /** The annotations as they are now, following unsaved edits. */
  current: Sidecar;
  /** Whether `current` has changes not yet written. */
  dirty: boolean;
}

/** The sidecar suffix setting for a resource. */
export function sidecarSuffix(uri?: vscode.Uri): string {
  const value = vscode.workspace.getConfiguration('policymark', uri).get<string>('sidecarSuffix') ?? '.policymark.json';
  return /^\.[\w.-]+$/.test(value) ? value : '.policymark.json';
}

/** Whether a document can have annotations: a file on disk, analysed as a policy text or plain text. */
export function isAnnotatable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && (document.languageId === 'policytext' || document.languageId === 'plaintext');
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Owns the open texts' annotations. */
export class AnnotationManager implements vscode.Disposable {
  private readonly files = new Map<string, FileAnnotations>();
  private readonly loading = new Map<string, Promise<FileAnnotations | undefined>>();
  private readonly broken = new Map<string, string>();
  private readonly pushed = new Map<string, string>();
  private readonly orphanTimers = new Map<string, NodeJS.Timeout>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fired when a file's annotations changed (undefined: several files). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly notifyServer: (method: string, params: SidecarStateParams) => void) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((d) => void this.get(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.textChanged(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.save(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => void this.sidecarChangedOnDisk(u)),
      watcher.onDidCreate((u) => void this.sidecarChangedOnDisk(u)),
      watcher.onDidDelete((u) => void this.sidecarChangedOnDisk(u)),
    );
    for (const d of vscode.workspace.textDocuments) void this.get(d);
  }

  dispose(): void {
    for (const t of this.orphanTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  /** Every open text's annotations. */
  all(): FileAnnotations[] {
    return [...this.files.values()];
  }

  /** A text's annotations if loaded. */
  peek(uri: vscode.Uri): FileAnnotations | undefined {
    return this.files.get(uri.toString());
  }

  /** The reason a text's sidecar is unusable, if it is. */
  problem(uri: vscode.Uri): string | undefined {
    return this.broken.get(uri.toString());
  }

  /** Loads (once) the annotations of a document, re-anchoring them if the text changed outside the editor. */
  async get(document: vscode.TextDocument): Promise<FileAnnotations | undefined> {
    if (!isAnnotatable(document)) return undefined;
    const key = document.uri.toString();
    const known = this.files.get(key);
    if (known) return known;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(document).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async load(document: vscode.TextDocument): Promise<FileAnnotations | undefined> {
    const key = document.uri.toString();
    const location = sidecarUriFor(document.uri, sidecarSuffix(document.uri)).toString();
    let base: LoadedSidecar;
    try {
      base = await loadSidecar(workspaceSidecarIO, location);
      this.broken.delete(key);
    } catch (error) {
      this.reportBroken(document.uri, error);
      return undefined;
    }
    const text = document.getText();
    let current = base.sidecar ?? emptySidecar(basename(document.uri), text);
    let dirty = false;
    if (base.sidecar && base.sidecar.hash !== contentHash(text)) {
      current = reanchor(base.sidecar, text).sidecar;
      dirty = true;
    }
    const file: FileAnnotations = { uri: document.uri, base, current, dirty };
    this.files.set(key, file);
    this.changed(file);
    // the text on disk is what the editor shows: the re-anchored offsets can be written now
    if (dirty && !document.isDirty) await this.save(document);
    return file;
  }

  private reportBroken(uri: vscode.Uri, error: unknown): void {
    const reason =
      error instanceof SidecarError
        ? `${error.file}: ${vscode.env.language.startsWith('zh') ? error.reason.zh : error.reason.en}`
        : error instanceof Error
          ? error.message
          : String(error);
    const first = !this.broken.has(uri.toString());
    this.broken.set(uri.toString(), reason);
    if (first) void vscode.window.showErrorMessage(vscode.l10n.t('PolicyMark cannot use the annotation file: {0}', reason));
  }

  /**
   * Changes a document's annotations. Written at once when the text has no unsaved changes (the offsets
   * then refer to the text on disk), otherwise when the text is saved.
   */
  async update(document: vscode.TextDocument, change: (sidecar: Sidecar, text: string) => Sidecar): Promise<FileAnnotations> {
    const file = await this.get(document);
    if (!file) {
      throw new Error(this.problem(document.uri) ?? vscode.l10n.t('Annotations need a text file saved on disk (policytext or plaintext).'));
    }
    const next = change(file.current, document.getText());
    if (next === file.current) return file;
    file.current = next;
    file.dirty = true;
    this.changed(file);
    if (!document.isDirty) await this.save(document);
    return file;
  }

  /** Writes a document's annotations (merging with changes on disk); reports conflicts and failures. */
  async save(document: vscode.TextDocument): Promise<void> {
    const file = this.files.get(document.uri.toString());
    if (!file) return;
    const text = document.getText();
    if (!file.dirty && file.current.hash === contentHash(text)) return;
    if (file.current.annotations.length === 0 && file.current.silenced.length === 0 && !file.base.snapshot.exists) {
      file.dirty = false;
      return;
    }
    try {
      const result = await saveSidecar(workspaceSidecarIO, file.base, { ...file.current, hash: contentHash(text) }, text);
      file.base = result.loaded;
      file.current = result.loaded.sidecar!;
      file.dirty = false;
      if (result.conflicts.length) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            '{0} annotation(s) in {1} were changed both here and elsewhere; both versions were kept.',
            result.conflicts.length,
            basename(document.uri),
          ),
        );
      }
      this.changed(file);
    } catch (error) {
      this.reportBroken(document.uri, error);
    }
  }

  private textChanged(event: vscode.TextDocumentChangeEvent): void {
    const file = this.files.get(event.document.uri.toString());
    if (!file || event.contentChanges.length === 0) return;
    // the changes of one event are simultaneous, in offsets of the text before it
    const edits: TextEdit[] = event.contentChanges.map((c) => ({
      start: c.rangeOffset,
      end: c.rangeOffset + c.rangeLength,
      newText: c.text,
    }));
    const text = event.document.getText();
    const before = file.current;
    file.current = mapThroughEdits(file.current, edits, text);
    if (file.current !== before) {
      file.dirty = true;
      this.changed(file);
      // a change that leaves the text as it is on disk (the file changed outside the editor and was
      // reloaded, or an undo back to the saved text) brings no save event: write the sidecar now, so the
      // offsets on disk match the text on disk
      if (!event.document.isDirty) void this.save(event.document);
    }
    if (file.current.annotations.some((a) => a.orphan)) this.scheduleOrphanSearch(event.document, file);
  }

  /** Orphans get another chance shortly after edits stop (an undo brings their text back). */
  private scheduleOrphanSearch(document: vscode.TextDocument, file: FileAnnotations): void {
    const key = document.uri.toString();
    clearTimeout(this.orphanTimers.get(key));
    this.orphanTimers.set(
      key,
      setTimeout(() => {
        this.orphanTimers.delete(key);
        const orphans = new Set(file.current.annotations.filter((a) => a.orphan).map((a) => a.id));
        if (!orphans.size || document.isClosed) return;
        const { sidecar, report } = reanchor(file.current, document.getText(), { only: orphans });
        if (report.orphans.length < orphans.size) {
          file.current = sidecar;
          file.dirty = true;
          this.changed(file);
        }
      }, 400),
    );
  }

  private async sidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const textUri = textUriForSidecar(sidecarUri, sidecarSuffix(sidecarUri));
    if (!textUri) return;
    const key = textUri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const file = this.files.get(key);
    if (!document) {
      this.emitter.fire(textUri);
      return;
    }
    if (!file) {
      // it may have been repaired: try again
      if (this.broken.has(key)) void this.get(document);
      return;
    }
    let loaded: LoadedSidecar;
    try {
      loaded = await loadSidecar(workspaceSidecarIO, file.base.location);
    } catch (error) {
      this.reportBroken(textUri, error);
      return;
    }
    if (loaded.snapshot.digest === file.base.snapshot.digest) return; // our own write
    if (file.dirty) return; // merged three-way when this window saves
    const text = document.getText();
    const sidecar = loaded.sidecar ?? emptySidecar(basename(textUri), text);
    file.base = loaded;
    file.current = sidecar.hash === contentHash(text) ? sidecar : reanchor(sidecar, text).sidecar;
    this.changed(file);
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const file = this.files.get(key);
    if (!file) return;
    // unsaved text edits were discarded: so are the annotation moves that followed them
    this.files.delete(key);
    this.pushed.delete(key);
    this.notifyServer(SIDECAR_STATE_NOTIFICATION, { uri: key, silenced: [], orphans: [], released: true });
    this.emitter.fire(document.uri);
  }

  private changed(file: FileAnnotations): void {
    this.emitter.fire(file.uri);
    const key = file.uri.toString();
    const params: SidecarStateParams = {
      uri: key,
      silenced: file.current.silenced,
      orphans: file.current.annotations
        .filter((a) => a.orphan)
        .map(({ id, label, exact, start, end }) => ({ id, label, exact, start, end })),
    };
    const signature = JSON.stringify(params);
    if (this.pushed.get(key) === signature) return;
    this.pushed.set(key, signature);
    this.notifyServer(SIDECAR_STATE_NOTIFICATION, params);
  }

  /** Sends every open file's state again (after the language server restarted). */
  resendAll(): void {
    this.pushed.clear();
    for (const file of this.files.values()) this.changed(file);
  }

  /** Labels used in the open files' annotations. */
  labelsInUse(): string[] {
    return [...new Set(this.all().flatMap((f) => f.current.annotations.map((a) => a.label)))];
  }

  /** The annotation with this id in a document. */
  find(uri: vscode.Uri, id: string): Annotation | undefined {
    return this.peek(uri)?.current.annotations.find((a) => a.id === id);
  }
}
