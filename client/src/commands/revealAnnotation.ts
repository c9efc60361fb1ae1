/** Opens an annotation's file and selects it: { uri, id } (the annotations view's items). */
import * as actions from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const revealAnnotation = (_ctx: ExtensionContextLike) => (args: unknown) => actions.revealAnnotation(args);
