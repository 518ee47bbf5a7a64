use asl_diagnostics::{Applicability, Fix};
use asl_syntax::Value;

use crate::Findings;
use crate::helpers::expressions::looks_evaluated;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a payload-template value that looks like a path or an intrinsic function
    /// call under a key that does not end in `.$`.
    ///
    /// ## Why is this bad?
    /// Without `.$` the value is a constant: the state receives the text `"$.orderId"`
    /// rather than the order id. AWS reports the same pattern (`NO_DOLLAR`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"orderId": "$.orderId"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"orderId.$": "$.orderId"}, "End": true}}}
    /// ```
    ///
    /// ## Fix
    /// Appending `.$` to the key changes what the state receives, so the fix is marked unsafe.
    pub(crate) struct PathWithoutDollarKey {
        code: "ASL312",
        name: "path-without-dollar-key",
        category: DataFlow,
        severity: Warning,
        fix: Always,
    }
}

impl Rule for PathWithoutDollarKey {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.template_sites() {
            for entry in site.members().iter().filter(|e| !e.is_dynamic()) {
                let Value::String(text) = &entry.member.value.value else {
                    continue;
                };
                let Some(what) = looks_evaluated(text) else { continue };
                let key = &entry.member.key;
                let mut renamed = String::from(&ctx.source[key.range.start as usize..key.range.end as usize]);
                renamed.insert_str(renamed.len().saturating_sub(1), ".$");
                out.push(
                    self.meta()
                        .diagnostic(
                            key.range,
                            format!(
                                "\"{}\" of state \"{}\" holds {what} but its key does not end with `.$`, so it is passed as a constant string",
                                site.field_of(entry), site.state.name
                            ),
                        )
                        .with_label(entry.member.value.range, format!("{what}, not evaluated"))
                        .with_help(format!("rename the key to \"{}.$\" to evaluate it", key.text))
                        .with_fix(Fix::replace(
                            format!("Rename the key to \"{}.$\"", key.text),
                            Applicability::Unsafe,
                            key.range,
                            renamed,
                        )),
                );
            }
        }
    }
}
