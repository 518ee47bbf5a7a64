use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap, FxHashSet};

use asl_syntax::{Node, TextRange, Value};

use crate::Findings;
use crate::helpers::SMALL_OBJECT;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an object that has the same key twice.
    ///
    /// ## Why is this bad?
    /// JSON parsers disagree on duplicates: most keep the last value silently, so the first
    /// one is dead text that a reader still believes in. A duplicated `Next` or `Type` makes
    /// the definition mean something other than what the reader sees. It is a warning because
    /// whether Step Functions rejects duplicate keys is not documented. (Two states with the
    /// same name are always an error: see `duplicate-state-name`.)
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Wait",
    ///   "States": {
    ///     "Wait": {"Type": "Wait", "Seconds": 5, "Seconds": 10, "End": true}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Wait",
    ///   "States": {
    ///     "Wait": {"Type": "Wait", "Seconds": 10, "End": true}
    ///   }
    /// }
    /// ```
    pub(crate) struct DuplicateKey {
        code: "ASL002",
        name: "duplicate-key",
        category: Syntax,
        severity: Warning,
        fix: None,
    }
}

impl Rule for DuplicateKey {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        // Two states of the same name are reported by duplicate-state-name (ASL207).
        let states_objects: FxHashSet<TextRange> = ctx
            .model
            .scopes
            .iter()
            .filter_map(|scope| Some(scope.states_field.as_ref()?.value_range()))
            .collect();
        let mut stack: Vec<&Node> = vec![&ctx.parse.root];
        while let Some(node) = stack.pop() {
            match &node.value {
                Value::Object(members) if states_objects.contains(&node.range) => {
                    stack.extend(
                        members
                            .iter()
                            .map(|member| &member.value)
                            .filter(|value| has_members(value)),
                    );
                }
                Value::Object(members) => {
                    let mut first_seen = FxHashMap::default();
                    for (index, member) in members.iter().enumerate() {
                        let key = member.key.text.as_str();
                        // Most objects are small: looking back is cheaper than hashing.
                        let first = if members.len() <= SMALL_OBJECT {
                            members[..index].iter().find(|m| m.key.text == key).map(|m| m.key.range)
                        } else {
                            match first_seen.entry(key) {
                                Entry::Occupied(first) => Some(*first.get()),
                                Entry::Vacant(slot) => {
                                    slot.insert(member.key.range);
                                    None
                                }
                            }
                        };
                        if let Some(first) = first {
                            out.push(
                                self.meta()
                                    .diagnostic(member.key.range, format!("key \"{key}\" appears twice in this object; only one of its values takes effect"))
                                    .with_label(first, "first defined here")
                                    .with_help("remove one of them (JSON readers usually keep the last)"),
                            );
                        }
                        if has_members(&member.value) {
                            stack.push(&member.value);
                        }
                    }
                }
                Value::Array(items) => stack.extend(items.iter().filter(|item| has_members(item))),
                _ => {}
            }
        }
    }
}

/// Whether `node` is an object or an array: only those are walked into.
fn has_members(node: &Node) -> bool {
    matches!(node.value, Value::Object(_) | Value::Array(_))
}
