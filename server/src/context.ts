/** What every handler receives: the connection, the open documents, the analyses, the index and the settings. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { Language } from './analysis/types';
import type { PolicyMarkSettings } from './settings';
import type { WorkspaceIndex } from './workspace/index';

/** Shared server state handed to the handler registrations. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  /** Institutions, documents and figures of every indexed workspace file (open ones included). */
  index: WorkspaceIndex;
  /** Settings for a document (cached per resource, refreshed on change). */
  settingsFor(uri: string): Promise<PolicyMarkSettings>;
  /** The language of messages for this client and settings. */
  languageFor(settings: PolicyMarkSettings): Language;
  /** Asks the client to pull diagnostics again (settings, segmenter or workspace changed). */
  refreshDiagnostics(): void;
}
