use crate::Findings;
use crate::helpers::expressions::Parsed;
use crate::helpers::reports::report_syntax_errors;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an intrinsic function call that cannot be parsed: an unclosed parenthesis
    /// or string, a double-quoted string, a bare word, an open `\` escape, or a backslash
    /// other than `\'`, `\{`, `\}` and `\\` inside a `'…'` string (such as the `\"` of JSON
    /// text pasted into `States.StringToJson`), reported at the backslash.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition ("must be a valid JSONPath or a valid intrinsic function
    /// call"). Strings inside intrinsic calls use single quotes; `'`, `{`, `}` and `\` are
    /// escaped with a backslash (written `\\` in JSON), and no other character is: a double
    /// quote inside a `'…'` string needs no escape.
    ///
    /// Evidence: AWS returns "The value for the field 'parsed.$' must be a valid JSONPath or a valid
    /// intrinsic function call at /States/IntrinsicEscape/Parameters" for
    /// `States.StringToJson('{"text":"An \"escaped double quote\" here"}')`, whose string holds `\"`
    /// (LocalStack's AWS snapshots, `test_illegal_escapes`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Format('Hello {}', $.name"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "States.Format('Hello {}', $.name)"}, "End": true}}}
    /// ```
    pub(crate) struct InvalidIntrinsicSyntax {
        code: "ASL320",
        name: "invalid-intrinsic-syntax",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidIntrinsicSyntax {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        report_syntax_errors(
            ctx,
            self.meta(),
            "a valid intrinsic function call",
            Parsed::intrinsic_error,
            out,
        );
    }
}
