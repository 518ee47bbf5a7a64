use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::helpers::reports::report_intrinsic_issues;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an intrinsic function call with too few or too many arguments.
    ///
    /// ## Why is this bad?
    /// Each intrinsic function takes a fixed number of arguments (`States.UUID()` none,
    /// `States.MathAdd` two, `States.ArrayRange` three, …); a call with another number cannot do what
    /// it says. Whether AWS rejects it or fails it at run time is not recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.MathAdd($.count)"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.MathAdd($.count, 1)"}, "End": true}}}
    /// ```
    pub(crate) struct IntrinsicArgumentCount {
        code: "ASL322",
        name: "intrinsic-argument-count",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for IntrinsicArgumentCount {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_intrinsic_issues(self.meta(), ctx, out, |issue| matches!(issue, ExprIssue::ArgumentCount));
    }
}
