use asl_semantic::model::StateKind;

use crate::Findings;
use crate::helpers::error_handlers::sets_timeout;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Task that retries `States.Timeout` but sets no `TimeoutSeconds` or
    /// `HeartbeatSeconds` (nor their `…Path` forms).
    ///
    /// ## Why is this bad?
    /// Without a timeout a Task waits up to 99999999 seconds, so the retrier is unlikely
    /// to ever run: a hung call blocks the execution instead of being retried. Set the
    /// timeout the retry was written for.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true,
    ///       "Retry": [{"ErrorEquals": ["States.Timeout"]}]}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "TimeoutSeconds": 30, "End": true,
    ///       "Retry": [{"ErrorEquals": ["States.Timeout"]}]}
    ///   }
    /// }
    /// ```
    pub(crate) struct RetryTimeoutWithoutTimeout {
        code: "ASL407",
        name: "retry-timeout-without-timeout",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for RetryTimeoutWithoutTimeout {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (state, handlers) in ctx.model.states.iter().zip(ctx.error_handlers()) {
            let StateKind::Task(task) = &state.kind else { continue };
            if sets_timeout(task) {
                continue;
            }
            let [retriers, _] = handlers;
            for handler in retriers {
                for &(_, range) in handler.names.iter().filter(|(name, _)| *name == "States.Timeout") {
                    out.push(
                        self.meta()
                            .diagnostic(range, format!("{} of Task \"{}\" retries States.Timeout, but the Task sets no \"TimeoutSeconds\" or \"HeartbeatSeconds\"", handler.label(), state.name))
                            .with_note("without a timeout the Task waits up to 99999999 seconds, so a hung call is never retried")
                            .with_help("add \"TimeoutSeconds\" (and \"HeartbeatSeconds\" for long tasks) to the Task"),
                    );
                }
            }
        }
    }
}
