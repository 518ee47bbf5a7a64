use asl_hosts::{Reference, Resolver, TemplateNames};

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// The transform of SAM templates; it adds resources named after the ones declared.
const SAM_TRANSFORM: &str = "AWS::Serverless-2016-10-31";

declare_rule! {
    /// ## What it does
    /// Reports a `${Name}` in a `Fn::Sub` string of a state machine definition that names no
    /// variable of that `Fn::Sub`, no template parameter, no resource (`${Resource}` or
    /// `${Resource.Attribute}`) and no pseudo parameter (`${AWS::Region}`).
    ///
    /// ## Why is this bad?
    /// CloudFormation resolves every `${Name}` of a `Fn::Sub` before the definition is used,
    /// and rejects a template that names something it does not declare. A placeholder meant
    /// for `DefinitionSubstitutions` must be written `${!Name}` inside `Fn::Sub`, which leaves
    /// `${Name}` in the definition.
    ///
    /// Evidence: CloudFormation rejects the template with "Template format error: Unresolved
    /// resource dependencies [Name] in the Resources block of the template" (the `Fn::Sub`
    /// reference: a variable is a template parameter, a resource logical ID, a resource
    /// attribute or a key of the variable map).
    ///
    /// In a template with a `Transform`, resources the transform adds are not declared in the
    /// file: with the SAM transform, names that start with a declared logical ID (SAM names
    /// what it adds after the resource, such as `OrdersRole`) or with `Serverless` are
    /// accepted, and with any other transform the rule is silent.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```yaml
    /// Resources:
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       DefinitionString: !Sub |
    ///         {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "${ChargeFunction.Arn}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```yaml
    /// Resources:
    ///   ChargeFunction:
    ///     Type: AWS::Lambda::Function
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       DefinitionString: !Sub |
    ///         {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "${ChargeFunction.Arn}", "End": true}}}
    /// ```
    pub(crate) struct UnresolvedSubVariable {
        code: "ASL503",
        name: "unresolved-sub-variable",
        category: Host,
        severity: Error,
        fix: None,
    }
}

impl Rule for UnresolvedSubVariable {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let Some(host) = ctx.host else { return };
        let Some(template) = &host.template else { return };
        for reference in &host.references {
            let Resolver::Sub { variables } = &reference.resolver else {
                continue;
            };
            if resolves(reference, variables, template) != Some(false) {
                continue;
            }
            let name = &reference.name;
            let help = if host.substitutions.iter().any(|key| key.name == *name) {
                format!(
                    "`{name}` is a `DefinitionSubstitutions` key: write `${{!{name}}}` so that `Fn::Sub` leaves it for the substitution"
                )
            } else {
                format!(
                    "declare `{name}` (a parameter or a resource), add it to the variables of this `Fn::Sub`, or write `${{!{name}}}` for the literal text"
                )
            };
            out.push(
                self.meta()
                    .diagnostic(
                        reference.range,
                        format!("`${{{name}}}` in `Fn::Sub` names no variable, parameter, resource or pseudo parameter: CloudFormation rejects the template"),
                    )
                    .with_help(help),
            );
        }
    }
}

/// Whether CloudFormation resolves the reference; `None` when the template's transform may
/// declare names this file does not show.
fn resolves(reference: &Reference, variables: &[String], template: &TemplateNames) -> Option<bool> {
    let name = reference.name.as_str();
    let resource = name.split('.').next().unwrap_or(name);
    if variables.iter().any(|v| v == name)
        || name.starts_with("AWS::")
        || template.parameters.iter().any(|p| p == name)
        || template.resources.iter().any(|r| r == resource)
    {
        return Some(true);
    }
    if template.transforms.is_empty() {
        return Some(false);
    }
    if template.transforms.iter().any(|t| t != SAM_TRANSFORM) {
        return None;
    }
    let added_by_sam =
        resource.starts_with("Serverless") || template.resources.iter().any(|r| resource.starts_with(r.as_str()));
    Some(added_by_sam)
}
