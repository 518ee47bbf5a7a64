use crate::{CompactString, TextRange};

/// The result of parsing: a tree that is always present, and the errors met on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parse {
    /// The document's top-level value. `Value::Error` when no value could be read at all.
    pub root: Node,
    pub errors: Vec<SyntaxError>,
}

/// A syntax error with the range it applies to (often empty: a position). When later errors
/// follow from this one, the range covers them too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub range: TextRange,
    /// How many further errors this one stands for: non-zero only for the last error of a
    /// document with more than [`crate::MAX_SYNTAX_ERRORS`].
    pub omitted: usize,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, range: TextRange) -> Self {
        Self {
            message: message.into(),
            range,
            omitted: 0,
        }
    }
}

/// A JSON value with the byte range it covers in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    /// The decoded string (escapes resolved). The node's range includes the quotes.
    String(CompactString),
    Array(Box<[Node]>),
    /// Members in source order, duplicates kept.
    Object(Box<[Member]>),
    /// Something that could not be parsed as a value; an error was reported for it.
    Error,
}

/// A JSON number, classified the way `serde_json` does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: Key,
    pub value: Node,
}

/// An object key: its decoded text and the range of the key including its quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub text: CompactString,
    pub range: TextRange,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<Number> {
        match self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The first member with this key (JSON consumers keep the last; rules report duplicates).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    pub fn member(&self, key: &str) -> Option<&Member> {
        self.as_object()?.iter().find(|m| m.key.text == key)
    }

    /// A short name for the kind of value, for messages ("an object", "a string", …).
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
            Value::Error => "an invalid value",
        }
    }
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        }
    }

    /// The value as an integer, when it is one (`5` and `5.0` both count).
    pub fn as_i128(self) -> Option<i128> {
        match self {
            Number::PosInt(n) => Some(i128::from(n)),
            Number::NegInt(n) => Some(i128::from(n)),
            Number::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Some(f as i128),
            Number::Float(_) => None,
        }
    }
}
