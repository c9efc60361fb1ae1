/** Imports doccano JSONL or a brat .ann into a text: { uri?, format?: jsonl|brat, source? }. */
import * as actions from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const importAnnotations = (_ctx: ExtensionContextLike) => (args?: unknown) => actions.importAnnotations(args as actions.ImportArgs);
