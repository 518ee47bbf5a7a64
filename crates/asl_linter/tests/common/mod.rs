//! The one helper the tests go through: check a document, render what the user would see.
#![allow(dead_code)]

use asl_diagnostics::Diagnostic;
use asl_diagnostics::render::{self, FileReport};
use asl_linter::{Analysis, Settings, analyze};

pub fn analyze_default(source: &str) -> Analysis {
    analyze(source, &Settings::default())
}

/// Human output without colour, followed by the JSON output, for `diagnostics`.
pub fn render(path: &str, source: &str, analysis: &Analysis, diagnostics: &[Diagnostic]) -> String {
    let report = FileReport {
        path,
        source: Some(source),
        root: Some(&analysis.parse.root),
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
