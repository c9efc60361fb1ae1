-- Neovim's built-in LSP client against `node server/out/server.js --stdio`: opens the seed texts of a plan
-- (written by test/nvim/run.mjs), asks for diagnostics, hover and definition the way Neovim does, and
-- writes what it saw to the plan's `out` file as JSON. Works on Neovim 0.7 (Debian 12) and later:
-- vim.lsp.start where it exists (0.8+), vim.lsp.start_client + buf_attach_client before.
-- Run: POLICYMARK_NVIM_PLAN=plan.json nvim --headless -u NONE -i NONE -n -c "luafile test/nvim/lsp.lua"
local plan_path = os.getenv('POLICYMARK_NVIM_PLAN')
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(plan_path), '\n'))
local out = { nvim = vim.version(), steps = {}, log = {} }

local function log(msg)
  table.insert(out.log, msg)
end

local function write_out()
  vim.fn.writefile({ vim.fn.json_encode(out) }, plan.out)
end

local client_id
local initialized = false

local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if vim.lsp.start then
    -- 0.8+: reuses the running client (same name and root) and attaches the buffer
    client_id = vim.lsp.start(plan.config_for_start or {
      name = 'policymark',
      cmd = plan.cmd,
      root_dir = plan.root,
    })
  else
    if not client_id then
      client_id = vim.lsp.start_client({ name = 'policymark', cmd = plan.cmd, root_dir = plan.root })
    end
    vim.lsp.buf_attach_client(buf, client_id)
  end
  return buf
end

-- one synchronous request to our client, for the given buffer
local function request(buf, method, params, timeout)
  local client = vim.lsp.get_client_by_id(client_id)
  local done, result, err = false, nil, nil
  client.request(method, params, function(e, r)
    err, result, done = e, r, true
  end, buf)
  vim.wait(timeout or 10000, function()
    return done
  end, 20)
  if not done then
    return nil, 'timeout'
  end
  return result, err
end

local function pos_params(buf, pos)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = pos.line, character = pos.character } }
end

local function has_code(items, code)
  for _, d in ipairs(items or {}) do
    if d.code == code then
      return true
    end
  end
  return false
end

local function run()
  -- the config handed to vim.lsp.start must carry the hooks; build it here
  plan.config_for_start = {
    name = 'policymark',
    cmd = plan.cmd,
    root_dir = plan.root,
    workspace_folders = { { uri = vim.uri_from_fname(plan.root), name = 'workspace' } },
    on_init = function(_, result)
      initialized = true
      out.serverInfo = result and result.serverInfo
      out.capabilities = result and result.capabilities
    end,
  }
  if not vim.lsp.start then
    -- start_client takes the same table
    client_id = vim.lsp.start_client(plan.config_for_start)
  end

  for _, s in ipairs(plan.steps) do
    local buf = open(s.file)
    local ok_init = vim.wait(30000, function()
      return initialized
    end, 20)
    if not ok_init then
      error('the server did not initialise within 30 s')
    end
    local rec = { name = s.name, kind = s.kind, file = s.file }
    table.insert(out.steps, rec)

    if s.kind == 'diagnostics' then
      -- Neovim before 0.10 has no pull diagnostics: ask textDocument/diagnostic as 0.10 does, until the
      -- expected code shows (the segmenter loads in the background), and hand the report to vim.diagnostic
      local items
      local deadline = vim.loop.now() + (s.timeout or 30000)
      repeat
        local result, err = request(buf, 'textDocument/diagnostic', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
        if err then
          rec.error = type(err) == 'table' and (err.message or vim.inspect(err)) or tostring(err)
        end
        items = result and result.items or {}
        if has_code(items, s.code) then
          break
        end
        vim.wait(500)
      until vim.loop.now() > deadline
      rec.items = items
      vim.lsp.diagnostic.on_publish_diagnostics(
        nil,
        { uri = vim.uri_from_bufnr(buf), diagnostics = items },
        { client_id = client_id, method = 'textDocument/publishDiagnostics', bufnr = buf }
      )
      rec.vim_diagnostics = {}
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
        table.insert(rec.vim_diagnostics, { lnum = d.lnum, col = d.col, code = code, severity = d.severity, message = d.message })
      end
    elseif s.kind == 'hover' then
      vim.api.nvim_win_set_cursor(0, { s.position.line + 1, s.byte_col })
      local result, err = request(buf, 'textDocument/hover', pos_params(buf, s.position))
      if err then
        rec.error = type(err) == 'table' and (err.message or vim.inspect(err)) or tostring(err)
      end
      rec.result = result
      if result and result.contents then
        local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
        rec.text = table.concat(lines, '\n')
      end
    elseif s.kind == 'definition' then
      vim.api.nvim_win_set_cursor(0, { s.position.line + 1, s.byte_col })
      local result, err = request(buf, 'textDocument/definition', pos_params(buf, s.position))
      if err then
        rec.error = type(err) == 'table' and (err.message or vim.inspect(err)) or tostring(err)
      end
      rec.result = result
      if result and not vim.tbl_isempty(result) then
        local loc = result.uri and result or result[1]
        if loc.targetUri then
          loc = { uri = loc.targetUri, range = loc.targetSelectionRange or loc.targetRange }
        end
        -- jump as `gd` would, then record where the cursor is
        vim.lsp.util.jump_to_location(loc, 'utf-16')
        local cursor = vim.api.nvim_win_get_cursor(0)
        rec.landed = {
          file = vim.api.nvim_buf_get_name(0),
          line = cursor[1] - 1,
          byte_col = cursor[2],
          line_text = vim.api.nvim_get_current_line(),
        }
      end
    end
  end
end

local ok, err = pcall(run)
if not ok then
  out.error = tostring(err)
end
if client_id then
  local client = vim.lsp.get_client_by_id(client_id)
  if client then
    client.stop()
  end
end
write_out()
vim.cmd(ok and 'qa!' or 'cq!')
