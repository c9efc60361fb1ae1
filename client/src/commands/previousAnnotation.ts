/** Moves to the previous annotation of the active editor. */
import { go } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const previousAnnotation = (_ctx: ExtensionContextLike) => () => go(-1);
