use asl_syntax::{Node, Value};

use crate::Findings;
use crate::helpers::expressions::jsonata_fields;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an object key ending in `.$` in a JSONata state.
    ///
    /// ## Why is this bad?
    /// `.$` keys belong to JSONPath payload templates. In a JSONata state the key keeps its
    /// `.$` and its value is not evaluated as a path: write the value as a JSONata
    /// expression (`"id": "{% $states.input.id %}"`) under a plain key.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"id.$": "$.id"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"id": "{% $states.input.id %}"}, "End": true}}}
    /// ```
    pub(crate) struct DollarKeyInJsonata {
        code: "ASL314",
        name: "dollar-key-in-jsonata",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for DollarKeyInJsonata {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for field in jsonata_fields(ctx.model) {
            let mut keys = Vec::new();
            dollar_keys(field.node, &mut keys);
            for member in keys {
                let key = &member.key;
                let mut diagnostic = self
                    .meta()
                    .diagnostic(
                        key.range,
                        format!(
                            "\"{}\" of JSONata state \"{}\" has the key \"{}\": `.$` keys are JSONPath syntax and are not evaluated here",
                            field.field, field.state.name, key.text
                        ),
                    )
                    .with_label(key.range, "kept literally, with its `.$`");
                let plain = key.text.trim_end_matches(".$");
                diagnostic = diagnostic.with_help(format!(
                    "name the key \"{plain}\" and write its value as a JSONata expression, such as \"{{% $states.input.{plain} %}}\""
                ));
                out.push(diagnostic);
            }
        }
    }
}

fn dollar_keys<'a>(node: &'a Node, found: &mut Vec<&'a asl_syntax::Member>) {
    match &node.value {
        Value::Object(members) => {
            for member in members {
                if member.key.text.ends_with(".$") {
                    found.push(member);
                }
                dollar_keys(&member.value, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| dollar_keys(item, found)),
        _ => {}
    }
}
