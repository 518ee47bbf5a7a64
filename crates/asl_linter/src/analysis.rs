use std::panic::{AssertUnwindSafe, catch_unwind};

use asl_diagnostics::{Diagnostic, Severity};
use asl_semantic::graph::StateGraph;
use asl_syntax::{Parse, SourceText, TextRange, decode_source, parse};
use rayon::prelude::*;

use crate::{RuleContext, Settings, all_rules};

/// The result of analysing one document.
pub struct Analysis {
    pub parse: Parse,
    /// Sorted by position, then code.
    pub diagnostics: Vec<Diagnostic>,
}

/// Analyses raw file bytes; invalid UTF-8 is reported and the rest is still analysed.
/// Returns the decoded text (byte offsets equal those of `bytes`) with the analysis.
pub fn analyze_bytes(bytes: Vec<u8>, settings: &Settings) -> (String, Analysis) {
    let SourceText { text, error } = decode_source(bytes);
    let mut parse = parse(&text);
    parse.errors.splice(0..0, error);
    let diagnostics = run_rules(&text, &parse, settings);
    (text, Analysis { parse, diagnostics })
}

/// Analyses one document.
pub fn analyze(text: &str, settings: &Settings) -> Analysis {
    let parse = parse(text);
    let diagnostics = run_rules(text, &parse, settings);
    Analysis { parse, diagnostics }
}

fn run_rules(text: &str, parse: &Parse, settings: &Settings) -> Vec<Diagnostic> {
    let model = asl_semantic::model::build(&parse.root);
    let graph = StateGraph::build(&model);
    let ctx = RuleContext::new(text, parse, &model, &graph, settings);
    // Rules are independent; on a large definition running them on every core pays off.
    let mut diagnostics: Vec<Diagnostic> = all_rules()
        .par_iter()
        .flat_map_iter(|rule| {
            let mut found = Vec::new();
            // A bug in one rule must not take the others (or the language server) down with it.
            if catch_unwind(AssertUnwindSafe(|| rule.check(&ctx, &mut found))).is_err() {
                found = vec![internal_error(rule.meta().code)];
            }
            found
        })
        .collect();
    drop_findings_inside_syntax_errors(&mut diagnostics, parse);
    diagnostics.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    diagnostics
}

/// A value cut short by a syntax error (a truncated string, say) is not what the author
/// wrote: the syntax error is the one finding there.
fn drop_findings_inside_syntax_errors(diagnostics: &mut Vec<Diagnostic>, parse: &Parse) {
    let overlaps = |a: TextRange, b: TextRange| a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1);
    diagnostics.retain(|d| d.code == SYNTAX_ERROR_CODE || !parse.errors.iter().any(|e| overlaps(e.range, d.range)));
}

/// The code of `invalid-json`, the rule that reports parse errors.
const SYNTAX_ERROR_CODE: &str = "ASL001";

fn internal_error(code: &str) -> Diagnostic {
    Diagnostic::new(
        "ASL999",
        "internal-error",
        Severity::Warning,
        TextRange::empty(0),
        format!("internal error in rule {code}; the other rules still ran. Please report this file."),
    )
}
