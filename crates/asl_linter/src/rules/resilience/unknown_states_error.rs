use asl_diagnostics::{Applicability, Fix};
use rustc_hash::FxHashSet;

use crate::helpers::messages::json_string;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::errors::{is_predefined_error, predefined_error_names};

use crate::Findings;
use crate::helpers::error_handlers::raised_errors;
use asl_semantic::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a `States.` error name in `ErrorEquals` that is not a predefined error, such
    /// as `States.Timout`.
    ///
    /// ## Why is this bad?
    /// No error has that name, so the retrier or catcher never matches what it was meant
    /// for. Names that a Fail state of the machine raises are left alone here (the Fail
    /// state is reported by reserved-error-name instead).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "TimeoutSeconds": 30, "End": true,
    ///       "Retry": [{"ErrorEquals": ["States.Timout"]}]}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "TimeoutSeconds": 30, "End": true,
    ///       "Retry": [{"ErrorEquals": ["States.Timeout"]}]}
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// When a predefined name is close, a fix replaces it. It is offered as unsafe: the
    /// closest name is not always the intended one.
    pub(crate) struct UnknownStatesError {
        code: "ASL403",
        name: "unknown-states-error",
        category: Resilience,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for UnknownStatesError {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        // The names Fail states raise are listed only for a name to judge (most have none).
        let mut raised: Option<FxHashSet<&str>> = None;
        for (state, handlers) in ctx.model.states.iter().zip(ctx.error_handlers()) {
            for handler in handlers.iter().flatten() {
                for &(name, range) in &handler.names {
                    let looks_predefined = name
                        .get(..7)
                        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("States."));
                    if !looks_predefined || is_predefined_error(name) {
                        continue;
                    }
                    let raised =
                        raised.get_or_insert_with(|| raised_errors(&ctx.model.states).map(|(name, _)| name).collect());
                    if raised.contains(name) {
                        continue;
                    }
                    let diagnostic = self.meta().diagnostic(
                        range,
                        format!(
                            "\"{name}\" in {} of state \"{}\" is not a predefined error name, so it never matches",
                            handler.label(),
                            state.name
                        ),
                    );
                    out.push(match closest(name, &predefined_error_names().collect::<Vec<_>>()) {
                        Some(suggestion) => diagnostic.with_help(format!("did you mean \"{suggestion}\"?")).with_fix(Fix::replace(
                            format!("Replace with \"{suggestion}\""),
                            Applicability::Unsafe,
                            range,
                            json_string(suggestion),
                        )),
                        None => diagnostic.with_help(
                            "use a predefined name (States.ALL, States.TaskFailed, States.Timeout, …) or a name without the reserved \"States.\" prefix",
                        ),
                    });
                }
            }
        }
    }
}
