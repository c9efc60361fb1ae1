/** Edits the annotation at the cursor (or { uri, id }, or a view item); { uri, id, attributes?, note? } edits without prompts. */
import { edit } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const editAnnotation = (ctx: ExtensionContextLike) => (args?: unknown) => edit(ctx, args);
