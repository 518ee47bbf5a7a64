use std::collections::HashSet;

use asl_semantic::model::{ChoiceRule, ComparisonOperator, StateKind};

use crate::Findings;
use crate::helpers::choice_rules::{condition_key, is_always_true};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Choice state without `Default` whose rules do not obviously cover every
    /// input.
    ///
    /// ## Why is this bad?
    /// When no rule matches, the execution fails with `States.NoChoiceMatched`. A `Default`
    /// (to a Fail state, if failing is intended) makes the outcome explicit. Rules that cover
    /// everything are recognised when they are written as a condition and its `Not`, as
    /// `BooleanEquals`, `IsPresent`, `IsNull`, … `true` and `false` on the same variable, or
    /// as a `Condition` that is `true`.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {"Type": "Choice", "Choices": [
    ///       {"Variable": "$.kind", "StringEquals": "book", "Next": "Book"}
    ///     ]},
    ///     "Book": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {"Type": "Choice", "Default": "Unknown kind", "Choices": [
    ///       {"Variable": "$.kind", "StringEquals": "book", "Next": "Book"}
    ///     ]},
    ///     "Book": {"Type": "Succeed"},
    ///     "Unknown kind": {"Type": "Fail", "Error": "UnknownKind"}
    ///   }
    /// }
    /// ```
    pub(crate) struct ChoiceWithoutDefault {
        code: "ASL205",
        name: "choice-without-default",
        category: Flow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for ChoiceWithoutDefault {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Choice(choice) = &state.kind else {
                continue;
            };
            let rules = choice.rules();
            if choice.default.is_some() || rules.is_empty() || covers_everything(rules) {
                continue;
            }
            out.push(
                self.meta()
                    .diagnostic(
                        state.name_range,
                        format!("Choice state \"{}\" has no \"Default\": when no rule matches, the execution fails with States.NoChoiceMatched", state.name),
                    )
                    .with_help("add \"Default\" naming the state to run when no rule matches (a Fail state, if failing is intended)"),
            );
        }
    }
}

/// Whether the rules plainly match every input.
fn covers_everything(rules: &[ChoiceRule<'_>]) -> bool {
    if rules.iter().any(is_always_true) {
        return true;
    }
    let keys: HashSet<String> = rules.iter().filter_map(condition_key).collect();
    let negated = rules
        .iter()
        .filter_map(|rule| rule.not.as_ref()?.value.as_deref())
        .filter_map(condition_key);
    if negated.into_iter().any(|key| keys.contains(&key)) {
        return true;
    }
    let mut type_tests: HashSet<(&str, ComparisonOperator, bool)> = HashSet::new();
    for rule in rules {
        let Some(variable) = rule.variable.as_ref().and_then(|f| f.value) else {
            continue;
        };
        for comparison in &rule.comparisons {
            let tests_both_ways = comparison.operator.name().starts_with("Is")
                || comparison.operator == ComparisonOperator::BooleanEquals;
            if tests_both_ways && let Some(value) = comparison.field.node().as_bool() {
                if type_tests.contains(&(variable, comparison.operator, !value)) {
                    return true;
                }
                type_tests.insert((variable, comparison.operator, value));
            }
        }
    }
    false
}
