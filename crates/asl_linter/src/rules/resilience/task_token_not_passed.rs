use crate::Findings;
use crate::helpers::integrations::{Pattern, Resource, TaskResource};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `.waitForTaskToken` Task that never passes the task token
    /// (`$$.Task.Token`, or `$states.context.Task.Token` in JSONata) to the service.
    ///
    /// ## Why is this bad?
    /// The state waits until someone calls `SendTaskSuccess` or `SendTaskFailure` with the
    /// token. If the token is not in the request, nobody can, and the execution hangs
    /// until the Task times out (by default, for a year).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    ///   "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", "MessageBody.$": "$.order"},
    ///   "TimeoutSeconds": 3600, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    ///   "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", "MessageBody": {"order.$": "$.order", "token.$": "$$.Task.Token"}},
    ///   "TimeoutSeconds": 3600, "End": true}}}
    /// ```
    pub(crate) struct TaskTokenNotPassed {
        code: "ASL450",
        name: "task-token-not-passed",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for TaskTokenNotPassed {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let reads = ctx.context_reads();
        for &TaskResource {
            state,
            resource,
            parsed,
            ..
        } in ctx.task_resources()
        {
            if !matches!(
                parsed,
                Resource::Integration {
                    pattern: Some(Pattern::TaskToken),
                    ..
                }
            ) {
                continue;
            }
            // `$$`, `$$.Task` and `$$.Task.Token` all hand over the token.
            let passes_token = reads.iter().any(|read| {
                read.state.id == state.id
                    && read
                        .members
                        .iter()
                        .zip(["Task", "Token"])
                        .all(|((name, _), want)| name == want)
            });
            if passes_token {
                continue;
            }
            let field = if state.effective_query_language == asl_semantic::model::QueryLanguage::Jsonata {
                "`$states.context.Task.Token` in \"Arguments\""
            } else {
                "a key such as `\"token.$\": \"$$.Task.Token\"` in \"Parameters\""
            };
            out.push(
                self.meta()
                    .diagnostic(
                        resource.value_range(),
                        format!(
                            "Task \"{}\" waits for a task token but never passes `Task.Token` to the service",
                            state.name
                        ),
                    )
                    .with_label(resource.value_range(), "waits for a callback with the token")
                    .with_help(format!("send the token to the worker with {field}")),
            );
        }
    }
}
