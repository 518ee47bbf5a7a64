//! Finds the files to check.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use asl_hosts::is_candidate;
use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;

use crate::config::Exclude;

/// One input to check.
pub(crate) enum Input {
    Stdin,
    File {
        path: PathBuf,
        /// The directory walk that found it (an index into `Discovered::walked`), or `None`
        /// for a file named on the command line, which is checked whatever it holds. A walked
        /// file is checked only if it holds a state machine (`asl_hosts` decides).
        walk: Option<usize>,
        /// Named on the command line with `--only-state-machines`: checked only if it holds a
        /// state machine, like a walked file.
        only_if_state_machine: bool,
    },
}

/// A path that a walk could not use: the directory walked, an ignore file or an entry in it.
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

    /// Whether a file found under a walked directory is a candidate: one the globs select,
    /// or without positive globs one whose name may hold a state machine. Its content decides.
    pub(crate) fn select(&self, relative: &Path) -> bool {
        if self.exclude.is_match(relative) {
            return false;
        }
        match &self.include {
            Some(include) => include.is_match(relative),
            None => is_candidate(relative),
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

/// The paths named on the command line, as inputs read as files. Nothing is looked up here:
/// the check reads them in parallel, and one that turns out to be a directory comes back to be
/// walked ([`walk_directories`]). With `only_state_machines`, a named file is checked only if
/// the globs select it and it holds a state machine, as a walked file is.
pub(crate) fn named_inputs<'a>(paths: impl Iterator<Item = &'a PathBuf>, only_state_machines: bool) -> Vec<Input> {
    paths
        .map(|path| {
            if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::File {
                    path: path.clone(),
                    walk: None,
                    only_if_state_machine: only_state_machines,
                }
            }
        })
        .collect()
}

/// Walks the directories named on the command line, in order (walk `i` is `directories[i]`).
/// `exclude` (from the configuration) prunes what the walks find.
pub(crate) fn walk_directories(directories: &[PathBuf], globs: &Globs, exclude: Option<Exclude>) -> Discovered {
    let mut found = Discovered {
        inputs: Vec::new(),
        bad_paths: Vec::new(),
        walked: Vec::new(),
        skipped: Skipped::default(),
    };
    for path in directories {
        walk(path, found.walked.len(), globs, exclude.clone(), &mut found);
        found.walked.push(path.clone());
    }
    found
}

/// Walks one directory named on the command line (walk number `index`).
fn walk(root: &Path, index: usize, globs: &Globs, exclude: Option<Exclude>, found: &mut Discovered) {
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
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if exclude
            .as_ref()
            .is_some_and(|exclude| exclude.excludes(entry.path(), is_dir))
        {
            return false;
        }
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
    let mut cdk_apps = Vec::new();
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
            if selected || entry.path().is_dir() {
                found.skipped.symlinks += 1;
            }
            continue;
        }
        if entry.file_name() == "cdk.json" {
            cdk_apps.push(relative.parent().unwrap_or(Path::new("")).to_path_buf());
        }
        if !selected || !file_type.is_file() {
            continue;
        }
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            found.skipped.hidden += 1;
            continue;
        }
        found.inputs.push(Input::File {
            path: root.join(relative),
            walk: Some(index),
            only_if_state_machine: false,
        });
    }
    found.skipped.hidden += hidden_dirs.load(Ordering::Relaxed);
    for app in cdk_apps {
        walk_cdk_out(root, &absolute_root, &app, index, globs, found);
    }
}

/// A CDK app's state machines exist only in the templates it writes to `cdk.out`, which git
/// usually ignores: next to a `cdk.json`, its `cdk.out/**/*.template.json` are checked all
/// the same.
fn walk_cdk_out(root: &Path, absolute_root: &Path, app: &Path, index: usize, globs: &Globs, found: &mut Discovered) {
    let out = absolute_root.join(app).join("cdk.out");
    if !out.is_dir() {
        return;
    }
    let walker = WalkBuilder::new(&out)
        .standard_filters(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker.flatten() {
        let Ok(relative) = entry.path().strip_prefix(absolute_root) else {
            continue;
        };
        let is_template = entry.file_name().to_string_lossy().ends_with(".template.json");
        if !is_template || !entry.file_type().is_some_and(|t| t.is_file()) || !globs.select(relative) {
            continue;
        }
        let path = root.join(relative);
        let known = found
            .inputs
            .iter()
            .any(|input| matches!(input, Input::File { path: p, .. } if *p == path));
        if !known {
            found.inputs.push(Input::File {
                path,
                walk: Some(index),
                only_if_state_machine: false,
            });
        }
    }
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
