use asl_semantic::graph::StateGraph;
use asl_semantic::model::StateId;

use crate::Findings;
use crate::helpers::messages::quoted_list;
use crate::helpers::messages::scope_description;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a state that no path from its scope's `StartAt` reaches, through `Next`,
    /// `Default`, `Choices` and `Catch` transitions alike.
    ///
    /// ## Why is this bad?
    /// Both AWS validators (statelint and the Step Functions language service) reject it,
    /// and it is usually a sign of a transition that was forgotten or misnamed. Each
    /// Parallel branch and Map item processor is judged on its own, from its own `StartAt`;
    /// the order states are declared in does not matter. A group of unreachable states is
    /// reported once, at the state that leads into the others.
    ///
    /// Evidence: AWS returns "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at
    /// /States/pass2" (localstack/localstack#11978, aws-cloudformation/cfn-lint#4073).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Pass", "End": true},
    ///     "Refund": {"Type": "Pass", "End": true}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Pass", "Next": "Refund"},
    ///     "Refund": {"Type": "Pass", "End": true}
    ///   }
    /// }
    /// ```
    pub(crate) struct UnreachableState {
        code: "ASL202",
        name: "unreachable-state",
        category: Flow,
        severity: Error,
        fix: None,
    }
}

impl Rule for UnreachableState {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let graph = ctx.graph;
        // Allocated only for a definition with an unreachable state, as few have one.
        let mut covered = None;
        for scope in &model.scopes {
            // A second state of the same name is reported as a duplicate, and a member of
            // `States` that is not an object is not a state to run.
            let unreachable: Vec<StateId> = graph
                .unreachable_states(model, scope.id)
                .into_iter()
                .filter(|&id| {
                    model.state(id).is_object() && model.find_state(scope.id, model.state(id).name) == Some(id)
                })
                .collect();
            if unreachable.is_empty() {
                continue;
            }
            let covered = covered.get_or_insert_with(|| vec![false; model.states.len()]);
            // Heads first (nothing leads to them), then whatever cycles are left.
            let heads = unreachable
                .iter()
                .filter(|&&id| graph.predecessors(id).all(|from| from == id));
            let rest = unreachable.iter();
            for &head in heads.chain(rest) {
                if covered[head.index()] {
                    continue;
                }
                let followers = mark_followers(graph, head, covered);
                let state = model.state(head);
                let why = if graph.predecessors(head).all(|from| from == head) {
                    format!("no transition in {} moves to it", scope_description(model, scope))
                } else {
                    "only states that are unreachable themselves move to it".to_owned()
                };
                let mut diagnostic = self
                    .meta()
                    .diagnostic(state.name_range, format!("state \"{}\" is unreachable: {why}", state.name))
                    .with_help(format!(
                        "remove \"{}\", or name it in the \"Next\" (or \"Default\", \"Choices\", \"Catch\") of a state that runs",
                        state.name
                    ));
                if !followers.is_empty() {
                    let names: Vec<&str> = followers.iter().map(|&id| model.state(id).name).collect();
                    for &follower in &followers {
                        diagnostic = diagnostic.with_label(model.state(follower).name_range, "unreachable too");
                    }
                    diagnostic = diagnostic.with_note(format!(
                        "\"{}\" is the only way into {}, so they are unreachable too",
                        state.name,
                        quoted_list(&names)
                    ));
                }
                out.push(diagnostic);
            }
        }
    }
}

/// Marks `head` and the unreachable states only it leads to; returns those states.
fn mark_followers(graph: &StateGraph, head: StateId, covered: &mut [bool]) -> Vec<StateId> {
    covered[head.index()] = true;
    let mut followers = Vec::new();
    let mut stack = vec![head];
    while let Some(current) = stack.pop() {
        let mut targets: Vec<StateId> = graph.successors(current).map(|(_, target)| target).collect();
        targets.sort();
        for target in targets {
            if !graph.is_reachable(target) && !covered[target.index()] {
                covered[target.index()] = true;
                followers.push(target);
                stack.push(target);
            }
        }
    }
    followers.sort();
    followers
}
