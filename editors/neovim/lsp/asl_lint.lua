-- Neovim 0.11+ (and nvim-lspconfig 2+): vim.lsp.enable('asl_lint') with this folder on
-- 'runtimepath'. Attaches to state machines only.
local asl = require('asl-lint')

return {
  cmd = asl.cmd,
  filetypes = asl.filetypes,
  root_markers = asl.root_markers,
  root_dir = function(bufnr, on_dir)
    if asl.is_state_machine(bufnr) then
      on_dir(asl.root_dir(bufnr))
    end
  end,
}
