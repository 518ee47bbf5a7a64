-- asl-lint language server for Neovim's built-in LSP client.
--
-- Neovim 0.11 or later: lsp/asl_lint.lua in this folder is found through 'runtimepath':
--   vim.opt.runtimepath:append('/path/to/asl-lint/editors/neovim')
--   vim.lsp.enable('asl_lint')
-- Neovim 0.7 to 0.10: call setup() from init.lua instead:
--   vim.opt.runtimepath:append('/path/to/asl-lint/editors/neovim')
--   require('asl-lint').setup()
-- Either way the server attaches to state machines only (see is_state_machine).
-- setup() options: cmd (default { 'asl-lint', 'lsp' }), pattern (a file pattern; without it,
-- every JSON or YAML buffer that is_state_machine() accepts).
local M = {}

M.cmd = { 'asl-lint', 'lsp' }
M.filetypes = { 'json', 'jsonc', 'yaml' }
M.root_markers = { 'asl-lint.toml', '.git' }

-- How many lines are searched for "StartAt" and "States".
local SCAN_LINES = 2000

-- True when the buffer holds a state machine: its name ends in .asl.json, .asl.yaml, .asl.yml
-- or .asl, or it is JSON or YAML with both "StartAt" and "States" in its text. The server has
-- the last word on what it reports; this only decides where it runs.
function M.is_state_machine(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name:match('%.asl%.json$') or name:match('%.asl%.ya?ml$') or name:match('%.asl$') then
    return true
  end
  local filetype = vim.bo[bufnr].filetype
  if not vim.tbl_contains(M.filetypes, filetype) then
    return false
  end
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, SCAN_LINES, false), '\n')
  return text:find('%f[%w]StartAt%f[^%w]') ~= nil and text:find('%f[%w]States%f[^%w]') ~= nil
end

-- The folder the server runs in: the nearest one with asl-lint.toml or .git, else the
-- current directory.
function M.root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if vim.fs and vim.fs.root then
    return vim.fs.root(bufnr, M.root_markers) or vim.fn.getcwd()
  end
  for _, marker in ipairs(M.root_markers) do
    local found = vim.fn.finddir(marker, vim.fn.fnamemodify(name, ':p:h') .. ';')
    if found == '' then
      found = vim.fn.findfile(marker, vim.fn.fnamemodify(name, ':p:h') .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h')
    end
  end
  return vim.fn.getcwd()
end

local client_id = nil

-- Attaches the server to a buffer, starting it on first use; returns the client id.
function M.attach(bufnr, opts)
  opts = opts or {}
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if client_id == nil or vim.lsp.client_is_stopped(client_id) then
    client_id = vim.lsp.start_client({
      name = 'asl_lint',
      cmd = opts.cmd or M.cmd,
      root_dir = opts.root_dir or M.root_dir(bufnr),
    })
  end
  if client_id ~= nil then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  return client_id
end

-- For Neovim 0.7 to 0.10 (0.11+: vim.lsp.enable('asl_lint') instead).
function M.setup(opts)
  opts = opts or {}
  local group = vim.api.nvim_create_augroup('asl-lint', { clear = true })
  if opts.pattern then
    vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
      group = group,
      pattern = opts.pattern,
      callback = function(args)
        M.attach(args.buf, opts)
      end,
    })
  else
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.filetypes,
      callback = function(args)
        if M.is_state_machine(args.buf) then
          M.attach(args.buf, opts)
        end
      end,
    })
  end
end

return M
