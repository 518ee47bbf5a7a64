use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a call of a JSONata built-in or Step Functions function with too few or
    /// too many arguments (counting the value passed by `~>`).
    ///
    /// ## Why is this bad?
    /// JSONata checks argument counts when the function is called, and the state fails
    /// with `States.QueryEvaluationError`.
    ///
    /// Evidence: the state fails with `States.QueryEvaluationError` "T0410: Argument 1 of function …
    /// does not match function signature" (measured on AWS, floci-io/floci#2783).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $partition($states.input.items) %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $partition($states.input.items, 10) %}", "End": true}}}
    /// ```
    pub(crate) struct JsonataArgumentCount {
        code: "ASL336",
        name: "jsonata-argument-count",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for JsonataArgumentCount {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (site, issue) in ctx.jsonata_call_issues() {
            if issue.issue != ExprIssue::ArgumentCount {
                continue;
            }
            let range = site.source_range(ctx.source, issue.range.clone());
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!("\"{}\" of state \"{}\": {}", site.field, site.state.name, issue.message),
                    )
                    .with_label(range, "wrong number of arguments"),
            );
        }
    }
}
