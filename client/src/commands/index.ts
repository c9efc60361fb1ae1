/**
 * The command table: every command is a small factory `(ctx) => handler`, registered from here in one
 * loop (as rust-analyzer's client does). Adding a command is a file in this folder, a line here and an
 * entry in package.json's contributes.commands.
 */
import * as vscode from 'vscode';
import type { ExtensionContextLike } from './types';
import { switchToPolicyText } from './switchToPolicyText';
import { restartServer } from './restartServer';
import { tagMetric } from './tagMetric';
import { tagOrganisation } from './tagOrganisation';
import { tagDocument } from './tagDocument';
import { tagCustom } from './tagCustom';
import { acceptEntity } from './acceptEntity';
import { acceptAllEntities } from './acceptAllEntities';
import { editAnnotation } from './editAnnotation';
import { relabelAnnotation } from './relabelAnnotation';
import { deleteAnnotation } from './deleteAnnotation';
import { nextAnnotation } from './nextAnnotation';
import { previousAnnotation } from './previousAnnotation';
import { reanchorAnnotation } from './reanchorAnnotation';
import { silenceFinding } from './silenceFinding';
import { exportAnnotations } from './exportAnnotations';
import { importAnnotations } from './importAnnotations';
import { revealAnnotation } from './revealAnnotation';
import { refreshAnnotations } from './refreshAnnotations';

const COMMANDS: Record<string, (ctx: ExtensionContextLike) => (...args: unknown[]) => unknown> = {
  'policymark.switchToPolicyText': switchToPolicyText,
  'policymark.restartServer': restartServer,
  // annotations (client/src/sidecar/actions.ts): each takes an optional argument object, for scripts and tests
  'policymark.tagMetric': tagMetric,
  'policymark.tagOrganisation': tagOrganisation,
  'policymark.tagDocument': tagDocument,
  'policymark.tagCustom': tagCustom,
  'policymark.acceptEntity': acceptEntity,
  'policymark.acceptAllEntities': acceptAllEntities,
  'policymark.editAnnotation': editAnnotation,
  'policymark.relabelAnnotation': relabelAnnotation,
  'policymark.deleteAnnotation': deleteAnnotation,
  'policymark.nextAnnotation': nextAnnotation,
  'policymark.previousAnnotation': previousAnnotation,
  'policymark.reanchorAnnotation': reanchorAnnotation,
  'policymark.silenceFinding': silenceFinding,
  'policymark.exportAnnotations': exportAnnotations,
  'policymark.importAnnotations': importAnnotations,
  'policymark.revealAnnotation': revealAnnotation,
  'policymark.refreshAnnotations': refreshAnnotations,
};

/** Registers every command of the table. */
export function registerCommands(ctx: ExtensionContextLike): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
  }
}

/** Command ids, for the manifest test. */
export const COMMAND_IDS = Object.keys(COMMANDS);
