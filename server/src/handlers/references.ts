/**
 * Find references: every mention of the institution or document under the cursor, abbreviations and
 * aliases included (one canonical name or document id), in every indexed workspace file.
 */
import type { Location } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { WorkspaceIndex } from '../workspace/index';
import { navigableAt } from './navigation';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(async (params, token): Promise<Location[] | null> => {
    const at = await navigableAt(ctx, params.textDocument.uri, params.position, token);
    if (!at) return null;
    const definition = ctx.index.definitionOf(at.key, at.document.uri);
    const isDeclaration = (uri: string, start: number) =>
      definition !== undefined && definition.start === start && WorkspaceIndex.sameFile(definition.uri, uri);
    return ctx.index
      .mentionsOf(at.key)
      .filter((m) => params.context.includeDeclaration || !isDeclaration(m.uri, m.start))
      .map((m) => ({ uri: m.uri, range: m.range }));
  });
}
