/**
 * What the language server knows of each document's sidecar: the silenced findings (passed to analysis)
 * and the orphan annotations (reported as `orphan-annotation` diagnostics).
 *
 * In VS Code the extension owns the annotations of open documents (they move with unsaved edits) and
 * pushes their state with the `policymark/sidecarState` notification. For any other LSP client, the
 * server reads the sidecar beside a file: URI itself (node fs), re-anchoring it against the text.
 */
import { fileURLToPath } from 'node:url';
import { msg } from '../analysis/l10n';
import type { SilencedFinding } from '../analysis/options';
import type { Finding, Severity } from '../analysis/types';
import { SidecarError } from './format';
import { contentHash } from './model';
import { nodeSidecarIO, sidecarPathFor } from './nodeStore';
import { reanchor } from './reanchor';
import { loadSidecar } from './store';
import type { Sidecar } from './types';

/** The notification the extension sends when a document's annotations or silenced findings change. */
export const SIDECAR_STATE_NOTIFICATION = 'policymark/sidecarState';

/** An orphan annotation as the server needs it for a diagnostic. */
export interface OrphanInfo {
  id: string;
  label: string;
  exact: string;
  start: number;
  end: number;
}

/** Parameters of `policymark/sidecarState`; `released: true` hands the document back to the server's own reading. */
export interface SidecarStateParams {
  uri: string;
  silenced: SilencedFinding[];
  orphans: OrphanInfo[];
  released?: boolean;
}

/** The sidecar facts used for one analysis. */
export interface SidecarFacts {
  silenced: SilencedFinding[];
  orphans: OrphanInfo[];
}

const NONE: SidecarFacts = { silenced: [], orphans: [] };

/** The orphan annotations of a sidecar for `text` (re-anchoring in memory if the text changed). */
export function orphansOf(sidecar: Sidecar, text: string): OrphanInfo[] {
  const anchored = sidecar.hash === contentHash(text) ? sidecar : reanchor(sidecar, text).sidecar;
  return anchored.annotations.filter((a) => a.orphan).map(({ id, label, exact, start, end }) => ({ id, label, exact, start, end }));
}

/** `orphan-annotation` findings (severity from policymark.diagnostics.orphan-annotation; 'off' gives none). */
export function orphanFindings(
  orphans: readonly OrphanInfo[],
  textLength: number,
  setting: Severity | 'off' | 'default' = 'default',
): Finding[] {
  if (setting === 'off') return [];
  const severity: Severity = setting === 'default' ? 'warning' : setting;
  return orphans.map((o) => {
    const start = Math.min(Math.max(0, o.start), textLength);
    const end = Math.min(Math.max(start, o.end), textLength);
    const quote = o.exact.length > 40 ? `${o.exact.slice(0, 40)}…` : o.exact;
    return {
      code: 'orphan-annotation',
      severity,
      message: msg(
        `标注“${o.label}”的文字「${quote}」在文本中已找不到；请在正确位置重新定位或删除该标注`,
        `The text of the "${o.label}" annotation «${quote}» can no longer be found; re-anchor it where it belongs or delete it`,
      ),
      start,
      end,
      fixes: [],
      fixAllSafe: false,
    };
  });
}

/** Per-document sidecar facts: pushed by the extension, or read from disk. */
export class SidecarStates {
  private readonly pushed = new Map<string, SidecarFacts>();
  private readonly disk = new Map<string, { mtime: number | undefined; sidecar: Sidecar | undefined }>();

  /** `suffixFor` gives the sidecar suffix setting of a document; `warn` reports an unusable sidecar. */
  constructor(
    private readonly suffixFor: (uri: string) => Promise<string>,
    private readonly warn: (message: string) => void,
  ) {}

  /** Takes the extension's state for a document (or hands it back on `released`). */
  update(params: SidecarStateParams): void {
    if (params.released) this.pushed.delete(params.uri);
    else this.pushed.set(params.uri, { silenced: params.silenced ?? [], orphans: params.orphans ?? [] });
  }

  /** Forgets a closed document's disk cache. */
  forget(uri: string): void {
    this.disk.delete(uri);
  }

  /** The silenced findings and orphans of a document whose current text is `text`. */
  async factsFor(uri: string, text: string): Promise<SidecarFacts> {
    const pushed = this.pushed.get(uri);
    if (pushed) return pushed;
    const sidecar = await this.readFromDisk(uri);
    if (!sidecar) return NONE;
    return { silenced: sidecar.silenced, orphans: orphansOf(sidecar, text) };
  }

  /**
   * What one analysis needs: the silenced findings for its options, and the orphan findings for the text
   * it will be run on. `setting` is policymark.diagnostics.orphan-annotation.
   */
  async forAnalysis(
    uri: string,
    setting: Severity | 'off' | 'default',
  ): Promise<{ silenced: SilencedFinding[]; extraFindings: (text: string) => Finding[] }> {
    const pushed = this.pushed.get(uri);
    if (pushed) return { silenced: pushed.silenced, extraFindings: (text) => orphanFindings(pushed.orphans, text.length, setting) };
    const sidecar = await this.readFromDisk(uri);
    if (!sidecar) return { silenced: [], extraFindings: () => [] };
    return { silenced: sidecar.silenced, extraFindings: (text) => orphanFindings(orphansOf(sidecar, text), text.length, setting) };
  }

  private async readFromDisk(uri: string): Promise<Sidecar | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    let location: string;
    try {
      location = sidecarPathFor(fileURLToPath(uri), await this.suffixFor(uri));
    } catch {
      return undefined;
    }
    let mtime: number | undefined;
    try {
      mtime = await nodeSidecarIO.mtime(location);
      const cached = this.disk.get(uri);
      if (cached && cached.mtime === mtime) return cached.sidecar;
      const sidecar = mtime === undefined ? undefined : (await loadSidecar(nodeSidecarIO, location)).sidecar;
      this.disk.set(uri, { mtime, sidecar });
      return sidecar;
    } catch (error) {
      // warned once per version of the file on disk; analysis goes on without it
      this.warn(error instanceof SidecarError ? error.message : `${location}: ${String(error)}`);
      this.disk.set(uri, { mtime, sidecar: undefined });
      return undefined;
    }
  }
}
