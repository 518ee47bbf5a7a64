use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports `States.ALL` that is not alone in its `ErrorEquals`, or not in the last
    /// retrier or catcher, in `Retry` and in `Catch`.
    ///
    /// ## Why is this bad?
    /// AWS rejects it ("States.ALL can only appear in the last element, and by itself"):
    /// `States.ALL` matches every error, so any name next to it or any handler after it
    /// would never be used.
    ///
    /// Evidence: AWS returns "States.ALL must appear alone and at end of list at
    /// /States/lambdaInvoke/Retry[0]/ErrorEquals[0]" (aws/aws-cdk#10530; cdk-preflight real deploy,
    /// 2026-09-05).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true,
    ///       "Catch": [
    ///         {"ErrorEquals": ["States.ALL"], "Next": "Failed"},
    ///         {"ErrorEquals": ["States.Timeout"], "Next": "Failed"}
    ///       ]},
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
    ///         {"ErrorEquals": ["States.Timeout"], "Next": "Failed"},
    ///         {"ErrorEquals": ["States.ALL"], "Next": "Failed"}
    ///       ]},
    ///     "Failed": {"Type": "Fail"}
    ///   }
    /// }
    /// ```
    pub(crate) struct MisplacedStatesAll {
        code: "ASL401",
        name: "misplaced-states-all",
        category: Resilience,
        severity: Error,
        fix: None,
    }
}

impl Rule for MisplacedStatesAll {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for (state, handlers) in ctx.model.states.iter().zip(ctx.error_handlers()) {
            for handlers in handlers {
                let count = handlers.len();
                for handler in handlers {
                    let alone = handler.names.len() == 1;
                    let last = handler.index + 1 == count;
                    for &(_, range) in handler.names.iter().filter(|&&(name, _)| name == "States.ALL") {
                        let list = handler.list.name();
                        let (problem, help) = match (alone, last) {
                            (true, true) => continue,
                            (false, true) => (
                                "must be alone in its \"ErrorEquals\"".to_owned(),
                                "remove the other error names: States.ALL already matches them".to_owned(),
                            ),
                            (true, false) => (
                                format!(
                                    "is only allowed in the last {}, so {list}[{}] and later never run",
                                    handler.list.element(),
                                    handler.index + 1
                                ),
                                format!("move this {} to the end of \"{list}\"", handler.list.element()),
                            ),
                            (false, false) => (
                                format!("must be alone and in the last {}", handler.list.element()),
                                format!(
                                    "remove the other error names and move this {} to the end of \"{list}\"",
                                    handler.list.element()
                                ),
                            ),
                        };
                        out.push(
                            self.meta()
                                .diagnostic(
                                    range,
                                    format!(
                                        "States.ALL in {} of state \"{}\" {problem}",
                                        handler.label(),
                                        state.name
                                    ),
                                )
                                .with_help(help),
                        );
                    }
                }
            }
        }
    }
}
