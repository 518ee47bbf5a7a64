use asl_diagnostics::Diagnostic;
use asl_semantic::model::jsonata_expression;
use asl_syntax::{Node, Value};

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use crate::rules::data_flow::sites::jsonpath_states;

/// Members whose strings are free text or belong to nested state machines.
const SKIPPED: &[&str] = &["Comment", "Label", "Branches", "ItemProcessor", "Iterator"];

declare_rule! {
    /// ## What it does
    /// Reports a JSONata expression (`{% … %}`) in a state whose query language is
    /// JSONPath.
    ///
    /// ## Why is this bad?
    /// JSONPath states do not evaluate JSONata: the text is passed on as a plain string.
    /// Set `"QueryLanguage": "JSONata"` on the state (or the whole machine) and use
    /// `Arguments`/`Output` instead of the JSONPath fields. `Comment` fields are free text
    /// and are not checked.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"total": "{% $states.input.a + 1 %}"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"total": "{% $states.input.a + 1 %}"}, "End": true}}}
    /// ```
    pub(crate) struct JsonataNotEvaluated {
        code: "ASL331",
        name: "jsonata-not-evaluated",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for JsonataNotEvaluated {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        for state in jsonpath_states(ctx.model) {
            let mut found = Vec::new();
            for member in state.node.as_object().unwrap_or(&[]) {
                if !SKIPPED.contains(&member.key.text.as_str()) {
                    jsonata_strings(&member.value, &member.key.text, &mut found);
                }
            }
            for (node, field) in found {
                out.push(
                    self.meta()
                        .diagnostic(
                            node.range,
                            format!(
                                "\"{field}\" of state \"{}\" holds a JSONata expression, but the state uses JSONPath: it will not be evaluated",
                                state.name
                            ),
                        )
                        .with_label(node.range, "passed on as a plain string")
                        .with_help("set \"QueryLanguage\": \"JSONata\" on the state (with Arguments/Output instead of Parameters/ResultSelector), or write a JSONPath expression"),
                );
            }
        }
    }
}

fn jsonata_strings<'a>(node: &'a Node, field: &str, found: &mut Vec<(&'a Node, String)>) {
    match &node.value {
        Value::String(text) if jsonata_expression(text).is_some() => found.push((node, field.to_owned())),
        Value::Object(members) => {
            for member in members.iter().filter(|m| m.key.text != "Comment") {
                jsonata_strings(&member.value, &format!("{field}.{}", member.key.text), found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                jsonata_strings(item, &format!("{field}[{index}]"), found);
            }
        }
        _ => {}
    }
}
