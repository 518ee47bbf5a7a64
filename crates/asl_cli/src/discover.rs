//! Finds the files to check.

use std::path::{Path, PathBuf};

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

/// Expands the command-line paths into inputs. Files named explicitly are always checked.
pub(crate) fn discover(paths: &[PathBuf], globs: &Globs) -> (Vec<Input>, Vec<BadPath>) {
    let mut inputs = Vec::new();
    let mut bad = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => bad.push(BadPath {
                path: path.clone(),
                message: error.to_string(),
            }),
            Ok(meta) if meta.is_dir() => walk(path, globs, &mut inputs, &mut bad),
            Ok(_) => inputs.push(Input::File {
                path: path.clone(),
                needs_sniff: false,
            }),
        }
    }
    (inputs, bad)
}

fn walk(root: &Path, globs: &Globs, inputs: &mut Vec<Input>, bad: &mut Vec<BadPath>) {
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                bad.push(BadPath {
                    path: root.to_path_buf(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if let Some(needs_sniff) = globs.select(relative) {
            inputs.push(Input::File {
                path: entry.into_path(),
                needs_sniff,
            });
        }
    }
}

/// The cheap test for a `.json` file found while walking: both keys appear in the text.
pub(crate) fn may_be_state_machine(bytes: &[u8]) -> bool {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    contains(b"\"StartAt\"") && contains(b"\"States\"")
}
