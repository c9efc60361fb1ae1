/**
 * Annotations in the editor: a colour per label (policymark.labelColors; labels without one get a colour
 * from a fixed palette by name), a hover with the label, attributes and note.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../../../server/src/sidecar/types';
import type { AnnotationManager } from './manager';

const PALETTE = ['#d29922', '#db61a2', '#39c5cf', '#f78166', '#8b949e', '#e3b341', '#56d364', '#79c0ff'];

/** The colour of a label: from settings, else a stable pick from the palette. */
export function labelColor(label: string, colors: Record<string, string>): string {
  const configured = colors[label];
  if (configured) return configured;
  let h = 0;
  for (let i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/** The hover of an annotation, as Markdown (text escaped). */
export function annotationHover(a: Annotation): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${vscode.l10n.t('Annotation')}**: `);
  md.appendText(a.label);
  const { note, ...attributes } = a.attributes ?? {};
  for (const [key, value] of Object.entries(attributes)) {
    md.appendMarkdown('\n\n');
    md.appendText(`${key}: ${String(value)}`);
  }
  if (note) {
    md.appendMarkdown(`\n\n*${vscode.l10n.t('Note')}*: `);
    md.appendText(String(note));
  }
  if (a.conflictOf) md.appendMarkdown(`\n\n$(warning) ${vscode.l10n.t('Kept from a conflicting change elsewhere')}`);
  md.supportThemeIcons = true;
  return md;
}

/** Keeps the decorations of visible editors in step with the annotations. */
export class AnnotationDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly manager: AnnotationManager) {
    this.disposables.push(
      manager.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policymark.labelColors')) {
          for (const t of this.types.values()) t.dispose();
          this.types.clear();
          this.refresh();
        }
      }),
    );
    this.refresh();
  }

  private typeFor(label: string): vscode.TextEditorDecorationType {
    let type = this.types.get(label);
    if (!type) {
      const colors = vscode.workspace.getConfiguration('policymark').get<Record<string, string>>('labelColors') ?? {};
      const color = labelColor(label, colors);
      type = vscode.window.createTextEditorDecorationType({
        borderWidth: '0 0 2px 0',
        borderStyle: 'solid',
        borderColor: color,
        backgroundColor: `${color}22`,
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Center,
      });
      this.types.set(label, type);
    }
    return type;
  }

  /** Redraws every visible editor. */
  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const file = this.manager.peek(editor.document.uri);
      const byLabel = new Map<string, vscode.DecorationOptions[]>();
      for (const a of file?.current.annotations ?? []) {
        if (a.orphan) continue;
        const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
        const list = byLabel.get(a.label) ?? [];
        list.push({ range, hoverMessage: annotationHover(a) });
        byLabel.set(a.label, list);
      }
      for (const label of byLabel.keys()) this.typeFor(label);
      for (const [label, type] of this.types) editor.setDecorations(type, byLabel.get(label) ?? []);
    }
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
