//! The static checks of intrinsic function calls, shared by the rules that report them
//! (one rule per kind of issue, so each can be configured on its own).

use asl_diagnostics::{Applicability, Diagnostic, Fix};
use asl_semantic::expr::intrinsic::check_intrinsic;
use asl_semantic::expr::{ExprDiagnostic, ExprIssue};

use crate::rule::{RuleContext, RuleMeta};
use crate::rules::data_flow::sites::{Parsed, string_range};

/// Reports the issues `wanted` selects, found in every intrinsic call of the definition.
pub(crate) fn report(
    meta: &RuleMeta,
    ctx: &RuleContext<'_>,
    out: &mut Vec<Diagnostic>,
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
