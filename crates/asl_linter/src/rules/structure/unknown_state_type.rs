use asl_diagnostics::{Applicability, Fix};
use asl_semantic::model::Field;
use asl_semantic::vocabulary::StateType;

use crate::Findings;
use crate::helpers::messages::state_type_list;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a state whose `Type` is not one of the eight state types of ASL.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition. The comparison is case-sensitive: `task` is not `Task`.
    ///
    /// Evidence: AWS returns "The field 'Type' should have one of these values: [Task, Wait, Pass,
    /// Succeed, Fail, Choice, Parallel, Map] at /States/ExistingButInvalidState/Type" (LocalStack's AWS
    /// snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Success"}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    /// ```
    ///
    /// ## Fix
    /// When one state type is close to the text, a safe fix replaces it.
    ///
    /// ## State types
    ///
    /// <!-- vocabulary: state types -->
    pub(crate) struct UnknownStateType {
        code: "ASL104",
        name: "unknown-state-type",
        category: Structure,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for UnknownStateType {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let Some(Field {
                value: Some(text),
                member,
            }) = &state.type_field
            else {
                continue;
            };
            if StateType::from_name(text).is_some() {
                continue;
            }
            let type_node = &member.value;
            let mut diagnostic = self.meta().diagnostic(
                type_node.range,
                format!("\"{text}\" is not a state type (state \"{}\")", state.name),
            );
            let names: Vec<&str> = StateType::all().map(StateType::name).collect();
            match closest(text, &names) {
                Some(suggestion) => {
                    diagnostic = diagnostic
                        .with_help(format!("did you mean \"{suggestion}\"?"))
                        .with_fix(Fix::replace(
                            format!("Replace with \"{suggestion}\""),
                            Applicability::Safe,
                            type_node.range,
                            format!("\"{suggestion}\""),
                        ));
                }
                None => diagnostic = diagnostic.with_help(format!("use one of {}", state_type_list())),
            }
            out.push(diagnostic);
        }
    }
}
