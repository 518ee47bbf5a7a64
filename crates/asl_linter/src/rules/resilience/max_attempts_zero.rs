use crate::Findings;
use crate::helpers::error_handlers::handles;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a retrier with `"MaxAttempts": 0` when no later retrier matches any of its
    /// errors, so that it changes nothing.
    ///
    /// ## Why is this bad?
    /// `MaxAttempts: 0` means "never retry". It is useful to keep some errors away from a
    /// later, broader retrier; with nothing after it to keep them from, the retrier does
    /// nothing at all. Often `0` was meant as "unlimited" (as in many retry libraries), or
    /// the default of 3 attempts was meant.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true,
    ///       "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 0}]}
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
    ///       "Retry": [
    ///         {"ErrorEquals": ["Payment.Declined"], "MaxAttempts": 0},
    ///         {"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}
    ///       ]}
    ///   }
    /// }
    /// ```
    pub(crate) struct MaxAttemptsZero {
        code: "ASL406",
        name: "max-attempts-zero",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for MaxAttemptsZero {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (state, handlers) in ctx.model.states.iter().zip(ctx.error_handlers()) {
            let [retriers, _] = handlers;
            for (handler, retrier) in retriers.iter().zip(state.retriers()) {
                let Some(max_attempts) = &retrier.max_attempts else {
                    continue;
                };
                if max_attempts.value.and_then(|n| n.as_i128()) != Some(0) || handler.names.is_empty() {
                    continue;
                }
                let later = &retriers[handler.index + 1..];
                let kept_away = handler.names.iter().any(|&(name, _)| {
                    later.iter().any(|other| {
                        other.lists("States.ALL") || other.names.iter().any(|&(broad, _)| handles(broad, name))
                    })
                });
                if kept_away {
                    continue;
                }
                out.push(
                    self.meta()
                        .diagnostic(
                            max_attempts.value_range(),
                            format!("{} of state \"{}\" has \"MaxAttempts\": 0 and no later retrier matches its errors, so it has no effect", handler.label(), state.name),
                        )
                        .with_help("set the number of retries you want (the default is 3), or remove the retrier if these errors should not be retried"),
                );
            }
        }
    }
}
