use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use crate::{all_rules, find_rule};

declare_rule! {
    /// ## What it does
    /// Reports a name in an `asl-lint-ignore:` directive that is not a rule code or name.
    ///
    /// ## Why is this bad?
    /// A misspelt name silences nothing, so the finding the directive was written for is
    /// still reported, or, worse, the directive looks like it documents an exception that
    /// asl-lint never made.
    ///
    /// A `Comment` of a state, or of the whole machine, may hold
    /// `asl-lint-ignore: rule, rule -- reason`; the rules named are silenced in that state
    /// (or in the whole file).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed", "Comment": "asl-lint-ignore: unreachable-states"}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}, "Spare": {"Type": "Succeed", "Comment": "asl-lint-ignore: unreachable-state -- run by hand"}}}
    /// ```
    pub(crate) struct UnknownRuleInDirective {
        code: "ASL901",
        name: "unknown-rule-in-directive",
        category: Directives,
        severity: Warning,
        fix: Sometimes,
    }
}

impl Rule for UnknownRuleInDirective {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        // The names to suggest from, gathered only for a directive that needs them.
        let mut names: Vec<&str> = Vec::new();
        for directive in ctx.directives() {
            for &(rule, range) in &directive.rules {
                if find_rule(rule).is_some() {
                    continue;
                }
                let mut diagnostic = self.meta().diagnostic(
                    range,
                    format!("\"{rule}\" in this asl-lint-ignore directive is not a rule code or name, so it silences nothing"),
                );
                if names.is_empty() {
                    names = all_rules().iter().map(|rule| rule.meta().name).collect();
                }
                diagnostic = match asl_semantic::suggest::closest(rule, &names) {
                    Some(name) => diagnostic.with_help(format!("did you mean \"{name}\"?")).with_fix(
                        asl_diagnostics::Fix::replace(
                            format!("Replace with \"{name}\""),
                            asl_diagnostics::Applicability::Safe,
                            range,
                            name,
                        ),
                    ),
                    None => diagnostic.with_help("`asl-lint rule` lists the rules"),
                };
                out.push(diagnostic);
            }
        }
    }
}
