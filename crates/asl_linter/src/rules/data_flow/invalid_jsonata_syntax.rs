use asl_semantic::expr::ExprErrorKind;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a JSONata expression (`{% … %}`) with a syntax error, pointing at the
    /// faulty character.
    ///
    /// ## Why is this bad?
    /// AWS rejects a definition whose JSONata expressions do not parse. Inside the JSON
    /// string, JSONata string literals are best written with single quotes.
    ///
    /// Evidence: AWS returns "INVALID_JSONATA_EXPRESSION: Unexpected end of expression at
    /// /States/Main/Output" (measured, floci-io/floci#2745).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.price * %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.price * 2 %}", "End": true}}}
    /// ```
    pub(crate) struct InvalidJsonataSyntax {
        code: "ASL330",
        name: "invalid-jsonata-syntax",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidJsonataSyntax {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.jsonata_sites() {
            let Err(error) = site.parse() else { continue };
            if error.kind == ExprErrorKind::TooDeep {
                continue;
            }
            let range = site.source_range(ctx.source, error.range.clone());
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" is not a valid JSONata expression: {}",
                            site.field, site.state.name, error.message
                        ),
                    )
                    .with_label(range, error.message.clone()),
            );
        }
    }
}
