/**
 * The workspace.fs adapter of the sidecar store (locations are URI strings). Writes go to a temporary file
 * beside the sidecar and are renamed over it, so a crash leaves the old or the new file. Locks serialise
 * writers in this window, and (for file: URIs) across processes with the same lock files as the CLI.
 */
import * as vscode from 'vscode';
import lockfile from 'proper-lockfile';
import { assertWritableBeside } from '../../../server/src/sidecar/nodeStore';
import type { SidecarFileIO } from '../../../server/src/sidecar/store';

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

const chains = new Map<string, Promise<unknown>>();

/** The sidecar location (URI string) of a text document URI. */
export function sidecarUriFor(textUri: vscode.Uri, suffix: string): vscode.Uri {
  return textUri.with({ path: textUri.path + suffix });
}

/** The text URI a sidecar URI belongs to. */
export function textUriForSidecar(sidecarUri: vscode.Uri, suffix: string): vscode.Uri | undefined {
  return sidecarUri.path.endsWith(suffix) ? sidecarUri.with({ path: sidecarUri.path.slice(0, -suffix.length) }) : undefined;
}

/** The adapter. */
export const workspaceSidecarIO: SidecarFileIO = {
  async read(location) {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.parse(location));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
  async mtime(location) {
    try {
      return (await vscode.workspace.fs.stat(vscode.Uri.parse(location))).mtime;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
  async writeAtomic(location, data) {
    const uri = vscode.Uri.parse(location);
    if (uri.scheme === 'file') await assertWritableBeside(uri.fsPath);
    const temporary = uri.with({ path: `${uri.path}.${process.pid}.${Date.now().toString(36)}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(data));
    try {
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  },
  async withLock(location, fn) {
    // one writer at a time in this window...
    const previous = chains.get(location) ?? Promise.resolve();
    const run = previous.then(async () => {
      const uri = vscode.Uri.parse(location);
      // ...and across processes (the CLI, another window) where the file system is local
      const release =
        uri.scheme === 'file'
          ? await lockfile.lock(uri.fsPath, {
              realpath: false,
              stale: 10_000,
              retries: { retries: 100, factor: 1.2, minTimeout: 5, maxTimeout: 200, randomize: true },
              onCompromised: () => undefined,
            })
          : undefined;
      try {
        return await fn();
      } finally {
        await release?.().catch(() => undefined);
      }
    });
    chains.set(
      location,
      run.catch(() => undefined),
    );
    return run;
  },
};
