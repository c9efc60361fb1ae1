/** Wires the editor side of annotations: the manager, decorations, the tree view, the status bar and orphan quick fixes. */
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../commands/types';
import { setAnnotationServices } from './actions';
import { OrphanCodeActions } from './codeActions';
import { AnnotationDecorations } from './decorations';
import { AnnotationManager } from './manager';
import { AnnotationStatus } from './statusBar';
import { AnnotationTree } from './treeView';

/** The view id of the annotations tree (contributes.views). */
export const ANNOTATIONS_VIEW = 'policymarkAnnotations';

/** Creates the annotation services; the returned manager is told when the language server (re)starts. */
export function registerAnnotations(ctx: ExtensionContextLike): AnnotationManager {
  const manager = new AnnotationManager((method, params) => {
    const client = ctx.client();
    if (client?.isRunning()) client.sendNotification(method, params).catch(() => undefined);
  });
  const tree = new AnnotationTree(manager);
  setAnnotationServices(manager, tree);
  ctx.extension.subscriptions.push(
    manager,
    tree,
    new AnnotationDecorations(manager),
    new AnnotationStatus(manager),
    vscode.window.createTreeView(ANNOTATIONS_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.languages.registerCodeActionsProvider(
      [
        { scheme: 'file', language: 'policytext' },
        { scheme: 'file', language: 'plaintext' },
      ],
      new OrphanCodeActions(manager),
      {
        providedCodeActionKinds: OrphanCodeActions.kinds,
      },
    ),
  );
  return manager;
}
