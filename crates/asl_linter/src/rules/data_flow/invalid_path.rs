use asl_diagnostics::Diagnostic;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use crate::rules::data_flow::sites::{Parsed, string_range};

declare_rule! {
    /// ## What it does
    /// Reports a path that is not valid JSONPath, in a path field or in the value of a
    /// `.$` key, pointing at the faulty character.
    ///
    /// ## Why is this bad?
    /// AWS rejects a definition whose paths it cannot parse (for a `.$` key: "must be a
    /// valid JSONPath or a valid intrinsic function call").
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.order[0", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.order[0]", "End": true}}}
    /// ```
    pub(crate) struct InvalidPath {
        code: "ASL301",
        name: "invalid-path",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidPath {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        for expr in ctx.jsonpath_exprs() {
            let Parsed::Path(Err(error)) = expr.parse() else {
                continue;
            };
            let range = string_range(ctx.source, expr.node, error.range.clone());
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" is not a valid path: {}",
                            expr.field, expr.state.name, error.message
                        ),
                    )
                    .with_label(range, error.message.clone()),
            );
        }
    }
}
