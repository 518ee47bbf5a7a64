//! Choice rules read as conditions.

use asl_semantic::model::{ChoiceRule, ComparisonOperator, Dynamic};
use asl_syntax::{Node, Value};

/// A field of a JSONPath Choice condition: `Variable`, a comparison operator, `And`, `Or`, `Not`.
pub(crate) fn is_jsonpath_condition(key: &str) -> bool {
    ComparisonOperator::from_name(key).is_some() || matches!(key, "Variable" | "And" | "Or" | "Not")
}

/// A JSONata `Condition` that is the literal `true`.
pub(crate) fn is_always_true(rule: &ChoiceRule<'_>) -> bool {
    match rule.condition.as_ref().and_then(|f| f.value) {
        Some(Dynamic::Literal(value)) => value,
        Some(Dynamic::Jsonata(jsonata)) => jsonata.expression.trim() == "true",
        None => false,
    }
}

/// A text that two rules share exactly when their conditions are written the same way,
/// whatever the key order, whitespace in JSONata, or `Next`/`Comment`/`Assign`/`Output`.
/// `None` when the rule is not an object.
pub(crate) fn condition_key(rule: &ChoiceRule<'_>) -> Option<String> {
    let members = rule.node.as_object()?;
    let mut parts: Vec<String> = members
        .iter()
        .filter(|member| !matches!(member.key.text.as_str(), "Next" | "Comment" | "Assign" | "Output"))
        .map(|member| format!("{:?}:{}", member.key.text, canonical(&member.value)))
        .collect();
    parts.sort();
    Some(parts.join(","))
}

fn canonical(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".to_owned(),
        Value::Bool(value) => value.to_string(),
        Value::Number(number) => number.as_f64().to_string(),
        Value::String(text) => match asl_semantic::model::jsonata_expression(text) {
            Some(jsonata) => format!(
                "{{%{}%}}",
                jsonata.expression.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            None => format!("{text:?}"),
        },
        Value::Array(items) => format!("[{}]", items.iter().map(canonical).collect::<Vec<_>>().join(",")),
        Value::Object(members) => {
            let mut parts: Vec<String> = members
                .iter()
                .map(|member| format!("{:?}:{}", member.key.text, canonical(&member.value)))
                .collect();
            parts.sort();
            format!("{{{}}}", parts.join(","))
        }
        Value::Error => "error".to_owned(),
    }
}
