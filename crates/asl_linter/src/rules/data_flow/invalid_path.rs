use crate::Findings;
use crate::helpers::expressions::Parsed;
use crate::helpers::reports::report_syntax_errors;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a path that is not valid JSONPath, in a path field or in the value of a
    /// `.$` key, pointing at the faulty character.
    ///
    /// ## Why is this bad?
    /// AWS rejects a definition whose paths it cannot parse (for a `.$` key: "must be a
    /// valid JSONPath or a valid intrinsic function call").
    ///
    /// Evidence: AWS returns "Value must be a valid JSONPath. at /States/Pass/OutputPath"
    /// (aws-cloudformation/cfn-lint#4078) and, for a `.$` value, "The value for the field 'parsed.$'
    /// must be a valid JSONPath or a valid intrinsic function call" (LocalStack's AWS snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.order[0", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.order[0]", "End": true}}}
    /// ```
    pub(crate) struct InvalidPath {
        code: "ASL301",
        name: "invalid-path",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidPath {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_syntax_errors(ctx, self.meta(), "a valid path", Parsed::path_error, out);
    }
}
