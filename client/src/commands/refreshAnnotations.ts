/** Rebuilds the annotations view. */
import { refreshView } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const refreshAnnotations = (_ctx: ExtensionContextLike) => () => refreshView();
