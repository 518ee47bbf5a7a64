//! `asl-lint init`: writes a commented starter `asl-lint.toml` in the current directory.

use std::io::Write as _;

use crate::config::CONFIG_FILE;
use crate::{EXIT_CLEAN, EXIT_FAILURE};

/// The starter file: every key, commented out or empty, with what it does.
pub(crate) const STARTER: &str = r#"# asl-lint configuration. Every key is optional, and flags on the command line win over
# this file. Keys: https://github.com/asl-lint/asl-lint#configuration
#:schema https://github.com/asl-lint/asl-lint/blob/main/schemas/asl-lint.schema.json

# The state machine type, when the definitions here share one: "standard" or "express".
# EXPRESS forbids `.sync` and `.waitForTaskToken` integrations and activities.
# workflow-type = "standard"

# Files and directories that a directory walk skips, in .gitignore syntax, relative to
# this file's directory. Files named on the command line are always checked.
exclude = [
  # "legacy/",
  # "**/generated/*.asl.json",
]

# Rule levels, by code or name: "off", "error", "warning" or "info".
# `asl-lint rule` lists the rules; `asl-lint rule NAME` explains one.
[rules]
# choice-without-default = "error"
# ASL408 = "off"

# Settings for some files only, after those above; later overrides win.
# [[overrides]]
# files = ["express/**"]
# workflow-type = "express"
# rules = { unused-suppression = "off" }
"#;

pub(crate) fn run() -> u8 {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(CONFIG_FILE);
    let written = file.and_then(|mut file| file.write_all(STARTER.as_bytes()));
    match written {
        Ok(()) => {
            println!("asl-lint: wrote {CONFIG_FILE}");
            EXIT_CLEAN
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("asl-lint: {CONFIG_FILE} already exists; it is left as it is");
            EXIT_FAILURE
        }
        Err(error) => {
            eprintln!("asl-lint: cannot write {CONFIG_FILE}: {error}");
            EXIT_FAILURE
        }
    }
}
