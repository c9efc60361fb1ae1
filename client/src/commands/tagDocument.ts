/** Tags the selections as document references; args as policymark.tagMetric. */
import { tagSpans, type TagArgs } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const tagDocument = (ctx: ExtensionContextLike) => (args?: unknown) => tagSpans(ctx, 'docref', args as TagArgs);
