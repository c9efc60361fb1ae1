/**
 * The annotations view: labels (with counts across the workspace) → files → annotations. Open files show
 * their in-memory state (unsaved moves included); other files are read from their sidecars.
 */
import * as vscode from 'vscode';
import { loadSidecar } from '../../../server/src/sidecar/store';
import type { Annotation } from '../../../server/src/sidecar/types';
import { textUriForSidecar, workspaceSidecarIO } from './io';
import { sidecarSuffix, type AnnotationManager } from './manager';

/** A node of the view. */
export type AnnotationNode =
  | { kind: 'label'; label: string; files: Map<string, Annotation[]>; count: number }
  | { kind: 'file'; label: string; uri: vscode.Uri; annotations: Annotation[] }
  | { kind: 'annotation'; uri: vscode.Uri; annotation: Annotation };

/** Arguments the view passes to annotation commands (the same shape tests pass). */
export interface AnnotationRef {
  uri: string;
  id: string;
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

export class AnnotationTree implements vscode.TreeDataProvider<AnnotationNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnnotationNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private byLabel = new Map<string, Map<string, Annotation[]>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Annotations read from the sidecars of files not open, rescanned only when a sidecar changes on disk. */
  private disk: Map<string, Annotation[]> | undefined;
  /** Errors met while reading sidecars of closed files (shown as a message on the root). */
  private problems: string[] = [];

  constructor(private readonly manager: AnnotationManager) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${sidecarSuffix()}`);
    const rescan = () => {
      this.disk = undefined;
      this.refreshSoon();
    };
    this.subscriptions.push(
      manager.onDidChange(() => this.refreshSoon()),
      watcher,
      watcher.onDidChange(rescan),
      watcher.onDidCreate(rescan),
      watcher.onDidDelete(rescan),
    );
    this.refreshSoon();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.emitter.dispose();
  }

  /** Rebuilds the view shortly (bursts of changes rebuild once). */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rebuild(), 250);
  }

  /** Every annotation of the workspace by file (text URI string). */
  async collect(): Promise<Map<string, Annotation[]>> {
    if (!this.disk) {
      const disk = new Map<string, Annotation[]>();
      const problems: string[] = [];
      const suffix = sidecarSuffix();
      for (const sidecarUri of await vscode.workspace.findFiles(`**/*${suffix}`, '**/node_modules/**')) {
        const textUri = textUriForSidecar(sidecarUri, suffix);
        if (!textUri) continue;
        try {
          const loaded = await loadSidecar(workspaceSidecarIO, sidecarUri.toString());
          if (loaded.sidecar?.annotations.length) disk.set(textUri.toString(), loaded.sidecar.annotations);
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
      this.disk = disk;
      this.problems = problems;
    }
    // open files show their in-memory state (unsaved moves included)
    const files = new Map(this.disk);
    for (const file of this.manager.all()) {
      if (file.current.annotations.length) files.set(file.uri.toString(), file.current.annotations);
      else files.delete(file.uri.toString());
    }
    return files;
  }

  private async rebuild(): Promise<void> {
    const files = await this.collect();
    const byLabel = new Map<string, Map<string, Annotation[]>>();
    for (const [uri, annotations] of files) {
      for (const a of annotations) {
        const perFile = byLabel.get(a.label) ?? new Map<string, Annotation[]>();
        perFile.set(uri, [...(perFile.get(uri) ?? []), a]);
        byLabel.set(a.label, perFile);
      }
    }
    this.byLabel = byLabel;
    this.emitter.fire(undefined);
  }

  /** Labels used anywhere in the workspace, for the tag command's list. */
  labels(): string[] {
    return [...this.byLabel.keys()];
  }

  getChildren(node?: AnnotationNode): AnnotationNode[] {
    if (!node) {
      return [...this.byLabel.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([label, files]) => ({ kind: 'label', label, files, count: [...files.values()].reduce((n, l) => n + l.length, 0) }));
    }
    if (node.kind === 'label') {
      return [...node.files.entries()]
        .map(([uri, annotations]): AnnotationNode => ({ kind: 'file', label: node.label, uri: vscode.Uri.parse(uri), annotations }))
        .sort((a, b) => (a.kind === 'file' && b.kind === 'file' ? relative(a.uri).localeCompare(relative(b.uri)) : 0));
    }
    if (node.kind === 'file') return node.annotations.map((annotation) => ({ kind: 'annotation', uri: node.uri, annotation }));
    return [];
  }

  getTreeItem(node: AnnotationNode): vscode.TreeItem {
    if (node.kind === 'label') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'policymark.label';
      if (this.problems.length) item.tooltip = this.problems.join('\n');
      return item;
    }
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(relative(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.annotations.length);
      item.resourceUri = node.uri;
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const a = node.annotation;
    const item = new vscode.TreeItem(a.exact.replace(/\s+/g, ' ').slice(0, 60), vscode.TreeItemCollapsibleState.None);
    const note = a.attributes?.note;
    item.description = a.orphan ? vscode.l10n.t('orphan') : note ? String(note) : undefined;
    item.iconPath = new vscode.ThemeIcon(a.orphan ? 'warning' : 'symbol-field');
    item.contextValue = 'policymark.annotation';
    const ref: AnnotationRef = { uri: node.uri.toString(), id: a.id };
    item.command = { command: 'policymark.revealAnnotation', title: vscode.l10n.t('Go to Annotation'), arguments: [ref] };
    return item;
  }
}
