use asl_diagnostics::{Applicability, Fix};
use asl_semantic::model::QueryLanguage;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a state that sets `"QueryLanguage": "JSONPath"` in a state machine whose
    /// top-level `QueryLanguage` is `JSONata`.
    ///
    /// ## Why is this bad?
    /// A state may only move up from JSONPath to JSONata. AWS rejects the definition: "'QueryLanguage'
    /// can not be 'JSONPath' if set to 'JSONata' for whole state machine".
    ///
    /// Evidence: AWS returns "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state
    /// machine" at `/States/Pass` (LocalStack's AWS snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "QueryLanguage": "JSONata",
    ///   "StartAt": "Done",
    ///   "States": {"Done": {"Type": "Succeed", "QueryLanguage": "JSONPath"}}
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "QueryLanguage": "JSONPath",
    ///   "StartAt": "Done",
    ///   "States": {"Done": {"Type": "Succeed", "QueryLanguage": "JSONata"}}
    /// }
    /// ```
    ///
    /// ## Fix
    /// Changing the state to JSONata is offered as an unsafe fix: its JSONPath fields must be
    /// rewritten too.
    pub(crate) struct QueryLanguageDowngrade {
        code: "ASL107",
        name: "query-language-downgrade",
        category: Structure,
        severity: Error,
        fix: Always,
    }
}

impl Rule for QueryLanguageDowngrade {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        if ctx.model.query_language != QueryLanguage::Jsonata {
            return;
        }
        for state in &ctx.model.states {
            let Some(field) = &state.query_language else { continue };
            if field.value != Some(QueryLanguage::JsonPath) {
                continue;
            }
            out.push(
                self.meta()
                    .diagnostic(
                        field.value_range(),
                        format!("state \"{}\" cannot use JSONPath: the state machine's \"QueryLanguage\" is JSONata", state.name),
                    )
                    .with_help("a state can switch from JSONPath to JSONata but not back; rewrite the state in JSONata, or make the state machine JSONPath and set JSONata on the states that use it")
                    .with_fix(Fix::replace("Use JSONata", Applicability::Unsafe, field.value_range(), "\"JSONata\"")),
            );
        }
    }
}
