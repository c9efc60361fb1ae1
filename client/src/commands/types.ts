/** What command factories receive. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface ExtensionContextLike {
  extension: vscode.ExtensionContext;
  /** The running client (replaced on restart). */
  client(): LanguageClient | undefined;
  restartClient(): Promise<void>;
}
