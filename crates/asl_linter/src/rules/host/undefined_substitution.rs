use asl_diagnostics::Diagnostic;
use asl_hosts::Resolver;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `${Name}` placeholder in a template's state machine definition that no
    /// `DefinitionSubstitutions` key replaces.
    ///
    /// ## Why is this bad?
    /// CloudFormation replaces exactly the `${Key}` placeholders whose keys are listed in
    /// `DefinitionSubstitutions`, and leaves every other one in the definition as written
    /// (the Step Functions resource handler replaces each listed key and nothing else). The
    /// state machine then receives the text `${Name}`: AWS rejects it where an ARN, a number
    /// or a boolean belongs, and a string field keeps it literally. Placeholders written in a
    /// `Fn::Sub` string are checked by `unresolved-sub-variable` instead.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```yaml
    /// Resources:
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       Definition:
    ///         StartAt: Charge
    ///         States:
    ///           Charge: {Type: Task, Resource: "${ChargeFunctionArn}", End: true}
    /// ```
    ///
    /// ### Valid
    /// ```yaml
    /// Resources:
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       DefinitionSubstitutions:
    ///         ChargeFunctionArn: !GetAtt ChargeFunction.Arn
    ///       Definition:
    ///         StartAt: Charge
    ///         States:
    ///           Charge: {Type: Task, Resource: "${ChargeFunctionArn}", End: true}
    /// ```
    pub(crate) struct UndefinedSubstitution {
        code: "ASL501",
        name: "undefined-substitution",
        category: Host,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UndefinedSubstitution {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(host) = ctx.host else { return };
        for reference in &host.references {
            if reference.resolver != Resolver::Substitutions
                || host.substitutions.iter().any(|key| key.name == reference.name)
            {
                continue;
            }
            out.push(
                self.meta()
                    .diagnostic(
                        reference.range,
                        format!(
                            "`${{{}}}` is not a key of `DefinitionSubstitutions`: it stays in the definition as written",
                            reference.name
                        ),
                    )
                    .with_help(format!(
                        "add `{}` to `DefinitionSubstitutions` with the value it stands for",
                        reference.name
                    )),
            );
        }
    }
}
