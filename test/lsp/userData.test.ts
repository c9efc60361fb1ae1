/** policymark.aliasFiles over the protocol: a workspace alias file resolves an abbreviation; a bad one is reported by name. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession, positionOf } from './harness';

const TEXT = '会议由市农委牵头，各区县配合落实。\n';

describe('user alias files', { timeout: 60_000 }, () => {
  let workspace: string;
  let session: LspSession;

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'policymark-aliases-'));
    writeFileSync(path.join(workspace, 'a.txt'), TEXT);
    writeFileSync(path.join(workspace, 'aliases.json'), JSON.stringify({ 市农委: '甲市农业农村委员会' }));
    writeFileSync(path.join(workspace, 'broken.json'), '{');
    session = await LspSession.start({ workspace, settings: { aliasFiles: ['aliases.json', 'broken.json'] } });
  });

  after(async () => {
    await session?.dispose();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('an abbreviation from the workspace alias file shows its full name on hover', async () => {
    const uri = session.open(path.join(workspace, 'a.txt'), 'plaintext');
    await session.diagnostics(uri);
    const hover = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(TEXT, '市农委', 1),
    });
    assert.ok(hover, 'hover on the abbreviation');
    assert.match((hover.contents as MarkupContent).value, /甲市农业农村委员会/);
  });

  test('the unusable alias file is named in the log', async () => {
    assert.ok(
      session.logs.some((line) => line.includes('broken.json') && /not valid JSON/.test(line)),
      `logs: ${session.logs.join(' | ')}`,
    );
  });
});
