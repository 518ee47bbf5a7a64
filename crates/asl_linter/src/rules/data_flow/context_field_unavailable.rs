use asl_semantic::model::{State, StateKind};

use crate::Findings;
use crate::helpers::expressions::string_range;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports `$$.Map.Item.…` outside a Map state's `ItemSelector` (or its deprecated
    /// `Parameters`), and `$$.Task.Token` outside a Task state.
    ///
    /// ## Why is this bad?
    /// These context-object fields exist only while a Map state builds each item's input,
    /// and only for a Task that waits for a callback token. Elsewhere the path finds
    /// nothing and the state fails at run time. Pass the item's index or value into the
    /// iteration through `ItemSelector`.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"index.$": "$$.Map.Item.Index"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemSelector": {"index.$": "$$.Map.Item.Index"},
    ///   "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}, "End": true}}}
    /// ```
    pub(crate) struct ContextFieldUnavailable {
        code: "ASL306",
        name: "context-field-unavailable",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

/// A context-object field that exists only in some places.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum BoundField {
    MapItem,
    TaskToken,
}

impl BoundField {
    /// The bound field a chain of context members starts with.
    pub(crate) fn of<'n>(mut members: impl Iterator<Item = &'n str>) -> Option<BoundField> {
        match (members.next(), members.next()) {
            (Some("Map"), Some("Item")) => Some(BoundField::MapItem),
            (Some("Task"), Some("Token")) => Some(BoundField::TaskToken),
            _ => None,
        }
    }

    /// Why the field is not available in `state` (`in_item_selector`: the expression is in
    /// the Map state's `ItemSelector`), or `None` when it is.
    pub(crate) fn unavailable(self, state: &State<'_>, in_item_selector: bool) -> Option<&'static str> {
        match self {
            BoundField::MapItem if !in_item_selector => Some(
                "`Map.Item` exists only in a Map state's ItemSelector: pass the index or value to the iteration through ItemSelector",
            ),
            BoundField::TaskToken if !matches!(state.kind, StateKind::Task(_)) => {
                Some("`Task.Token` exists only in a Task state (with a `.waitForTaskToken` resource)")
            }
            _ => None,
        }
    }
}

impl Rule for ContextFieldUnavailable {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for read in ctx.context_reads() {
            let Some(field) = BoundField::of(read.members.iter().map(|(name, _)| name.as_str())) else {
                continue;
            };
            let Some(why) = field.unavailable(read.state, read.in_item_selector) else {
                continue;
            };
            let end = read.members.get(1).map_or(read.start, |(_, r)| r.end);
            let range = string_range(ctx.source, read.node, read.start..end);
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" reads a context-object field that does not exist there",
                            read.field, read.state.name
                        ),
                    )
                    .with_label(range, "not available here")
                    .with_help(why),
            );
        }
    }
}
