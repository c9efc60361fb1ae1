/** Switches the active editor's document to the policytext language (the file keeps its .txt name). */
import * as vscode from 'vscode';
import type { ExtensionContextLike } from './types';

export const switchToPolicyText = (_ctx: ExtensionContextLike) => async () => {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file first.'));
    return;
  }
  await vscode.languages.setTextDocumentLanguage(editor.document, 'policytext');
};
