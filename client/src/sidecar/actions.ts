/**
 * What the annotation commands do. Every command takes an optional argument object, so that tests and
 * other commands (code actions, the tree view) can run it without prompts; without arguments it works on
 * the active editor and asks what it needs.
 */
import * as vscode from 'vscode';
import type { DiagnosticCode, Entity } from '../../../server/src/analysis/types';
import {
  fromBrat,
  fromDoccano,
  importSpans,
  toBrat,
  toCsvRows,
  toDoccano,
  csvHeader,
  type OffsetUnit,
} from '../../../server/src/sidecar/exchange';
import {
  addAnnotations,
  addSilenced,
  annotationsAt,
  contentHash,
  deleteAnnotation,
  entityAttributes,
  hasAnnotation,
  relabelAnnotation,
  updateAnnotation,
  type NewAnnotation,
} from '../../../server/src/sidecar/model';
import { reanchor } from '../../../server/src/sidecar/reanchor';
import { ENTITIES_REQUEST } from '../../../server/src/sidecar/serverRequests';
import { BUILTIN_LABELS, type Annotation, type AnnotationAttributes } from '../../../server/src/sidecar/types';
import type { ExtensionContextLike } from '../commands/types';
import type { AnnotationManager } from './manager';
import type { AnnotationRef, AnnotationTree } from './treeView';

let manager: AnnotationManager | undefined;
let tree: AnnotationTree | undefined;

/** Set by registerAnnotations at activation. */
export function setAnnotationServices(m: AnnotationManager, t: AnnotationTree): void {
  manager = m;
  tree = t;
}

function services(): { manager: AnnotationManager; tree: AnnotationTree | undefined } {
  if (!manager) throw new Error('PolicyMark annotations are not initialised');
  return { manager, tree };
}

/** A span in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Arguments of the tag commands (all optional). */
export interface TagArgs {
  uri?: string;
  ranges?: Span[];
  start?: number;
  end?: number;
  label?: string;
  attributes?: AnnotationAttributes;
  note?: string;
}

const RECENT_KEY = 'policymark.recentLabels';

async function documentFor(uri: string | vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  return vscode.window.activeTextEditor?.document;
}

function editorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document === document);
}

function fail(message: string): void {
  void vscode.window.showWarningMessage(message);
}

/** Entities of the server's analysis (type and span optional); empty when the server is not there. */
export async function entitiesFor(
  ctx: ExtensionContextLike,
  uri: vscode.Uri,
  filter: { type?: string; start?: number; end?: number },
): Promise<Entity[]> {
  const client = ctx.client();
  if (!client) return [];
  try {
    return await client.sendRequest<Entity[]>(ENTITIES_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri), ...filter });
  } catch {
    return [];
  }
}

const ENTITY_TYPE_OF_LABEL: Record<string, string> = { metric: 'metric', org: 'org', docref: 'docref', date: 'date' };

/** Attributes for a new annotation of `span`: those of a detected entity with that span (and type, for built-in labels). */
async function prefill(
  ctx: ExtensionContextLike,
  uri: vscode.Uri,
  span: Span,
  label: string | undefined,
): Promise<AnnotationAttributes | undefined> {
  const type = label ? ENTITY_TYPE_OF_LABEL[label] : undefined;
  const entities = await entitiesFor(ctx, uri, { ...span, ...(type ? { type } : {}) });
  const exact = entities.find((e) => e.start === span.start && e.end === span.end) ?? (entities.length === 1 ? entities[0] : undefined);
  return exact ? entityAttributes(exact) : undefined;
}

function formatAttributes(attributes: AnnotationAttributes | undefined): string {
  return Object.entries(attributes ?? {})
    .filter(([k]) => k !== 'note')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
}

/** Parses `k=v; k=v` (numbers stay numbers); undefined when malformed. */
export function parseAttributes(input: string): AnnotationAttributes | undefined {
  const out: AnnotationAttributes = {};
  for (const part of input.split(/[;；\n]/)) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    out[key] = raw !== '' && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return out;
}

/** Asks for attributes (pre-filled) and a note; undefined when the user cancels. */
async function askAttributes(initial: AnnotationAttributes | undefined): Promise<AnnotationAttributes | undefined | null> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Annotation attributes'),
    prompt: vscode.l10n.t('key=value pairs separated by ";" (leave empty for none)'),
    value: formatAttributes(initial),
    validateInput: (v) => (parseAttributes(v) ? undefined : vscode.l10n.t('Write key=value pairs separated by ";".')),
  });
  if (text === undefined) return null;
  const note = await vscode.window.showInputBox({
    title: vscode.l10n.t('Note (optional)'),
    value: initial?.note !== undefined ? String(initial.note) : '',
  });
  if (note === undefined) return null;
  const attributes = parseAttributes(text) ?? {};
  if (note.trim()) attributes.note = note.trim();
  return Object.keys(attributes).length ? attributes : undefined;
}

/** The labels to offer: recent first, then settings, built-ins and labels used in the workspace. */
export function labelChoices(ctx: ExtensionContextLike): string[] {
  const recent = ctx.extension.workspaceState.get<string[]>(RECENT_KEY, []);
  const configured = vscode.workspace.getConfiguration('policymark').get<string[]>('labels') ?? [];
  const { manager: m, tree: t } = services();
  return [...new Set([...recent, ...configured, ...BUILTIN_LABELS, ...m.labelsInUse(), ...(t?.labels() ?? [])])];
}

async function rememberLabel(ctx: ExtensionContextLike, label: string): Promise<void> {
  const recent = ctx.extension.workspaceState.get<string[]>(RECENT_KEY, []).filter((l) => l !== label);
  await ctx.extension.workspaceState.update(RECENT_KEY, [label, ...recent].slice(0, 20));
}

/** Quick pick of a label with "new label…"; undefined when cancelled. */
export async function pickLabel(ctx: ExtensionContextLike, current?: string): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = labelChoices(ctx).map((label) => ({
    label,
    ...(label === current ? { description: vscode.l10n.t('current') } : {}),
  }));
  const quick = vscode.window.createQuickPick();
  quick.title = vscode.l10n.t('Annotation label');
  quick.placeholder = vscode.l10n.t('Pick a label or type a new one');
  quick.items = items;
  return new Promise((resolve) => {
    quick.onDidChangeValue((value) => {
      const typed = value.trim();
      quick.items =
        typed && !items.some((i) => i.label === typed) ? [{ label: typed, description: vscode.l10n.t('new label') }, ...items] : items;
    });
    quick.onDidAccept(() => {
      const chosen = quick.selectedItems[0]?.label ?? quick.value.trim();
      resolve(chosen || undefined);
      quick.hide();
    });
    quick.onDidHide(() => {
      resolve(undefined);
      quick.dispose();
    });
    quick.show();
  });
}

/**
 * Tags spans: the given ranges, or every non-empty selection of the active editor (multi-cursor tags
 * them all; an empty selection takes the detected entity under the cursor). Returns the new annotations.
 */
export async function tagSpans(ctx: ExtensionContextLike, fixedLabel: string | undefined, args: TagArgs = {}): Promise<Annotation[]> {
  const scripted = args.uri !== undefined || args.ranges !== undefined || args.start !== undefined;
  const document = await documentFor(args.uri);
  if (!document) {
    fail(vscode.l10n.t('Open a text file first.'));
    return [];
  }
  let spans: Span[] = args.ranges ?? (args.start !== undefined && args.end !== undefined ? [{ start: args.start, end: args.end }] : []);
  if (!scripted) {
    const editor = editorFor(document);
    for (const selection of editor?.selections ?? []) {
      const start = document.offsetAt(selection.start);
      const end = document.offsetAt(selection.end);
      if (start < end) spans.push({ start, end });
      else {
        const type = fixedLabel ? ENTITY_TYPE_OF_LABEL[fixedLabel] : undefined;
        const [entity] = await entitiesFor(ctx, document.uri, { start, end, ...(type ? { type } : {}) });
        if (entity) spans.push({ start: entity.start, end: entity.end });
      }
    }
  }
  spans = spans.filter((s, i) => spans.findIndex((t) => t.start === s.start && t.end === s.end) === i);
  if (spans.length === 0) {
    fail(vscode.l10n.t('Select the text to tag first.'));
    return [];
  }
  const label = fixedLabel ?? args.label ?? (scripted ? undefined : await pickLabel(ctx));
  if (!label) return [];
  const specs: NewAnnotation[] = [];
  for (const span of spans) {
    let attributes = args.attributes ?? (await prefill(ctx, document.uri, span, label));
    if (args.note !== undefined) attributes = { ...attributes, note: args.note };
    if (!scripted && spans.length === 1) {
      const asked = await askAttributes(attributes);
      if (asked === null) return [];
      attributes = asked;
    }
    specs.push({ label, ...span, ...(attributes ? { attributes } : {}) });
  }
  let added: Annotation[] = [];
  try {
    await services().manager.update(document, (sidecar, text) => {
      const result = addAnnotations(sidecar, text, specs);
      added = result.added;
      return result.sidecar;
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return [];
  }
  await rememberLabel(ctx, label);
  return added;
}

/** Arguments of policymark.acceptEntity (the "tag this entity" code action). */
export interface AcceptEntityArgs {
  uri: string;
  start: number;
  end: number;
  label: string;
  attributes?: AnnotationAttributes;
}

/** Accepts one detected entity as an annotation (skipped when already annotated with that label). */
export async function acceptEntity(args: AcceptEntityArgs): Promise<Annotation | undefined> {
  if (!args?.uri || !args.label) return undefined;
  const document = await documentFor(args.uri);
  if (!document) return undefined;
  let added: Annotation | undefined;
  try {
    await services().manager.update(document, (sidecar, text) => {
      if (hasAnnotation(sidecar, args.start, args.end, args.label)) return sidecar;
      const result = addAnnotations(sidecar, text, [
        { label: args.label, start: args.start, end: args.end, ...(args.attributes ? { attributes: args.attributes } : {}) },
      ]);
      added = result.added[0];
      return result.sidecar;
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  return added;
}

/** Accepts every detected entity of a type in a file; returns how many were added. */
export async function acceptAllEntities(ctx: ExtensionContextLike, args: { uri?: string; type?: string } = {}): Promise<number> {
  const document = await documentFor(args.uri);
  if (!document) {
    fail(vscode.l10n.t('Open a text file first.'));
    return 0;
  }
  const type =
    args.type ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'metric', description: vscode.l10n.t('Metrics') },
          { label: 'org', description: vscode.l10n.t('Organisations') },
          { label: 'docref', description: vscode.l10n.t('Document references') },
          { label: 'date', description: vscode.l10n.t('Dates') },
        ],
        { title: vscode.l10n.t('Accept all detected entities of a type') },
      )
    )?.label;
  if (!type) return 0;
  const entities = await entitiesFor(ctx, document.uri, { type });
  let added = 0;
  try {
    await services().manager.update(document, (sidecar, text) => {
      const fresh = entities.filter(
        (e) => e.end <= text.length && text.slice(e.start, e.end) === e.text && !hasAnnotation(sidecar, e.start, e.end, type),
      );
      added = fresh.length;
      if (!fresh.length) return sidecar;
      return addAnnotations(
        sidecar,
        text,
        fresh.map((e) => {
          const attributes = entityAttributes(e);
          return { label: type, start: e.start, end: e.end, ...(attributes ? { attributes } : {}) };
        }),
      ).sidecar;
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return 0;
  }
  if (!args.type) void vscode.window.showInformationMessage(vscode.l10n.t('Accepted {0} {1} annotation(s).', added, type));
  return added;
}

/** An annotation reference from a command argument: `{ uri, id }` or a node of the tree view. */
function refOf(arg: unknown): AnnotationRef | undefined {
  const a = arg as { uri?: unknown; id?: unknown; kind?: unknown; annotation?: Annotation };
  if (a && a.kind === 'annotation' && a.annotation && a.uri) return { uri: String(a.uri), id: a.annotation.id };
  if (a && typeof a.uri === 'string' && typeof a.id === 'string') return { uri: a.uri, id: a.id };
  return undefined;
}

/** The annotation a command is about: the argument's, or the one at the cursor (asking when several overlap). */
export async function targetAnnotation(arg: unknown): Promise<{ document: vscode.TextDocument; annotation: Annotation } | undefined> {
  const ref = refOf(arg);
  const { manager: m } = services();
  if (ref) {
    const document = await documentFor(ref.uri);
    if (!document) return undefined;
    const file = await m.get(document);
    const annotation = file?.current.annotations.find((x) => x.id === ref.id);
    return annotation ? { document, annotation } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const file = await m.get(editor.document);
  if (!file) return undefined;
  const here = annotationsAt(file.current, editor.document.offsetAt(editor.selection.active));
  if (here.length === 0) {
    fail(vscode.l10n.t('There is no annotation at the cursor.'));
    return undefined;
  }
  if (here.length === 1) return { document: editor.document, annotation: here[0]! };
  const picked = await vscode.window.showQuickPick(
    here.map((annotation) => ({ label: annotation.label, description: annotation.exact, annotation })),
    { title: vscode.l10n.t('Which annotation?') },
  );
  return picked ? { document: editor.document, annotation: picked.annotation } : undefined;
}

async function change(document: vscode.TextDocument, fn: Parameters<AnnotationManager['update']>[1]): Promise<boolean> {
  try {
    await services().manager.update(document, fn);
    return true;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return false;
  }
}

/** Relabels an annotation (`label` given, or picked). */
export async function relabel(ctx: ExtensionContextLike, arg: unknown): Promise<boolean> {
  const target = await targetAnnotation(arg);
  if (!target) return false;
  const label = (arg as { label?: string })?.label ?? (await pickLabel(ctx, target.annotation.label));
  if (!label) return false;
  const ok = await change(target.document, (s) => relabelAnnotation(s, target.annotation.id, label));
  if (ok) await rememberLabel(ctx, label);
  return ok;
}

/** Deletes an annotation. */
export async function remove(arg: unknown): Promise<boolean> {
  const target = await targetAnnotation(arg);
  if (!target) return false;
  return change(target.document, (s) => deleteAnnotation(s, target.annotation.id));
}

/** Edits attributes and note (`attributes` given: replaced as they are), or offers relabel and delete. */
export async function edit(ctx: ExtensionContextLike, arg: unknown): Promise<boolean> {
  const target = await targetAnnotation(arg);
  if (!target) return false;
  const given = arg as { attributes?: AnnotationAttributes | null; note?: string };
  if (given && (given.attributes !== undefined || given.note !== undefined)) {
    const attributes = given.attributes === undefined ? { ...target.annotation.attributes } : { ...given.attributes };
    if (given.note !== undefined) attributes.note = given.note;
    return change(target.document, (s) => updateAnnotation(s, target.annotation.id, { attributes }));
  }
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Edit attributes and note'), id: 'attributes' },
      { label: vscode.l10n.t('Change label'), id: 'relabel' },
      { label: vscode.l10n.t('Delete annotation'), id: 'delete' },
    ],
    { title: `${target.annotation.label}: ${target.annotation.exact}` },
  );
  if (!choice) return false;
  const ref: AnnotationRef = { uri: target.document.uri.toString(), id: target.annotation.id };
  if (choice.id === 'relabel') return relabel(ctx, ref);
  if (choice.id === 'delete') return remove(ref);
  const asked = await askAttributes(target.annotation.attributes);
  if (asked === null) return false;
  return change(target.document, (s) => updateAnnotation(s, target.annotation.id, { attributes: asked ?? null }));
}

/** Moves the cursor to the next (or previous) annotation of the active editor, wrapping around. */
export async function go(direction: 1 | -1): Promise<Annotation | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const file = await services().manager.get(editor.document);
  const list = (file?.current.annotations ?? []).filter((a) => !a.orphan);
  if (!list.length) {
    fail(vscode.l10n.t('This file has no annotations.'));
    return undefined;
  }
  const at = editor.document.offsetAt(editor.selection.active);
  const next =
    direction > 0
      ? (list.find((a) => a.start > at) ?? list[0]!)
      : ([...list].reverse().find((a) => a.start < at) ?? list[list.length - 1]!);
  reveal(editor, next);
  return next;
}

function reveal(editor: vscode.TextEditor, a: Annotation): void {
  const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens the annotation's file and selects it. */
export async function revealAnnotation(arg: unknown): Promise<void> {
  const target = await targetAnnotation(arg);
  if (!target) return;
  const editor = await vscode.window.showTextDocument(target.document, { preserveFocus: false });
  reveal(editor, target.annotation);
}

/** Arguments of policymark.reanchorAnnotation; without start/end, the active editor's selection. */
export interface ReanchorArgs extends AnnotationRef {
  start?: number;
  end?: number;
}

/** Re-anchors an (orphan) annotation at a span the user chose. */
export async function reanchorAt(arg: ReanchorArgs): Promise<boolean> {
  const target = await targetAnnotation(arg);
  if (!target) return false;
  let { start, end } = arg ?? {};
  if (start === undefined || end === undefined) {
    const editor = editorFor(target.document) ?? vscode.window.activeTextEditor;
    if (!editor || editor.document !== target.document || editor.selection.isEmpty) {
      fail(vscode.l10n.t('Select where the annotation belongs, then run this again.'));
      return false;
    }
    start = target.document.offsetAt(editor.selection.start);
    end = target.document.offsetAt(editor.selection.end);
  }
  const span = { start, end };
  return change(target.document, (s, text) => updateAnnotation(s, target.annotation.id, { span: { ...span, text } }));
}

/** Arguments of policymark.silenceFinding (the handlers' "silence this finding" code action). */
export interface SilenceArgs {
  uri: string;
  code: DiagnosticCode;
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Stores a silenced finding in the sidecar. */
export async function silence(arg: SilenceArgs): Promise<boolean> {
  if (!arg?.uri || !arg.code || typeof arg.exact !== 'string') return false;
  const document = await documentFor(arg.uri);
  if (!document) return false;
  return change(document, (s) =>
    addSilenced(s, {
      code: arg.code,
      exact: arg.exact,
      ...(arg.prefix !== undefined ? { prefix: arg.prefix } : {}),
      ...(arg.suffix !== undefined ? { suffix: arg.suffix } : {}),
    }),
  );
}

/** Export formats. */
export type ExportFormat = 'brat' | 'jsonl' | 'csv';

/** A text and its annotations (re-anchored in memory to the text as it is). */
interface ExportItem {
  uri: vscode.Uri;
  text: string;
  annotations: Annotation[];
}

async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function exportItems(scope: 'file' | 'workspace', uri: vscode.Uri | undefined): Promise<ExportItem[]> {
  const { manager: m, tree: t } = services();
  const files = new Map<string, Annotation[]>();
  if (scope === 'file') {
    if (!uri) return [];
    const document = await vscode.workspace.openTextDocument(uri);
    const file = await m.get(document);
    if (file) files.set(uri.toString(), file.current.annotations);
  } else if (t) for (const [k, v] of await t.collect()) files.set(k, v);
  const items: ExportItem[] = [];
  for (const [key, annotations] of files) {
    const fileUri = vscode.Uri.parse(key);
    let text: string;
    try {
      text = await textOf(fileUri);
    } catch {
      continue;
    }
    // offsets are made for the text as it is now (an open file's unsaved moves included)
    const open = m.peek(fileUri);
    const source = open ? open.current : { version: 1, source: '', hash: '', annotations, silenced: [] };
    items.push({
      uri: fileUri,
      text,
      annotations: source.hash === contentHash(text) ? source.annotations : reanchor(source, text).sidecar.annotations,
    });
  }
  return items.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
}

function stem(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.txt$/i, '');
}

/** Arguments of policymark.exportAnnotations; `target`: a file URI (jsonl, csv, brat of one file) or a folder URI (brat of several). */
export interface ExportArgs {
  format?: ExportFormat;
  /** doccano JSONL offsets: code points (default) or UTF-16 units (doccano's web UI). */
  offsets?: OffsetUnit;
  scope?: 'file' | 'workspace';
  uri?: string;
  target?: string;
}

/** Exports annotations; returns the URIs written. */
export async function exportAnnotations(args: ExportArgs = {}): Promise<string[]> {
  const format =
    args.format ??
    ((
      await vscode.window.showQuickPick(
        [
          { label: 'jsonl', description: vscode.l10n.t('doccano JSONL (code-point offsets)') },
          { label: 'brat', description: vscode.l10n.t('brat standoff .ann (code-point offsets)') },
          { label: 'csv', description: vscode.l10n.t('CSV (UTF-16 and code-point offsets)') },
        ],
        { title: vscode.l10n.t('Export annotations as') },
      )
    )?.label as ExportFormat | undefined);
  if (!format) return [];
  const active = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
  const scope =
    args.scope ??
    (
      await vscode.window.showQuickPick(
        [
          ...(active ? [{ label: vscode.l10n.t('This file'), id: 'file' as const }] : []),
          { label: vscode.l10n.t('The whole workspace'), id: 'workspace' as const },
        ],
        { title: vscode.l10n.t('Export which annotations?') },
      )
    )?.id;
  if (!scope) return [];
  const items = await exportItems(scope, active);
  if (!items.length) {
    fail(vscode.l10n.t('There are no annotations to export.'));
    return [];
  }
  const written: string[] = [];
  const write = async (uri: vscode.Uri, data: string) => {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(data));
    written.push(uri.toString());
  };
  if (format === 'brat' && items.length > 1) {
    const folder = args.target
      ? vscode.Uri.parse(args.target)
      : (
          await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Export here') })
        )?.[0];
    if (!folder) return [];
    for (const item of items) {
      await write(vscode.Uri.joinPath(folder, `${stem(item.uri)}.txt`), item.text);
      await write(vscode.Uri.joinPath(folder, `${stem(item.uri)}.ann`), toBrat(item.text, item.annotations));
    }
  } else {
    const extension = format === 'brat' ? 'ann' : format;
    const target = args.target
      ? vscode.Uri.parse(args.target)
      : await vscode.window.showSaveDialog({
          defaultUri:
            items.length === 1 ? items[0]!.uri.with({ path: items[0]!.uri.path.replace(/\.txt$/i, '') + `.${extension}` }) : undefined,
          filters: { [format]: [extension] },
        });
    if (!target) return [];
    const data =
      format === 'brat'
        ? toBrat(items[0]!.text, items[0]!.annotations)
        : format === 'jsonl'
          ? items.map((i) => toDoccano(i.text, i.annotations, vscode.workspace.asRelativePath(i.uri), args.offsets)).join('\n') + '\n'
          : [csvHeader(), ...items.flatMap((i) => toCsvRows(vscode.workspace.asRelativePath(i.uri), i.text, i.annotations))].join('\r\n') +
            '\r\n';
    await write(target, data);
  }
  if (!args.target) void vscode.window.showInformationMessage(vscode.l10n.t('Exported annotations of {0} file(s).', items.length));
  return written;
}

/** Arguments of policymark.importAnnotations. */
export interface ImportArgs {
  uri?: string;
  /** doccano JSONL offsets: code points (default) or UTF-16 units (doccano's web UI). */
  offsets?: OffsetUnit;
  format?: 'jsonl' | 'brat';
  source?: string;
}

/** Imports doccano JSONL or brat .ann into a text's annotations; returns how many were added. */
export async function importAnnotations(args: ImportArgs = {}): Promise<number> {
  const document = await documentFor(args.uri);
  if (!document) {
    fail(vscode.l10n.t('Open a text file first.'));
    return 0;
  }
  const source = args.source
    ? vscode.Uri.parse(args.source)
    : (
        await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { [vscode.l10n.t('doccano JSONL or brat .ann')]: ['jsonl', 'json', 'ann'] },
        })
      )?.[0];
  if (!source) return 0;
  const format = args.format ?? (source.path.endsWith('.ann') ? 'brat' : 'jsonl');
  const raw = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  let added = 0;
  let orphans = 0;
  try {
    const text = document.getText();
    let sourceText = text;
    let spans;
    if (format === 'brat') spans = fromBrat(text, raw);
    else {
      const records = fromDoccano(raw, args.offsets);
      const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
      const record =
        records.find((r) => r.text === text) ??
        records.find((r) => r.file !== undefined && (r.file === name || r.file.endsWith(`/${name}`))) ??
        (records.length === 1 ? records[0] : undefined);
      if (!record) throw new Error(vscode.l10n.t("No record in {0} has this file's text or name.", source.path));
      sourceText = record.text;
      spans = record.spans;
    }
    await services().manager.update(document, (sidecar, current) => {
      const result = importSpans(sidecar, current, sourceText, spans);
      added = result.added.length;
      orphans = result.orphans.length;
      return result.sidecar;
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return 0;
  }
  if (!args.source)
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Imported {0} annotation(s), {1} could not be placed (orphans).', added, orphans),
    );
  return added;
}

/** Rebuilds the annotations view. */
export function refreshView(): void {
  services().tree?.refreshSoon();
}
