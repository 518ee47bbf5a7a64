//! Choice rules (JSONPath data tests and boolean combinations, JSONata conditions).

use asl_syntax::{Member, Node};

use super::build::{array_of, dynamic_bool, field, value};
use super::{ComparisonOperator, Dynamic, Field};

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
