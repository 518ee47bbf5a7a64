use asl_semantic::model::QueryLanguage;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::vocabulary::{ObjectType, StateType};

/// Arrays that must have at least one element, with what belongs in them.
const NON_EMPTY: &[(ObjectType, &str, &str)] = &[
    (
        ObjectType::State(StateType::Choice),
        "Choices",
        "at least one Choice rule",
    ),
    (
        ObjectType::State(StateType::Parallel),
        "Branches",
        "at least one branch ({\"StartAt\": …, \"States\": …})",
    ),
    (
        ObjectType::Retrier,
        "ErrorEquals",
        "the error names to retry, e.g. \"States.ALL\"",
    ),
    (
        ObjectType::Catcher,
        "ErrorEquals",
        "the error names to catch, e.g. \"States.ALL\"",
    ),
    (ObjectType::ChoiceRule, "And", "the rules to combine"),
    (ObjectType::NestedChoiceRule, "And", "the rules to combine"),
    (ObjectType::ChoiceRule, "Or", "the rules to combine"),
    (ObjectType::NestedChoiceRule, "Or", "the rules to combine"),
    (ObjectType::ReaderConfig, "CSVHeaders", "the column names"),
];

declare_rule! {
    /// ## What it does
    /// Reports an empty array where at least one element is required: `Choices`, `Branches`,
    /// `ErrorEquals` of a retrier or catcher, `And`/`Or` of a Choice rule, and `CSVHeaders`.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition ("Value cannot be empty"). An empty `ErrorEquals` matches
    /// nothing; an empty `Choices` cannot choose.
    ///
    /// Evidence: AWS returns "Value cannot be empty at /States/StateName/Branches" (LocalStack's AWS
    /// snapshots) and "Value cannot be empty at /States/C/Choices" (cdk-preflight real deploy,
    /// 2026-09-05).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": []}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": ["States.TaskFailed"]}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct EmptyArray {
        code: "ASL118",
        name: "empty-array",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for EmptyArray {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            // And/Or in a JSONata rule are reported by field-not-in-query-language.
            if matches!(site.kind, ObjectType::ChoiceRule | ObjectType::NestedChoiceRule)
                && site.language == QueryLanguage::Jsonata
            {
                continue;
            }
            // Empty arrays are rare: the table is read only for one.
            for (index, member) in site.members.iter().enumerate() {
                if !member.value.as_array().is_some_and(<[_]>::is_empty) {
                    continue;
                }
                let key = member.key.text.as_str();
                let Some(&(_, _, content)) = NON_EMPTY
                    .iter()
                    .find(|&&(kind, name, _)| kind == site.kind && name == key)
                else {
                    continue;
                };
                if site.is_first_of_its_key(index) {
                    out.push(
                        self.meta()
                            .diagnostic(
                                member.value.range,
                                format!("\"{key}\" of {} is empty", site.description),
                            )
                            .with_help(format!("list {content}")),
                    );
                }
            }
        }
    }
}
