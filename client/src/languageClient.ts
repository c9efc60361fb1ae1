/** Starting the language server: the bundled server/out/server.js over IPC, for the documents PolicyMark analyses. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Documents the server sees: every policytext document, and plaintext ones matching policymark.include. */
export function documentSelector(include: readonly string[]): DocumentSelector {
  const selector: DocumentSelector = [
    { language: 'policytext', scheme: 'file' },
    { language: 'policytext', scheme: 'untitled' },
  ];
  for (const pattern of include) selector.push({ language: 'plaintext', scheme: 'file', pattern });
  return selector;
}

/** Creates (does not start) the client for the extension at `extensionPath`. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const config = vscode.workspace.getConfiguration('policymark');
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(config.get<string[]>('include') ?? ['**/*.txt']),
    synchronize: { configurationSection: 'policymark' },
    initializationOptions: { settings: config, trusted: vscode.workspace.isTrusted },
    outputChannelName: 'PolicyMark',
  };
  return new LanguageClient('policymark', 'PolicyMark', serverOptions, clientOptions);
}
