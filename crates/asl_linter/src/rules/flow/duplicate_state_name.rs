use rustc_hash::FxHashMap;

use asl_semantic::model::State;

use crate::Findings;
use crate::helpers::messages::scope_description;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a state name used twice in the state machine: twice in one `States` object,
    /// or in two scopes (the top level, Parallel branches, Map item processors).
    ///
    /// ## Why is this bad?
    /// State names must be unique across the whole state machine, nested scopes included;
    /// AWS rejects duplicates. Within one `States` object, JSON readers also keep only one
    /// of the two states, silently.
    ///
    /// Evidence: AWS returns "DUPLICATE_STATE_NAME: Duplicate State name: …"
    /// (aws-cloudformation/cfn-lint#3616).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Fan",
    ///   "States": {
    ///     "Fan": {"Type": "Parallel", "Next": "Done", "Branches": [
    ///       {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    ///     ]},
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Fan",
    ///   "States": {
    ///     "Fan": {"Type": "Parallel", "Next": "Done", "Branches": [
    ///       {"StartAt": "Branch done", "States": {"Branch done": {"Type": "Succeed"}}}
    ///     ]},
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    pub(crate) struct DuplicateStateName {
        code: "ASL207",
        name: "duplicate-state-name",
        category: Flow,
        severity: Error,
        fix: None,
    }
}

impl Rule for DuplicateStateName {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let mut in_source_order: Vec<&State<'_>> = model.states.iter().collect();
        in_source_order.sort_by_key(|state| state.name_range.start);
        let mut first_of: FxHashMap<&str, &State<'_>> =
            FxHashMap::with_capacity_and_hasher(model.states.len(), Default::default());
        for state in in_source_order {
            let Some(first) = first_of.get(state.name) else {
                first_of.insert(state.name, state);
                continue;
            };
            let message = if first.scope == state.scope {
                format!(
                    "state name \"{}\" is used twice in {}",
                    state.name,
                    scope_description(model, model.scope(state.scope))
                )
            } else {
                format!(
                    "state name \"{}\" is already used in {}; names must be unique in the whole state machine, branches and item processors included",
                    state.name,
                    scope_description(model, model.scope(first.scope))
                )
            };
            out.push(
                self.meta()
                    .diagnostic(state.name_range, message)
                    .with_label(first.name_range, "first defined here")
                    .with_help("rename one of the two states (and the transitions to it)"),
            );
        }
    }
}
