use asl_syntax::Value;

use crate::Findings;
use crate::helpers::expressions::{is_path_or_call, string_range};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a payload-template key ending in `.$` whose value is not a path (`$…`),
    /// a context-object path (`$$…`), a variable path (`$name…`) or an intrinsic function
    /// call.
    ///
    /// ## Why is this bad?
    /// A `.$` key asks Step Functions to evaluate its value. AWS rejects the definition
    /// when the value cannot be evaluated ("must be a valid JSONPath or a valid intrinsic
    /// function call"). For a constant, drop the `.$` from the key.
    ///
    /// Evidence: AWS returns "The value for the field 'outputPath.$' must be a valid JSONPath or a
    /// valid intrinsic function call" for a value that is neither
    /// (serverless-operations/serverless-step-functions#399; cdk-preflight, rule
    /// `pf-sfn-asl-jsonpath-syntax`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"status.$": "active"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"status": "active", "id.$": "$.id"}, "End": true}}}
    /// ```
    pub(crate) struct InvalidTemplateValue {
        code: "ASL310",
        name: "invalid-template-value",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidTemplateValue {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.template_sites() {
            for entry in site.members().iter().filter(|e| e.is_dynamic()) {
                let value = &entry.member.value;
                let mut range = value.range;
                let problem = match &value.value {
                    Value::String(text) => {
                        if is_path_or_call(text) {
                            continue;
                        }
                        range = string_range(ctx.source, value, 0..text.len());
                        "is neither a path starting with `$` nor an intrinsic function call"
                    }
                    _ => "must be a string holding a path or an intrinsic function call",
                };
                let key = entry.member.key.text.trim_end_matches(".$");
                out.push(
                    self.meta()
                        .diagnostic(
                            range,
                            format!("the value of \"{}\" in state \"{}\" {problem}", site.field_of(entry), site.state.name),
                        )
                        .with_label(range, "evaluated because the key ends with `.$`")
                        .with_help(format!(
                            "for a constant value, name the key \"{key}\" without `.$`; for a value from the input, write a path such as \"$.{key}\""
                        )),
                );
            }
        }
    }
}
