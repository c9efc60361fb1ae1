/**
 * The command table: every command is a small factory `(ctx) => handler`, registered from here in one
 * loop (as rust-analyzer's client does). Adding a command is a file in this folder, a line here and an
 * entry in package.json's contributes.commands.
 */
import * as vscode from 'vscode';
import type { ExtensionContextLike } from './types';
import { switchToPolicyText } from './switchToPolicyText';
import { restartServer } from './restartServer';

const COMMANDS: Record<string, (ctx: ExtensionContextLike) => (...args: unknown[]) => unknown> = {
  'policymark.switchToPolicyText': switchToPolicyText,
  'policymark.restartServer': restartServer,
};

/** Registers every command of the table. */
export function registerCommands(ctx: ExtensionContextLike): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
  }
}

/** Command ids, for the manifest test. */
export const COMMAND_IDS = Object.keys(COMMANDS);
