/** Accepts one detected entity as an annotation: { uri, start, end, label, attributes } (the "tag this entity" code action). */
import * as actions from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const acceptEntity = (_ctx: ExtensionContextLike) => (args?: unknown) => actions.acceptEntity(args as actions.AcceptEntityArgs);
