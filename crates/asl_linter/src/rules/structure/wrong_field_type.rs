use asl_diagnostics::Diagnostic;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a field whose value has the wrong JSON type, such as a `StartAt` that is not a
    /// string or `States` that is not an object.
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
        let root = &ctx.parse.root;
        if let Some(start_at) = root.get("StartAt") {
            if start_at.as_str().is_none() {
                out.push(self.meta().diagnostic(
                    start_at.range,
                    format!("\"StartAt\" must be a string naming a state, but this is {}", start_at.kind_name()),
                ));
            }
        }
        if let Some(states) = root.get("States") {
            if states.as_object().is_none() {
                out.push(
                    self.meta()
                        .diagnostic(states.range, format!("\"States\" must be an object, but this is {}", states.kind_name()))
                        .with_help("write the states as members of an object: {\"StateName\": {\"Type\": ...}}"),
                );
            }
        }
    }
}
