/** Restarts the language server (after changing dictionaries by hand, or if it misbehaves). */
import type { ExtensionContextLike } from './types';

export const restartServer = (ctx: ExtensionContextLike) => async () => {
  await ctx.restartClient();
};
