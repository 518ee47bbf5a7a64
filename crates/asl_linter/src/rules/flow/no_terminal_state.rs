use crate::Findings;
use crate::helpers::messages::scope_description;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a state machine, Parallel branch or Map item processor in which no state can
    /// end the execution: none has `"End": true` and there is no Succeed or Fail state.
    ///
    /// ## Why is this bad?
    /// Both AWS validators reject it ("No terminal state found"): such a scope can never
    /// finish. When a state lacks both `Next` and `End`, that state is reported instead (by
    /// the structure rules), not the whole scope.
    ///
    /// Evidence: AWS returns "MISSING_END_STATE: Workflow has no terminal state" (measured,
    /// floci-io/floci#2735).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Poll",
    ///   "States": {
    ///     "Poll": {"Type": "Pass", "Next": "Wait"},
    ///     "Wait": {"Type": "Wait", "Seconds": 10, "Next": "Poll"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Poll",
    ///   "States": {
    ///     "Poll": {"Type": "Pass", "Next": "Wait"},
    ///     "Wait": {"Type": "Wait", "Seconds": 10, "End": true}
    ///   }
    /// }
    /// ```
    pub(crate) struct NoTerminalState {
        code: "ASL203",
        name: "no-terminal-state",
        category: Flow,
        severity: Error,
        fix: None,
    }
}

impl Rule for NoTerminalState {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let graph = ctx.graph;
        for scope in &model.scopes {
            let Some(states) = &scope.states_field else { continue };
            if !graph.scope(scope.id).lacks_terminal_state(model, scope.id) {
                continue;
            }
            let owner = scope_description(model, scope);
            out.push(
                self.meta()
                    .diagnostic(
                        states.key_range(),
                        format!("{owner} has no terminal state: no state has \"End\": true and there is no Succeed or Fail state, so it can never finish"),
                    )
                    .with_help("end the last state with \"End\": true, or move to a Succeed or Fail state"),
            );
        }
    }
}
