use asl_diagnostics::{Applicability, Fix};
use asl_semantic::suggest::{closest, within_distance};

use crate::Findings;
use crate::helpers::integrations::{
    OptimizedTask, is_known_action, is_known_service, known_actions, optimized_tasks, sdk_resource,
};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Task `Resource` `arn:aws:states:::<service>:<action>` whose service is an
    /// optimized integration but whose action is not one of the actions that integration
    /// provides, such as `dynamodb:query` (the optimized DynamoDB integration provides
    /// `getItem`, `putItem`, `updateItem` and `deleteItem`). It offers the AWS SDK integration,
    /// `arn:aws:states:::aws-sdk:<service>:<action>`, which calls any action of the service.
    ///
    /// ## Why is this bad?
    /// Each optimized integration provides a closed list of actions (`integrations.tsv`,
    /// checked against the Developer Guide); AWS does not recognise any other and rejects
    /// the definition. A service that is not an optimized integration at all is reported by
    /// `unknown-service-integration`, as a warning.
    ///
    /// Evidence: AWS returns "The resource provided arn:aws:states:::dynamodb:query is not
    /// recognized. The value is not a valid resource ARN, or the resource is not available in this
    /// region." (LocalStack's AWS snapshots, `test_sfn_api_validation`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Query", "States": {"Query": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:query",
    ///   "Parameters": {"TableName": "orders"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Query", "States": {"Query": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:query",
    ///   "Parameters": {"TableName": "orders"}, "End": true}}}
    /// ```
    pub(crate) struct UnknownIntegrationAction {
        code: "ASL454",
        name: "unknown-integration-action",
        category: Resilience,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for UnknownIntegrationAction {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for task in optimized_tasks(ctx.task_resources()) {
            let OptimizedTask {
                state,
                arn,
                service,
                action,
                suffix,
                ..
            } = task;
            let resource = task.resource;
            if !is_known_service(service) || is_known_action(service, action) {
                continue;
            }
            let actions = known_actions(service);
            let range = resource.value_range();
            let message = format!(
                "Task \"{}\" calls \"{service}:{action}\", which the optimized \"{service}\" integration does not provide, so AWS rejects the resource",
                state.name
            );
            let mut diagnostic = self
                .meta()
                .diagnostic(range, message)
                .with_label(range, "not an action of this optimized integration");
            // A near miss (two edits at most) is a typo of an optimized action; anything else,
            // such as `sendMessageBatch`, is an API the AWS SDK integration calls (it knows no
            // `.sync`, so only a plain call is rewritten).
            let near_miss = closest(action, &actions)
                .filter(|near| within_distance(&action.to_lowercase(), &near.to_lowercase(), 2));
            let (replacement, help) = match near_miss {
                Some(near) => (
                    arn.strip_suffix(&format!("{action}{suffix}"))
                        .map(|prefix| format!("{prefix}{near}{suffix}")),
                    String::new(),
                ),
                None => (
                    sdk_resource(arn, service, action, "").filter(|_| suffix.is_empty()),
                    format!(
                        "The optimized \"{service}\" integration provides {}; the AWS SDK integration calls any action.",
                        actions.join(", ")
                    ),
                ),
            };
            diagnostic = match replacement {
                Some(replacement) => diagnostic
                    .with_help(format!("did you mean \"{replacement}\"? {help}").trim_end().to_owned())
                    .with_fix(Fix::replace(
                        format!("Replace with \"{replacement}\""),
                        Applicability::Unsafe,
                        range,
                        format!("\"{replacement}\""),
                    )),
                None => diagnostic.with_help(help),
            };
            out.push(diagnostic);
        }
    }
}
