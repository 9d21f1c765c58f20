-- Drives the built language server from a real Neovim (headless, --clean) and writes what the
-- editor received as JSON, for test/clients/neovim.test.ts to assert on. Run as:
--   ZONE_FILE=<copy of mail-mistakes.zone> SERVER_JS=dist/server.js NODE_BIN=node OUT_JSON=<file> \
--     nvim --headless --clean -c "luafile test/clients/lsp-check.lua"
-- Uses only API that Neovim 0.7 has (vim.lsp.start_client, buf_attach_client, buf_request_sync,
-- vim.diagnostic), for Debian bookworm's neovim 0.7.2; newer releases keep these functions,
-- though 0.11 marks start_client as deprecated. Only 0.7.2 has been run.
-- Every wait is vim.wait with a predicate: it returns as soon as the editor has the answer.

local env = vim.env
local out = { nvim = vim.version(), steps = {} }
local TIMEOUT = tonumber(env.LSP_CHECK_TIMEOUT_MS or '15000')

local function step(name)
  table.insert(out.steps, name)
end

local function write_json()
  local f = assert(io.open(env.OUT_JSON, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

-- The LSP form of a vim.diagnostic entry, with the server's `data` (the server checks it to
-- refuse fixes for stale text). Newer Neovim keeps the whole LSP diagnostic in user_data.lsp.
local function to_lsp_diagnostic(d)
  local lsp = (d.user_data and d.user_data.lsp) or {}
  if lsp.range then return lsp end
  return {
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col },
    },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code or lsp.code,
    data = lsp.data,
  }
end

local function codes_of(diags)
  local codes = {}
  for _, d in ipairs(diags) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(codes, { code = code, line = d.lnum, col = d.col, message = d.message })
  end
  return codes
end

local function describe_error(err)
  if err == nil then return nil end
  return type(err) == 'string' and err or vim.inspect(err)
end

local function find_text(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = string.find(line, needle, 1, true)
    if col then return { line = i - 1, character = col - 1 } end
  end
  return nil
end

local CAPABILITY_OF = {
  ['textDocument/hover'] = 'hover',
  ['textDocument/codeAction'] = 'codeAction',
  ['textDocument/documentSymbol'] = 'documentSymbol',
  ['textDocument/formatting'] = 'formatting',
}

-- One request through Neovim's client; the first response's result (or its error). A feature
-- the server does not advertise is reported as such (Neovim would only wait for a timeout).
local function request(bufnr, method, params)
  if not out.capabilities[CAPABILITY_OF[method]] then
    return nil, 'the server does not advertise ' .. CAPABILITY_OF[method]
  end
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not responses then return nil, err or 'no response' end
  for _, r in pairs(responses) do
    if r.err then return nil, r.err end
    return r.result, nil
  end
  return nil, 'empty response'
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.ZONE_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  -- Neovim's own name for zone files; the server accepts any language id.
  vim.bo[bufnr].filetype = 'bindzone'

  local client_id = vim.lsp.start_client({
    name = 'dns-zone',
    cmd = { env.NODE_BIN, env.SERVER_JS, '--stdio' },
    root_dir = vim.fn.fnamemodify(env.ZONE_FILE, ':h'),
    on_exit = function(code) out.server_exit_code = code end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  step('started')

  local client
  assert(vim.wait(TIMEOUT, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 20), 'server did not initialize')
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  out.capabilities = {
    hover = caps.hoverProvider ~= nil and caps.hoverProvider ~= false,
    codeAction = caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false,
    documentSymbol = caps.documentSymbolProvider ~= nil and caps.documentSymbolProvider ~= false,
    formatting = caps.documentFormattingProvider ~= nil and caps.documentFormattingProvider ~= false,
  }
  step('initialized')

  assert(vim.wait(TIMEOUT, function() return #vim.diagnostic.get(bufnr) > 0 end, 20), 'no diagnostics arrived')
  local diags = vim.diagnostic.get(bufnr)
  out.diagnostics = codes_of(diags)
  step('diagnostics')

  -- The `ptr` mechanism of the SPF record: documented by hover, and free of other findings.
  local ptr = assert(find_text(bufnr, ' ptr '), 'no SPF ptr mechanism in the zone')
  local hover, hover_err = request(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = ptr.line, character = ptr.character + 2 },
  })
  out.hover = hover
  out.hover_error = describe_error(hover_err)
  step('hover')

  local target
  for _, d in ipairs(diags) do
    if d.code == 'name-missing-trailing-dot' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'name-missing-trailing-dot') then
      target = d
      break
    end
  end
  assert(target, 'no name-missing-trailing-dot diagnostic to fix')
  local lsp_diag = to_lsp_diagnostic(target)
  local actions, action_err = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  })
  out.code_action_error = describe_error(action_err)
  out.code_actions = {}
  local fix
  for _, a in ipairs(actions or {}) do
    table.insert(out.code_actions, { title = a.title, kind = a.kind, isPreferred = a.isPreferred })
    if fix == nil and a.edit and a.kind == 'quickfix' then fix = a end
  end
  step('codeAction')

  -- Apply the first quick fix the way Neovim's own code action UI would, and wait for the
  -- server to re-validate the changed text: the fixed finding must go away.
  if fix then
    out.fix_line_before = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
    out.fix_line_after = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
    out.fix_cleared = vim.wait(TIMEOUT, function()
      for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = target.lnum })) do
        if d.code == 'name-missing-trailing-dot' then return false end
      end
      return true
    end, 20)
    out.diagnostics_after_fix = codes_of(vim.diagnostic.get(bufnr))
    step('applied')
  end

  local symbols, symbols_err = request(bufnr, 'textDocument/documentSymbol', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  })
  out.symbols = {}
  for _, s in ipairs(symbols or {}) do table.insert(out.symbols, s.name) end
  out.symbols_error = describe_error(symbols_err)
  step('documentSymbol')

  local edits, format_err = request(bufnr, 'textDocument/formatting', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    options = { tabSize = 8, insertSpaces = true },
  })
  out.format_edit_count = edits and #edits or nil
  out.format_error = describe_error(format_err)
  -- Apply them as Neovim's own formatting would; the test compares with the formatter.
  if edits then
    out.text_before_format = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
    vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding or 'utf-16')
    out.text_after_format = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  end
  step('formatting')

  vim.lsp.stop_client(client_id)
  out.server_stopped = vim.wait(TIMEOUT, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = pcall(run)
out.ok = ok
if not ok then out.error = tostring(err) end
write_json()
vim.cmd(ok and 'qall!' or 'cquit!')
