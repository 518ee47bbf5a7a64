use asl_hosts::Resolver;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `${Name}` placeholder in a template's state machine definition that no
    /// `DefinitionSubstitutions` key replaces, and a name that a Terraform template read by
    /// `templatefile` uses (in `${…}` or `%{…}`) but the call's variables do not hold.
    ///
    /// ## Why is this bad?
    /// CloudFormation replaces exactly the `${Key}` placeholders whose keys are listed in
    /// `DefinitionSubstitutions`, and leaves every other one in the definition as written
    /// (the Step Functions resource handler replaces each listed key and nothing else). The
    /// state machine then receives the text `${Name}`: AWS rejects it where an ARN, a number
    /// or a boolean belongs, and a string field keeps it literally. Placeholders written in a
    /// `Fn::Sub` string are checked by `unresolved-sub-variable` instead.
    ///
    /// Terraform's `templatefile` renders a template only when every name it reads is one of
    /// the variables of the call; the finding is at the name in the template file.
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
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let Some(host) = ctx.host else { return };
        for reference in &host.references {
            let name = &reference.name;
            let diagnostic = match &reference.resolver {
                Resolver::Substitutions if !host.substitutions.iter().any(|key| key.name == *name) => self
                    .meta()
                    .diagnostic(
                        reference.range,
                        format!("`${{{name}}}` is not a key of `DefinitionSubstitutions`: it stays in the definition as written"),
                    )
                    .with_help(format!("add `{name}` to `DefinitionSubstitutions` with the value it stands for")),
                Resolver::Template { variables } if !variables.contains(name) => self
                    .meta()
                    .diagnostic(
                        reference.range,
                        format!("`{name}` is not a variable of the `templatefile` call: Terraform cannot render the template"),
                    )
                    .with_help(format!(
                        "pass `{name}` in the variables of `templatefile`, or write `$${{` for a literal `${{`"
                    )),
                _ => continue,
            };
            out.push(diagnostic);
        }
    }
}
