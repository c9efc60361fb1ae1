/** Silences one finding in the sidecar: { uri, code, exact, prefix, suffix } (the "silence this finding" code action). */
import { silence, type SilenceArgs } from '../sidecar/actions';
import type { ExtensionContextLike } from './types';

export const silenceFinding = (_ctx: ExtensionContextLike) => (args?: unknown) => silence(args as SilenceArgs);
