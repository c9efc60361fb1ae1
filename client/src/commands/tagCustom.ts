/** Tags the selections with a label picked from settings, recent and workspace labels (or args.label). */
import { tagSpans, type TagArgs } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const tagCustom = (ctx: ExtensionContextLike) => (args?: unknown) => tagSpans(ctx, undefined, args as TagArgs);
