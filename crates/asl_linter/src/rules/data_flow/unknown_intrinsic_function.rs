use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::helpers::reports::report_intrinsic_issues;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a call of an intrinsic function that does not exist, such as `States.Concat` or `States.format`, with the closest known name.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition: only the 18 `States.*` functions exist, and names are case-sensitive.
    ///
    /// Evidence: AWS returns "The value for the field 'outputPath.$' must be a valid JSONPath or a
    /// valid intrinsic function call" for `States.format(…)`
    /// (serverless-operations/serverless-step-functions#399).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.format('{}', $.name)"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Format('{}', $.name)"}, "End": true}}}
    /// ```
    pub(crate) struct UnknownIntrinsicFunction {
        code: "ASL321",
        name: "unknown-intrinsic-function",
        category: DataFlow,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for UnknownIntrinsicFunction {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_intrinsic_issues(self.meta(), ctx, out, |issue| {
            matches!(issue, ExprIssue::UnknownFunction { .. })
        });
    }
}
