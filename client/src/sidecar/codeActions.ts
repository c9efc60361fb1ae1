/**
 * Quick fixes of `orphan-annotation` diagnostics, offered by the extension (which holds the annotations):
 * re-anchor the orphan at the selection, or delete it.
 */
import * as vscode from 'vscode';
import type { AnnotationManager } from './manager';

export class OrphanCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly manager: AnnotationManager) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const file = this.manager.peek(document.uri);
    if (!file) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      if (code !== 'orphan-annotation') continue;
      const at = document.offsetAt(diagnostic.range.start);
      for (const orphan of file.current.annotations.filter((a) => a.orphan && Math.min(a.start, document.getText().length) === at)) {
        const ref = { uri: document.uri.toString(), id: orphan.id };
        if (!range.isEmpty) {
          const here = new vscode.CodeAction(
            vscode.l10n.t('Re-anchor the "{0}" annotation at the selection', orphan.label),
            vscode.CodeActionKind.QuickFix,
          );
          here.diagnostics = [diagnostic];
          here.command = {
            command: 'policymark.reanchorAnnotation',
            title: here.title,
            arguments: [{ ...ref, start: document.offsetAt(range.start), end: document.offsetAt(range.end) }],
          };
          actions.push(here);
        } else {
          const hint = new vscode.CodeAction(
            vscode.l10n.t('Re-anchor the "{0}" annotation (select its text first)', orphan.label),
            vscode.CodeActionKind.QuickFix,
          );
          hint.diagnostics = [diagnostic];
          hint.command = { command: 'policymark.reanchorAnnotation', title: hint.title, arguments: [ref] };
          actions.push(hint);
        }
        const remove = new vscode.CodeAction(vscode.l10n.t('Delete the "{0}" annotation', orphan.label), vscode.CodeActionKind.QuickFix);
        remove.diagnostics = [diagnostic];
        remove.command = { command: 'policymark.deleteAnnotation', title: remove.title, arguments: [ref] };
        actions.push(remove);
      }
    }
    return actions;
  }
}
