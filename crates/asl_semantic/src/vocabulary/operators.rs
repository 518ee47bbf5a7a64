//! The comparison operators of JSONPath Choice rules.

use super::{Field, Languages, ObjectType, ValueKind};

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

/// Each operator as a field of a JSONPath Choice rule, in declaration order (built at compile
/// time, so that a lookup hands out a reference).
static OPERATOR_FIELDS: [Field; ComparisonOperator::TABLE.len()] = {
    const fn as_field(index: usize) -> Field {
        let (_, name, _, doc) = ComparisonOperator::TABLE[index];
        Field {
            name,
            languages: Languages::JsonPath,
            kind: ValueKind::Any,
            doc,
            objects: ObjectType::ChoiceRule.bit() | ObjectType::NestedChoiceRule.bit(),
        }
    }
    let mut fields = [as_field(0); ComparisonOperator::TABLE.len()];
    let mut index = 1;
    while index < fields.len() {
        fields[index] = as_field(index);
        index += 1;
    }
    fields
};

impl ComparisonOperator {
    /// Every operator with its name, its operand and its documentation.
    const TABLE: [(ComparisonOperator, &'static str, Operand, &'static str); 39] = {
        use ComparisonOperator as C;
        use Operand as O;
        [
            (
                C::StringEquals,
                "StringEquals",
                O::String,
                "True when the string at `Variable` is equal to this string (code-point order, case-sensitive).",
            ),
            (
                C::StringEqualsPath,
                "StringEqualsPath",
                O::Path,
                "Like `StringEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::StringLessThan,
                "StringLessThan",
                O::String,
                "True when the string at `Variable` is less than this string (code-point order, case-sensitive).",
            ),
            (
                C::StringLessThanPath,
                "StringLessThanPath",
                O::Path,
                "Like `StringLessThan`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::StringGreaterThan,
                "StringGreaterThan",
                O::String,
                "True when the string at `Variable` is greater than this string (code-point order, case-sensitive).",
            ),
            (
                C::StringGreaterThanPath,
                "StringGreaterThanPath",
                O::Path,
                "Like `StringGreaterThan`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::StringLessThanEquals,
                "StringLessThanEquals",
                O::String,
                "True when the string at `Variable` is less than equal to this string (code-point order, case-sensitive).",
            ),
            (
                C::StringLessThanEqualsPath,
                "StringLessThanEqualsPath",
                O::Path,
                "Like `StringLessThanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::StringGreaterThanEquals,
                "StringGreaterThanEquals",
                O::String,
                "True when the string at `Variable` is greater than equal to this string (code-point order, case-sensitive).",
            ),
            (
                C::StringGreaterThanEqualsPath,
                "StringGreaterThanEqualsPath",
                O::Path,
                "Like `StringGreaterThanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::StringMatches,
                "StringMatches",
                O::Pattern,
                "True when the string at `Variable` matches this pattern; `*` matches any run of characters. Escape a literal `*` as `\\\\*` and a backslash as `\\\\\\\\`.",
            ),
            (
                C::NumericEquals,
                "NumericEquals",
                O::Number,
                "True when the number at `Variable` is equal to this number.",
            ),
            (
                C::NumericEqualsPath,
                "NumericEqualsPath",
                O::Path,
                "Like `NumericEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::NumericLessThan,
                "NumericLessThan",
                O::Number,
                "True when the number at `Variable` is less than this number.",
            ),
            (
                C::NumericLessThanPath,
                "NumericLessThanPath",
                O::Path,
                "Like `NumericLessThan`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::NumericGreaterThan,
                "NumericGreaterThan",
                O::Number,
                "True when the number at `Variable` is greater than this number.",
            ),
            (
                C::NumericGreaterThanPath,
                "NumericGreaterThanPath",
                O::Path,
                "Like `NumericGreaterThan`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::NumericLessThanEquals,
                "NumericLessThanEquals",
                O::Number,
                "True when the number at `Variable` is less than equal to this number.",
            ),
            (
                C::NumericLessThanEqualsPath,
                "NumericLessThanEqualsPath",
                O::Path,
                "Like `NumericLessThanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::NumericGreaterThanEquals,
                "NumericGreaterThanEquals",
                O::Number,
                "True when the number at `Variable` is greater than equal to this number.",
            ),
            (
                C::NumericGreaterThanEqualsPath,
                "NumericGreaterThanEqualsPath",
                O::Path,
                "Like `NumericGreaterThanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::BooleanEquals,
                "BooleanEquals",
                O::Boolean,
                "True when the value at `Variable` is this boolean.",
            ),
            (
                C::BooleanEqualsPath,
                "BooleanEqualsPath",
                O::Path,
                "Like `BooleanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::TimestampEquals,
                "TimestampEquals",
                O::Timestamp,
                "True when the timestamp at `Variable` is equal to this RFC 3339 timestamp.",
            ),
            (
                C::TimestampEqualsPath,
                "TimestampEqualsPath",
                O::Path,
                "Like `TimestampEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::TimestampLessThan,
                "TimestampLessThan",
                O::Timestamp,
                "True when the timestamp at `Variable` is earlier than this RFC 3339 timestamp.",
            ),
            (
                C::TimestampLessThanPath,
                "TimestampLessThanPath",
                O::Path,
                "Like `TimestampLessThan`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::TimestampGreaterThan,
                "TimestampGreaterThan",
                O::Timestamp,
                "True when the timestamp at `Variable` is later than this RFC 3339 timestamp.",
            ),
            (
                C::TimestampGreaterThanPath,
                "TimestampGreaterThanPath",
                O::Path,
                "Like `TimestampGreaterThan`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::TimestampLessThanEquals,
                "TimestampLessThanEquals",
                O::Timestamp,
                "True when the timestamp at `Variable` is earlier than equal to this RFC 3339 timestamp.",
            ),
            (
                C::TimestampLessThanEqualsPath,
                "TimestampLessThanEqualsPath",
                O::Path,
                "Like `TimestampLessThanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::TimestampGreaterThanEquals,
                "TimestampGreaterThanEquals",
                O::Timestamp,
                "True when the timestamp at `Variable` is later than equal to this RFC 3339 timestamp.",
            ),
            (
                C::TimestampGreaterThanEqualsPath,
                "TimestampGreaterThanEqualsPath",
                O::Path,
                "Like `TimestampGreaterThanEquals`, but compares with the value at this Path in the state input instead of a literal.",
            ),
            (
                C::IsNull,
                "IsNull",
                O::Boolean,
                "`true`: the rule matches when the value at `Variable` is JSON null; `false`: when it does not.",
            ),
            (
                C::IsPresent,
                "IsPresent",
                O::Boolean,
                "`true`: the rule matches when the value at `Variable` exists (a missing path gives false instead of an error); `false`: when it does not.",
            ),
            (
                C::IsNumeric,
                "IsNumeric",
                O::Boolean,
                "`true`: the rule matches when the value at `Variable` is a number; `false`: when it does not.",
            ),
            (
                C::IsString,
                "IsString",
                O::Boolean,
                "`true`: the rule matches when the value at `Variable` is a string; `false`: when it does not.",
            ),
            (
                C::IsBoolean,
                "IsBoolean",
                O::Boolean,
                "`true`: the rule matches when the value at `Variable` is a boolean; `false`: when it does not.",
            ),
            (
                C::IsTimestamp,
                "IsTimestamp",
                O::Boolean,
                "`true`: the rule matches when the value at `Variable` is an RFC 3339 timestamp string; `false`: when it does not.",
            ),
        ]
    };

    /// Every operator, in the order above.
    pub fn all() -> impl Iterator<Item = ComparisonOperator> {
        Self::TABLE.iter().map(|&(operator, ..)| operator)
    }

    /// The operator with this exact (case-sensitive) name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::TABLE
            .iter()
            .find(|(_, n, ..)| *n == name)
            .map(|&(operator, ..)| operator)
    }

    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// What the operator's value must be.
    pub fn operand(self) -> Operand {
        self.entry().2
    }

    /// What the operator tests, in Markdown.
    pub fn doc(self) -> &'static str {
        self.entry().3
    }

    /// The operator as a field of a JSONPath Choice rule. Its value's kind is left open here:
    /// it is the operator's [`Operand`].
    pub(super) fn as_field(self) -> &'static Field {
        &OPERATOR_FIELDS[self as usize]
    }

    fn entry(self) -> (ComparisonOperator, &'static str, Operand, &'static str) {
        // The table is in declaration order, so the discriminant is the index.
        Self::TABLE[self as usize]
    }
}
