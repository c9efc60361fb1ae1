/** What definition, references and highlight share: the navigable entity under the cursor and its key. */
import type { CancellationToken, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/types';
import type { AnalyzedDocument } from '../analysisCache';
import type { ServerContext } from '../context';
import { toOffset } from '../lsp/convert';
import { entityKey } from '../workspace/keys';
import { recentAnalysisOf, stillReads } from './common';

/** The institution or document mention at a client position, with its navigation key. */
export async function navigableAt(
  ctx: ServerContext,
  uri: string,
  position: Position,
  token: CancellationToken,
): Promise<{ document: TextDocument; analyzed: AnalyzedDocument; entity: Entity; key: string } | undefined> {
  const found = await recentAnalysisOf(ctx, uri, token);
  if (!found || token.isCancellationRequested || found.analyzed.skipped) return undefined;
  const { document, analyzed, stale } = found;
  const offset = toOffset(document, position);
  let best: Entity | undefined;
  for (const entity of analyzed.result.entities) {
    if (entity.start > offset) break;
    if (offset > entity.end || (entity.type !== 'org' && entity.type !== 'docref')) continue;
    // the cursor just after a mention (a click at its end) still means it, but a mention under it wins
    if (!best || (offset < entity.end && (offset === best.end || entity.end - entity.start < best.end - best.start))) best = entity;
  }
  if (!best || (stale && !stillReads(document, best.start, best.end, best.text))) return undefined;
  const key = entityKey(best);
  return key ? { document, analyzed, entity: best, key } : undefined;
}
