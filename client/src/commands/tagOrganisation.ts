/** Tags the selections as organisations; args as policymark.tagMetric. */
import { tagSpans, type TagArgs } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const tagOrganisation = (ctx: ExtensionContextLike) => (args?: unknown) => tagSpans(ctx, 'org', args as TagArgs);
