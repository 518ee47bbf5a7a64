use crate::Findings;
use crate::rule::{Rule, RuleContext, declare_rule};

declare_rule! {
    /// ## What it does
    /// Says that a state machine of a template was found but its definition was not checked:
    /// it is stored in S3 (`DefinitionS3Location`, or a `DefinitionUri` with a bucket), the
    /// file a template names could not be read (or lies outside the directories being
    /// checked), or it is built with an intrinsic function asl-lint does not evaluate
    /// (`Fn::If` choosing between definitions, say).
    ///
    /// ## Why is this bad?
    /// Nothing is wrong with the template; the finding says that asl-lint is silent about this
    /// state machine for a reason, rather than because it found nothing. Check the definition
    /// where it is stored (`asl-lint check definition.asl.json`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```yaml
    /// Resources:
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       DefinitionS3Location: {Bucket: my-bucket, Key: orders.asl.json}
    /// ```
    ///
    /// ### Valid
    /// ```yaml
    /// Resources:
    ///   Orders:
    ///     Type: AWS::StepFunctions::StateMachine
    ///     Properties:
    ///       Definition:
    ///         StartAt: Done
    ///         States:
    ///           Done: {Type: Succeed}
    /// ```
    pub(crate) struct DefinitionNotChecked {
        code: "ASL504",
        name: "definition-not-checked",
        category: Host,
        severity: Info,
        fix: None,
    }
}

impl Rule for DefinitionNotChecked {
    /// Nothing to do here: there is no definition to run on; the analysis of the whole file
    /// makes the finding.
    fn check(&self, _ctx: &RuleContext<'_>, _out: &mut Findings) {}
}
