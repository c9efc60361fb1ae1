/**
 * The PolicyMark language server: connection, capabilities and handler registration; nothing else.
 * Runs over IPC from the VS Code client or over stdio (`policymark-ls --stdio`) for any LSP client.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysisCache';
import { languageOf } from './analysis/l10n';
import type { AnalysisOptions } from './analysis/options';
import { currentSegmenter, loadSegmenter, segmenterLoadError } from './analysis/segment';
import type { Language } from './analysis/types';
import type { ServerContext } from './context';
import { registerCodeActions, FIX_ALL_KIND } from './handlers/codeActions';
import { registerDiagnostics } from './handlers/diagnostics';
import { normalizeSettings, severitiesFrom, type PolicyMarkSettings } from './settings';
import { CodeActionKind } from 'vscode-languageserver';

declare const POLICYMARK_VERSION: string;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let clientLocale: string | undefined;
let supportsConfiguration = false;
let supportsDiagnosticRefresh = false;
let segmenterWanted = true;
const settingsCache = new Map<string, Promise<PolicyMarkSettings>>();

async function settingsFor(uri: string): Promise<PolicyMarkSettings> {
  if (!supportsConfiguration) return normalizeSettings(globalSettings);
  let cached = settingsCache.get(uri);
  if (!cached) {
    cached = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'policymark' })
      .then(normalizeSettings, () => normalizeSettings({}));
    settingsCache.set(uri, cached);
  }
  return cached;
}
let globalSettings: unknown = {};

const analyses = new AnalysisCache(async (uri) => {
  const settings = await settingsFor(uri);
  const options: AnalysisOptions = { severities: severitiesFrom(settings), userWords: settings.words };
  const segmenter = currentSegmenter();
  if (segmenter && settings.segmenter) options.segmenter = segmenter;
  return { options, maxDocumentSize: settings.maxDocumentSize };
});

const ctx: ServerContext = {
  connection,
  documents,
  analyses,
  settingsFor,
  languageFor(settings): Language {
    return settings.language === 'auto' ? languageOf(clientLocale) : settings.language;
  },
  refreshDiagnostics() {
    if (supportsDiagnosticRefresh) connection.languages.diagnostics.refresh().catch(() => undefined);
  },
};

connection.onInitialize((params): InitializeResult => {
  clientLocale = params.locale ?? process.env.LANG;
  const caps = params.capabilities;
  supportsConfiguration = caps.workspace?.configuration === true;
  supportsDiagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
  const init = (params.initializationOptions ?? {}) as { settings?: unknown };
  globalSettings = init.settings ?? {};
  segmenterWanted = normalizeSettings(globalSettings).segmenter;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    },
    serverInfo: { name: 'policymark-ls', version: typeof POLICYMARK_VERSION === 'string' ? POLICYMARK_VERSION : 'dev' },
  };
});

connection.onInitialized(() => {
  // The segmenter takes about a second to load: do it after the first requests have been answered,
  // then re-analyse with it. Until then the detectors that need it stay silent.
  if (!segmenterWanted) return;
  setTimeout(() => {
    const started = Date.now();
    if (loadSegmenter()) {
      connection.console.info(`policymark: segmenter loaded in ${Date.now() - started} ms`);
      analyses.clear();
      ctx.refreshDiagnostics();
    } else {
      connection.console.warn(`policymark: segmenter unavailable, continuing without it: ${segmenterLoadError()?.message}`);
    }
  }, 50);
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!supportsConfiguration) globalSettings = (change.settings as { policymark?: unknown })?.policymark ?? {};
  analyses.clear();
  ctx.refreshDiagnostics();
});

documents.onDidClose((event) => {
  analyses.delete(event.document.uri);
  settingsCache.delete(event.document.uri);
});

registerDiagnostics(ctx);
registerCodeActions(ctx);

documents.listen(connection);
connection.listen();
