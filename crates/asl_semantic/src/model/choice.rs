//! Choice rules (JSONPath data tests and boolean combinations, JSONata conditions).

use asl_syntax::{Member, Node};

use super::Dynamic;
use super::Field;
use super::build::{array_of, dynamic_bool, field, value};

/// A Choice rule: an element of `Choices`, or a rule nested in `And`/`Or`/`Not`. It may
/// be any JSON value; its fields are read when it is an object. Every field is recorded
/// whatever the query language, so rules can report mixtures.
#[derive(Debug, Clone)]
pub struct ChoiceRule<'a> {
    pub node: &'a Node,
    pub variable: Option<Field<'a, &'a str>>,
    /// Every comparison-operator member, in source order (a valid data test has one).
    pub comparisons: Vec<Comparison<'a>>,
    pub and: Option<Field<'a, Vec<ChoiceRule<'a>>>>,
    pub or: Option<Field<'a, Vec<ChoiceRule<'a>>>>,
    /// `value` is `None` when `Not` is not an object.
    pub not: Option<Field<'a, Box<ChoiceRule<'a>>>>,
    /// JSONata `Condition`: a boolean or a JSONata string.
    pub condition: Option<Field<'a, Dynamic<'a, bool>>>,
    pub next: Option<Field<'a, &'a str>>,
    pub assign: Option<Field<'a, &'a [Member]>>,
    pub output: Option<Field<'a, &'a Node>>,
    pub comment: Option<Field<'a, &'a str>>,
}

impl<'a> ChoiceRule<'a> {
    /// Reads a rule and its nested rules. Plain recursion is fine: the parser stops at
    /// `asl_syntax::MAX_DEPTH` (512) levels, so the depth here is bounded.
    pub(super) fn read(node: &'a Node) -> Self {
        let comparisons = node
            .as_object()
            .unwrap_or(&[])
            .iter()
            .filter_map(|member| {
                let operator = ComparisonOperator::from_name(&member.key.text)?;
                Some(Comparison {
                    operator,
                    field: Field {
                        member,
                        value: Some(&member.value),
                    },
                })
            })
            .collect();
        ChoiceRule {
            node,
            variable: field(node, "Variable", Node::as_str),
            comparisons,
            and: field(node, "And", |n| array_of(n, ChoiceRule::read)),
            or: field(node, "Or", |n| array_of(n, ChoiceRule::read)),
            not: field(node, "Not", |n| n.as_object().map(|_| Box::new(ChoiceRule::read(n)))),
            condition: field(node, "Condition", dynamic_bool),
            next: field(node, "Next", Node::as_str),
            assign: field(node, "Assign", Node::as_object),
            output: field(node, "Output", value),
            comment: field(node, "Comment", Node::as_str),
        }
    }

    /// The rules nested in `And`, `Or` and `Not`, in that order.
    pub fn nested(&self) -> impl Iterator<Item = &ChoiceRule<'a>> {
        let not = self.not.as_ref().and_then(|f| f.value.as_deref());
        rules(&self.and).iter().chain(rules(&self.or)).chain(not)
    }
}

/// The rules of an `And`/`Or` field; empty when absent or not an array.
fn rules<'r, 'a>(field: &'r Option<Field<'a, Vec<ChoiceRule<'a>>>>) -> &'r [ChoiceRule<'a>] {
    field.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[])
}

/// One comparison-operator member of a data-test rule, e.g. `"NumericEquals": 3`. The
/// value is kept raw: its expected type depends on the operator ([`Operand`]).
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub operator: ComparisonOperator,
    pub field: Field<'a, &'a Node>,
}

/// What a comparison operator expects as its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    String,
    /// `StringMatches`: a string where `*` is a wildcard.
    Pattern,
    Number,
    Boolean,
    Timestamp,
    /// The `…Path` operators: a path into the state's input.
    Path,
}

/// The 39 JSONPath comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComparisonOperator {
    StringEquals,
    StringEqualsPath,
    StringLessThan,
    StringLessThanPath,
    StringGreaterThan,
    StringGreaterThanPath,
    StringLessThanEquals,
    StringLessThanEqualsPath,
    StringGreaterThanEquals,
    StringGreaterThanEqualsPath,
    StringMatches,
    NumericEquals,
    NumericEqualsPath,
    NumericLessThan,
    NumericLessThanPath,
    NumericGreaterThan,
    NumericGreaterThanPath,
    NumericLessThanEquals,
    NumericLessThanEqualsPath,
    NumericGreaterThanEquals,
    NumericGreaterThanEqualsPath,
    BooleanEquals,
    BooleanEqualsPath,
    TimestampEquals,
    TimestampEqualsPath,
    TimestampLessThan,
    TimestampLessThanPath,
    TimestampGreaterThan,
    TimestampGreaterThanPath,
    TimestampLessThanEquals,
    TimestampLessThanEqualsPath,
    TimestampGreaterThanEquals,
    TimestampGreaterThanEqualsPath,
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

impl ComparisonOperator {
    /// Every operator with its name and operand.
    const TABLE: [(ComparisonOperator, &'static str, Operand); 39] = {
        use ComparisonOperator as C;
        use Operand as O;
        [
            (C::StringEquals, "StringEquals", O::String),
            (C::StringEqualsPath, "StringEqualsPath", O::Path),
            (C::StringLessThan, "StringLessThan", O::String),
            (C::StringLessThanPath, "StringLessThanPath", O::Path),
            (C::StringGreaterThan, "StringGreaterThan", O::String),
            (C::StringGreaterThanPath, "StringGreaterThanPath", O::Path),
            (C::StringLessThanEquals, "StringLessThanEquals", O::String),
            (C::StringLessThanEqualsPath, "StringLessThanEqualsPath", O::Path),
            (C::StringGreaterThanEquals, "StringGreaterThanEquals", O::String),
            (C::StringGreaterThanEqualsPath, "StringGreaterThanEqualsPath", O::Path),
            (C::StringMatches, "StringMatches", O::Pattern),
            (C::NumericEquals, "NumericEquals", O::Number),
            (C::NumericEqualsPath, "NumericEqualsPath", O::Path),
            (C::NumericLessThan, "NumericLessThan", O::Number),
            (C::NumericLessThanPath, "NumericLessThanPath", O::Path),
            (C::NumericGreaterThan, "NumericGreaterThan", O::Number),
            (C::NumericGreaterThanPath, "NumericGreaterThanPath", O::Path),
            (C::NumericLessThanEquals, "NumericLessThanEquals", O::Number),
            (C::NumericLessThanEqualsPath, "NumericLessThanEqualsPath", O::Path),
            (C::NumericGreaterThanEquals, "NumericGreaterThanEquals", O::Number),
            (C::NumericGreaterThanEqualsPath, "NumericGreaterThanEqualsPath", O::Path),
            (C::BooleanEquals, "BooleanEquals", O::Boolean),
            (C::BooleanEqualsPath, "BooleanEqualsPath", O::Path),
            (C::TimestampEquals, "TimestampEquals", O::Timestamp),
            (C::TimestampEqualsPath, "TimestampEqualsPath", O::Path),
            (C::TimestampLessThan, "TimestampLessThan", O::Timestamp),
            (C::TimestampLessThanPath, "TimestampLessThanPath", O::Path),
            (C::TimestampGreaterThan, "TimestampGreaterThan", O::Timestamp),
            (C::TimestampGreaterThanPath, "TimestampGreaterThanPath", O::Path),
            (C::TimestampLessThanEquals, "TimestampLessThanEquals", O::Timestamp),
            (C::TimestampLessThanEqualsPath, "TimestampLessThanEqualsPath", O::Path),
            (
                C::TimestampGreaterThanEquals,
                "TimestampGreaterThanEquals",
                O::Timestamp,
            ),
            (
                C::TimestampGreaterThanEqualsPath,
                "TimestampGreaterThanEqualsPath",
                O::Path,
            ),
            (C::IsNull, "IsNull", O::Boolean),
            (C::IsPresent, "IsPresent", O::Boolean),
            (C::IsNumeric, "IsNumeric", O::Boolean),
            (C::IsString, "IsString", O::Boolean),
            (C::IsBoolean, "IsBoolean", O::Boolean),
            (C::IsTimestamp, "IsTimestamp", O::Boolean),
        ]
    };

    /// Every operator, in the order above.
    pub fn all() -> impl Iterator<Item = ComparisonOperator> {
        Self::TABLE.iter().map(|&(operator, _, _)| operator)
    }

    /// The operator with this exact (case-sensitive) name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::TABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|&(operator, _, _)| operator)
    }

    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// What the operator's value must be.
    pub fn operand(self) -> Operand {
        self.entry().2
    }

    fn entry(self) -> (ComparisonOperator, &'static str, Operand) {
        // The table is in declaration order, so the discriminant is the index.
        Self::TABLE[self as usize]
    }
}
