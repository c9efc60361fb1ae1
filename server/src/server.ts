/**
 * The PolicyMark language server: connection, capabilities and handler registration; nothing else.
 * Runs over IPC from the VS Code client or over stdio (`policymark-ls --stdio`) for any LSP client.
 */
// first: starts the analysis worker booting while the rest of this bundle is evaluated
import './earlyWorker';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DocumentAnalysisOptions } from './analysisCache';
import { createAnalyzer } from './analyzer';
import { languageOf } from './analysis/l10n';
import type { AnalysisOptions, WorkspaceFacts } from './analysis/options';
import type { Language } from './analysis/types';
import type { ServerContext } from './context';
import { CODE_ACTION_KINDS, registerCodeActions } from './handlers/codeActions';
import { registerDefinition } from './handlers/definition';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentHighlight } from './handlers/documentHighlight';
import { registerDocumentSymbols } from './handlers/documentSymbols';
import { registerFoldingRanges } from './handlers/foldingRanges';
import { registerHover } from './handlers/hover';
import { registerReferences } from './handlers/references';
import { registerSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './handlers/semanticTokens';
import { registerWorkspaceSymbols } from './handlers/workspaceSymbols';
import { loadAliasFiles, resolveUserPaths, type UserFileProblem } from './userData';
import { isTrusted, restrictSettings, RESTRICTED_MESSAGE } from './trust';
import { normalizeSettings, severitiesFrom, type PolicyMarkSettings } from './settings';
import { SIDECAR_STATE_NOTIFICATION, SidecarStates, type SidecarStateParams } from './sidecar/serverState';
import { registerSidecarRequests } from './sidecar/serverRequests';
import { entryFromAnalysis, WorkspaceIndex } from './workspace/index';
import { WorkspaceIndexer, type FileChange } from './workspace/indexer';
import { uriOf } from './workspace/uris';

declare const POLICYMARK_VERSION: string;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.log(message);

/** Shows a message; a client that does not implement window/showMessageRequest must not crash the server. */
function showMessage(show: (message: string) => Thenable<unknown>, message: string): void {
  show(message).then(undefined, () => connection.console.log(message));
}

// A rejected promise nobody awaited is a bug to log, not a reason to take every open editor's analysis down.
process.on('unhandledRejection', (reason) =>
  connection.console.error(
    `policymark: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  ),
);

let clientLocale: string | undefined;
let supportsConfiguration = false;
let supportsDiagnosticRefresh = false;
let supportsSemanticTokensRefresh = false;
let supportsWatchedFilesRegistration = false;
let supportsProgress = false;
let supportsWorkspaceFolders = false;
let workspaceFolders: string[] = [];
let segmenterWanted = true;
/** The user dictionaries the segmenter was loaded with (undefined until it is loaded). */
let loadedDictionaries: string[] | undefined;
/** False in VS Code's Restricted Mode (initializationOptions.trusted), see trust.ts. */
let trusted = true;
const settingsCache = new Map<string, Promise<PolicyMarkSettings>>();

async function settingsFor(uri: string): Promise<PolicyMarkSettings> {
  // Restricted Mode: nothing the workspace provides (files, words, patterns) reaches the analysis
  if (!trusted) return restrictSettings(await untrustedSettingsFor(uri));
  return untrustedSettingsFor(uri);
}

async function untrustedSettingsFor(uri: string): Promise<PolicyMarkSettings> {
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

const analyzer = createAnalyzer(log);
const index = new WorkspaceIndex();
// silenced findings and orphan annotations of each document's sidecar (pushed by the extension or read from disk)
const sidecars = new SidecarStates(
  async (uri) => (await settingsFor(uri)).sidecarSuffix,
  (m) => connection.console.warn(m),
);

/** Tells the user once about each unusable alias file or dictionary (by file and reason), and logs it. */
const reportedProblems = new Set<string>();
function reportUserFileProblems(problems: readonly UserFileProblem[]): void {
  for (const { file, reason } of problems) {
    const key = `${file}\u0000${reason.en}`;
    if (reportedProblems.has(key)) continue;
    reportedProblems.add(key);
    connection.console.warn(`policymark: ${file}: ${reason.en}`);
    const zh = languageOf(clientLocale) === 'zh';
    showMessage(
      connection.window.showWarningMessage.bind(connection.window),
      zh
        ? `PolicyMark：${file}：${reason.zh}，已忽略，内置数据照常工作。`
        : `PolicyMark: ${file}: ${reason.en}; it is ignored and the built-in data still works.`,
    );
  }
}

/**
 * The analysis options of a document: settings, sidecar, aliases and `workspace`, what the index knows.
 * Open documents take the index as it is now; the indexer passes the snapshot its round started from, since
 * the facts change with every file indexed and gathering them for each file made indexing quadratic.
 */
async function documentOptions(uri: string, workspace: WorkspaceFacts = index.facts().facts): Promise<DocumentAnalysisOptions> {
  const settings = await settingsFor(uri);
  const sidecar = await sidecars.forAnalysis(uri, settings.diagnostics['orphan-annotation']);
  const aliases = loadAliasFiles(resolveUserPaths(settings.aliasFiles, workspaceFolders[0]));
  reportUserFileProblems(aliases.problems);
  const options: AnalysisOptions = {
    severities: severitiesFrom(settings),
    userWords: settings.words,
    ...(aliases.table.size ? { userAliases: aliases.table } : {}),
    workspace,
    silenced: sidecar.silenced,
  };
  return { options, maxDocumentSize: settings.maxDocumentSize, useSegmenter: settings.segmenter, extraFindings: sidecar.extraFindings };
}

const analyses = new AnalysisCache((uri) => documentOptions(uri), analyzer);

const ctx: ServerContext = {
  connection,
  documents,
  analyses,
  index,
  settingsFor,
  languageFor(settings): Language {
    return settings.language === 'auto' ? languageOf(clientLocale) : settings.language;
  },
  refreshDiagnostics() {
    if (supportsDiagnosticRefresh) connection.languages.diagnostics.refresh().catch(() => undefined);
    if (supportsSemanticTokensRefresh) void connection.languages.semanticTokens.refresh();
  },
};

// What the index knows feeds analysis (abbreviations, intact document numbers): when it changes, analyses
// made without it are stale. Checked shortly after index updates, so a burst of them re-analyses once.
// Changes to files on disk also change what open documents show about other files (related information),
// so they refresh diagnostics even when the facts stay the same; an open document's own re-analysis
// does not (that would make every keystroke re-pull every open document).
let factsUsed = index.facts().signature;
let factsTimer: NodeJS.Timeout | undefined;
let otherFilesChanged = false;
function indexUpdated(fromDisk: boolean): void {
  otherFilesChanged ||= fromDisk;
  if (factsTimer) return;
  factsTimer = setTimeout(() => {
    factsTimer = undefined;
    const now = index.facts().signature;
    const factsChanged = now !== factsUsed;
    if (factsChanged) {
      factsUsed = now;
      analyses.clear();
    }
    if (factsChanged || otherFilesChanged) ctx.refreshDiagnostics();
    otherFilesChanged = false;
  }, 100);
}

const indexer = new WorkspaceIndexer({
  index,
  analyzer,
  includeFor: async (folderUri) => (await settingsFor(folderUri)).include,
  optionsFor: (uri, workspace) => documentOptions(uri, workspace),
  isOpen: (uri) => documents.get(uri) !== undefined,
  progress: {
    async begin(title, message) {
      const reporter = supportsProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      reporter?.begin(title, 0, message, true);
      return {
        report: (percentage, text) => reporter?.report(percentage, text),
        done: () => reporter?.done(),
        cancelled: () => reporter?.token.isCancellationRequested === true,
      };
    },
  },
  log,
  onDidUpdate: () => indexUpdated(true),
});

analyses.onDidAnalyze((analyzed) => {
  // only the analysis of what the editor shows now describes the open document
  if (documents.get(analyzed.uri)?.version !== analyzed.version) return;
  if (analyzed.skipped) index.delete(analyzed.uri);
  else index.set(entryFromAnalysis(analyzed.uri, analyzed.text, analyzed.result, analyzed.version));
  indexUpdated(false);
});

connection.onInitialize((params): InitializeResult => {
  clientLocale = params.locale ?? process.env.LANG;
  const caps = params.capabilities;
  supportsConfiguration = caps.workspace?.configuration === true;
  supportsDiagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
  supportsSemanticTokensRefresh = caps.workspace?.semanticTokens?.refreshSupport === true;
  supportsWatchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsProgress = caps.window?.workDoneProgress === true;
  supportsWorkspaceFolders = caps.workspace?.workspaceFolders === true;
  workspaceFolders =
    params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [uriOf(params.rootPath)] : []);
  const init = (params.initializationOptions ?? {}) as { settings?: unknown };
  globalSettings = init.settings ?? {};
  segmenterWanted = normalizeSettings(globalSettings).segmenter;
  trusted = isTrusted(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: { label: 'PolicyMark' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'policymark-ls', version: typeof POLICYMARK_VERSION === 'string' ? POLICYMARK_VERSION : 'dev' },
  };
});

let watcherRegistration: Promise<Disposable> | undefined;
async function registerFileWatchers(): Promise<void> {
  if (!supportsWatchedFilesRegistration) return;
  const previous = watcherRegistration;
  watcherRegistration = undefined;
  if (previous) (await previous.catch(() => undefined))?.dispose();
  const globs = new Set<string>();
  for (const folder of workspaceFolders) for (const glob of (await settingsFor(folder)).include) globs.add(glob);
  if (workspaceFolders.length === 0) for (const glob of normalizeSettings(globalSettings).include) globs.add(glob);
  watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, {
    // the include globs for changes, plus every path for deletions (a deleted folder is one event)
    watchers: [...[...globs].map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: 4 /* WatchKind.Delete */ }],
  });
  await watcherRegistration.catch((error: unknown) => log(`policymark: cannot watch files: ${String(error)}`));
}

connection.onInitialized(() => {
  if (!trusted) {
    const language = languageOf(clientLocale);
    connection.console.info(RESTRICTED_MESSAGE.en);
    showMessage(connection.window.showInformationMessage.bind(connection.window), RESTRICTED_MESSAGE[language]);
  }
  void registerFileWatchers();
  void indexer.setFolders(workspaceFolders);
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      workspaceFolders = [...workspaceFolders.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)];
      void registerFileWatchers();
      void indexer.setFolders(workspaceFolders);
    });
  }
  // The segmenter takes about a second to load: the analyzer (a worker thread) loads it after the first
  // requests have been answered, then everything is analysed again with it.
  if (!segmenterWanted) return;
  setTimeout(() => {
    void settingsFor(workspaceFolders[0] ?? '')
      .then((settings) => {
        loadedDictionaries = resolveUserPaths(settings.userDictionaries, workspaceFolders[0]);
        return analyzer.loadSegmenter(loadedDictionaries);
      })
      .then(
        (status) => {
          reportUserFileProblems(status.skipped ?? []);
          if (status.loaded) {
            log(`policymark: segmenter loaded in ${status.ms} ms`);
            analyses.clear();
            ctx.refreshDiagnostics();
            void indexer.reindexAll();
          } else {
            connection.console.warn(`policymark: segmenter unavailable, continuing without it: ${status.error}`);
          }
        },
        (error: unknown) => connection.console.warn(`policymark: segmenter unavailable: ${String(error)}`),
      );
  }, 50);
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  // nodejieba cannot unload a dictionary: a changed list of user dictionaries needs a server restart
  void settingsFor(workspaceFolders[0] ?? '').then((settings) => {
    const wanted = resolveUserPaths(settings.userDictionaries, workspaceFolders[0]);
    if (loadedDictionaries && wanted.join('|') !== loadedDictionaries.join('|')) {
      const zh = languageOf(clientLocale) === 'zh';
      showMessage(
        connection.window.showInformationMessage.bind(connection.window),
        zh
          ? 'PolicyMark：用户词典已更改，请运行“PolicyMark: 重启语言服务器”以使用新词典。'
          : 'PolicyMark: the user dictionaries changed; run "PolicyMark: Restart the Language Server" to use them.',
      );
    }
  });
  if (!supportsConfiguration) globalSettings = (change.settings as { policymark?: unknown })?.policymark ?? {};
  analyses.clear();
  ctx.refreshDiagnostics();
  // policymark.include may have changed: watch and index what it names now
  void registerFileWatchers();
  void indexer.reindexAll();
});

connection.onDidChangeWatchedFiles((params) => {
  const types: Record<number, FileChange['type']> = {
    [FileChangeType.Created]: 'created',
    [FileChangeType.Changed]: 'changed',
    [FileChangeType.Deleted]: 'deleted',
  };
  indexer.filesChanged(params.changes.map((c) => ({ uri: c.uri, type: types[c.type] ?? 'changed' })));
});

connection.onNotification(SIDECAR_STATE_NOTIFICATION, (params: SidecarStateParams) => {
  sidecars.update(params);
  analyses.clear();
  ctx.refreshDiagnostics();
});

documents.onDidClose((event) => {
  sidecars.forget(event.document.uri);
  analyses.delete(event.document.uri);
  settingsCache.delete(event.document.uri);
  indexer.documentClosed(event.document.uri);
});

connection.onShutdown(() => {
  indexer.dispose();
  analyzer.dispose();
});

registerDiagnostics(ctx);
registerSidecarRequests(ctx);
registerCodeActions(ctx);
registerHover(ctx);
registerDefinition(ctx);
registerReferences(ctx);
registerDocumentHighlight(ctx);
registerDocumentSymbols(ctx);
registerWorkspaceSymbols(ctx);
registerSemanticTokens(ctx);
registerFoldingRanges(ctx);

documents.listen(connection);
connection.listen();
