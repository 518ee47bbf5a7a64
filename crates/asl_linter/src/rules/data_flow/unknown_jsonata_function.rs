use asl_semantic::expr::ExprIssue;

use crate::Findings;
use crate::helpers::variables::{assign_objects, assigned_name};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a call of a `$function` that is neither a JSONata built-in, nor a Step
    /// Functions addition (`$partition`, `$range`, `$hash`, `$random`, `$uuid`, `$parse`),
    /// nor defined in the expression; and `$eval`, which Step Functions does not provide.
    ///
    /// ## Why is this bad?
    /// Calling something that is not a function fails when the expression runs.
    /// Workflow variables hold JSON values, never functions.
    ///
    /// Evidence: the state fails with `States.QueryEvaluationError` "T1006: Attempted to invoke a
    /// non-function" (`$eval("1+1")` measured on AWS, floci-io/floci#2737; LocalStack's AWS snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $uppercse($states.input.name) %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $uppercase($states.input.name) %}", "End": true}}}
    /// ```
    pub(crate) struct UnknownJsonataFunction {
        code: "ASL335",
        name: "unknown-jsonata-function",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for UnknownJsonataFunction {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let mut issues = ctx
            .jsonata_call_issues()
            .filter(|(_, issue)| {
                matches!(
                    issue.issue,
                    ExprIssue::UnknownFunction { .. } | ExprIssue::ForbiddenFunction
                )
            })
            .peekable();
        // The variables are listed only for a call to judge (most definitions have none).
        if issues.peek().is_none() {
            return;
        }
        let variables: Vec<String> = ctx
            .model
            .states
            .iter()
            .flat_map(|state| {
                assign_objects(state)
                    .into_iter()
                    .flat_map(|(_, members)| members.iter().map(|m| assigned_name(state, &m.key.text)))
            })
            .collect();
        for (site, issue) in issues {
            let called = site.expression.expression.get(issue.range.clone()).unwrap_or_default();
            // Be conservative: a variable of that name makes the call a (failing) choice of
            // the author, not a typo of ours to judge.
            if variables.iter().any(|v| called.strip_prefix('$') == Some(v.as_str())) {
                continue;
            }
            let range = site.source_range(ctx.source, issue.range.clone());
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!("\"{}\" of state \"{}\": {}", site.field, site.state.name, issue.message),
                    )
                    .with_label(range, "not a function here"),
            );
        }
    }
}
