use crate::Findings;
use crate::helpers::expressions::string_range;
use crate::helpers::variables::Visibility;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a variable read in a state that can be entered, on some path from
    /// `StartAt`, before any state on that path assigned the variable. The path is shown.
    ///
    /// ## Why is this bad?
    /// On that path the variable has no value and the expression fails at run time.
    /// Assignments take effect only after the state that makes them: a state's own
    /// `Assign` and `Output` still see the old values, and a catcher's `Assign` replaces
    /// the state's.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Check", "States": {
    ///   "Check": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.vip %}", "Assign": {"discount": 10}, "Next": "Bill"}], "Default": "Bill"},
    ///   "Bill": {"Type": "Pass", "Output": "{% $discount %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Check", "States": {
    ///   "Check": {"Type": "Choice", "Assign": {"discount": 0}, "Choices": [{"Condition": "{% $states.input.vip %}", "Assign": {"discount": 10}, "Next": "Bill"}], "Default": "Bill"},
    ///   "Bill": {"Type": "Pass", "Output": "{% $discount %}", "End": true}}}
    /// ```
    pub(crate) struct VariableMaybeUnassigned {
        code: "ASL342",
        name: "variable-maybe-unassigned",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for VariableMaybeUnassigned {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let variables = ctx.variables();
        let mut path_steps = PATH_SEARCH_STEPS;
        for read in &variables.reads {
            if variables.visibility(ctx.model, read) != Visibility::Visible
                || variables.assigned_at_entry(read.state, &read.name) != Some(false)
            {
                continue;
            }
            let state = ctx.model.state(read.state);
            let range = string_range(ctx.source, read.node, read.range.clone());
            let path = variables.unassigned_path(ctx.model, read.state, &read.name, &mut path_steps);
            let mut diagnostic = self
                .meta()
                .diagnostic(
                    range,
                    format!(
                        "\"{}\" of state \"{}\" reads `${}`, which may not be assigned yet when the state is entered",
                        read.field, state.name, read.name
                    ),
                )
                .with_label(range, "possibly unassigned");
            if !path.is_empty() {
                diagnostic = diagnostic.with_note(format!(
                    "on the path {} nothing assigns \"{}\" before this state",
                    path_text(&path),
                    read.name
                ));
            }
            if let Some(parent) = ctx.model.scope(state.scope).parent() {
                let parent = ctx.model.state(parent);
                if variables.assigned_at_entry(parent.id, &read.name) == Some(false) {
                    diagnostic = diagnostic.with_note(format!(
                        "state \"{}\" can also be entered before \"{}\" is assigned in the enclosing scope",
                        parent.name, read.name
                    ));
                }
            }
            out.push(diagnostic.with_help(format!(
                "assign \"{}\" on every path that reaches this state (assignments take effect in the next state)",
                read.name
            )));
        }
    }
}

/// The states one file's path searches may visit in all; past it, findings come without
/// the path (a read in each of 10,000 states would otherwise cost 10,000 walks).
const PATH_SEARCH_STEPS: usize = 1_000_000;

/// The states a path note names at most; longer paths keep their first and last states.
const PATH_NOTE_STATES: usize = 10;

/// `"A" → "B" → "C"`, or `"A" → "B" → … (N more) → "Y" → "Z"` for a long path.
fn path_text(path: &[&str]) -> String {
    let quoted = |names: &[&str]| names.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>();
    if path.len() <= PATH_NOTE_STATES {
        return quoted(path).join(" → ");
    }
    let head = PATH_NOTE_STATES / 2;
    let tail = PATH_NOTE_STATES - head;
    let mut steps = quoted(&path[..head]);
    steps.push(format!("… ({} more)", path.len() - PATH_NOTE_STATES));
    steps.extend(quoted(&path[path.len() - tail..]));
    steps.join(" → ")
}
