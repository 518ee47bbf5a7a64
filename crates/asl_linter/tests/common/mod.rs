//! The one helper the tests go through: check a document, render what the user would see.
#![allow(dead_code)]

pub mod defects;
pub mod mutants;

use std::path::Path;

use asl_diagnostics::Diagnostic;
use asl_diagnostics::render::{self, FileReport};
use asl_linter::{Analysis, FileAnalysis, Settings, analyze, analyze_host};
use asl_syntax::Node;

pub fn analyze_default(source: &str) -> Analysis {
    analyze(source, &Settings::default())
}

/// Checks a file named `name` as the command line checks a file named on it: the state
/// machines of a template, or the file as a definition.
pub fn analyze_file(name: &str, source: &str) -> FileAnalysis {
    let path = Path::new(name);
    let mut host = asl_hosts::extract(path, source, &asl_hosts::NoFiles);
    if !host.is_state_machine() {
        host = host.into_definition();
    }
    analyze_host(path, host, source, &Settings::default())
}

/// Human output without colour, followed by the JSON output, for `diagnostics`.
pub fn render(path: &str, source: &str, analysis: &Analysis, diagnostics: &[Diagnostic]) -> String {
    render_root(path, source, &analysis.parse.root, diagnostics)
}

/// [`render`] with the file's tree given.
pub fn render_root(path: &str, source: &str, root: &Node, diagnostics: &[Diagnostic]) -> String {
    let report = FileReport {
        path,
        source: Some(source),
        root: Some(root),
        diagnostics,
    };
    format!(
        "{}--- json ---\n{}",
        render::human(&report, false),
        render::json(&[report])
    )
}

/// Checks `source` and renders every diagnostic.
pub fn check(source: &str) -> String {
    let analysis = analyze_default(source);
    render("input.asl.json", source, &analysis, &analysis.diagnostics)
}

/// Checks the file `name` holding `source` and renders every diagnostic.
pub fn check_file(name: &str, source: &str) -> String {
    let analysis = analyze_file(name, source);
    render_root(name, source, &analysis.parse.root, &analysis.diagnostics)
}

/// The codes of the diagnostics with their 1-based line, e.g. `ASL104@4`.
pub fn codes_with_lines(source: &str) -> Vec<String> {
    let index = asl_syntax::LineIndex::new(source);
    analyze_default(source)
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}@{}",
                d.code,
                index.line_col(d.range.start, asl_syntax::PositionEncoding::Utf32).line + 1
            )
        })
        .collect()
}

/// Reads the files a template names, relative to it, inside `root` only.
pub struct DirLoader {
    pub root: std::path::PathBuf,
}

impl asl_hosts::Loader for DirLoader {
    fn load(&self, from: &Path, reference: &str) -> Result<asl_hosts::LoadedFile, String> {
        let path = from.parent().unwrap_or(Path::new("")).join(reference);
        let canonical = std::fs::canonicalize(&path).map_err(|e| e.to_string())?;
        if !canonical.starts_with(std::fs::canonicalize(&self.root).map_err(|e| e.to_string())?) {
            return Err("outside the tree".to_owned());
        }
        let text = std::fs::read_to_string(&canonical).map_err(|e| e.to_string())?;
        Ok(asl_hosts::LoadedFile { path, text })
    }
}

/// Checks the file at `path` as the command line checks a walked file, reading the files it
/// names inside `root`; `None` when it holds no state machine.
pub fn analyze_path(path: &Path, root: &Path) -> Option<(String, FileAnalysis)> {
    let text = std::fs::read_to_string(path).unwrap();
    let loader = DirLoader {
        root: root.to_path_buf(),
    };
    let host = asl_hosts::extract(path, &text, &loader);
    if !host.is_state_machine() {
        return None;
    }
    let analysis = analyze_host(path, host, &text, &Settings::default());
    Some((text, analysis))
}

/// Every file under `dir`, sorted; folders that cannot be read are skipped.
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
