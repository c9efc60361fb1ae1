// The real-editor scenario inside VS Code's extension host (loaded by @vscode/test-electron through
// extensionTestsPath): the same steps as the code-server run, through the editor's own commands and
// providers instead of the mouse and keyboard. A minimal runner: each step passes, fails or is pending
// (test/e2e/pending.json), results go to POLICYMARK_E2E_RESULTS, and run() rejects when a step fails.
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');

const env = process.env;

function locate(text, quote, context) {
  const base = context ? text.indexOf(context) : 0;
  if (base < 0) throw new Error(`context not found: ${JSON.stringify(context)}`);
  const start = text.indexOf(quote, base);
  if (start < 0) throw new Error(`quote not found: ${JSON.stringify(quote)}`);
  return { start, end: start + quote.length };
}

async function waitFor(what, probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (${lastError.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);

function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function run() {
  const scenario = JSON.parse(fs.readFileSync(env.POLICYMARK_E2E_SCENARIO, 'utf8'));
  const pending = JSON.parse(fs.readFileSync(env.POLICYMARK_E2E_PENDING, 'utf8')).electron || {};
  const workspace = env.POLICYMARK_E2E_WORKSPACE;
  const fileName = (key) => (key === 'article' ? scenario.article.name : scenario.seeds[key]);
  const fsPath = (key) => path.join(workspace, fileName(key));
  const uriOf = (key) => vscode.Uri.file(fsPath(key));
  const diskText = (key) => fs.readFileSync(fsPath(key), 'utf8');
  const sidecar = (key) => {
    const p = `${fsPath(key)}.policymark.json`;
    return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : undefined;
  };
  const show = async (key) => {
    const document = await vscode.workspace.openTextDocument(uriOf(key));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    return { document, editor };
  };

  const ext = vscode.extensions.all.find((e) => e.packageJSON.publisher === 'policymark' && e.packageJSON.name === 'policymark');
  const steps = [];
  const step = (name, fn) => steps.push({ name, fn });

  step('startup', async () => {
    if (!ext) throw new Error('the PolicyMark extension is not loaded');
    await show('s001');
    await waitFor('the extension to activate', () => ext.isActive, 60000);
    return `PolicyMark ${ext.packageJSON.version} active in VS Code ${vscode.version}`;
  });

  step('problems', async () => {
    const found = [];
    for (const d of scenario.diagnostics) {
      const { document } = await show(d.file);
      const q = locate(document.getText(), d.quote, d.context);
      const hit = await waitFor(`${d.code} in ${fileName(d.file)}`, () =>
        vscode.languages
          .getDiagnostics(document.uri)
          .find((x) => codeOf(x) === d.code && document.offsetAt(x.range.start) <= q.end && document.offsetAt(x.range.end) >= q.start),
      );
      found.push(`${d.code} at ${fileName(d.file)}:${hit.range.start.line + 1}`);
    }
    return found.join('; ');
  });

  step('hover', async () => {
    const h = scenario.hover;
    const { document } = await show(h.file);
    const q = locate(document.getText(), h.quote, h.context);
    const position = document.positionAt(q.start + (h.offsetInQuote || 0));
    const expect = new RegExp(h.expect);
    let text = '';
    await waitFor(
      `a hover showing ${h.expect}`,
      async () => {
        text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position));
        return expect.test(text);
      },
      20000,
    );
    return text.replace(/\s+/g, ' ').slice(0, 120);
  });

  step('definition', async () => {
    const d = scenario.definition;
    const { document, editor } = await show(d.file);
    const q = locate(document.getText(), d.quote, d.context);
    const position = document.positionAt(q.start + (d.offsetInQuote || 0));
    const target = fileName(d.targetFile);
    // F12, again while the server is still indexing the workspace (the editor stays where it was)
    const landed = await waitFor(
      `F12 to open ${target}`,
      async () => {
        const active = vscode.window.activeTextEditor;
        if (active && path.basename(active.document.uri.fsPath) === target) return active;
        await vscode.window.showTextDocument(document, { preview: false });
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.revealDefinition');
        await new Promise((r) => setTimeout(r, 1000));
        const now = vscode.window.activeTextEditor;
        return now && path.basename(now.document.uri.fsPath) === target ? now : undefined;
      },
      30000,
    );
    const text = landed.document.getText();
    const offset = landed.document.offsetAt(landed.selection.active);
    const around = text.slice(Math.max(0, offset - d.targetQuote.length), offset + d.targetQuote.length);
    if (!around.includes(d.targetQuote))
      throw new Error(`landed at ${landed.selection.active.line + 1}:${landed.selection.active.character + 1}, not on ${d.targetQuote}`);
    return `${target}:${landed.selection.active.line + 1}`;
  });

  step('quickfix', async () => {
    const f = scenario.quickFix;
    const { document } = await show(f.file);
    const q = locate(document.getText(), f.quote, f.context);
    const range = new vscode.Range(
      document.positionAt(q.start + (f.offsetInQuote || 0)),
      document.positionAt(q.start + (f.offsetInQuote || 0)),
    );
    const action = await waitFor(
      'a quick fix that writes the repair',
      async () => {
        const actions = await vscode.commands.executeCommand(
          'vscode.executeCodeActionProvider',
          document.uri,
          range,
          vscode.CodeActionKind.QuickFix.value,
        );
        return (actions || []).find((a) => a.edit && applyTo(document, a.edit.get(document.uri)).includes(f.fixed));
      },
      20000,
    );
    if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error('applyEdit refused');
    await document.save();
    const disk = diskText(f.file);
    if (!disk.includes(f.fixed) || disk.includes(f.quote)) throw new Error(`${fileName(f.file)} on disk does not have ${f.fixed}`);
    return `applied "${action.title}"`;
  });

  step('fixall', async () => {
    const f = scenario.fixAll;
    const { document } = await show(f.file);
    // the server answers once it has analysed the file: its diagnostics are there
    await waitFor(`diagnostics of ${fileName(f.file)}`, () => vscode.languages.getDiagnostics(document.uri).length > 0, 30000);
    // Fix All as a person would run it again when the first try found nothing to do yet
    await waitFor(
      `the joined line ${JSON.stringify(f.joined)}`,
      async () => {
        if (document.getText().includes(f.joined)) return true;
        await vscode.commands.executeCommand('editor.action.fixAll');
        await new Promise((r) => setTimeout(r, 1000));
        return document.getText().includes(f.joined);
      },
      30000,
    );
    await document.save();
    if (!diskText(f.file).includes(f.joined)) throw new Error('the fix is not on disk after saving');
    return `joined ${JSON.stringify(f.joined)}`;
  });

  let tagged;
  step('tag', async () => {
    const t = scenario.tag;
    const commands = await vscode.commands.getCommands(true);
    const id = t.commands.find((c) => commands.includes(c));
    if (!id) throw new Error(`none of ${t.commands.join(', ')} is registered`);
    const { document } = await show(t.file);
    const q = locate(document.getText(), t.quote, t.context);
    await vscode.commands.executeCommand(id, { uri: document.uri.toString(), start: q.start, end: q.end, label: t.label });
    const a = await waitFor(
      `the sidecar with ${t.quote}`,
      () => ((sidecar(t.file) || {}).annotations || []).find((x) => x.start === q.start && x.end === q.end),
      15000,
    );
    if (a.label !== t.label) throw new Error(`label ${a.label}, expected ${t.label}`);
    tagged = a;
    return `${id}: ${a.label} ${a.start}-${a.end}`;
  });

  step('outside-edit', async () => {
    const e = scenario.outsideEdit;
    if (!tagged) throw new Error('nothing was tagged (the tag step failed)');
    fs.writeFileSync(fsPath(e.file), e.insert + diskText(e.file));
    const start = tagged.start + e.insert.length;
    const onDisk = () => ((sidecar(e.file) || {}).annotations || []).find((x) => x.id === tagged.id && x.start === start);
    // the reloaded text has no unsaved changes, so the moved annotation is written to disk at once
    await waitFor('the sidecar on disk to follow the outside edit', onDisk, 15000);
    return `sidecar on disk: ${tagged.start} → ${start}`;
  });

  const results = [];
  for (const s of steps) {
    try {
      const detail = await s.fn();
      results.push({ name: s.name, status: 'pass', detail });
    } catch (error) {
      results.push({
        name: s.name,
        status: pending[s.name] ? 'pending' : 'fail',
        detail: error && error.message ? error.message : String(error),
      });
      if (s.name === 'startup') break;
    }
  }
  fs.writeFileSync(env.POLICYMARK_E2E_RESULTS, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => r.status === 'fail');
  if (failed.length) throw new Error(`${failed.length} step(s) failed: ${failed.map((r) => r.name).join(', ')}`);
}

/** The text of a document after some TextEdits (to find the quick fix that yields the repair). */
function applyTo(document, edits) {
  let text = document.getText();
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const e of sorted) text = text.slice(0, document.offsetAt(e.range.start)) + e.newText + text.slice(document.offsetAt(e.range.end));
  return text;
}

module.exports = { run };
