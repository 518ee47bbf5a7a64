//! Parsers for the expression languages embedded in ASL strings: JSONPath paths
//! ([`path`]), intrinsic functions ([`intrinsic`]) and JSONata ([`jsonata`]).
//!
//! Every function here works on the *decoded* string value and reports positions as
//! byte offsets into that string; callers map them back to the source text through
//! `asl_syntax::StringSourceMap`. Nothing here panics on any input.

pub mod intrinsic;
pub mod jsonata;
pub mod path;

mod scan;

use std::fmt;
use std::ops::Range;

/// A syntax error in an expression: what is wrong and where (byte offsets into the
/// decoded string; an empty range points between two characters, e.g. at the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub message: String,
    pub range: Range<usize>,
}

impl ExprError {
    pub(crate) fn new(message: impl Into<String>, range: Range<usize>) -> Self {
        Self {
            message: message.into(),
            range,
        }
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}..{}", self.message, self.range.start, self.range.end)
    }
}

impl std::error::Error for ExprError {}

/// A finding of a static check on a well-formed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprDiagnostic {
    pub issue: ExprIssue,
    /// Says what is wrong, naming the function, and how to fix it.
    pub message: String,
    pub range: Range<usize>,
}

/// What kind of problem an [`ExprDiagnostic`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprIssue {
    /// No function of that name; `suggestion` is the closest known name.
    UnknownFunction { suggestion: Option<&'static str> },
    /// Too few or too many arguments.
    ArgumentCount,
    /// An argument of the wrong type or out of range.
    InvalidArgument,
    /// `States.Format` placeholders do not match the number of arguments.
    PlaceholderCount,
    /// More than [`intrinsic::MAX_NESTING`] nested intrinsic calls.
    NestingTooDeep,
    /// A function that exists but is not available here (`$eval` in Step Functions).
    ForbiddenFunction,
}

/// The JSON type of a value, as far as it is known statically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueType {
    String,
    Number,
    Boolean,
    Array,
    Object,
    /// Anything, including null.
    Any,
}

impl ValueType {
    pub fn name(self) -> &'static str {
        match self {
            ValueType::String => "string",
            ValueType::Number => "number",
            ValueType::Boolean => "boolean",
            ValueType::Array => "array",
            ValueType::Object => "object",
            ValueType::Any => "any",
        }
    }
}
