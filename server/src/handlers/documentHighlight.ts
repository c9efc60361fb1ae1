/** Document highlight: the mentions in this file of the institution or document under the cursor (the defining one as "write"). */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { toRange } from '../lsp/convert';
import { entityKey, isFullMention } from '../workspace/keys';
import { stillReads } from './common';
import { navigableAt } from './navigation';

export function registerDocumentHighlight(ctx: ServerContext): void {
  ctx.connection.onDocumentHighlight(async (params, token): Promise<DocumentHighlight[] | null> => {
    const at = await navigableAt(ctx, params.textDocument.uri, params.position, token);
    if (!at) return null;
    const { document, analyzed } = at;
    const stale = analyzed.version !== document.version;
    let definitionSeen = false;
    const highlights: DocumentHighlight[] = [];
    for (const entity of analyzed.result.entities) {
      if (entityKey(entity) !== at.key || (stale && !stillReads(document, entity.start, entity.end, entity.text))) continue;
      const defining: boolean = !definitionSeen && isFullMention(entity);
      definitionSeen ||= defining;
      highlights.push({
        range: toRange(document, entity.start, entity.end),
        kind: defining ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      });
    }
    return highlights;
  });
}
