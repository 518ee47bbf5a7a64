use asl_semantic::model::{ExecutionType, MapMode, Model, ScopeId, ScopeKind};

use crate::Findings;
use crate::WorkflowType;
use crate::helpers::integrations::{Pattern, Resource, TaskResource};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports `.sync`, `.sync:2` and `.waitForTaskToken` integrations and activity
    /// resources in an EXPRESS workflow: the whole machine when its type is known from the
    /// settings (`--workflow-type express` on the command line), and the item processor of
    /// a Distributed Map whose `ExecutionType` is `EXPRESS`.
    ///
    /// ## Why is this bad?
    /// Express workflows run for at most five minutes and do not support waiting for a job
    /// or a callback: AWS rejects the definition ("Express state machine does not support
    /// '.sync' service integration", "… does not support Activity ARN"), and the child
    /// executions of an EXPRESS Distributed Map are Express workflows.
    ///
    /// Evidence: AWS returns "Express state machine does not support '.sync' service integration", "…
    /// '.waitForTaskToken' service integration" and "Express state machine does not support Activity
    /// ARN" (LocalStack's AWS snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemProcessor": {
    ///   "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
    ///   "StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
    ///     "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:child"}, "End": true}}}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution",
    ///   "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:child"}, "End": true}}}
    /// ```
    pub(crate) struct ExpressUnsupportedIntegration {
        code: "ASL451",
        name: "express-unsupported-integration",
        category: Resilience,
        severity: Error,
        fix: None,
    }
}

impl Rule for ExpressUnsupportedIntegration {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let express_machine = ctx.settings.workflow_type == Some(WorkflowType::Express);
        for &TaskResource {
            state,
            resource,
            parsed,
            ..
        } in ctx.task_resources()
        {
            let express_map = express_distributed_map(ctx.model, state.scope);
            if !express_machine && express_map.is_none() {
                continue;
            }
            let what = match parsed {
                Resource::Activity => "activities".to_owned(),
                Resource::Integration {
                    pattern: Some(p @ (Pattern::Sync | Pattern::Sync2 | Pattern::TaskToken)),
                    ..
                } => {
                    format!("the `{}` integration pattern", p.suffix())
                }
                _ => continue,
            };
            let range = resource.value_range();
            let workflow = match express_map {
                Some(map) if !express_machine => format!("the EXPRESS child workflows of Distributed Map \"{map}\" do"),
                _ => "EXPRESS state machines do".to_owned(),
            };
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!("Task \"{}\" uses {what}, which {workflow} not support", state.name),
                    )
                    .with_label(range, "not allowed in an EXPRESS workflow")
                    .with_help(
                        "use the request-response form (no suffix) and poll, or make the state machine STANDARD",
                    ),
            );
        }
    }
}

/// The name of the Distributed Map with `ExecutionType: EXPRESS` whose iterations run the
/// states of `scope` (directly or through nested inline scopes).
fn express_distributed_map<'a>(model: &'a Model<'a>, scope: ScopeId) -> Option<&'a str> {
    let mut current = Some(scope);
    while let Some(id) = current {
        let scope = model.scope(id);
        let express = scope
            .processor_config
            .as_ref()
            .and_then(|f| f.value.as_ref())
            .is_some_and(|config| {
                config.mode() == Some(MapMode::Distributed)
                    && config.execution_type.as_ref().and_then(|f| f.value) == Some(ExecutionType::Express)
            });
        if let (true, ScopeKind::ItemProcessor { map, .. }) = (express, scope.kind) {
            return Some(model.state(map).name);
        }
        current = scope.parent().map(|parent| model.state(parent).scope);
    }
    None
}
