use asl_semantic::expr::{ExprError, ExprErrorKind};
use asl_syntax::TextRange;

use crate::Findings;
use crate::helpers::expressions::string_range;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a path, intrinsic function call or JSONata expression nested deeper than
    /// asl-lint analyses: more than 64 levels of brackets, calls or unary operators, or (in
    /// JSONata) an operator chain such as `a & b & c` more than 256 operators long.
    ///
    /// ## Why is this bad?
    /// The other expression rules cannot check such an expression, so its mistakes go
    /// unreported, and it is hard for a person to read. Whether Step Functions accepts it is
    /// not documented; an intrinsic function nested more than 10 calls deep is always rejected
    /// (see `intrinsic-nesting-too-deep`). Split it into smaller expressions, for example by
    /// assigning the parts to variables.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% (1) %}", "End": true}}}
    /// ```
    pub(crate) struct ExpressionTooDeep {
        code: "ASL346",
        name: "expression-too-deep",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for ExpressionTooDeep {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let report = |field: &str, state: &str, range: TextRange, error: &ExprError| {
            self.meta()
                .diagnostic(
                    range,
                    format!(
                        "\"{field}\" of state \"{state}\": {}; asl-lint does not check it further. Split it into smaller expressions (assign parts to variables)",
                        error.message
                    ),
                )
                .with_label(range, "nested too deep")
        };
        for expr in ctx.jsonpath_exprs() {
            if let Some(error) = expr.parse().too_deep_error() {
                let range = string_range(ctx.source, expr.node, error.range.clone());
                out.push(report(&expr.field, expr.state.name, range, error));
            }
        }
        for site in ctx.jsonata_sites() {
            if let Err(error) = site.parse()
                && error.kind == ExprErrorKind::TooDeep
            {
                let range = site.source_range(ctx.source, error.range.clone());
                out.push(report(&site.field, site.state.name, range, error));
            }
        }
    }
}
