//! Choice rules read as conditions.

use asl_semantic::model::{ChoiceRule, ComparisonOperator, Dynamic};
use std::fmt::Write as _;

use asl_syntax::{Member, Node, Value};

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
        .map(canonical_member)
        .collect();
    parts.sort_unstable();
    Some(parts.join(","))
}

fn canonical_member(member: &Member) -> String {
    // The member as written is about as long: one allocation instead of one per doubling.
    let mut text = String::with_capacity(member.key.text.len() + 3 + member.value.range.len() as usize);
    write_quoted(&mut text, &member.key.text);
    text.push(':');
    write_canonical(&mut text, &member.value);
    text
}

/// Writes `node` so that two nodes are written alike exactly when they are the same JSON
/// (members in any order; a JSONata expression with its white space runs as single spaces).
fn write_canonical(out: &mut String, node: &Node) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        Value::Number(number) => {
            let _ = write!(out, "{}", number.as_f64());
        }
        Value::String(text) => match asl_semantic::model::jsonata_expression(text) {
            Some(jsonata) => {
                out.push_str("{%");
                for (index, word) in jsonata.expression.split_whitespace().enumerate() {
                    if index > 0 {
                        out.push(' ');
                    }
                    out.push_str(word);
                }
                out.push_str("%}");
            }
            None => write_quoted(out, text),
        },
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(out, item);
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut parts: Vec<String> = members.iter().map(canonical_member).collect();
            parts.sort_unstable();
            out.push('{');
            out.push_str(&parts.join(","));
            out.push('}');
        }
        Value::Error => out.push_str("error"),
    }
}

/// A string in quotes, with `"` and `\` escaped so that no text reads as structure.
fn write_quoted(out: &mut String, text: &str) {
    out.push('"');
    if text.bytes().any(|b| matches!(b, b'"' | b'\\')) {
        for c in text.chars() {
            if matches!(c, '"' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
    } else {
        out.push_str(text);
    }
    out.push('"');
}
