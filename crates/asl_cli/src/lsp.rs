//! `asl-lint lsp`: the language server on stdin/stdout.

use asl_linter::Settings;

use crate::config::{find_config, load};
use crate::{EXIT_CLEAN, EXIT_FAILURE};

pub(crate) fn run() -> u8 {
    match asl_lsp::run_stdio(settings()) {
        Ok(()) => EXIT_CLEAN,
        Err(error) => {
            eprintln!("asl-lint lsp: cannot start the language server: {error}");
            EXIT_FAILURE
        }
    }
}

/// The settings of the nearest `asl-lint.toml` from the directory the editor starts the
/// server in. A broken file is reported on stderr (the editor's log) and ignored, so that
/// the editor still gets diagnostics.
fn settings() -> Settings {
    let mut settings = Settings::default();
    let config = std::env::current_dir().ok().and_then(|dir| find_config(&dir));
    if let Some(Err(message)) = config.map(|path| load(&path, &mut settings)) {
        eprintln!("asl-lint lsp: ignoring the configuration: {message}");
        settings = Settings::default();
    }
    settings
}
