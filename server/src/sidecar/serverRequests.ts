/**
 * The custom request the extension's tagging commands use to pre-fill attributes from the server's cached
 * analysis (no second analysis in the client): `policymark/entities` → the entities of a document,
 * optionally only those of one type or overlapping a span.
 */
import type { Entity } from '../analysis/types';
import type { ServerContext } from '../context';

/** Request name. */
export const ENTITIES_REQUEST = 'policymark/entities';

/** Parameters of `policymark/entities`: offsets are UTF-16, like everything else. */
export interface EntitiesParams {
  uri: string;
  type?: string;
  start?: number;
  end?: number;
}

/** Registers `policymark/entities`. Unknown or closed documents give an empty list. */
export function registerSidecarRequests(ctx: ServerContext): void {
  ctx.connection.onRequest(ENTITIES_REQUEST, async (params: EntitiesParams): Promise<Entity[]> => {
    const document = ctx.documents.get(params?.uri);
    if (!document) return [];
    const analyzed = await ctx.analyses.get(document);
    const { start, end, type } = params;
    return analyzed.result.entities.filter(
      (e) =>
        (type === undefined || e.type === type) &&
        (start === undefined ||
          end === undefined ||
          (e.start < Math.max(end, start + 1) && e.end > start) ||
          (start === end && e.start <= start && start <= e.end)),
    );
  });
}
