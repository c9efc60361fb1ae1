/** Changes the label of the annotation at the cursor (or { uri, id, label? }, or a view item). */
import { relabel } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const relabelAnnotation = (ctx: ExtensionContextLike) => (args?: unknown) => relabel(ctx, args);
