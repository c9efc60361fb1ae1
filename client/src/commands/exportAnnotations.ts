/** Exports the file's or the workspace's annotations: { format: brat|jsonl|csv, scope: file|workspace, uri?, target? }. */
import * as actions from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const exportAnnotations = (_ctx: ExtensionContextLike) => (args?: unknown) => actions.exportAnnotations(args as actions.ExportArgs);
