use crate::Findings;
use crate::rule::{Rule, RuleContext, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a rule named in an `asl-lint-ignore:` directive that had nothing to silence.
    ///
    /// ## Why is this bad?
    /// A directive outlives the problem it was written for: once the definition is fixed it
    /// only hides the next, real finding of that rule. Remove it.
    ///
    /// These findings are made after all other rules ran, from what the directives silenced.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed", "Comment": "asl-lint-ignore: unreachable-state"}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}, "Spare": {"Type": "Succeed", "Comment": "asl-lint-ignore: unreachable-state -- run by hand"}}}
    /// ```
    pub(crate) struct UnusedSuppression {
        code: "ASL902",
        name: "unused-suppression",
        category: Directives,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UnusedSuppression {
    /// Nothing to do here: `analyze` reports unused directives once the other rules ran.
    fn check(&self, _ctx: &RuleContext<'_>, _out: &mut Findings) {}
}
