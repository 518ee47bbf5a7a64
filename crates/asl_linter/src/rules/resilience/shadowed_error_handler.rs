use crate::Findings;
use crate::helpers::error_handlers::{Handler, handles};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a retrier or catcher, or one of its error names, that can never be used
    /// because an earlier one in the same list already handles the error: the same name
    /// listed before, or `States.TaskFailed`, which matches every error except
    /// `States.Timeout`.
    ///
    /// ## Why is this bad?
    /// Retriers and catchers are tried in order and the first match wins, so the later
    /// handler is dead code: its retry policy or its `Next` never runs. Usually the more
    /// specific handler was meant to come first. (`States.ALL` in the wrong place is
    /// reported by misplaced-states-all.)
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true,
    ///       "Catch": [
    ///         {"ErrorEquals": ["States.TaskFailed"], "Next": "Failed"},
    ///         {"ErrorEquals": ["Lambda.ServiceException"], "Next": "Retry later"}
    ///       ]},
    ///     "Retry later": {"Type": "Succeed"},
    ///     "Failed": {"Type": "Fail"}
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
    ///       "Catch": [
    ///         {"ErrorEquals": ["Lambda.ServiceException"], "Next": "Retry later"},
    ///         {"ErrorEquals": ["States.TaskFailed"], "Next": "Failed"}
    ///       ]},
    ///     "Retry later": {"Type": "Succeed"},
    ///     "Failed": {"Type": "Fail"}
    ///   }
    /// }
    /// ```
    pub(crate) struct ShadowedErrorHandler {
        code: "ASL402",
        name: "shadowed-error-handler",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for ShadowedErrorHandler {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (state, handlers) in ctx.model.states.iter().zip(ctx.error_handlers()) {
            for handlers in handlers {
                for (position, handler) in handlers.iter().enumerate() {
                    let earlier = &handlers[..position];
                    let shadowed: Vec<_> = handler
                        .names
                        .iter()
                        .filter_map(|&(name, range)| Some((name, range, shadowing(earlier, name)?)))
                        .collect();
                    if shadowed.is_empty() {
                        continue;
                    }
                    let kind = handler.list.element();
                    if shadowed.len() == handler.names.len()
                        && let Some(error_equals) = handler.error_equals
                    {
                        let mut diagnostic = self
                            .meta()
                            .diagnostic(
                                error_equals.key_range(),
                                format!("{} of state \"{}\" is never used: earlier {kind}s already handle all of its errors", handler.label(), state.name),
                            )
                            .with_help(format!("move this {kind} before the broader one, or remove it"));
                        for (name, _, (by, by_range)) in &shadowed {
                            diagnostic = diagnostic.with_label(*by_range, format!("{by} handles {name} first"));
                        }
                        out.push(diagnostic);
                        continue;
                    }
                    for (name, range, (by, by_range)) in shadowed {
                        out.push(
                            self.meta()
                                .diagnostic(
                                    range,
                                    format!(
                                        "{name} in {} of state \"{}\" is never matched here: {by} handles it first",
                                        handler.label(),
                                        state.name
                                    ),
                                )
                                .with_label(by_range, format!("{name} is handled here"))
                                .with_help(format!("remove {name} from this {kind}, or move this {kind} first")),
                        );
                    }
                }
            }
        }
    }
}

/// The earlier handler (its label and the range of the name) that handles `name` first.
fn shadowing(earlier: &[Handler<'_>], name: &str) -> Option<(String, asl_syntax::TextRange)> {
    earlier.iter().find_map(|handler| {
        let &(_, range) = handler.names.iter().find(|&&(broad, _)| handles(broad, name))?;
        Some((handler.label(), range))
    })
}
