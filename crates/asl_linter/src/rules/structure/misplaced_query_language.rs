use asl_semantic::model::ScopeKind;

use crate::Findings;
use crate::helpers::messages::scope_description;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Warns about `QueryLanguage` written on a Parallel branch or on a Map's `ItemProcessor`
    /// or `Iterator`, where the spec does not define it.
    ///
    /// ## Why is this bad?
    /// The spec defines `QueryLanguage` on the state machine and on states only. On a nested
    /// machine its effect is unconfirmed (the AWS editor accepts it, the spec is silent). Set
    /// it on the state machine or on each state instead, so the language of every state is
    /// certain. (`QueryLanguage` written inside `States` is reported by `state-not-object`.)
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Fan",
    ///   "States": {
    ///     "Fan": {
    ///       "Type": "Parallel",
    ///       "Branches": [{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Fan",
    ///   "States": {
    ///     "Fan": {
    ///       "Type": "Parallel",
    ///       "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed", "QueryLanguage": "JSONata"}}}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct MisplacedQueryLanguage {
        code: "ASL108",
        name: "misplaced-query-language",
        category: Structure,
        severity: Warning,
        fix: None,
    }
}

impl Rule for MisplacedQueryLanguage {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        for scope in &model.scopes {
            if scope.kind == ScopeKind::Root {
                continue;
            }
            let Some(member) = scope.node.member("QueryLanguage") else {
                continue;
            };
            out.push(
                self.meta()
                    .diagnostic(
                        member.key.range,
                        format!(
                            "\"QueryLanguage\" on {} is not defined by the spec",
                            scope_description(model, scope)
                        ),
                    )
                    .with_help("set \"QueryLanguage\" on the state machine or on the nested states instead"),
            );
        }
    }
}
