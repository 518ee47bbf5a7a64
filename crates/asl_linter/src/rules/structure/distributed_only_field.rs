use asl_semantic::model::{MapMode, StateKind};
use asl_syntax::TextRange;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// Map fields that only a Distributed Map takes.
const DISTRIBUTED_ONLY: &[&str] = &[
    "ItemReader",
    "ItemBatcher",
    "ResultWriter",
    "Label",
    "ToleratedFailureCount",
    "ToleratedFailureCountPath",
    "ToleratedFailurePercentage",
    "ToleratedFailurePercentagePath",
];

declare_rule! {
    /// ## What it does
    /// Reports a Distributed-Map-only field (`ItemReader`, `ItemBatcher`, `ResultWriter`,
    /// `Label`, `ToleratedFailureCount`, `ToleratedFailurePercentage` and their `…Path`
    /// variants) on a Map state that runs inline, and `ExecutionType` without
    /// `"Mode": "DISTRIBUTED"`.
    ///
    /// ## Why is this bad?
    /// These fields configure the Map Run and the child executions of a Distributed Map; on a Map that
    /// runs inline they take no effect. AWS's behaviour for them on an inline Map is not documented (a
    /// deployed stack uses `Label` on an `INLINE` Map), so this is a warning, not an error.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {
    ///       "Type": "Map",
    ///       "ToleratedFailurePercentage": 5,
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
    ///       "ToleratedFailurePercentage": 5,
    ///       "ItemProcessor": {
    ///         "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
    ///         "StartAt": "Work",
    ///         "States": {"Work": {"Type": "Pass", "End": true}}
    ///       },
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct DistributedOnlyField {
        code: "ASL119",
        name: "distributed-only-field",
        category: Structure,
        severity: Warning,
        fix: None,
    }
}

impl Rule for DistributedOnlyField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Map(map) = &state.kind else { continue };
            if map.mode == MapMode::Distributed || mode_is_unreadable(ctx, map) {
                continue;
            }
            let processor = if map.item_processor.is_none() && map.iterator.is_some() {
                "Iterator"
            } else {
                "ItemProcessor"
            };
            let how = format!(
                "set \"ProcessorConfig\": {{\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}} in \"{processor}\", or remove the field"
            );
            // One finding per Map: the missing mode is one mistake, however many fields show it.
            let mut keys: Vec<TextRange> = state
                .node
                .as_object()
                .unwrap_or(&[])
                .iter()
                .filter(|member| DISTRIBUTED_ONLY.contains(&member.key.text.as_str()))
                .map(|member| member.key.range)
                .collect();
            let config = map
                .processor()
                .and_then(|scope| ctx.model.scope(scope).processor_config.as_ref());
            if let Some(execution_type) = config
                .and_then(|c| c.value.as_ref())
                .and_then(|c| c.execution_type.as_ref())
            {
                keys.push(execution_type.key_range());
            }
            let Some((&first, rest)) = keys.split_first() else {
                continue;
            };
            let names: Vec<&str> = keys
                .iter()
                .map(|range| ctx.source.get(range.start as usize..range.end as usize).unwrap_or(""))
                .collect();
            let mut diagnostic = self
                .meta()
                .diagnostic(
                    first,
                    format!(
                        "Map state \"{}\" runs inline, but {} effect only in a Distributed Map",
                        state.name,
                        fields_phrase(&names)
                    ),
                )
                .with_help(how);
            for &range in rest {
                diagnostic = diagnostic.with_label(range, "also Distributed-only");
            }
            out.push(diagnostic);
        }
    }
}

/// `"Label" takes` / `"Label" and "ItemReader" take` / `"A", "B" and "C" take`.
fn fields_phrase(names: &[&str]) -> String {
    match names {
        [one] => format!("{one} takes"),
        [init @ .., last] => format!("{} and {last} take", init.join(", ")),
        [] => String::new(),
    }
}

/// A `Mode` that is present but invalid (or a placeholder) is reported elsewhere; the mode is unknown.
fn mode_is_unreadable(ctx: &RuleContext<'_>, map: &asl_semantic::model::MapState<'_>) -> bool {
    let Some(scope) = map.processor() else {
        return false;
    };
    let Some(config) = ctx.model.scope(scope).processor_config.as_ref() else {
        return false;
    };
    match config.node().get("Mode") {
        Some(mode) => !matches!(mode.as_str(), Some("INLINE")),
        None => false,
    }
}
