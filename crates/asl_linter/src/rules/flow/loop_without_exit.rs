use crate::Findings;
use crate::helpers::messages::quoted_list;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a loop that, once entered, can never reach a state that ends the execution
    /// (`"End": true`, Succeed or Fail). It is reported once, at the state the loop is
    /// entered by, with the loop's states listed.
    ///
    /// ## Why is this bad?
    /// An execution that enters the loop runs until an error, its timeout or the history
    /// limit stops it: it can never succeed. Usually the Choice that should leave the loop
    /// is missing or points back into it.
    ///
    /// Evidence: an execution that enters the loop can only end by failing: a Standard execution fails
    /// when its history reaches 25,000 events, an Express one with `States.Timeout` after five minutes
    /// (Step Functions quotas).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Start",
    ///   "States": {
    ///     "Start": {"Type": "Choice", "Choices": [{"Variable": "$.skip", "BooleanEquals": true, "Next": "Done"}], "Default": "Poll"},
    ///     "Poll": {"Type": "Pass", "Next": "Wait"},
    ///     "Wait": {"Type": "Wait", "Seconds": 10, "Next": "Poll"},
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Poll",
    ///   "States": {
    ///     "Poll": {"Type": "Pass", "Next": "Finished?"},
    ///     "Finished?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "Done"}], "Default": "Wait"},
    ///     "Wait": {"Type": "Wait", "Seconds": 10, "Next": "Poll"},
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    pub(crate) struct LoopWithoutExit {
        code: "ASL204",
        name: "loop-without-exit",
        category: Flow,
        severity: Error,
        fix: None,
    }
}

impl Rule for LoopWithoutExit {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let graph = ctx.graph;
        for scope in &model.scopes {
            let flow = graph.scope(scope.id);
            // A scope with no terminal state at all is reported once, by no-terminal-state;
            // a loop nothing reaches is reported by unreachable-state.
            if flow.lacks_terminal_state(model, scope.id) {
                continue;
            }
            for found in flow
                .exitless_loops
                .iter()
                .filter(|found| graph.is_reachable(found.entry))
            {
                let entry = model.state(found.entry);
                let names: Vec<&str> = found.states.iter().map(|&id| model.state(id).name).collect();
                let mut diagnostic = self
                    .meta()
                    .diagnostic(
                        entry.name_range,
                        format!(
                            "the loop entered at \"{}\" has no exit: from {} no transition reaches a state with \"End\": true, a Succeed or a Fail state",
                            entry.name,
                            quoted_list(&names)
                        ),
                    )
                    .with_help("add a Choice that leaves the loop when the work is done, or give one of its states a way out");
                for &state in &found.states[1..] {
                    diagnostic = diagnostic.with_label(model.state(state).name_range, "part of the loop");
                }
                out.push(diagnostic);
            }
        }
    }
}
