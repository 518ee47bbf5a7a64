use crate::Findings;
use crate::rule::{Rule, RuleContext, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a `DefinitionSubstitutions` key that no `${Key}` placeholder of the state
    /// machine's definition uses, and a variable of a Terraform `templatefile` call that the
    /// template never reads.
    ///
    /// ## Why is this bad?
    /// The value is computed and thrown away: most often the placeholder was renamed or
    /// misspelt, and the definition still holds the old text (which `undefined-substitution`
    /// reports), or a state that used it was removed.
    ///
    /// These findings are made after the rules ran on the definition, at the key in the
    /// template (at the variable of the `templatefile` call in the `.tf` file).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```yaml
    /// Resources:
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       DefinitionSubstitutions:
    ///         ChargeFunctionArn: !GetAtt ChargeFunction.Arn
    ///       Definition:
    ///         StartAt: Done
    ///         States:
    ///           Done: {Type: Succeed}
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
    pub(crate) struct UnusedSubstitution {
        code: "ASL502",
        name: "unused-substitution",
        category: Host,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UnusedSubstitution {
    /// Nothing to do here: the key is in the template, not in the definition, so the finding
    /// is made by the analysis of the whole file.
    fn check(&self, _ctx: &RuleContext<'_>, _out: &mut Findings) {}
}
