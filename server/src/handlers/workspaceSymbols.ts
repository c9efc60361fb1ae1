/**
 * Workspace symbols: institutions and documents found by full name, abbreviation or alias (any mention's
 * text), or by characters in order (市人社局 finds 重庆市人力资源和社会保障局). Pinyin initials are not
 * matched: that needs a pinyin table the project does not ship.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { ServerContext } from '../context';

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  ctx.connection.onWorkspaceSymbol((params, token): SymbolInformation[] => {
    if (token.isCancellationRequested) return [];
    return ctx.index.search(params.query ?? '').map((thing) => ({
      name: thing.name,
      kind: thing.kind === 'org' ? SymbolKind.Class : SymbolKind.File,
      location: { uri: thing.definition.uri, range: thing.definition.range },
      containerName:
        thing.aliases
          .filter((a) => a !== thing.name)
          .slice(0, 5)
          .join('、') || undefined,
    }));
  });
}
