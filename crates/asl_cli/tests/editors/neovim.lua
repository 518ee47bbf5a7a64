-- Headless Neovim session driven by tests/editors.rs: with the shipped setup, open a broken
-- state machine and a JSON file that is not one, wait for diagnostics, rename a state, and
-- write what happened as JSON.
local out = { diagnostics = {} }
local ok, err = pcall(function()
  vim.cmd('filetype on')
  vim.opt.runtimepath:append(os.getenv('ASL_EDITORS') .. '/neovim')
  local asl = require('asl-lint')
  asl.setup({ cmd = { os.getenv('ASL_LINT'), 'lsp' } })

  -- The Neovim 0.11+ configuration picks the same documents.
  local modern = dofile(os.getenv('ASL_EDITORS') .. '/neovim/lsp/asl_lint.lua')
  local function modern_root(bufnr)
    local root = nil
    modern.root_dir(bufnr, function(dir)
      root = dir
    end)
    return root
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('ASL_DIR') .. '/package.json'))
  local other = vim.api.nvim_get_current_buf()
  out.other_attached = #vim.lsp.get_active_clients({ bufnr = other }) > 0
  out.other_modern_root = modern_root(other) ~= nil

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('ASL_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  out.machine_modern_root = modern_root(buf) ~= nil
  out.got_diagnostics = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  out.attached = #vim.lsp.get_active_clients({ bufnr = buf }) > 0
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out.diagnostics, { line = d.lnum + 1, code = d.code or lsp.code, message = d.message })
  end
  -- Rename from the reference in `"Next": "Notify"`.
  local row = vim.fn.search('"Next": "Notify"')
  local col = vim.fn.col('.') + 9
  vim.api.nvim_win_set_cursor(0, { row, col })
  vim.lsp.buf.rename('Notified')
  out.renamed = vim.wait(20000, function()
    return vim.fn.search('"Notified": {', 'nw') > 0
  end, 20)
  out.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end)
if not ok then
  out.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('ASL_OUT'))
vim.cmd('qa!')
