//! Finds the files to check.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;

/// One input to check.
pub(crate) enum Input {
    Stdin,
    File {
        path: PathBuf,
        /// Found while walking a directory by its `.json` extension only: checked only if its
        /// top-level object has `StartAt` and `States`. (`.yaml`/`.yml` files are read as YAML.)
        needs_sniff: bool,
        /// The directory walk that found it (an index into `Discovered::walked`), or `None`
        /// for a file named on the command line.
        walk: Option<usize>,
    },
}

/// A path named on the command line that could not be used.
pub(crate) struct BadPath {
    pub path: PathBuf,
    pub message: String,
}

/// `--glob` patterns: positive ones select, `!`-prefixed ones exclude.
pub(crate) struct Globs {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Globs {
    pub(crate) fn new(patterns: &[String]) -> Result<Self, String> {
        let mut include = GlobSetBuilder::new();
        let mut exclude = GlobSetBuilder::new();
        let mut any_include = false;
        for pattern in patterns {
            let (set, text) = match pattern.strip_prefix('!') {
                Some(rest) => (&mut exclude, rest),
                None => {
                    any_include = true;
                    (&mut include, pattern.as_str())
                }
            };
            // Like ripgrep, a pattern without `/` matches the file name at any depth.
            let text = if text.contains('/') {
                text.to_owned()
            } else {
                format!("**/{text}")
            };
            set.add(Glob::new(&text).map_err(|e| format!("invalid --glob \"{pattern}\": {e}"))?);
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| format!("invalid --glob: {e}"));
        Ok(Self {
            include: if any_include { Some(build(include)?) } else { None },
            exclude: build(exclude)?,
        })
    }

    /// Whether a file found under a walked directory is a candidate, and if so whether it
    /// still needs the `StartAt`/`States` sniff.
    fn select(&self, relative: &Path) -> Option<bool> {
        if self.exclude.is_match(relative) {
            return None;
        }
        if let Some(include) = &self.include {
            return include.is_match(relative).then_some(false);
        }
        let name = relative.file_name()?.to_str()?;
        if [".asl.json", ".asl", ".asl.yaml", ".asl.yml"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
        {
            Some(false)
        } else if name.ends_with(".json") {
            Some(true)
        } else {
            None
        }
    }
}

/// What the command-line paths expand to.
pub(crate) struct Discovered {
    pub inputs: Vec<Input>,
    pub bad_paths: Vec<BadPath>,
    /// The directories walked, as named on the command line; `Input::File::walk` indexes it.
    pub walked: Vec<PathBuf>,
    pub skipped: Skipped,
}

/// Candidates a walk passed over without checking them, counted for the summary.
#[derive(Default)]
pub(crate) struct Skipped {
    /// Hidden directories (other than `.git`) and hidden files the walk would otherwise check.
    pub hidden: usize,
    /// Symbolic links to directories, or to files the walk would otherwise check: walks do
    /// not follow links.
    pub symlinks: usize,
}

/// Expands the command-line paths into inputs. Files named explicitly are always checked.
pub(crate) fn discover(paths: &[PathBuf], globs: &Globs) -> Discovered {
    let mut found = Discovered {
        inputs: Vec::new(),
        bad_paths: Vec::new(),
        walked: Vec::new(),
        skipped: Skipped::default(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            found.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => found.bad_paths.push(BadPath {
                path: path.clone(),
                message: error.to_string(),
            }),
            Ok(meta) if meta.is_dir() => {
                walk(path, found.walked.len(), globs, &mut found);
                found.walked.push(path.clone());
            }
            Ok(_) => found.inputs.push(Input::File {
                path: path.clone(),
                needs_sniff: false,
                walk: None,
            }),
        }
    }
    found
}

/// Walks one directory named on the command line (walk number `index`).
fn walk(root: &Path, index: usize, globs: &Globs, found: &mut Discovered) {
    // Absolute, so that the ignore files above `root` match the walked paths.
    let absolute_root = match root.canonicalize() {
        Ok(path) => path,
        Err(error) => {
            found.bad_paths.push(BadPath {
                path: root.to_path_buf(),
                message: error.to_string(),
            });
            return;
        }
    };
    let hidden_dirs = Arc::new(AtomicUsize::new(0));
    let mut builder = walker(&absolute_root, &mut found.bad_paths);
    let counter = Arc::clone(&hidden_dirs);
    builder.filter_entry(move |entry| {
        let hidden = entry.file_name().as_encoded_bytes().starts_with(b".");
        // Directories are pruned here; hidden files are counted where they are selected.
        if hidden && entry.file_type().is_some_and(|t| t.is_dir()) {
            if entry.file_name() != ".git" {
                counter.fetch_add(1, Ordering::Relaxed);
            }
            return false;
        }
        true
    });
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                found.bad_paths.push(BadPath {
                    path: root.to_path_buf(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        let (Some(file_type), Ok(relative)) = (entry.file_type(), entry.path().strip_prefix(&absolute_root)) else {
            continue;
        };
        if file_type.is_dir() {
            continue;
        }
        let selected = globs.select(relative);
        if file_type.is_symlink() {
            if selected.is_some() || entry.path().is_dir() {
                found.skipped.symlinks += 1;
            }
            continue;
        }
        let Some(needs_sniff) = selected.filter(|_| file_type.is_file()) else {
            continue;
        };
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            found.skipped.hidden += 1;
            continue;
        }
        found.inputs.push(Input::File {
            path: root.join(relative),
            needs_sniff,
            walk: Some(index),
        });
    }
    found.skipped.hidden += hidden_dirs.load(Ordering::Relaxed);
}

/// A walker of `root` (absolute) that honours the ignore files of the repository it is in and
/// no others: `.gitignore`, `.ignore` and `.git/info/exclude` from the repository root down
/// (from `root` down when it is in no repository). Never the user's or the system's git
/// configuration, whose global excludes would make a check depend on the machine it runs on.
fn walker(root: &Path, bad_paths: &mut Vec<BadPath>) -> WalkBuilder {
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(false)
        .parents(false)
        .git_global(false)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    // The walker reads the ignore files of `root` and below; those of the directories between
    // the repository root and `root` are added here, farthest first so that nearer ones win.
    for (dir, file) in ancestor_ignore_files(root) {
        // An added ignore file matches paths relative to the builder's current directory.
        builder.current_dir(dir);
        if let Some(error) = builder.add_ignore(&file) {
            bad_paths.push(BadPath {
                path: file,
                message: error.to_string(),
            });
        }
    }
    builder
}

/// The ignore files above `root` inside its git repository, farthest first, with the directory
/// each one's patterns are relative to. None when `root` is the repository root or is in no
/// repository.
fn ancestor_ignore_files(root: &Path) -> Vec<(PathBuf, PathBuf)> {
    let Some(repository) = root.ancestors().find(|dir| dir.join(".git").exists()) else {
        return Vec::new();
    };
    if repository == root {
        return Vec::new();
    }
    let mut files = vec![(repository.to_path_buf(), repository.join(".git/info/exclude"))];
    let mut dirs: Vec<&Path> = root
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(repository))
        .collect();
    dirs.reverse();
    for dir in dirs {
        // `.ignore` after `.gitignore`: it wins, as in the walker.
        for name in [".gitignore", ".ignore"] {
            files.push((dir.to_path_buf(), dir.join(name)));
        }
    }
    files.retain(|(_, file)| file.is_file());
    files
}

/// The cheap test for a `.json` file found while walking: both keys appear in the text.
pub(crate) fn may_be_state_machine(bytes: &[u8]) -> bool {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    contains(b"\"StartAt\"") && contains(b"\"States\"")
}
