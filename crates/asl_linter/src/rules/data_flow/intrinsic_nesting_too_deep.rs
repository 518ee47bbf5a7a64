use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::helpers::reports::report_intrinsic_issues;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports intrinsic function calls nested more than 10 deep in one field.
    ///
    /// ## Why is this bad?
    /// The Step Functions documentation allows at most 10 nested intrinsic functions in one field.
    /// AWS's answer to deeper nesting is not recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(1)))))))))))"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Array(States.Array(1))"}, "End": true}}}
    /// ```
    pub(crate) struct IntrinsicNestingTooDeep {
        code: "ASL325",
        name: "intrinsic-nesting-too-deep",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for IntrinsicNestingTooDeep {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_intrinsic_issues(self.meta(), ctx, out, |issue| {
            matches!(issue, ExprIssue::NestingTooDeep)
        });
    }
}
