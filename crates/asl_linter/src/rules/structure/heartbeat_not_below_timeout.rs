use asl_semantic::model::{Dynamic, Field, StateKind};
use asl_syntax::Number;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Task whose literal `HeartbeatSeconds` is not smaller than its literal
    /// `TimeoutSeconds`.
    ///
    /// ## Why is this bad?
    /// The spec says `HeartbeatSeconds` MUST be smaller than `TimeoutSeconds`: a heartbeat that can
    /// never be missed before the timeout is meaningless, and usually one of the two numbers is a
    /// mistake. Whether AWS rejects such a definition is not recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Work",
    ///   "States": {
    ///     "Work": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:us-east-1:123456789012:activity:work",
    ///       "TimeoutSeconds": 60,
    ///       "HeartbeatSeconds": 60,
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Work",
    ///   "States": {
    ///     "Work": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:us-east-1:123456789012:activity:work",
    ///       "TimeoutSeconds": 60,
    ///       "HeartbeatSeconds": 10,
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct HeartbeatNotBelowTimeout {
        code: "ASL112",
        name: "heartbeat-not-below-timeout",
        category: Structure,
        severity: Warning,
        fix: None,
    }
}

impl Rule for HeartbeatNotBelowTimeout {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Task(task) = &state.kind else { continue };
            let (Some((timeout_field, timeout)), Some((heartbeat_field, heartbeat))) =
                (literal(&task.timeout_seconds), literal(&task.heartbeat_seconds))
            else {
                continue;
            };
            if heartbeat < timeout {
                continue;
            }
            out.push(
                self.meta()
                    .diagnostic(
                        heartbeat_field.value_range(),
                        format!(
                            "\"HeartbeatSeconds\" ({heartbeat}) of Task state \"{}\" must be smaller than \"TimeoutSeconds\" ({timeout})",
                            state.name
                        ),
                    )
                    .with_label(timeout_field.value_range(), "the timeout is set here")
                    .with_help("lower \"HeartbeatSeconds\" below \"TimeoutSeconds\", or raise the timeout"),
            );
        }
    }
}

/// A positive integer literal with its field.
fn literal<'f, 'a>(
    field: &'f Option<Field<'a, Dynamic<'a, Number>>>,
) -> Option<(&'f Field<'a, Dynamic<'a, Number>>, i128)> {
    let field = field.as_ref()?;
    let value = field.value.as_ref()?.literal()?.as_i128()?;
    (value > 0).then_some((field, value))
}
