/** activate/deactivate only: wires the language client, the commands and the views. */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands/index';
import { registerAnnotations } from './sidecar/index';
import type { AnnotationManager } from './sidecar/manager';

let client: LanguageClient | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  const restartClient = async () => {
    await client?.stop().catch(() => undefined);
    client = createLanguageClient(extension);
    // a new server (started here, or restarted by the client after a crash) knows nothing of the open
    // files' annotations and silenced findings: send them again whenever it is running
    extension.subscriptions.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) annotations.resendAll();
      }),
    );
    await client.start();
  };
  registerCommands({ extension, client: () => client, restartClient });
  const annotations: AnnotationManager = registerAnnotations({ extension, client: () => client, restartClient });
  // policymark.include decides which plaintext files the server sees: a change needs a new client
  extension.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('policymark.include')) void restartClient();
    }),
    // Restricted Mode is decided when the server starts: trusting the workspace needs a new one
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restartClient()),
  );
  await restartClient();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
