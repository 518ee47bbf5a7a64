use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports text that is not valid JSON (RFC 8259), and bytes that are not valid UTF-8.
    ///
    /// ## Why is this bad?
    /// AWS rejects a definition that does not parse. asl-lint recovers after each syntax
    /// error, so the rest of the file is still checked, but the file cannot be deployed.
    ///
    /// Comments, trailing commas, single quotes and `NaN` are not JSON, even though some
    /// editors accept them.
    ///
    /// Errors that follow from one mistake are one finding that covers them all: a string left
    /// open on a one-line file turns the rest inside out, and only its first error is reported.
    /// At most 100 findings are listed per file; one more then counts the rest (its `omitted`
    /// field in the JSON output).
    ///
    /// Evidence: AWS answers text that does not parse with `INVALID_JSON_DESCRIPTION` ("Unrecognized
    /// token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or
    /// 'false')"; ValidateStateMachineDefinition, recorded in LocalStack's AWS snapshots,
    /// `test_sfn_api_validation`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Done"
    ///   "States": {"Done": {"Type": "Succeed"}}
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Done",
    ///   "States": {"Done": {"Type": "Succeed"}}
    /// }
    /// ```
    pub(crate) struct InvalidJson {
        code: "ASL001",
        name: "invalid-json",
        category: Syntax,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidJson {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for error in &ctx.parse.errors {
            out.push(
                self.meta()
                    .diagnostic(error.range, error.message.clone())
                    .with_omitted(error.omitted),
            );
        }
    }
}
