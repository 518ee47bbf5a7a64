//! Files a template names (`DefinitionUri`, `${file(…)}`), read from the open documents or
//! from disk, inside the directory the server was started in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use asl_hosts::{LoadedFile, Loader};
use tower_lsp_server::ls_types::Uri;

use crate::document::Document;

/// Larger files are not read (as on the command line).
const MAX_FILE_BYTES: u64 = asl_linter::MAX_INPUT_BYTES;

pub(crate) struct DocumentLoader {
    root: PathBuf,
    /// The text of each open document, which wins over the file on disk.
    open: HashMap<PathBuf, Arc<String>>,
}

impl DocumentLoader {
    pub(crate) fn new(root: &Path, documents: &HashMap<Uri, Document>) -> Self {
        let open = documents
            .values()
            .map(|document| ((*document.path).clone(), Arc::clone(&document.text)))
            .collect();
        DocumentLoader {
            root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            open,
        }
    }
}

impl Loader for DocumentLoader {
    fn load(&self, from: &Path, reference: &str) -> Result<LoadedFile, String> {
        let path = from.parent().unwrap_or(Path::new("")).join(reference);
        if let Some(text) = self.open.get(&path) {
            return Ok(LoadedFile {
                path,
                text: String::clone(text),
            });
        }
        let canonical = std::fs::canonicalize(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if !canonical.starts_with(&self.root) {
            return Err(format!("{} lies outside the workspace", path.display()));
        }
        if std::fs::metadata(&canonical).map_err(|e| e.to_string())?.len() > MAX_FILE_BYTES {
            return Err(format!("{} is larger than asl-lint reads", path.display()));
        }
        let bytes = std::fs::read(&canonical).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Ok(LoadedFile {
            path,
            text: asl_syntax::decode_source(bytes).text,
        })
    }
}
