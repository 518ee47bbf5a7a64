use asl_semantic::expr::jsonata::STATES_MEMBERS;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a member of `$states` other than `input`, `result`, `errorOutput` and
    /// `context`.
    ///
    /// ## Why is this bad?
    /// `$states` has only these four members; any other is undefined, so the expression
    /// yields nothing where a value was meant (and fails if that is its whole result).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.inputs.id %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.id %}", "End": true}}}
    /// ```
    pub(crate) struct UnknownStatesField {
        code: "ASL333",
        name: "unknown-states-field",
        category: DataFlow,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for UnknownStatesField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.jsonata_sites() {
            let Some(references) = site.references() else { continue };
            for access in &references.states {
                let Some((member, member_range)) = &access.member else {
                    continue;
                };
                if STATES_MEMBERS.contains(&member.as_str()) {
                    continue;
                }
                let range = site.source_range(ctx.source, member_range.clone());
                let mut diagnostic = self
                    .meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" reads `$states.{member}`, but `$states` has only input, result, errorOutput and context",
                            site.field, site.state.name
                        ),
                    )
                    .with_label(range, "unknown member of `$states`");
                if let Some(suggestion) = closest(member, STATES_MEMBERS) {
                    diagnostic = diagnostic
                        .with_help(format!("did you mean `$states.{suggestion}`?"))
                        .with_fix(asl_diagnostics::Fix::replace(
                            format!("Replace with `{suggestion}`"),
                            asl_diagnostics::Applicability::Unsafe,
                            range,
                            suggestion,
                        ));
                }
                out.push(diagnostic);
            }
        }
    }
}
