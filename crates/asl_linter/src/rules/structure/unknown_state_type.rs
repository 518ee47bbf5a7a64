use asl_diagnostics::{Applicability, Diagnostic, Fix};
use asl_semantic::model::Field;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;

/// The state types of the Amazon States Language.
const STATE_TYPES: [&str; 8] = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"];

declare_rule! {
    /// ## What it does
    /// Reports a state whose `Type` is not one of `Task`, `Pass`, `Choice`, `Wait`,
    /// `Succeed`, `Fail`, `Parallel` or `Map`.
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
    pub(crate) struct UnknownStateType {
        code: "ASL104",
        name: "unknown-state-type",
        category: Structure,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for UnknownStateType {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        for state in &ctx.model.states {
            let Some(Field {
                value: Some(text),
                member,
            }) = &state.type_field
            else {
                continue;
            };
            if STATE_TYPES.contains(text) {
                continue;
            }
            let type_node = &member.value;
            let mut diagnostic = self.meta().diagnostic(
                type_node.range,
                format!("\"{text}\" is not a state type (state \"{}\")", state.name),
            );
            match closest(text, &STATE_TYPES) {
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
                None => diagnostic = diagnostic.with_help(format!("use one of: {}", STATE_TYPES.join(", "))),
            }
            out.push(diagnostic);
        }
    }
}
