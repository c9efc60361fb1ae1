/**
 * Go to definition from a mention of an institution or document: its defining mention, the first full-name
 * mention in the same file if there is one, else in the workspace (the index, unopened files included).
 */
import type { Location } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { navigableAt } from './navigation';

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(async (params, token): Promise<Location | null> => {
    const at = await navigableAt(ctx, params.textDocument.uri, params.position, token);
    if (!at) return null;
    const definition = ctx.index.definitionOf(at.key, at.document.uri);
    return definition ? { uri: definition.uri, range: definition.range } : null;
  });
}
