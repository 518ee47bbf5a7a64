use crate::Findings;
use crate::helpers::error_handlers::raised_errors;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Fail state whose `Error` begins with `States.`.
    ///
    /// ## Why is this bad?
    /// The `States.` prefix is reserved for the errors Step Functions raises itself; the
    /// specification says custom error names must not use it. Such a name is easily
    /// confused with a predefined error, and a `States.TaskFailed` handler may treat it
    /// differently than expected.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Give up", "States": {"Give up": {"Type": "Fail", "Error": "States.QuorumMissed"}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Give up", "States": {"Give up": {"Type": "Fail", "Error": "QuorumMissed"}}}
    /// ```
    pub(crate) struct ReservedErrorName {
        code: "ASL404",
        name: "reserved-error-name",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for ReservedErrorName {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (name, range) in raised_errors(&ctx.model.states) {
            let Some(rest) = name.strip_prefix("States.") else {
                continue;
            };
            out.push(
                self.meta()
                    .diagnostic(range, format!("the error name \"{name}\" uses the \"States.\" prefix, which is reserved for predefined errors"))
                    .with_help(format!("use a name of your own, such as \"{rest}\", and update the \"ErrorEquals\" that match it")),
            );
        }
    }
}
