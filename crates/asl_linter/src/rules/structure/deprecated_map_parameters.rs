use asl_diagnostics::{Applicability, Fix};
use asl_semantic::model::{QueryLanguage, StateKind};

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Warns about a JSONPath Map state that uses `Parameters` to shape each item.
    ///
    /// ## Why is this bad?
    /// In a Map state, `Parameters` is the deprecated name of `ItemSelector`: it does not
    /// shape the Map's input (as it does in other states) but each item. `ItemSelector` says
    /// so.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {
    ///       "Type": "Map",
    ///       "Parameters": {"item.$": "$$.Map.Item.Value"},
    ///       "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}},
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {
    ///       "Type": "Map",
    ///       "ItemSelector": {"item.$": "$$.Map.Item.Value"},
    ///       "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}},
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// Renaming the key to `ItemSelector` is safe (same meaning). With both `Parameters` and
    /// `ItemSelector`, `exclusive-fields` reports the conflict instead.
    pub(crate) struct DeprecatedMapParameters {
        code: "ASL126",
        name: "deprecated-map-parameters",
        category: Structure,
        severity: Warning,
        fix: Always,
    }
}

impl Rule for DeprecatedMapParameters {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Map(map) = &state.kind else { continue };
            // In JSONata, Parameters is reported by field-not-in-query-language.
            if state.effective_query_language != QueryLanguage::JsonPath {
                continue;
            }
            let Some(parameters) = &state.parameters else { continue };
            // With both present, exclusive-fields reports the conflict.
            if map.item_selector.is_some() {
                continue;
            }
            let diagnostic = self
                .meta()
                .diagnostic(
                    parameters.key_range(),
                    format!("\"Parameters\" of Map state \"{}\" is deprecated", state.name),
                )
                .with_help("rename it to \"ItemSelector\", which shapes each item the same way");
            out.push(diagnostic.with_fix(Fix::replace(
                "Rename to \"ItemSelector\"",
                Applicability::Safe,
                parameters.key_range(),
                "\"ItemSelector\"",
            )));
        }
    }
}
