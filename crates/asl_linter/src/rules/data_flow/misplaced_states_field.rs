use asl_semantic::model::StateKind;

use crate::Findings;
use crate::helpers::expressions::JsonataPlace;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports `$states.result` outside the top-level `Output` and `Assign` of a Task,
    /// Parallel or Map state, and `$states.errorOutput` outside a catcher's `Output` and
    /// `Assign`.
    ///
    /// ## Why is this bad?
    /// The result exists only once the work is done, and the error output only when a
    /// catcher handles an error. Elsewhere (`Arguments`, a Choice, a Pass state) these
    /// members are not defined: the specification forbids them and the expression fails.
    ///
    /// Evidence: AWS refuses `$states.errorOutput` outside a catcher's `Output` and `Assign` (measured
    /// with ValidateStateMachineDefinition, floci-io/floci#2786); a member that is not defined fails
    /// the state with `States.QueryEvaluationError` ("… returned nothing (undefined)", LocalStack's AWS
    /// snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    ///   "Arguments": {"FunctionName": "f", "Payload": "{% $states.result %}"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    ///   "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"}, "Output": "{% $states.result.Payload %}", "End": true}}}
    /// ```
    pub(crate) struct MisplacedStatesField {
        code: "ASL332",
        name: "misplaced-states-field",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for MisplacedStatesField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.jsonata_sites() {
            let Some(references) = site.references() else { continue };
            for access in &references.states {
                let Some((member, member_range)) = &access.member else {
                    continue;
                };
                let worker = matches!(
                    site.state.kind,
                    StateKind::Task(_) | StateKind::Parallel(_) | StateKind::Map(_)
                );
                let problem = match member.as_str() {
                    "result" if !(worker && matches!(site.place, JsonataPlace::Output | JsonataPlace::Assign)) => {
                        "`$states.result` exists only in the top-level \"Output\" and \"Assign\" of a Task, Parallel or Map state"
                    }
                    "errorOutput" if !matches!(site.place, JsonataPlace::CatchOutput | JsonataPlace::CatchAssign) => {
                        "`$states.errorOutput` exists only in the \"Output\" and \"Assign\" of a catcher"
                    }
                    _ => continue,
                };
                let range = site.source_range(ctx.source, access.range.start..member_range.end);
                out.push(
                    self.meta()
                        .diagnostic(
                            range,
                            format!(
                                "\"{}\" of state \"{}\" reads `$states.{member}`, which is not defined there",
                                site.field, site.state.name
                            ),
                        )
                        .with_label(range, "not defined here")
                        .with_help(problem),
                );
            }
        }
    }
}
