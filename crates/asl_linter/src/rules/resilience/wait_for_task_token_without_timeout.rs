use asl_semantic::model::{Field, StateKind};

use crate::Findings;
use crate::helpers::error_handlers::sets_timeout;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `.waitForTaskToken` Task with neither `HeartbeatSeconds` nor
    /// `TimeoutSeconds` (nor their `…Path` forms).
    ///
    /// ## Why is this bad?
    /// The Task waits until someone returns the token. If that never happens (a lost
    /// message, a crashed worker), the execution hangs for up to a year, the maximum
    /// duration of a Standard workflow.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Approve",
    ///   "States": {
    ///     "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true,
    ///       "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", "MessageBody": {"token.$": "$$.Task.Token"}}}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Approve",
    ///   "States": {
    ///     "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "TimeoutSeconds": 86400, "End": true,
    ///       "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", "MessageBody": {"token.$": "$$.Task.Token"}}}
    ///   }
    /// }
    /// ```
    pub(crate) struct WaitForTaskTokenWithoutTimeout {
        code: "ASL408",
        name: "wait-for-task-token-without-timeout",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for WaitForTaskTokenWithoutTimeout {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Task(task) = &state.kind else { continue };
            let Some(resource @ Field { value: Some(arn), .. }) = &task.resource else {
                continue;
            };
            if !arn.ends_with(".waitForTaskToken") || sets_timeout(task) {
                continue;
            }
            out.push(
                self.meta()
                    .diagnostic(resource.value_range(), format!("Task \"{}\" waits for a task token but sets neither \"HeartbeatSeconds\" nor \"TimeoutSeconds\"", state.name))
                    .with_note("if the token is never returned, the execution waits for up to a year")
                    .with_help("add \"TimeoutSeconds\" (the longest the wait may take) or \"HeartbeatSeconds\" (if the worker reports progress)"),
            );
        }
    }
}
