//! Short, readable forms of Choice conditions, for edge labels.

use asl_syntax::{Node, Value};

use crate::model::{ChoiceRule, ComparisonOperator, Dynamic, Operand};

/// Longest label, in characters, before it is cut with `…`.
const MAX_LABEL: usize = 48;

/// A short form of a Choice rule's condition: `$.x == 5`, `not ($.done is present)`, the
/// JSONata expression, or `Condition` when it cannot be read.
pub fn condition_summary(rule: &ChoiceRule<'_>) -> String {
    let text = summary(rule, true).unwrap_or_else(|| "Condition".to_owned());
    shorten(&text)
}

fn summary(rule: &ChoiceRule<'_>, top: bool) -> Option<String> {
    if let Some(condition) = &rule.condition {
        return Some(match condition.value? {
            Dynamic::Literal(value) => value.to_string(),
            Dynamic::Jsonata(jsonata) => jsonata.expression.trim().to_owned(),
        });
    }
    let wrap = |text: String| if top { text } else { format!("({text})") };
    if let Some(and) = &rule.and {
        return Some(wrap(join(and.value.as_deref()?, " and ")?));
    }
    if let Some(or) = &rule.or {
        return Some(wrap(join(or.value.as_deref()?, " or ")?));
    }
    if let Some(not) = &rule.not {
        return Some(format!("not {}", summary(not.value.as_deref()?, false)?));
    }
    let variable = rule.variable.as_ref()?.value?;
    let comparison = rule.comparisons.first()?;
    Some(comparison_text(variable, comparison.operator, comparison.field.node()))
}

fn join(rules: &[ChoiceRule<'_>], separator: &str) -> Option<String> {
    let parts: Option<Vec<String>> = rules.iter().map(|rule| summary(rule, false)).collect();
    Some(parts?.join(separator))
}

fn comparison_text(variable: &str, operator: ComparisonOperator, value: &Node) -> String {
    let name = operator.name();
    if name.starts_with("Is") {
        let what = match operator {
            ComparisonOperator::IsNull => "null",
            ComparisonOperator::IsPresent => "present",
            ComparisonOperator::IsNumeric => "numeric",
            ComparisonOperator::IsString => "a string",
            ComparisonOperator::IsBoolean => "a boolean",
            _ => "a timestamp",
        };
        let negation = if value.as_bool() == Some(false) { "not " } else { "" };
        return format!("{variable} is {negation}{what}");
    }
    if operator == ComparisonOperator::StringMatches {
        return format!("{variable} matches {}", literal(value));
    }
    let base = name.strip_suffix("Path").unwrap_or(name);
    let symbol = if base.ends_with("GreaterThanEquals") {
        ">="
    } else if base.ends_with("LessThanEquals") {
        "<="
    } else if base.ends_with("GreaterThan") {
        ">"
    } else if base.ends_with("LessThan") {
        "<"
    } else {
        "=="
    };
    let operand = match (operator.operand(), &value.value) {
        (Operand::Path, Value::String(path)) => path.to_string(),
        _ => literal(value),
    };
    format!("{variable} {symbol} {operand}")
}

/// A scalar as JSON; anything else by its kind.
fn literal(node: &Node) -> String {
    match &node.value {
        Value::String(text) => format!("\"{text}\""),
        Value::Number(number) => match number.as_i128() {
            Some(integer) => integer.to_string(),
            None => number.as_f64().to_string(),
        },
        Value::Bool(value) => value.to_string(),
        Value::Null => "null".to_owned(),
        _ => node.kind_name().to_owned(),
    }
}

fn shorten(text: &str) -> String {
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single_line.chars().count() <= MAX_LABEL {
        return single_line;
    }
    let mut cut: String = single_line.chars().take(MAX_LABEL - 1).collect();
    cut.push('…');
    cut
}
