// The language server outside VS Code: Neovim (headless, built-in LSP client, no plugins) starts
// `node server/out/server.js --stdio` on the seed texts; lsp.lua records diagnostics, hover and
// definition as Neovim saw them, and this script checks them.
// node test/nvim/run.mjs   (needs `nvim` on PATH, Debian's neovim, and the root build: server/out/server.js)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, fileName, freshDir, locate, makeWorkspace, runSteps, scenario } from '../e2e/lib/common.mjs';

const NVIM = process.env.NVIM_PATH || 'nvim';
const server = join(ROOT, 'server', 'out', 'server.js');
const work = freshDir('nvim');
const workspace = makeWorkspace('nvim/workspace');
const text = (key) => readFileSync(join(workspace, fileName(key)), 'utf8');
const byteCol = (t, pos) => Buffer.byteLength(t.split('\n')[pos.line].slice(0, pos.character), 'utf8');

function stepPosition(key, quote, context, offsetInQuote = 0) {
  const t = text(key);
  const q = locate(t, quote, context);
  const position = { line: q.line, character: q.character + offsetInQuote };
  return { position, byte_col: byteCol(t, position) };
}

const h = scenario.hover;
const d = scenario.definition;
const plan = {
  out: join(work, 'result.json'),
  root: workspace,
  cmd: [process.execPath, server, '--stdio'],
  steps: [
    ...scenario.diagnostics.map((x) => ({
      name: `diagnostics-${x.code}`,
      kind: 'diagnostics',
      file: join(workspace, fileName(x.file)),
      code: x.code,
    })),
    { name: 'hover', kind: 'hover', file: join(workspace, fileName(h.file)), ...stepPosition(h.file, h.quote, h.context, h.offsetInQuote) },
    {
      name: 'definition',
      kind: 'definition',
      file: join(workspace, fileName(d.file)),
      ...stepPosition(d.file, d.quote, d.context, d.offsetInQuote),
    },
  ],
};
writeFileSync(join(work, 'plan.json'), JSON.stringify(plan, null, 2));

let result;
let version = '';
const steps = [
  {
    name: 'start',
    fatal: true,
    run: async () => {
      const v = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
      if (v.error) throw new Error(`nvim not found (${v.error.message}): apt-get install neovim`);
      version = v.stdout.split('\n')[0];
      if (!existsSync(server)) throw new Error(`${server} is missing: build the project first (npm run bundle)`);
      const run = spawnSync(
        NVIM,
        ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve(ROOT, 'test', 'nvim', 'lsp.lua')}`],
        {
          cwd: workspace,
          env: {
            ...process.env,
            POLICYMARK_NVIM_PLAN: join(work, 'plan.json'),
            LANG: 'en_US.UTF-8',
            // Neovim's own files (lsp.log, state) stay in the work folder
            XDG_CACHE_HOME: join(work, 'xdg', 'cache'),
            XDG_STATE_HOME: join(work, 'xdg', 'state'),
            XDG_DATA_HOME: join(work, 'xdg', 'data'),
            XDG_CONFIG_HOME: join(work, 'xdg', 'config'),
          },
          encoding: 'utf8',
          timeout: 180000,
        },
      );
      if (run.error) throw new Error(`nvim: ${run.error.message}`);
      if (!existsSync(plan.out)) throw new Error(`nvim wrote no result (exit ${run.status}): ${run.stdout}${run.stderr}`);
      result = JSON.parse(readFileSync(plan.out, 'utf8'));
      if (result.error) throw new Error(`lsp.lua failed: ${result.error}`);
      const name = result.serverInfo?.name;
      if (name !== 'policymark-ls') throw new Error(`unexpected serverInfo ${JSON.stringify(result.serverInfo)}`);
      return `${version}; ${name} ${result.serverInfo.version} initialised over stdio`;
    },
  },
  ...scenario.diagnostics.map((x) => ({
    name: `diagnostics-${x.code}`,
    run: async () => {
      const rec = result.steps.find((s) => s.name === `diagnostics-${x.code}`);
      if (rec.error) throw new Error(`textDocument/diagnostic failed: ${rec.error}`);
      const q = locate(text(x.file), x.quote, x.context);
      const hit = (rec.items ?? []).find((i) => i.code === x.code);
      if (!hit)
        throw new Error(
          `no ${x.code} among ${rec.items?.length ?? 0} diagnostics of ${fileName(x.file)} (${[...new Set((rec.items ?? []).map((i) => i.code))].join(', ')})`,
        );
      if (hit.range.start.line > positionEndLine(x) || hit.range.end.line < q.line) {
        throw new Error(`${x.code} at line ${hit.range.start.line + 1}, expected ${q.line + 1}`);
      }
      const inVim = (rec.vim_diagnostics ?? []).filter((v) => v.code === x.code).length;
      if (!inVim) throw new Error(`the report did not reach vim.diagnostic (${rec.vim_diagnostics?.length ?? 0} there)`);
      return `${x.code} at ${fileName(x.file)}:${hit.range.start.line + 1}:${hit.range.start.character + 1} (${rec.items.length} diagnostics; ${inVim} in vim.diagnostic)`;
    },
  })),
  {
    name: 'hover',
    run: async () => {
      const rec = result.steps.find((s) => s.name === 'hover');
      if (rec.error) throw new Error(`textDocument/hover failed: ${rec.error}`);
      if (!rec.text) throw new Error(`no hover at ${h.quote} (result ${JSON.stringify(rec.result)})`);
      if (!new RegExp(h.expect).test(rec.text)) throw new Error(`hover does not show ${h.expect}: ${rec.text}`);
      return rec.text.replace(/\s+/g, ' ').slice(0, 120);
    },
  },
  {
    name: 'definition',
    run: async () => {
      const rec = result.steps.find((s) => s.name === 'definition');
      if (rec.error) throw new Error(`textDocument/definition failed: ${rec.error}`);
      if (!rec.landed) throw new Error(`no definition for ${d.quote} (result ${JSON.stringify(rec.result)})`);
      const target = fileName(d.targetFile);
      if (!rec.landed.file.endsWith(target)) throw new Error(`jumped to ${rec.landed.file}, expected ${target}`);
      const after = Buffer.from(rec.landed.line_text, 'utf8').subarray(rec.landed.byte_col).toString('utf8');
      const before = Buffer.from(rec.landed.line_text, 'utf8').subarray(0, rec.landed.byte_col).toString('utf8');
      const line = rec.landed.line_text;
      const idx = line.indexOf(d.targetQuote);
      if (idx < 0 || before.length < idx || before.length > idx + d.targetQuote.length) {
        throw new Error(`cursor not on ${d.targetQuote}: "${before}|${after}"`);
      }
      return `${target}:${rec.landed.line + 1}: ${line.trim().slice(0, 40)}`;
    },
  },
];

function positionEndLine(x) {
  const t = text(x.file);
  const q = locate(t, x.quote, x.context);
  return t.slice(0, q.end).split('\n').length - 1;
}

const summary = await runSteps('nvim', steps);
console.log(`nvim: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending`);
process.exitCode = summary.failed > 0 ? 1 : 0;
