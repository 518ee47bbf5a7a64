//! Reads the files a template names (`DefinitionUri`, `${file(…)}`), relative to the template,
//! and only inside the directories being checked.

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use asl_hosts::{LoadedFile, Loader};
use asl_syntax::decode_source;

use crate::check::MAX_FILE_BYTES;

pub(crate) struct FsLoader<'a> {
    paths: &'a [PathBuf],
    /// The directories being checked (for a file named on the command line, its directory),
    /// found when a template first names a file: most checks read no file this way, and
    /// resolving every path is a system call for each of its components.
    roots: OnceLock<Vec<PathBuf>>,
}

impl<'a> FsLoader<'a> {
    pub(crate) fn new(paths: &'a [PathBuf]) -> Self {
        FsLoader {
            paths,
            roots: OnceLock::new(),
        }
    }

    fn roots(&self) -> &[PathBuf] {
        self.roots.get_or_init(|| canonical_roots(self.paths))
    }
}

fn canonical_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter_map(|path| {
            let path = if path.as_os_str() == "-" {
                Path::new(".")
            } else {
                path.as_path()
            };
            let canonical = std::fs::canonicalize(path).ok()?;
            Some(if canonical.is_dir() {
                canonical
            } else {
                canonical.parent()?.to_path_buf()
            })
        })
        .collect()
}

impl Loader for FsLoader<'_> {
    fn load(&self, from: &Path, reference: &str) -> Result<LoadedFile, String> {
        let path = normalize(&from.parent().unwrap_or(Path::new("")).join(reference));
        let canonical = std::fs::canonicalize(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if !self.roots().iter().any(|root| canonical.starts_with(root)) {
            return Err(format!("{} lies outside the directories being checked", path.display()));
        }
        let size = std::fs::metadata(&canonical).map_err(|e| e.to_string())?.len();
        if size > MAX_FILE_BYTES {
            return Err(format!("{} is {size} bytes, more than asl-lint reads", path.display()));
        }
        let bytes = std::fs::read(&canonical).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Ok(LoadedFile {
            path,
            text: decode_source(bytes).text,
        })
    }
}

/// `dir/./a/../b` as `dir/b`, without touching the file system (for the path shown).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
