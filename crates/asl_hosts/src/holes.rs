//! Holes, not skips: intrinsic functions and `${…}` placeholders inside a definition stay in
//! place as `${…}` text, which every rule already accepts wherever a deployment-time value
//! goes, so the rest of the definition is checked in full.

use asl_syntax::{Member, Node, StringSourceMap, TextRange, Value};

use crate::{Reference, Resolver, intrinsic};

/// Which placeholders a definition records as references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// CloudFormation: `${Name}` outside `Fn::Sub` is for `DefinitionSubstitutions`.
    Substitutions,
    /// Serverless: `${…}` are the framework's variables, resolved before deployment.
    Framework,
}

/// The placeholder that stands for an intrinsic function: `${Name}` for `Ref`,
/// `${Resource.Attribute}` for `Fn::GetAtt` (as `Fn::Sub` writes them), else `${Fn::Name}`.
pub(crate) fn placeholder(key: &str, value: &Node) -> String {
    let name = match (key, &value.value) {
        ("Ref", Value::String(name)) => name.to_string(),
        ("Fn::GetAtt", Value::String(path)) => path.to_string(),
        ("Fn::GetAtt", Value::Array(parts)) => parts.iter().filter_map(Node::as_str).collect::<Vec<_>>().join("."),
        _ => key.to_owned(),
    };
    format!("${{{name}}}")
}

/// Finds the `${…}` placeholders in `text`: `(start, end, name)` with `end` after the `}`.
pub(crate) fn placeholders(text: &str) -> Vec<(usize, usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("${").map(|i| from + i) {
        let rest = &text[at + 2..];
        match rest.find(['}', '{', '\n']) {
            Some(close) if rest.as_bytes()[close] == b'}' && close > 0 => {
                found.push((at, at + 2 + close + 1, &rest[..close]));
                from = at + 2 + close + 1;
            }
            _ => from = at + 2,
        }
    }
    found
}

/// The definition subtree `node` with holes for intrinsic functions. `source` is the text the
/// node's ranges point into; the placeholders it holds are added to `references`.
pub(crate) fn tree(node: &Node, source: &str, mode: Mode, references: &mut Vec<Reference>) -> Node {
    if let Some((key, value)) = intrinsic(node) {
        if key == "Fn::Sub"
            && let Some((template, variables)) = sub_parts(value)
        {
            if mode == Mode::Substitutions {
                record(template, source, Some(&variables), references);
            }
            return Node {
                value: template.value.clone(),
                range: template.range,
            };
        }
        return Node {
            value: Value::String(placeholder(key, value).into()),
            range: node.range,
        };
    }
    let value = match &node.value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|member| Member {
                    key: member.key.clone(),
                    value: tree(&member.value, source, mode, references),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|item| tree(item, source, mode, references)).collect()),
        Value::String(_) => {
            if mode == Mode::Substitutions {
                record(node, source, None, references);
            }
            node.value.clone()
        }
        other => other.clone(),
    };
    Node {
        value,
        range: node.range,
    }
}

/// The template string of a `Fn::Sub` and the names of its variables.
pub(crate) fn sub_parts(value: &Node) -> Option<(&Node, Vec<String>)> {
    match &value.value {
        Value::String(_) => Some((value, Vec::new())),
        Value::Array(items) => {
            let template = items.first().filter(|t| t.as_str().is_some())?;
            let variables = items
                .get(1)
                .and_then(Node::as_object)
                .map(|vars| vars.iter().map(|m| m.key.text.to_string()).collect())
                .unwrap_or_default();
            Some((template, variables))
        }
        _ => None,
    }
}

/// Adds the placeholders of the string `node` (written at its range in `source`) to
/// `references`: for `Fn::Sub` (`sub` holds its variables) or for `DefinitionSubstitutions`.
fn record(node: &Node, source: &str, sub: Option<&[String]>, references: &mut Vec<Reference>) {
    let Some(text) = node.as_str() else { return };
    let found = placeholders(text);
    if found.is_empty() {
        return;
    }
    let map = StringSourceMap::new(source, node.range);
    for (start, end, name) in found {
        let range = map.source_range(start..end);
        if let Some(reference) = reference(name, range, sub) {
            references.push(reference);
        }
    }
}

/// The reference a placeholder makes. Inside `Fn::Sub`, `${!Name}` is the literal text
/// `${Name}`, left for `DefinitionSubstitutions`; outside, it is nobody's.
pub(crate) fn reference(name: &str, range: TextRange, sub: Option<&[String]>) -> Option<Reference> {
    let (name, resolver) = match (name.strip_prefix('!'), sub) {
        (Some(literal), Some(_)) => (literal, Resolver::Substitutions),
        (Some(_), None) => return None,
        (None, Some(variables)) => (
            name,
            Resolver::Sub {
                variables: variables.to_vec(),
            },
        ),
        (None, None) => (name, Resolver::Substitutions),
    };
    Some(Reference {
        name: name.trim().to_owned(),
        range,
        resolver,
    })
}
