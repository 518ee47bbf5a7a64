-- asl-lint language server for Neovim's built-in LSP client (Neovim 0.7 or later).
--
-- Put this folder on 'runtimepath' and call setup() from init.lua:
--   vim.opt.runtimepath:append('/path/to/asl-lint/editors/neovim')
--   require('asl-lint').setup()                         -- every JSON and YAML buffer
--   require('asl-lint').setup({ pattern = '*.asl.json' }) -- only matching file names
-- The server decides what is a state machine (a definition, or a template that holds some):
-- every other buffer gets no diagnostics.
-- Options: cmd (default { 'asl-lint', 'lsp' }), pattern (a file pattern; default: FileType
-- json and yaml).
local M = {}

local client_id = nil

-- Attaches the server to a buffer, starting it on first use; returns the client id.
function M.attach(bufnr, opts)
  opts = opts or {}
  if client_id == nil or vim.lsp.client_is_stopped(client_id) then
    client_id = vim.lsp.start_client({
      name = 'asl-lint',
      cmd = opts.cmd or { 'asl-lint', 'lsp' },
      root_dir = opts.root_dir or vim.fn.getcwd(),
    })
  end
  if client_id ~= nil then
    vim.lsp.buf_attach_client(bufnr or 0, client_id)
  end
  return client_id
end

function M.setup(opts)
  opts = opts or {}
  local group = vim.api.nvim_create_augroup('asl-lint', { clear = true })
  local callback = function(args)
    M.attach(args.buf, opts)
  end
  if opts.pattern then
    vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, { group = group, pattern = opts.pattern, callback = callback })
  else
    vim.api.nvim_create_autocmd('FileType', { group = group, pattern = { 'json', 'yaml' }, callback = callback })
  end
end

return M
