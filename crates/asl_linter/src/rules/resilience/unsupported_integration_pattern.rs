use crate::Findings;
use crate::helpers::integrations::{OptimizedTask, optimized_tasks, supported_patterns};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an optimized integration with an integration pattern it does not support,
    /// such as `lambda:invoke.sync` or `dynamodb:putItem.waitForTaskToken`.
    ///
    /// ## Why is this bad?
    /// Each integration supports only some patterns; AWS does not recognise the resource
    /// otherwise and rejects the definition.
    ///
    /// Evidence: AWS returns "The resource provided arn:aws:states:::lambda:invoke.sync is not
    /// recognized. The value is not a valid resource ARN, or the resource is not available in this
    /// region." (cdk-preflight real deploy, 2026-09-05).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.sync",
    ///   "Parameters": {"FunctionName": "f"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    ///   "Parameters": {"FunctionName": "f"}, "End": true}}}
    /// ```
    pub(crate) struct UnsupportedIntegrationPattern {
        code: "ASL453",
        name: "unsupported-integration-pattern",
        category: Resilience,
        severity: Error,
        fix: None,
    }
}

impl Rule for UnsupportedIntegrationPattern {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for task in optimized_tasks(ctx.task_resources()) {
            // Unknown suffixes are invalid-resource's business.
            let OptimizedTask {
                state,
                resource,
                service,
                action,
                suffix,
                pattern: Some(pattern),
                ..
            } = task
            else {
                continue;
            };
            let Some(supported) = supported_patterns(service, action) else {
                continue;
            };
            if supported.contains(&pattern) {
                continue;
            }
            let suffixes: Vec<&str> = supported.iter().map(|p| p.suffix()).collect();
            let range = resource.value_range();
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!("Task \"{}\" uses \"{service}:{action}{suffix}\", but \"{service}:{action}\" does not support \"{suffix}\"", state.name),
                    )
                    .with_label(range, "unsupported integration pattern")
                    .with_help(format!("\"{service}:{action}\" supports these suffixes: {}", suffixes.join(", "))),
            );
        }
    }
}
