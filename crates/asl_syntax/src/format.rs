use std::path::Path;

use crate::{Node, Parse, TextRange, Value, parse, parse_yaml};

/// The language a definition, or the file that holds it, is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceFormat {
    #[default]
    Json,
    Yaml,
    /// Terraform's HCL (`.tf`): only a host of definitions, read by the Terraform host of
    /// `asl_hosts`, which owns the HCL parser.
    Hcl,
}

impl SourceFormat {
    /// YAML for a `.yaml` or `.yml` file, HCL for a `.tf` file, JSON for any other.
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => SourceFormat::Yaml,
            Some(ext) if ext.eq_ignore_ascii_case("tf") => SourceFormat::Hcl,
            _ => SourceFormat::Json,
        }
    }

    /// Parses `text` in this format. Never fails: see [`Parse`]. HCL is not read here (see
    /// [`SourceFormat::Hcl`]): its tree is an empty document.
    pub fn parse(self, text: &str) -> Parse {
        match self {
            SourceFormat::Json => parse(text),
            SourceFormat::Yaml => parse_yaml(text),
            SourceFormat::Hcl => Parse {
                root: Node {
                    value: Value::Error,
                    range: TextRange::empty(0),
                },
                errors: Vec::new(),
            },
        }
    }
}
