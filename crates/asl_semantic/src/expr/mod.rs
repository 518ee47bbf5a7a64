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

/// Most constructs an expression may have open at once: brackets, parentheses, calls, unary
/// operators, filters `[?(…)]` (two levels: the brackets and the parentheses). Each level is a
/// level of a parser's recursion; deeper input is an [`ExprErrorKind::TooDeep`] error.
pub const MAX_NESTING_DEPTH: usize = 64;

/// Deepest JSONata tree. An operator chain such as `a & b & c` is parsed in a loop, not by
/// recursion, but builds a tree as deep as the chain is long, and later walks over the tree
/// (checks, reference lists, drop) recurse through it. Both limits keep every parse and walk
/// within a 2 MiB thread stack (rayon's and tokio's workers) even in a debug build.
pub const MAX_TREE_DEPTH: usize = 256;

/// A range in two `u32`, for the nodes an expression may have one of per two bytes (strings
/// of 4 GiB and more are never parsed: inputs stop at 16 MiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CompactRange {
    start: u32,
    end: u32,
}

impl CompactRange {
    fn new(range: Range<usize>) -> Self {
        let narrow = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Self {
            start: narrow(range.start),
            end: narrow(range.end),
        }
    }

    fn get(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A syntax error in an expression: what is wrong and where (byte offsets into the
/// decoded string; an empty range points between two characters, e.g. at the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub message: String,
    pub range: Range<usize>,
    pub kind: ExprErrorKind,
}

/// Whether an [`ExprError`] is a mistake in the expression or a limit of asl-lint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprErrorKind {
    /// The text is not a valid expression.
    Syntax,
    /// The expression nests deeper than [`MAX_NESTING_DEPTH`] or [`MAX_TREE_DEPTH`]; it may
    /// well be valid.
    TooDeep,
}

impl ExprError {
    pub(crate) fn new(message: impl Into<String>, range: Range<usize>) -> Self {
        Self {
            message: message.into(),
            range,
            kind: ExprErrorKind::Syntax,
        }
    }

    /// More than [`MAX_NESTING_DEPTH`] constructs are open at `range`.
    pub(crate) fn nested_too_deep(range: Range<usize>) -> Self {
        Self {
            message: format!(
                "expression nested too deep: more than {MAX_NESTING_DEPTH} levels of brackets, calls or unary operators"
            ),
            range,
            kind: ExprErrorKind::TooDeep,
        }
    }

    /// The operator at `range` makes the tree deeper than [`MAX_TREE_DEPTH`].
    pub(crate) fn tree_too_deep(range: Range<usize>) -> Self {
        Self {
            message: format!(
                "expression nested too deep: more than {MAX_TREE_DEPTH} levels of operators (each operator of a chain such as `a & b & c` is one level)"
            ),
            range,
            kind: ExprErrorKind::TooDeep,
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
