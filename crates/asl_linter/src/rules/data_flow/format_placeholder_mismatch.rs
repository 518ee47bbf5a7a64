use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::helpers::reports::report_intrinsic_issues;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `States.Format` call whose template has a different number of `{}` placeholders than the arguments that follow it.
    ///
    /// ## Why is this bad?
    /// Each `{}` takes one argument, in order; with a different count the call cannot produce the text
    /// meant. Escape a literal brace in the JSON source as `\\{`. AWS's behaviour is not recorded, so
    /// this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Format('{} {}', $.first)"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Format('{} {}', $.first, $.last)"}, "End": true}}}
    /// ```
    pub(crate) struct FormatPlaceholderMismatch {
        code: "ASL324",
        name: "format-placeholder-mismatch",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for FormatPlaceholderMismatch {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_intrinsic_issues(self.meta(), ctx, out, |issue| {
            matches!(issue, ExprIssue::PlaceholderCount)
        });
    }
}
