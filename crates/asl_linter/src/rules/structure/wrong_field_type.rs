use asl_diagnostics::Diagnostic;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use crate::rules::structure::missing_required_field::scope_description;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong JSON type in the skeleton of a definition: a `StartAt` that
    /// is not a string, `States` that is not an object, or a `Type` that is not a string.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Done", "States": [{"Type": "Succeed"}]}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    /// ```
    pub(crate) struct WrongFieldType {
        code: "ASL103",
        name: "wrong-field-type",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for WrongFieldType {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        let model = ctx.model;
        for scope in &model.scopes {
            let owner = scope_description(model, scope);
            if let Some(start_at) = scope.start_at.as_ref().filter(|f| f.value.is_none()) {
                let node = start_at.node();
                out.push(self.meta().diagnostic(
                    node.range,
                    format!("\"StartAt\" of {owner} must be a string naming a state, but this is {}", node.kind_name()),
                ));
            }
            if let Some(states) = scope.states_field.as_ref().filter(|f| f.value.is_none()) {
                let node = states.node();
                out.push(
                    self.meta()
                        .diagnostic(node.range, format!("\"States\" of {owner} must be an object, but this is {}", node.kind_name()))
                        .with_help("write the states as members of an object: {\"StateName\": {\"Type\": ...}}"),
                );
            }
        }
        for state in &model.states {
            if let Some(type_field) = state.type_field.as_ref().filter(|f| f.value.is_none()) {
                let node = type_field.node();
                out.push(self.meta().diagnostic(
                    node.range,
                    format!("\"Type\" of state \"{}\" must be a string, but this is {}", state.name, node.kind_name()),
                ));
            }
        }
    }
}
