use crate::Findings;
use crate::helpers::messages::object_start;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::vocabulary::ObjectType;

declare_rule! {
    /// ## What it does
    /// Reports a top-level Choice rule (an element of `Choices`) without `Next`, and a rule
    /// nested in `And`, `Or` or `Not` with a `Next`.
    ///
    /// ## Why is this bad?
    /// The state to go to belongs to the whole top-level rule; a nested rule is only part of
    /// a condition. AWS rejects both forms.
    ///
    /// Evidence: AWS returns "These fields are required: [Next] at /States/Choice/Choices[0]"
    /// (aws-cloudformation/cfn-lint#4077) and "Field 'Next' is not supported" for a `Next` inside
    /// `And`, `Or` or `Not` (cdk-preflight, rule `pf-sfn-asl-choice-rules`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {
    ///       "Type": "Choice",
    ///       "Choices": [{"Not": {"Variable": "$.ok", "BooleanEquals": true, "Next": "Done"}}],
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
    ///       "Choices": [{"Not": {"Variable": "$.ok", "BooleanEquals": true}, "Next": "Done"}],
    ///       "Default": "Done"
    ///     },
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    pub(crate) struct ChoiceRuleNext {
        code: "ASL117",
        name: "choice-rule-next",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for ChoiceRuleNext {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            let top = match site.kind {
                ObjectType::ChoiceRule => true,
                ObjectType::NestedChoiceRule => false,
                _ => continue,
            };
            let next = site.members.iter().find(|m| m.key.text == "Next");
            match (top, next) {
                (true, None) => out.push(
                    self.meta()
                        .diagnostic(
                            object_start(ctx.source, site.node.range),
                            format!("{} has no \"Next\"", site.description),
                        )
                        .with_help("add \"Next\" naming the state to go to when this rule matches"),
                ),
                (false, Some(next)) => out.push(
                    self.meta()
                        .diagnostic(
                            next.key.range,
                            format!("{} is a nested rule and cannot have \"Next\"", site.description),
                        )
                        .with_help("move \"Next\" to the top-level rule in \"Choices\" that contains this one"),
                ),
                _ => {}
            }
        }
    }
}
