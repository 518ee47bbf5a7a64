//! Walks and reporters that several rules share and that read the [`RuleContext`]: the
//! checks of intrinsic function calls and JSONata built-in calls (one rule per kind of issue,
//! so each can be configured on its own), expression syntax errors, and context-object reads.
//!
//! The other helper modules know nothing of the rule framework; this one builds on it.

use asl_diagnostics::{Applicability, Fix};
use asl_semantic::expr::intrinsic::check_intrinsic;
use asl_semantic::expr::path::SegmentKind;
use asl_semantic::expr::{ExprDiagnostic, ExprError, ExprIssue};

use crate::Findings;
use crate::helpers::expressions::{JsonPathPlace, JsonataPlace, JsonataSite, Parsed, paths_in, string_range};
use crate::rule::{RuleContext, RuleMeta};

/// Reports the issues `wanted` selects, found in every intrinsic call of the definition.
pub(crate) fn report_intrinsic_issues(
    meta: &RuleMeta,
    ctx: &RuleContext<'_>,
    out: &mut Findings,
    wanted: fn(&ExprIssue) -> bool,
) {
    for expr in ctx.jsonpath_exprs() {
        let Parsed::Intrinsic(Ok(call)) = expr.parse() else {
            continue;
        };
        for ExprDiagnostic { issue, message, range } in check_intrinsic(call) {
            if !wanted(&issue) {
                continue;
            }
            let source_range = string_range(ctx.source, expr.node, range.clone());
            let mut diagnostic = meta
                .diagnostic(
                    source_range,
                    format!("\"{}\" of state \"{}\": {message}", expr.field, expr.state.name),
                )
                .with_label(source_range, label(&issue));
            if let ExprIssue::UnknownFunction { suggestion: Some(name) } = issue {
                diagnostic = diagnostic.with_fix(Fix::replace(
                    format!("Replace with `{name}`"),
                    Applicability::Unsafe,
                    source_range,
                    name,
                ));
            }
            out.push(diagnostic);
        }
    }
}

fn label(issue: &ExprIssue) -> &'static str {
    match issue {
        ExprIssue::UnknownFunction { .. } => "unknown function",
        ExprIssue::ArgumentCount => "wrong number of arguments",
        ExprIssue::InvalidArgument => "invalid argument",
        ExprIssue::PlaceholderCount => "placeholders do not match the arguments",
        ExprIssue::NestingTooDeep => "nested too deep",
        ExprIssue::ForbiddenFunction => "not available",
    }
}

/// Reports, for `meta`'s rule, every JSONPath expression whose parse `error_of` finds an error
/// in: "`field` of state `name` is not `what`: message", at the faulty character.
pub(crate) fn report_syntax_errors(
    ctx: &RuleContext<'_>,
    meta: &RuleMeta,
    what: &str,
    error_of: fn(&Parsed) -> Option<&ExprError>,
    out: &mut Findings,
) {
    for expr in ctx.jsonpath_exprs() {
        let Some(error) = error_of(expr.parse()) else { continue };
        let range = string_range(ctx.source, expr.node, error.range.clone());
        out.push(
            meta.diagnostic(
                range,
                format!(
                    "\"{}\" of state \"{}\" is not {what}: {}",
                    expr.field, expr.state.name, error.message
                ),
            )
            .with_label(range, error.message.clone()),
        );
    }
}

/// The findings of the JSONata built-in call checks, with the site of each.
pub(crate) fn jsonata_call_issues<'c, 'a>(
    ctx: &'c RuleContext<'a>,
) -> Vec<(&'c JsonataSite<'a>, asl_semantic::expr::ExprDiagnostic)> {
    let mut found = Vec::new();
    for site in ctx.jsonata_sites() {
        let Ok(expr) = site.parse() else { continue };
        for issue in asl_semantic::expr::jsonata::check_jsonata(expr) {
            found.push((site, issue));
        }
    }
    found
}

/// A read of the context object: `$$.…` in a JSONPath expression or
/// `$states.context.…` in a JSONata one.
pub(crate) struct ContextRead<'a> {
    pub state: &'a asl_semantic::model::State<'a>,
    pub field: String,
    /// The string holding the expression.
    pub node: &'a asl_syntax::Node,
    /// Where `$$` or `$states` starts, in the decoded string.
    pub start: usize,
    /// The member names read, with their ranges in the decoded string.
    pub members: Vec<(String, std::ops::Range<usize>)>,
    /// Whether the expression is in a Map state's `ItemSelector` (or deprecated `Parameters`).
    pub in_item_selector: bool,
}

/// Every context-object read of the definition.
pub(crate) fn context_reads<'a>(ctx: &RuleContext<'a>) -> Vec<ContextRead<'a>> {
    let mut reads = Vec::new();
    for expr in ctx.jsonpath_exprs() {
        let parsed = expr.parse();
        for path in paths_in(parsed) {
            if path.root != asl_semantic::expr::path::Root::Context {
                continue;
            }
            let members = path.segments.iter().map_while(|s| match &s.kind {
                SegmentKind::Member(name) => Some((name.to_string(), s.range())),
                _ => None,
            });
            reads.push(ContextRead {
                state: expr.state,
                field: expr.field.clone(),
                node: expr.node,
                start: path.range.start,
                members: members.collect(),
                in_item_selector: matches!(expr.place, JsonPathPlace::Template(t) if t.has_map_item()),
            });
        }
    }
    for site in ctx.jsonata_sites() {
        let Ok(expr) = site.parse() else { continue };
        for access in asl_semantic::expr::jsonata::references(expr).states {
            if access.member.as_ref().map(|(m, _)| m.as_str()) != Some("context") {
                continue;
            }
            let offset = site.expression.offset;
            let shift = |r: &std::ops::Range<usize>| r.start + offset..r.end + offset;
            reads.push(ContextRead {
                state: site.state,
                field: site.field.clone(),
                node: site.node,
                start: access.range.start + offset,
                members: access
                    .path
                    .iter()
                    .map(|(name, range)| (name.clone(), shift(range)))
                    .collect(),
                in_item_selector: site.place == JsonataPlace::ItemSelector,
            });
        }
    }
    reads
}
