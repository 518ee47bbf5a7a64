use std::panic::{AssertUnwindSafe, catch_unwind};

use asl_diagnostics::{Diagnostic, Severity};
use asl_hosts::HostFacts;
use asl_semantic::graph::StateGraph;
use asl_semantic::model::Model;
use asl_syntax::{Parse, SourceFormat, SourceText, TextRange, decode_source};
#[cfg(feature = "parallel")]
use rayon::prelude::*;

use crate::findings::{Findings, SyntaxErrorSpans, drop_findings_inside};
use crate::suppression::Directive;
use crate::{Rule, RuleContext, Settings, all_rules, find_rule};

/// The result of analysing one document.
pub struct Analysis {
    pub parse: Parse,
    /// Sorted by position, then code.
    pub diagnostics: Vec<Diagnostic>,
}

/// Analyses raw JSON file bytes; invalid UTF-8 is reported and the rest is still analysed.
/// Returns the decoded text (byte offsets equal those of `bytes`) with the analysis.
pub fn analyze_bytes(bytes: Vec<u8>, settings: &Settings) -> (String, Analysis) {
    analyze_bytes_as(bytes, SourceFormat::Json, settings)
}

/// [`analyze_bytes`] for a document in the given format.
pub fn analyze_bytes_as(bytes: Vec<u8>, format: SourceFormat, settings: &Settings) -> (String, Analysis) {
    let SourceText { text, error } = decode_source(bytes);
    let mut parse = format.parse(&text);
    parse.errors.splice(0..0, error);
    let diagnostics = run_rules(&text, &parse, settings);
    (text, Analysis { parse, diagnostics })
}

/// Analyses one JSON document.
pub fn analyze(text: &str, settings: &Settings) -> Analysis {
    analyze_as(text, SourceFormat::Json, settings)
}

/// Analyses one document in the given format.
pub fn analyze_as(text: &str, format: SourceFormat, settings: &Settings) -> Analysis {
    let parse = format.parse(text);
    let diagnostics = run_rules(text, &parse, settings);
    Analysis { parse, diagnostics }
}

/// Runs every rule on one definition: `parse` is its tree, whose ranges point into `text`.
fn run_rules(text: &str, parse: &Parse, settings: &Settings) -> Vec<Diagnostic> {
    let model = asl_semantic::model::build(&parse.root);
    let graph = StateGraph::build(&model);
    check_definition(text, parse, &model, &graph, settings, None)
}

/// The size of text from which the rules of one definition run on every core.
#[cfg(feature = "parallel")]
const PARALLEL_RULES_MIN_BYTES: usize = 64 * 1024;

/// Runs every rule on one definition, its tree `parse` (whose ranges point into `text`) with
/// its model and graph.
pub(crate) fn check_definition(
    text: &str,
    parse: &Parse,
    model: &Model<'_>,
    graph: &StateGraph,
    settings: &Settings,
    host: Option<&HostFacts>,
) -> Vec<Diagnostic> {
    let ctx = RuleContext::new(text, parse, model, graph, settings, host);
    let syntax_errors = SyntaxErrorSpans::new(&parse.errors);
    let check = |rule: &'static dyn Rule, out: &mut Vec<Diagnostic>| {
        let Some(severity) = settings.severity_of(rule.meta()) else {
            return;
        };
        let mut found = Findings::new(&syntax_errors);
        // A bug in one rule must not take the others (or the language server) down with it.
        if catch_unwind(AssertUnwindSafe(|| rule.check(&ctx, &mut found))).is_err() {
            out.push(internal_error(rule.meta().code));
            return;
        }
        found.finish(severity, out);
    };
    // Rules are independent; on a large definition running them on every core pays off. On a
    // small one the rules take less time than handing them to other threads, and the command
    // line already checks its files in parallel.
    let in_turn = || {
        let mut diagnostics = Vec::new();
        for &rule in all_rules() {
            check(rule, &mut diagnostics);
        }
        diagnostics
    };
    #[cfg(feature = "parallel")]
    let mut diagnostics: Vec<Diagnostic> = if text.len() >= PARALLEL_RULES_MIN_BYTES {
        all_rules()
            .par_iter()
            .flat_map_iter(|&rule| {
                let mut found = Vec::new();
                check(rule, &mut found);
                found
            })
            .collect()
    } else {
        in_turn()
    };
    #[cfg(not(feature = "parallel"))]
    let mut diagnostics = in_turn();
    apply_directives(&mut diagnostics, ctx.directives(), settings);
    drop_findings_inside(&syntax_errors, &mut diagnostics);
    diagnostics.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    if settings.leave_to_exit {
        // Freeing the parsed expressions and variables one allocation at a time costs as
        // much as a rule.
        std::mem::forget(ctx);
    }
    diagnostics
}

/// Drops the findings that `asl-lint-ignore:` directives silence, and reports the named
/// rules that silenced nothing.
fn apply_directives(diagnostics: &mut Vec<Diagnostic>, directives: &[Directive<'_>], settings: &Settings) {
    let mut used = vec![Vec::new(); directives.len()];
    for (directive, used) in directives.iter().zip(&mut used) {
        *used = vec![false; directive.rules.len()];
    }
    diagnostics.retain(|diagnostic| {
        let mut silenced = false;
        for (directive, used) in directives.iter().zip(&mut used) {
            if !directive
                .covers
                .contains_range(TextRange::empty(diagnostic.range.start))
            {
                continue;
            }
            for ((rule, _), used) in directive.rules.iter().zip(used.iter_mut()) {
                if diagnostic.code.eq_ignore_ascii_case(rule) || diagnostic.name == *rule {
                    *used = true;
                    silenced = true;
                }
            }
        }
        !silenced
    });
    let Some(unused_rule) = find_rule("unused-suppression") else {
        return;
    };
    let Some(severity) = settings.severity_of(unused_rule.meta()) else {
        return;
    };
    for (directive, used) in directives.iter().zip(&used) {
        for ((rule, range), used) in directive.rules.iter().zip(used) {
            // Unknown names are reported by unknown-rule-in-directive; rules turned off
            // could not have fired.
            let Some(named) = find_rule(rule) else { continue };
            if *used || settings.severity_of(named.meta()).is_none() {
                continue;
            }
            let mut diagnostic = unused_rule.meta().diagnostic(
                *range,
                format!("\"{rule}\" is silenced here but reports nothing; remove it from the directive"),
            );
            diagnostic.severity = severity;
            diagnostics.push(diagnostic);
        }
    }
}

/// A value cut short by a syntax error (a truncated string, say) is not what the author
/// wrote: the syntax error is the one finding there.
pub(crate) fn drop_findings_inside_syntax_errors(diagnostics: &mut Vec<Diagnostic>, parse: &Parse) {
    drop_findings_inside(&SyntaxErrorSpans::new(&parse.errors), diagnostics);
}

fn internal_error(code: &str) -> Diagnostic {
    Diagnostic::new(
        "ASL999",
        "internal-error",
        Severity::Warning,
        TextRange::empty(0),
        format!("internal error in rule {code}; the other rules still ran. Please report this file."),
    )
}
