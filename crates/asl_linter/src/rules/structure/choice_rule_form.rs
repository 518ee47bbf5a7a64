use asl_semantic::model::{ComparisonOperator, QueryLanguage};

use crate::Findings;
use crate::helpers::messages::object_start;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;
use asl_semantic::vocabulary::ObjectType;
use asl_syntax::Member;

declare_rule! {
    /// ## What it does
    /// Checks the shape of each JSONPath Choice rule: it is either a data test (`Variable`
    /// and exactly one comparison operator such as `NumericEquals`) or a boolean combination
    /// (exactly one of `And`, `Or`, `Not`), never both, never neither.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition ("Each Choice Rule can only have one comparison
    /// operator"). A rule with two operators usually means two conditions that should be
    /// combined with `And`.
    ///
    /// Evidence: AWS returns "The object must have only one of the following fields, [And, Or, Not,
    /// Variable, Condition]" and "There should only be one of the following fields: [StringEquals, …]"
    /// (cdk-preflight, rule `pf-sfn-asl-choice-rules`); the AWS editor's language service says "Each
    /// Choice Rule can only have one comparison operator."
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {
    ///       "Type": "Choice",
    ///       "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "NumericLessThan": 9, "Next": "Done"}],
    ///       "Default": "Done"
    ///     },
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {
    ///       "Type": "Choice",
    ///       "Choices": [{
    ///         "And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Variable": "$.n", "NumericLessThan": 9}],
    ///         "Next": "Done"
    ///       }],
    ///       "Default": "Done"
    ///     },
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    pub(crate) struct ChoiceRuleForm {
        code: "ASL115",
        name: "choice-rule-form",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for ChoiceRuleForm {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            // JSONata rules take only `Condition` (reported by field-not-in-query-language).
            if !matches!(site.kind, ObjectType::ChoiceRule | ObjectType::NestedChoiceRule)
                || site.language != QueryLanguage::JsonPath
            {
                continue;
            }
            // A JSONata `Condition` in a JSONPath state is the finding there, not a missing test.
            if site.members.iter().any(|m| m.key.text == "Condition") {
                continue;
            }
            let owner = &site.description;
            let combinators: Vec<_> = site
                .members
                .iter()
                .filter(|m| matches!(m.key.text.as_str(), "And" | "Or" | "Not"))
                .collect();
            let operators: Vec<_> = site
                .members
                .iter()
                .filter(|m| ComparisonOperator::from_name(&m.key.text).is_some())
                .collect();
            let variable = site.members.iter().find(|m| m.key.text == "Variable");
            if let Some(first) = combinators.first() {
                for extra in &combinators[1..] {
                    out.push(
                        self.meta()
                            .diagnostic(
                                extra.key.range,
                                format!("{owner} has both \"{}\" and \"{}\"", first.key.text, extra.key.text),
                            )
                            .with_label(first.key.range, "first combination")
                            .with_help("a rule has one of \"And\", \"Or\" or \"Not\"; nest one inside the other"),
                    );
                }
                if let Some(test) = variable.or(operators.first().copied()) {
                    out.push(
                        self.meta()
                            .diagnostic(
                                test.key.range,
                                format!(
                                    "{owner} mixes \"{}\" with a comparison (\"{}\")",
                                    first.key.text, test.key.text
                                ),
                            )
                            .with_help(format!(
                                "move the comparison into a rule nested in \"{}\"",
                                first.key.text
                            )),
                    );
                }
                continue;
            }
            match (variable, operators.as_slice()) {
                (None, []) => out.push(
                    self.meta()
                        .diagnostic(object_start(ctx.source, site.node.range), format!("{owner} has no condition"))
                        .with_help("add \"Variable\" with a comparison operator such as \"StringEquals\", or \"And\"/\"Or\"/\"Not\""),
                ),
                // A misspelt operator is reported once, by unknown-field.
                (Some(_), []) if misspelt_operator(site.members) => {}
                (Some(variable), []) => out.push(
                    self.meta()
                        .diagnostic(variable.key.range, format!("{owner} has \"Variable\" but no comparison operator"))
                        .with_help("add one operator such as \"StringEquals\", \"NumericGreaterThan\" or \"IsPresent\""),
                ),
                (None, [operator, ..]) => out.push(
                    self.meta()
                        .diagnostic(operator.key.range, format!("\"{}\" in {owner} needs a \"Variable\"", operator.key.text))
                        .with_help("add \"Variable\": the path of the input value to compare, e.g. \"$.status\""),
                ),
                (Some(_), [first, rest @ ..]) => {
                    for extra in rest {
                        out.push(
                            self.meta()
                                .diagnostic(
                                    extra.key.range,
                                    format!("{owner} has more than one comparison operator: \"{}\" and \"{}\"", first.key.text, extra.key.text),
                                )
                                .with_label(first.key.range, "first operator")
                                .with_help("a data-test rule has exactly one operator; combine several tests with \"And\""),
                        );
                    }
                }
            }
        }
    }
}

/// Whether one of `members` has a key close to a comparison operator's name: a misspelt
/// operator, which unknown-field reports.
fn misspelt_operator(members: &[Member]) -> bool {
    let operator_names: Vec<&str> = ComparisonOperator::all().map(ComparisonOperator::name).collect();
    members.iter().any(|m| closest(&m.key.text, &operator_names).is_some())
}
