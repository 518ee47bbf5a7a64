use asl_syntax::Value;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a definition whose top-level value is not a JSON object.
    ///
    /// ## Why is this bad?
    /// A state machine definition is an object with `StartAt` and `States`. AWS rejects
    /// anything else with "Definition must be a valid JSON object".
    ///
    /// Evidence: AWS returns "Definition must be a valid JSON object" (`SCHEMA_VALIDATION_FAILED`;
    /// recorded in LocalStack's AWS snapshots, `test_sfn_api_validation`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// [{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}]
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    /// ```
    pub(crate) struct DefinitionNotObject {
        code: "ASL101",
        name: "definition-not-object",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for DefinitionNotObject {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let root = &ctx.parse.root;
        // A value that did not parse has its syntax error already.
        if matches!(root.value, Value::Object(_) | Value::Error) {
            return;
        }
        out.push(
            self.meta()
                .diagnostic(
                    root.range,
                    format!("the definition must be a JSON object, but this is {}", root.kind_name()),
                )
                .with_help("a state machine is an object with \"StartAt\" and \"States\" fields"),
        );
    }
}
