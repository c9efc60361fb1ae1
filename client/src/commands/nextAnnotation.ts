/** Moves to the next annotation of the active editor. */
import { go } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const nextAnnotation = (_ctx: ExtensionContextLike) => () => go(1);
