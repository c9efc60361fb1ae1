/** `policymark annotate`: the annotation sidecar from the command line (tag, accept, reanchor, list, export, import). */
import type { CliIO } from '../cli';
import { UsageError } from '../cli';
import type { Language } from '../analysis/types';

export async function runAnnotate(args: string[], _io: CliIO, _language: Language): Promise<number> {
  const sub = args[0];
  throw new UsageError(`annotate 子命令“${sub ?? ''}”尚不可用`, `annotate sub-command "${sub ?? ''}" is not available yet`);
}
