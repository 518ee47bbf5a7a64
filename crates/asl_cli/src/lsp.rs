//! `asl-lint lsp`: the language server on stdin/stdout.

use crate::{EXIT_CLEAN, EXIT_FAILURE};

pub(crate) fn run() -> u8 {
    match asl_lsp::run_stdio() {
        Ok(()) => EXIT_CLEAN,
        Err(error) => {
            eprintln!("asl-lint lsp: cannot start the language server: {error}");
            EXIT_FAILURE
        }
    }
}
