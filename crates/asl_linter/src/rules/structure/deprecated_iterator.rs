use asl_diagnostics::{Applicability, Fix};
use asl_semantic::model::StateKind;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Warns about a Map state that uses the deprecated `Iterator` field.
    ///
    /// ## Why is this bad?
    /// `ItemProcessor` replaced `Iterator` in 2022. It takes the same `StartAt`/`States` and
    /// adds `ProcessorConfig` (inline or distributed processing). New tools and features
    /// expect `ItemProcessor`.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {"Type": "Map", "Iterator": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}, "End": true}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}, "End": true}
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Renaming the key to `ItemProcessor` is safe: an `ItemProcessor` without
    /// `ProcessorConfig` runs inline, as `Iterator` does. With both `Iterator` and
    /// `ItemProcessor`, `exclusive-fields` reports the conflict instead.
    pub(crate) struct DeprecatedIterator {
        code: "ASL125",
        name: "deprecated-iterator",
        category: Structure,
        severity: Warning,
        fix: Always,
    }
}

impl Rule for DeprecatedIterator {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Map(map) = &state.kind else { continue };
            let Some(iterator) = &map.iterator else { continue };
            // With both present, exclusive-fields reports the conflict.
            if map.item_processor.is_some() {
                continue;
            }
            let diagnostic = self
                .meta()
                .diagnostic(
                    iterator.key_range(),
                    format!("\"Iterator\" of Map state \"{}\" is deprecated", state.name),
                )
                .with_help("rename it to \"ItemProcessor\"");
            out.push(diagnostic.with_fix(Fix::replace(
                "Rename to \"ItemProcessor\"",
                Applicability::Safe,
                iterator.key_range(),
                "\"ItemProcessor\"",
            )));
        }
    }
}
