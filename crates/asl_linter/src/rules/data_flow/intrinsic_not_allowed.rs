use asl_semantic::expr::intrinsic::ERROR_PATH_FUNCTIONS;

use crate::Findings;
use crate::helpers::expressions::{JsonPathPlace, Parsed, PathField, string_range};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an intrinsic function call in a field that takes only a path (`InputPath`,
    /// `OutputPath`, `ResultPath`, `ItemsPath`, a Choice `Variable`, `…Path` fields), and
    /// a function that does not return a string in a Fail state's `ErrorPath`/`CausePath`.
    ///
    /// ## Why is this bad?
    /// Intrinsic functions are evaluated only in payload templates (`.$` keys) and in
    /// `ErrorPath`/`CausePath`, which accept `States.Format`, `States.JsonToString`,
    /// `States.ArrayGetItem`, `States.Base64Encode`, `States.Base64Decode`, `States.Hash`
    /// and `States.UUID`. Elsewhere AWS rejects the definition.
    ///
    /// Evidence: AWS returns "Value must be a valid JSONPath. at /States/A/InputPath" for a path field
    /// that is not a path (cdk-preflight real deploy, 2026-09-05). For `ErrorPath`/`CausePath` the AWS
    /// editor's language service accepts only the string functions (asl-facts §15).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "States.StringToJson($.body)", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"body.$": "States.StringToJson($.body)"}, "End": true}}}
    /// ```
    pub(crate) struct IntrinsicNotAllowed {
        code: "ASL326",
        name: "intrinsic-not-allowed",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for IntrinsicNotAllowed {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for expr in ctx.jsonpath_exprs() {
            let JsonPathPlace::Path(kind) = expr.place else {
                continue;
            };
            let Parsed::Intrinsic(parsed) = expr.parse() else {
                continue;
            };
            let (range, message, help) = if kind == PathField::ErrorOrCausePath {
                let Ok(call) = parsed else { continue };
                if ERROR_PATH_FUNCTIONS.contains(&call.name.as_str()) {
                    continue;
                }
                (
                    call.name_range.clone(),
                    format!(
                        "\"{}\" of Fail state \"{}\" calls `{}`, which does not return a string",
                        expr.field, expr.state.name, call.name
                    ),
                    format!("use a path or one of {}", ERROR_PATH_FUNCTIONS.join(", ")),
                )
            } else {
                let trimmed = expr.text.trim_start();
                let start = expr.text.len() - trimmed.len();
                let name_end = start + trimmed.find('(').unwrap_or(trimmed.len());
                (
                    start..name_end,
                    format!(
                        "\"{}\" of state \"{}\" takes a path, not an intrinsic function call",
                        expr.field, expr.state.name
                    ),
                    "intrinsic functions are evaluated only as values of `.$` keys in Parameters, ResultSelector, ItemSelector and Assign: compute the value there first".to_owned(),
                )
            };
            let range = string_range(ctx.source, expr.node, range);
            out.push(
                self.meta()
                    .diagnostic(range, message)
                    .with_label(range, "intrinsic function not allowed here")
                    .with_help(help),
            );
        }
    }
}
