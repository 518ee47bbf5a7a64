//! What a JSON value is taken for, beyond its JSON type.

use asl_semantic::model::QueryLanguage;
use asl_semantic::vocabulary::ValueKind;
use asl_syntax::Node;

/// Whether `node` is a value of `kind` in a state of `language`.
pub(crate) fn accepts(kind: ValueKind, node: &Node, language: QueryLanguage) -> bool {
    let jsonata = language == QueryLanguage::Jsonata && node.as_str().is_some_and(is_jsonata);
    match kind {
        ValueKind::Any => true,
        ValueKind::String => node.as_str().is_some() || is_cloudformation_intrinsic(node),
        ValueKind::Boolean => node.as_bool().is_some(),
        ValueKind::Object => node.as_object().is_some(),
        ValueKind::NullablePath => node.as_str().is_some() || node.is_null(),
        ValueKind::Integer => jsonata || is_integer(node),
        ValueKind::IntegerLiteral => is_integer(node),
        ValueKind::Number => jsonata || node.as_number().is_some(),
        ValueKind::NumberLiteral => node.as_number().is_some(),
        ValueKind::BooleanOrJsonata => jsonata || node.as_bool().is_some(),
        ValueKind::ObjectInJsonPath => language == QueryLanguage::Jsonata || node.as_object().is_some(),
        ValueKind::StringArray => node
            .as_array()
            .is_some_and(|items| items.iter().all(|item| item.as_str().is_some())),
        ValueKind::ObjectArray => node
            .as_array()
            .is_some_and(|items| items.iter().all(|item| item.as_object().is_some())),
    }
}

/// A whole-string deployment placeholder such as `${ExecutionType}` (SAM/CloudFormation
/// `DefinitionSubstitutions`, Terraform `templatefile`).
pub(crate) fn is_placeholder(text: &str) -> bool {
    text.strip_prefix("${")
        .and_then(|rest| rest.strip_suffix('}'))
        .is_some_and(|name| !name.is_empty() && !name.contains(['{', '}']))
}

/// A CloudFormation intrinsic (`{"Ref": …}`, `{"Fn::GetAtt": …}`, …) standing for a string in
/// a definition embedded in a template; it is resolved before AWS sees the definition.
pub(crate) fn is_cloudformation_intrinsic(node: &Node) -> bool {
    match node.as_object() {
        Some([member]) => member.key.text == "Ref" || member.key.text.starts_with("Fn::"),
        _ => false,
    }
}

/// Whether a JSON number is an integer (`5` and `5.0` both count).
pub(crate) fn is_integer(node: &Node) -> bool {
    node.as_number().and_then(asl_syntax::Number::as_i128).is_some()
}

/// A JSONata string: `{%` … `%}`.
pub(crate) fn is_jsonata(text: &str) -> bool {
    asl_semantic::model::jsonata_expression(text).is_some()
}
