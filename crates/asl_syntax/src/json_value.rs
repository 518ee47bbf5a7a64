//! The tree as a `serde_json::Value`, for tools that work on plain JSON values (a JSON Schema
//! validator, tests comparing with other parsers).

use crate::{Node, Number, Value};

/// Which member a conversion keeps when an object has the same key more than once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateKeys {
    /// The first, as the ASL model reads the definition.
    KeepFirst,
    /// The last, as `serde_json` and most JSON readers do.
    KeepLast,
}

impl Node {
    /// The value without its ranges. [`Value::Error`] becomes null, and so does a float that
    /// JSON cannot write (a YAML `.inf`). The recursion is bounded by the parsers' nesting limit.
    pub fn to_json_value(&self, duplicates: DuplicateKeys) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null | Value::Error => J::Null,
            Value::Bool(value) => J::Bool(*value),
            Value::Number(Number::PosInt(n)) => J::from(*n),
            Value::Number(Number::NegInt(n)) => J::from(*n),
            Value::Number(Number::Float(f)) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::String(text) => J::String(text.to_string()),
            Value::Array(items) => J::Array(items.iter().map(|item| item.to_json_value(duplicates)).collect()),
            Value::Object(members) => {
                let mut object = serde_json::Map::new();
                for member in members {
                    if duplicates == DuplicateKeys::KeepLast || !object.contains_key(member.key.text.as_str()) {
                        object.insert(member.key.text.to_string(), member.value.to_json_value(duplicates));
                    }
                }
                J::Object(object)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DuplicateKeys;

    #[test]
    fn duplicate_keys_keep_the_chosen_member() {
        let root = crate::parse(r#"{"a": 1, "b": [true, null, -2, 0.5, "x"], "a": 2}"#).root;
        let first = root.to_json_value(DuplicateKeys::KeepFirst);
        let last = root.to_json_value(DuplicateKeys::KeepLast);
        assert_eq!(first, serde_json::json!({"a": 1, "b": [true, null, -2, 0.5, "x"]}));
        assert_eq!(last, serde_json::json!({"a": 2, "b": [true, null, -2, 0.5, "x"]}));
    }

    #[test]
    fn unreadable_values_become_null() {
        let error = crate::Node {
            value: crate::Value::Error,
            range: crate::TextRange::empty(0),
        };
        assert_eq!(error.to_json_value(DuplicateKeys::KeepFirst), serde_json::Value::Null);
    }
}
