//! Reporters that several rules share and that read the [`RuleContext`]: the issues of
//! intrinsic function calls (one rule per kind of issue, so each can be configured on its own)
//! and expression syntax errors.
//!
//! The other helper modules know nothing of the rule framework; this one builds on it.

use asl_diagnostics::{Applicability, Fix};
use asl_semantic::expr::{ExprDiagnostic, ExprError, ExprIssue};

use crate::Findings;
use crate::helpers::expressions::{Parsed, string_range};
use crate::rule::{RuleContext, RuleMeta};

/// Reports the issues `wanted` selects, found in every intrinsic call of the definition.
pub(crate) fn report_intrinsic_issues(
    meta: &RuleMeta,
    ctx: &RuleContext<'_>,
    out: &mut Findings,
    wanted: fn(&ExprIssue) -> bool,
) {
    let exprs = ctx.jsonpath_exprs();
    for (index, ExprDiagnostic { issue, message, range }) in ctx.intrinsic_issues() {
        if !wanted(issue) {
            continue;
        }
        let Some(expr) = exprs.get(*index) else { continue };
        let source_range = string_range(ctx.source, expr.node, range.clone());
        let mut diagnostic = meta
            .diagnostic(
                source_range,
                format!("\"{}\" of state \"{}\": {message}", expr.field, expr.state.name),
            )
            .with_label(source_range, label(issue));
        if let ExprIssue::UnknownFunction { suggestion: Some(name) } = issue {
            diagnostic = diagnostic.with_fix(Fix::replace(
                format!("Replace with `{name}`"),
                Applicability::Unsafe,
                source_range,
                *name,
            ));
        }
        out.push(diagnostic);
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
