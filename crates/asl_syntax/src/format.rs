use std::path::Path;

use crate::{Parse, parse, parse_yaml};

/// The language a definition is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceFormat {
    #[default]
    Json,
    Yaml,
}

impl SourceFormat {
    /// YAML for a `.yaml` or `.yml` file, JSON for any other.
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => SourceFormat::Yaml,
            _ => SourceFormat::Json,
        }
    }

    /// Parses `text` in this format. Never fails: see [`Parse`].
    pub fn parse(self, text: &str) -> Parse {
        match self {
            SourceFormat::Json => parse(text),
            SourceFormat::Yaml => parse_yaml(text),
        }
    }
}
