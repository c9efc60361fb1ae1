/** Accepts every detected entity of a type in the file: { uri?, type? } (metric | org | docref | date). */
import * as actions from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const acceptAllEntities = (ctx: ExtensionContextLike) => (args?: unknown) =>
  actions.acceptAllEntities(ctx, args as { uri?: string; type?: string });
