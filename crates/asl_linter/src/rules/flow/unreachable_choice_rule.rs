use rustc_hash::FxHashMap;

use asl_semantic::model::{ChoiceRule, StateKind};
use asl_syntax::TextRange;

use crate::Findings;
use crate::helpers::choice_rules::{condition_key, is_always_true};
use crate::helpers::messages::object_start;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Choice rule that can never be chosen because an earlier rule of the same
    /// Choice has the same condition, or an earlier rule's `Condition` is `true`.
    ///
    /// ## Why is this bad?
    /// Rules are tried in order and the first match wins, so the later rule is dead: its
    /// `Next` never runs. Usually the condition was copied and not edited.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {"Type": "Choice", "Default": "Other", "Choices": [
    ///       {"Variable": "$.kind", "StringEquals": "book", "Next": "Book"},
    ///       {"Variable": "$.kind", "StringEquals": "book", "Next": "Music"}
    ///     ]},
    ///     "Book": {"Type": "Succeed"},
    ///     "Music": {"Type": "Succeed"},
    ///     "Other": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {"Type": "Choice", "Default": "Other", "Choices": [
    ///       {"Variable": "$.kind", "StringEquals": "book", "Next": "Book"},
    ///       {"Variable": "$.kind", "StringEquals": "music", "Next": "Music"}
    ///     ]},
    ///     "Book": {"Type": "Succeed"},
    ///     "Music": {"Type": "Succeed"},
    ///     "Other": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    pub(crate) struct UnreachableChoiceRule {
        code: "ASL206",
        name: "unreachable-choice-rule",
        category: Flow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UnreachableChoiceRule {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Choice(choice) = &state.kind else {
                continue;
            };
            // Only a rule after another can be unreachable.
            if choice.rules().len() < 2 {
                continue;
            }
            let mut earlier: FxHashMap<String, usize> = FxHashMap::default();
            let mut always: Option<usize> = None;
            for (index, rule) in choice.rules().iter().enumerate() {
                let Some(key) = condition_key(rule) else { continue };
                let range = || condition_range(ctx.source, rule);
                if let Some(first) = always {
                    out.push(
                        self.meta()
                            .diagnostic(range(), format!("Choices[{index}] of state \"{}\" can never be chosen: Choices[{first}] always matches", state.name))
                            .with_label(condition_range(ctx.source, &choice.rules()[first]), "this condition is always true")
                            .with_help("remove the rule, or give the earlier rule a real condition"),
                    );
                    continue;
                }
                if let Some(&first) = earlier.get(&key) {
                    out.push(
                        self.meta()
                            .diagnostic(
                                range(),
                                format!("Choices[{index}] of state \"{}\" can never be chosen: Choices[{first}] has the same condition and is tried first", state.name),
                            )
                            .with_label(condition_range(ctx.source, &choice.rules()[first]), "the same condition, tried first")
                            .with_help("change one of the two conditions, or remove the later rule"),
                    );
                    continue;
                }
                if is_always_true(rule) {
                    always = Some(index);
                }
                earlier.insert(key, index);
            }
        }
    }
}

/// Where a rule's condition is written: its `Condition`, `And`, `Or`, `Not` or comparison
/// key; else the rule's first character.
fn condition_range(source: &str, rule: &ChoiceRule<'_>) -> TextRange {
    rule.condition
        .as_ref()
        .map(|f| f.key_range())
        .or_else(|| rule.and.as_ref().map(|f| f.key_range()))
        .or_else(|| rule.or.as_ref().map(|f| f.key_range()))
        .or_else(|| rule.not.as_ref().map(|f| f.key_range()))
        .or_else(|| rule.comparisons.first().map(|c| c.field.key_range()))
        .unwrap_or_else(|| object_start(source, rule.node.range))
}
