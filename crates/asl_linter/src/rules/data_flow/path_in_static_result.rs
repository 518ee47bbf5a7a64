use asl_semantic::model::StateKind;
use asl_syntax::{Node, TextRange, Value};

use crate::Findings;
use crate::helpers::expressions::jsonpath_states;
use crate::helpers::expressions::looks_evaluated;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a path, an intrinsic function call or a `.$` key inside a Pass state's
    /// `Result`.
    ///
    /// ## Why is this bad?
    /// `Result` is static JSON: nothing in it is evaluated, whatever the key. To build the
    /// output from the input, use `Parameters` (AWS reports this as
    /// `PASS_RESULT_IS_STATIC`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"id.$": "$.id"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$.id"}, "End": true}}}
    /// ```
    pub(crate) struct PathInStaticResult {
        code: "ASL313",
        name: "path-in-static-result",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for PathInStaticResult {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in jsonpath_states(ctx.model) {
            let (StateKind::Pass, Some(result)) = (&state.kind, &state.result) else {
                continue;
            };
            let mut found = Vec::new();
            evaluated_looking(result.node(), &mut found);
            for (range, what) in found {
                out.push(
                    self.meta()
                        .diagnostic(
                            range,
                            format!("the \"Result\" of Pass state \"{}\" contains {what}, which is not evaluated", state.name),
                        )
                        .with_label(range, "kept as written")
                        .with_help("\"Result\" is static JSON: build the output with \"Parameters\" to use paths and intrinsic functions"),
                );
            }
        }
    }
}

fn evaluated_looking(node: &Node, found: &mut Vec<(TextRange, &'static str)>) {
    match &node.value {
        Value::String(text) => {
            if let Some(what) = looks_evaluated(text) {
                found.push((node.range, what));
            }
        }
        Value::Object(members) => {
            for member in members {
                if member.key.text.ends_with(".$") {
                    found.push((member.key.range, "a key ending with `.$`"));
                } else {
                    evaluated_looking(&member.value, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| evaluated_looking(item, found)),
        _ => {}
    }
}
