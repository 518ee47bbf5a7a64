use crate::Findings;
use crate::helpers::integrations::{is_known_service, known_services, optimized_tasks};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a Task `Resource` of the form `arn:aws:states:::<service>:<action>` whose
    /// service is not one of the optimized integrations Step Functions provides. (An unknown
    /// action of a known service is `unknown-integration-action`.)
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
    /// {"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::ses:sendEmail",
    ///   "Parameters": {"Destination": {}}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sesv2:sendEmail",
    ///   "Parameters": {"Destination": {}}, "End": true}}}
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
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for task in optimized_tasks(ctx.task_resources()) {
            let (service, action) = (task.service, task.action);
            if is_known_service(service) {
                continue;
            }
            let range = task.resource.value_range();
            let hint = closest(service, &known_services())
                .map_or(String::new(), |s| format!("did you mean \"{s}\"? Otherwise, "));
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "Task \"{}\" uses \"{service}\", which is not an optimized Step Functions integration",
                            task.state.name
                        ),
                    )
                    .with_label(range, "unknown integration")
                    .with_help(format!(
                        "{hint}call the API through the SDK integration \"arn:aws:states:::aws-sdk:{service}:{action}\""
                    )),
            );
        }
    }
}
