use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a member of `States` whose value is not an object, so it cannot be a state.
    ///
    /// ## Why is this bad?
    /// Every member of `States` is read as a state, and a state is an object with a `Type`.
    /// A stray value there, often a field such as `"QueryLanguage"` put one level too deep,
    /// does not do what its author meant: it does not set anything for the machine. This is
    /// a warning rather than an error because published definitions with such members exist.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Done",
    ///   "States": {
    ///     "QueryLanguage": "JSONata",
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "QueryLanguage": "JSONata",
    ///   "StartAt": "Done",
    ///   "States": {"Done": {"Type": "Succeed"}}
    /// }
    /// ```
    pub(crate) struct StateNotObject {
        code: "ASL190",
        name: "state-not-object",
        category: Structure,
        severity: Warning,
        fix: None,
    }
}

/// Fields of a machine object that are sometimes written inside `States` by mistake.
const MACHINE_FIELDS: [&str; 5] = ["Comment", "QueryLanguage", "StartAt", "TimeoutSeconds", "Version"];

impl Rule for StateNotObject {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in ctx.model.states.iter().filter(|s| !s.is_object()) {
            let mut diagnostic = self.meta().diagnostic(
                state.name_range,
                format!(
                    "\"{}\" in \"States\" is not a state: its value is {}, not an object",
                    state.name,
                    state.node.kind_name()
                ),
            );
            diagnostic = if MACHINE_FIELDS.contains(&state.name) {
                diagnostic.with_help(format!(
                    "move \"{}\" out of \"States\", next to \"StartAt\"",
                    state.name
                ))
            } else {
                diagnostic.with_help("a state is an object with a \"Type\" field")
            };
            out.push(diagnostic);
        }
    }
}
