//! `asl-lint lsp`: the language server on stdin/stdout.

use std::sync::Arc;

use asl_linter::Settings;
use asl_lsp::{Options, SettingsFor};

use crate::config::{Config, find_config};
use crate::{EXIT_CLEAN, EXIT_FAILURE};

pub(crate) fn run() -> u8 {
    let (settings, configuration_error) = settings();
    let options = Options {
        settings,
        configuration_error,
        ..Options::default()
    };
    match asl_lsp::run_stdio(options) {
        Ok(()) => EXIT_CLEAN,
        Err(error) => {
            eprintln!("asl-lint lsp: cannot start the language server: {error}");
            EXIT_FAILURE
        }
    }
}

/// The settings of each document, from the nearest `asl-lint.toml` above the directory the
/// editor starts the server in. A broken file is reported to the user and ignored, so that the
/// editor still gets diagnostics.
fn settings() -> (SettingsFor, Option<String>) {
    let path = std::env::current_dir().ok().and_then(|dir| find_config(&dir));
    match path.map(|path| Config::read(&path)).transpose() {
        Ok(Some(config)) => (
            Arc::new(move |file| file.map_or_else(|| config.base_settings(), |file| config.settings_for(file))),
            None,
        ),
        Ok(None) => (Arc::new(|_| Settings::default()), None),
        Err(message) => {
            let message = format!("asl-lint: the configuration is ignored: {message}");
            eprintln!("{message}");
            (Arc::new(|_| Settings::default()), Some(message))
        }
    }
}
