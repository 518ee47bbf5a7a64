use crate::Findings;
use crate::helpers::error_handlers::UNHANDLEABLE_ERRORS;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports `States.Runtime` or `States.DataLimitExceeded` in a retrier or catcher.
    ///
    /// ## Why is this bad?
    /// These errors end the execution whatever `Retry` and `Catch` say: they cannot be
    /// retried, and not even `States.ALL` catches them. Listing them suggests a recovery
    /// that will never happen.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true,
    ///       "Retry": [{"ErrorEquals": ["States.Runtime"]}]}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true,
    ///       "Retry": [{"ErrorEquals": ["States.TaskFailed"]}]}
    ///   }
    /// }
    /// ```
    pub(crate) struct UncatchableError {
        code: "ASL405",
        name: "uncatchable-error",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UncatchableError {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (state, handlers) in ctx.model.states.iter().zip(ctx.error_handlers()) {
            for handler in handlers.iter().flatten() {
                for &(name, range) in handler
                    .names
                    .iter()
                    .filter(|(name, _)| UNHANDLEABLE_ERRORS.contains(name))
                {
                    let verb = match handler.list.name() {
                        "Retry" => "retried",
                        _ => "caught",
                    };
                    out.push(
                        self.meta()
                            .diagnostic(range, format!("{name} in {} of state \"{}\" is never {verb}: this error always ends the execution", handler.label(), state.name))
                            .with_help(match name {
                                "States.DataLimitExceeded" => "remove it; keep payloads under 256 KiB instead (for example, store large data in S3 and pass its location)",
                                _ => "remove it; fix the cause instead (for example, a path that cannot be applied to the input)",
                            }),
                    );
                }
            }
        }
    }
}
