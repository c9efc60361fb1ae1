/** Re-anchors an (orphan) annotation: { uri, id, start?, end? } (default: the selection). */
import { reanchorAt, type ReanchorArgs } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const reanchorAnnotation = (_ctx: ExtensionContextLike) => (args?: unknown) => reanchorAt(args as ReanchorArgs);
