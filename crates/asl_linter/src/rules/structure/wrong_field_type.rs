use asl_syntax::Node;

use crate::Findings;
use crate::helpers::values::{accepts, is_placeholder};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::vocabulary::ValueKind;

declare_rule! {
    /// ## What it does
    /// Reports a field whose value has the wrong JSON type: a `StartAt` that is not a string,
    /// `States` that is not an object, a `Type` that is not a string, `TimeoutSeconds` that is
    /// not an integer, `End` that is not a boolean, a `Retry` element that is not an object, ….
    /// The value each field takes is listed under [Fields](unknown-field.md#fields) in
    /// `unknown-field`.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition. In JSONata states the numeric fields (`TimeoutSeconds`,
    /// `Seconds`, `MaxConcurrency`, …) may also be a JSONata string `"{% … %}"`.
    ///
    /// Evidence: AWS returns "Expected value of type Integer" for a string in an integer field
    /// (`SCHEMA_VALIDATION_FAILED`; measured with ValidateStateMachineDefinition by cdk-preflight, rule
    /// `pf-sfn-asl-numeric-ranges`, 2026-09-05).
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
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            if let Some(type_field) = state.type_field.as_ref().filter(|f| f.value.is_none()) {
                let node = type_field.node();
                out.push(self.meta().diagnostic(
                    node.range,
                    format!(
                        "\"Type\" of state \"{}\" must be a string, but this is {}",
                        state.name,
                        node.kind_name()
                    ),
                ));
            }
        }
        for site in ctx.field_sites() {
            for (member, spec) in site.fields() {
                let key = member.key.text.as_str();
                let Some(spec) = spec else {
                    continue;
                };
                // A field of the other language is reported once, by field-not-in-query-language.
                // A whole-value placeholder (`"${WaitSeconds}"`) takes its type at deployment.
                if !spec.languages.allows(site.language)
                    || accepts(spec.kind, &member.value, site.language)
                    || member.value.as_str().is_some_and(is_placeholder)
                {
                    continue;
                }
                let expected = spec.kind.describe(site.language);
                let (range, found) = match bad_element(spec.kind, &member.value) {
                    Some((index, element)) => (element.range, format!("element {index} is {}", element.kind_name())),
                    None => (
                        member.value.range,
                        format!("this is {}", describe(ctx.source, &member.value)),
                    ),
                };
                let mut diagnostic = self.meta().diagnostic(
                    range,
                    format!("\"{key}\" of {} must be {expected}, but {found}", site.description),
                );
                if let Some(help) = help(key, spec.kind, &member.value) {
                    diagnostic = diagnostic.with_help(help);
                }
                out.push(diagnostic);
            }
        }
    }
}

/// The first element of the wrong type, for array kinds whose value is an array.
fn bad_element(kind: ValueKind, node: &Node) -> Option<(usize, &Node)> {
    let items = node.as_array()?;
    let ok: fn(&Node) -> bool = match kind {
        ValueKind::StringArray => |item| item.as_str().is_some(),
        ValueKind::ObjectArray => |item| item.as_object().is_some(),
        _ => return None,
    };
    items.iter().enumerate().find(|(_, item)| !ok(item))
}

/// The value's kind, with the number itself for numbers ("the number 1.5").
fn describe(source: &str, node: &Node) -> String {
    match node.as_number() {
        Some(_) => format!(
            "the number {}",
            source
                .get(node.range.start as usize..node.range.end as usize)
                .unwrap_or("")
        ),
        None => node.kind_name().to_owned(),
    }
}

fn help(key: &str, kind: ValueKind, node: &Node) -> Option<String> {
    match (key, &node.value) {
        ("States", _) => {
            return Some("write the states as members of an object: {\"StateName\": {\"Type\": …}}".to_owned());
        }
        ("ItemsPath", asl_syntax::Value::Null) => {
            return Some("\"ItemsPath\" cannot be null; remove it to iterate over the whole input".to_owned());
        }
        _ => {}
    }
    match kind {
        ValueKind::Integer | ValueKind::IntegerLiteral | ValueKind::Number | ValueKind::NumberLiteral => {
            let text = node.as_str()?;
            if text.trim().parse::<f64>().is_ok() {
                Some(format!("write the number without quotes: {}", text.trim()))
            } else if text.starts_with('$') {
                Some("to read the value from the input, use the field's \"…Path\" variant".to_owned())
            } else {
                None
            }
        }
        ValueKind::Boolean | ValueKind::BooleanOrJsonata => match node.as_str()? {
            "true" | "false" => Some(format!("write the boolean without quotes: {}", node.as_str()?)),
            _ => None,
        },
        ValueKind::StringArray if node.as_str().is_some() => Some("wrap the value in an array: [\"…\"]".to_owned()),
        _ => None,
    }
}
