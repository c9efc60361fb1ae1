/** A status bar item with the active file's annotation count; click to open the annotations view. */
import * as vscode from 'vscode';
import type { AnnotationManager } from './manager';

export class AnnotationStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policymark.annotations', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly manager: AnnotationManager) {
    this.item.name = vscode.l10n.t('PolicyMark annotations');
    this.item.command = 'policymarkAnnotations.focus';
    this.disposables.push(
      this.item,
      manager.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    );
    this.refresh();
  }

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    const file = editor && this.manager.peek(editor.document.uri);
    const problem = editor && this.manager.problem(editor.document.uri);
    if (problem) {
      this.item.text = '$(error) ' + vscode.l10n.t('Annotations');
      this.item.tooltip = problem;
      this.item.show();
      return;
    }
    if (!file) {
      this.item.hide();
      return;
    }
    const count = file.current.annotations.length;
    const orphans = file.current.annotations.filter((a) => a.orphan).length;
    this.item.text = `$(tag) ${count}${orphans ? ` $(warning) ${orphans}` : ''}${file.dirty ? ' •' : ''}`;
    this.item.tooltip = orphans
      ? vscode.l10n.t('{0} annotations, {1} orphaned (their text can no longer be found)', count, orphans)
      : vscode.l10n.t('{0} annotations in this file', count);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
