use asl_diagnostics::Diagnostic;
use asl_syntax::TextRange;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a required field that is missing: `StartAt` and `States` of a state machine.
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
        let root = &ctx.parse.root;
        if root.as_object().is_none() {
            return;
        }
        for field in ["StartAt", "States"] {
            if root.get(field).is_none() {
                out.push(
                    self.meta()
                        .diagnostic(opening_brace(root.range), format!("the state machine is missing the required field \"{field}\""))
                        .with_help(help_for(field)),
                );
            }
        }
    }
}

/// Points at the `{` of an object rather than at the whole object.
fn opening_brace(range: TextRange) -> TextRange {
    TextRange::new(range.start, range.start + 1)
}

fn help_for(field: &str) -> &'static str {
    match field {
        "StartAt" => "add \"StartAt\" naming the first state to run",
        _ => "add \"States\": an object whose members are the states",
    }
}
