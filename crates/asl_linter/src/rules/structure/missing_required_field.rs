use asl_diagnostics::Diagnostic;
use asl_semantic::model::{Model, Scope, ScopeKind};
use asl_syntax::TextRange;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a required field that is missing: `StartAt` and `States` of the state machine,
    /// of each Parallel branch and of each Map processor, and the `Type` of each state.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition ("These fields are required: [StartAt]").
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"States": {"Done": {"Type": "Succeed"}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    /// ```
    pub(crate) struct MissingRequiredField {
        code: "ASL102",
        name: "missing-required-field",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for MissingRequiredField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        let model = ctx.model;
        for scope in &model.scopes {
            if scope.node.as_object().is_none() {
                continue;
            }
            let owner = scope_description(model, scope);
            if scope.start_at.is_none() {
                out.push(
                    self.meta()
                        .diagnostic(opening_brace(scope.node.range), format!("{owner} is missing the required field \"StartAt\""))
                        .with_help("add \"StartAt\" naming the first state to run"),
                );
            }
            if scope.states_field.is_none() {
                out.push(
                    self.meta()
                        .diagnostic(opening_brace(scope.node.range), format!("{owner} is missing the required field \"States\""))
                        .with_help("add \"States\": an object whose members are the states"),
                );
            }
        }
        for state in &model.states {
            if state.is_object() && state.type_field.is_none() {
                out.push(
                    self.meta()
                        .diagnostic(state.name_range, format!("state \"{}\" is missing the required field \"Type\"", state.name))
                        .with_help("add \"Type\": one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map"),
                );
            }
        }
    }
}

/// How messages name a scope: "the state machine", "branch 2 of Parallel state \"Fan\"", ….
pub(crate) fn scope_description(model: &Model<'_>, scope: &Scope<'_>) -> String {
    match scope.kind {
        ScopeKind::Root => "the state machine".to_owned(),
        ScopeKind::Branch { parallel, index } => {
            format!("branch {} of Parallel state \"{}\"", index + 1, model.state(parallel).name)
        }
        ScopeKind::ItemProcessor { map, deprecated_iterator } => {
            let field = if deprecated_iterator { "Iterator" } else { "ItemProcessor" };
            format!("the {field} of Map state \"{}\"", model.state(map).name)
        }
    }
}

/// Points at the `{` of an object rather than at the whole object.
fn opening_brace(range: TextRange) -> TextRange {
    TextRange::new(range.start, range.start + 1)
}
