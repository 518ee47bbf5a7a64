use asl_diagnostics::Diagnostic;

use crate::helpers::integrations::{
    Resource, is_known_service, known_actions, known_services, parse_resource, task_resources,
};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a Task `Resource` of the form `arn:aws:states:::<service>:<action>` whose
    /// service or action is not one of the optimized integrations Step Functions provides.
    ///
    /// ## Why is this bad?
    /// AWS rejects a resource it does not recognise ("The resource provided … is not
    /// recognized"). Other AWS APIs are called through the SDK integration,
    /// `arn:aws:states:::aws-sdk:<service>:<action>`. It is a warning because new optimized
    /// integrations appear from time to time.
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
    pub(crate) struct UnknownServiceIntegration {
        code: "ASL452",
        name: "unknown-service-integration",
        category: Resilience,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UnknownServiceIntegration {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        for (state, resource, arn) in task_resources(ctx.model) {
            let Resource::Integration {
                service,
                action,
                sdk: false,
                ..
            } = parse_resource(arn)
            else {
                continue;
            };
            let range = resource.value_range();
            let (message, help) = if !is_known_service(service) {
                let hint = closest(service, &known_services())
                    .map_or(String::new(), |s| format!("did you mean \"{s}\"? Otherwise, "));
                (
                    format!(
                        "Task \"{}\" uses \"{service}\", which is not an optimized Step Functions integration",
                        state.name
                    ),
                    format!(
                        "{hint}call the API through the SDK integration \"arn:aws:states:::aws-sdk:{service}:{action}\""
                    ),
                )
            } else if !known_actions(service).contains(&action) {
                let actions = known_actions(service);
                let hint = closest(action, &actions).map_or_else(
                    || {
                        format!(
                            "the optimized \"{service}\" integration supports {}",
                            actions.join(", ")
                        )
                    },
                    |a| format!("did you mean \"{a}\"?"),
                );
                (
                    format!(
                        "Task \"{}\" calls \"{service}:{action}\", which the optimized \"{service}\" integration does not provide",
                        state.name
                    ),
                    format!(
                        "{hint} Other actions are available through \"arn:aws:states:::aws-sdk:{service}:{action}\""
                    ),
                )
            } else {
                continue;
            };
            out.push(
                self.meta()
                    .diagnostic(range, message)
                    .with_label(range, "unknown integration")
                    .with_help(help),
            );
        }
    }
}
