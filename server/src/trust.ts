/**
 * Restricted Mode (VS Code's workspace trust). The manifest declares `untrustedWorkspaces: limited`; the
 * client passes `initializationOptions.trusted = vscode.workspace.isTrusted`. In an untrusted workspace
 * nothing the workspace provides may steer the server: no dictionaries or alias files (paths it names
 * would be opened and parsed, by native code for dictionaries), no words, no include patterns. The
 * built-in data keeps working. Clients that know no trust (Neovim, CLI) send nothing and are trusted.
 */
import { DEFAULT_SETTINGS, type PolicyMarkSettings } from './settings';

/** Whether the client said the workspace is trusted (absent means a client without workspace trust). */
export function isTrusted(initializationOptions: unknown): boolean {
  const init = initializationOptions && typeof initializationOptions === 'object' ? (initializationOptions as { trusted?: unknown }) : {};
  return init.trusted !== false;
}

/** The settings with every workspace-provided file, word list and pattern replaced by the defaults. */
export function restrictSettings(settings: PolicyMarkSettings): PolicyMarkSettings {
  return {
    ...settings,
    userDictionaries: [],
    aliasFiles: [],
    words: [],
    include: [...DEFAULT_SETTINGS.include],
  };
}

/** The one information message of Restricted Mode, in both languages. */
export const RESTRICTED_MESSAGE = {
  zh: 'PolicyMark：工作区处于受限模式，未使用工作区提供的词典、别名文件、用户词和文件模式；内置数据照常工作。信任此工作区后即可使用。',
  en: 'PolicyMark: this workspace is in Restricted Mode, so its dictionaries, alias files, words and file patterns are not used; the built-in data still works. Trust the workspace to use them.',
};
