use asl_semantic::expr::path::Root;

use crate::Findings;
use crate::helpers::expressions::{JsonPathPlace, Parsed, PathField, string_range};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `ResultPath` that starts with `$$` (the context object) or with a
    /// variable (`$name`).
    ///
    /// ## Why is this bad?
    /// `ResultPath` says where to put the result in the state's input: it must start with `$`. The
    /// specification forbids `$$` and variables there. To keep a result in a variable, use `Assign`.
    /// AWS's answer is not recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$total", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.total", "End": true}}}
    /// ```
    pub(crate) struct InvalidResultPathRoot {
        code: "ASL303",
        name: "invalid-result-path-root",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for InvalidResultPathRoot {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for expr in ctx.jsonpath_exprs() {
            if expr.place != JsonPathPlace::Path(PathField::ResultPath) {
                continue;
            }
            let Parsed::Path(Ok(path)) = expr.parse() else { continue };
            let start = path.range.start;
            let (root, what, help) = match &path.root {
                Root::Input => continue,
                Root::Context => (
                    start..start + 2,
                    "the context object `$$`",
                    "the context object is read-only: write the result into the input with a path starting `$.`",
                ),
                Root::Variable { range, .. } => (
                    start..range.end,
                    "a variable",
                    "to keep the result in a variable, use \"Assign\" instead of \"ResultPath\"",
                ),
            };
            let range = string_range(ctx.source, expr.node, root);
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" cannot start with {what}",
                            expr.field, expr.state.name
                        ),
                    )
                    .with_label(range, "ResultPath must start with `$`")
                    .with_help(help),
            );
        }
    }
}
