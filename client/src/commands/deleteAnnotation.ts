/** Deletes the annotation at the cursor (or { uri, id }, or a view item). */
import { remove } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const deleteAnnotation = (_ctx: ExtensionContextLike) => (args?: unknown) => remove(args);
