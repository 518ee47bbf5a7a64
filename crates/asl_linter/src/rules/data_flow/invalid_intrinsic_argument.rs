use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::helpers::reports::report_intrinsic_issues;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a literal argument of the wrong type or out of range: a string where an integer is needed, an unknown `States.Hash` algorithm, a deep-merge flag of `true`, a zero step.
    ///
    /// ## Why is this bad?
    /// The specification fails such a call with `States.IntrinsicFailure` whatever the input, since the
    /// literal never changes. AWS's behaviour is not recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Hash($.data, 'SHA-2')"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Hash($.data, 'SHA-256')"}, "End": true}}}
    /// ```
    pub(crate) struct InvalidIntrinsicArgument {
        code: "ASL323",
        name: "invalid-intrinsic-argument",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for InvalidIntrinsicArgument {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_intrinsic_issues(self.meta(), ctx, out, |issue| {
            matches!(issue, ExprIssue::InvalidArgument)
        });
    }
}
