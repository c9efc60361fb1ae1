/** Tags the selections (every cursor) as metrics; args: { uri, ranges | start/end, attributes, note }. */
import { tagSpans, type TagArgs } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const tagMetric = (ctx: ExtensionContextLike) => (args?: unknown) => tagSpans(ctx, 'metric', args as TagArgs);
