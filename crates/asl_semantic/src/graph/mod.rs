//! The state graph: one node per state, one edge per transition written in the definition,
//! and the per-scope analyses the flow rules and `asl-lint graph` share.
//!
//! Transitions never cross scopes (a target is looked up in the `States` object of its
//! source), so one graph holds every scope and each analysis runs once over all of them.
//! Every analysis is linear in states plus transitions.
//!
//! An *exit* is a state the execution can end its scope from: a terminal state (`End`,
//! Succeed, Fail), or a state that another rule already reports as broken (a missing `Next`,
//! a target that names no state, an unknown type). Counting broken states as exits keeps
//! each problem to one finding: a state with no `Next` is reported as such, not also as a
//! loop with no exit.

mod condition;
mod render;

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::{Model, ScopeId, StateId, StateKind, TransitionKind};

pub use condition::condition_summary;
pub use render::{node_id, to_dot, to_mermaid};

/// The state graph of a model with its analyses.
#[derive(Debug, Clone)]
pub struct StateGraph {
    /// Node `i` is state `i` of the model; edge weights say which field wrote the transition.
    graph: DiGraph<StateId, TransitionKind, u32>,
    scopes: Vec<ScopeFlow>,
    /// What the analyses found for state `i`: one list, allocated once (each `vec![false; n]`
    /// would be a `calloc`, which skips the allocator's per-thread cache).
    states: Vec<StateFlow>,
}

/// What the graph's analyses found for one state.
#[derive(Debug, Clone, Copy, Default)]
struct StateFlow {
    /// Breadth-first visit order from the scope's start; `None` when unreachable.
    visit_order: Option<u32>,
    terminal: bool,
    exit: bool,
    /// Whether an exit can be reached from the state (the exits themselves included).
    reaches_exit: bool,
}

/// What the graph knows about one scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeFlow {
    /// The state `StartAt` names, when it names one of the scope's states.
    pub start: Option<StateId>,
    /// The Parallel or Map state that contains this scope; `None` for the top-level machine.
    pub parent: Option<StateId>,
    /// States with `"End": true`, Succeed and Fail states, in declaration order.
    pub terminal_states: Vec<StateId>,
    /// Whether some state of the scope is broken in a way another rule reports (see the
    /// module documentation).
    pub has_broken_state: bool,
    /// Loops that no exit can be reached from, in declaration order of their entries.
    pub exitless_loops: Vec<ExitlessLoop>,
}

impl ScopeFlow {
    /// The scope has states but none can end it, and nothing is broken that would explain
    /// it: the scope can never finish.
    pub fn lacks_terminal_state(&self, model: &Model<'_>, scope: ScopeId) -> bool {
        !model.scope(scope).states.is_empty() && self.terminal_states.is_empty() && !self.has_broken_state
    }
}

/// A strongly connected set of states with no transition out of it and no exit in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExitlessLoop {
    /// The state the execution enters the loop by: the first one reached from the scope's
    /// start, else the first one declared.
    pub entry: StateId,
    /// The loop's states, the entry first, then in the order a walk from the entry meets them.
    pub states: Vec<StateId>,
}

impl StateGraph {
    /// Builds the graph and runs every analysis, in time linear in the size of the model.
    pub fn build(model: &Model<'_>) -> Self {
        let count = model.states.len();
        let mut graph = DiGraph::with_capacity(count, count + count / 2);
        for state in &model.states {
            graph.add_node(state.id);
        }
        let mut states = vec![StateFlow::default(); count];
        for state in &model.states {
            let mut broken = is_broken(model, state.id);
            let mut transitions = 0;
            for transition in model.transitions(state.id) {
                transitions += 1;
                match transition.resolved {
                    Some(target) => {
                        graph.add_edge(node(state.id), node(target), transition.kind);
                    }
                    None => broken = true,
                }
            }
            let flow = &mut states[state.id.index()];
            flow.terminal = state.is_terminal();
            flow.exit = broken || flow.terminal || transitions == 0;
        }
        let mut this = StateGraph {
            graph,
            scopes: Vec::new(),
            states,
        };
        this.mark_reachable(model);
        this.mark_reaching_exit();
        this.scopes = this.scope_flows(model);
        this
    }

    /// The analysis of one scope.
    pub fn scope(&self, scope: ScopeId) -> &ScopeFlow {
        &self.scopes[scope.index()]
    }

    /// The transitions out of a state whose target exists: (field, target), in no set order.
    pub fn successors(&self, state: StateId) -> impl Iterator<Item = (TransitionKind, StateId)> + '_ {
        self.graph
            .edges_directed(node(state), Direction::Outgoing)
            .map(|edge| (*edge.weight(), self.graph[edge.target()]))
    }

    /// The states with a transition to this one, in no set order (a state may repeat).
    pub fn predecessors(&self, state: StateId) -> impl Iterator<Item = StateId> + '_ {
        self.graph
            .neighbors_directed(node(state), Direction::Incoming)
            .map(|index| self.graph[index])
    }

    /// Whether the state can be reached from its scope's `StartAt`, through any transition.
    /// States of a scope whose `StartAt` names no state are never reachable.
    pub fn is_reachable(&self, state: StateId) -> bool {
        self.states[state.index()].visit_order.is_some()
    }

    /// Whether the state is an exit of its scope (see the module documentation).
    pub fn is_exit(&self, state: StateId) -> bool {
        self.states[state.index()].exit
    }

    /// Whether an exit can be reached from the state.
    pub fn reaches_exit(&self, state: StateId) -> bool {
        self.states[state.index()].reaches_exit
    }

    /// The unreachable states of a scope whose start exists, in declaration order.
    pub fn unreachable_states(&self, model: &Model<'_>, scope: ScopeId) -> Vec<StateId> {
        if self.scope(scope).start.is_none() {
            return Vec::new();
        }
        model
            .scope(scope)
            .states
            .iter()
            .copied()
            .filter(|&state| !self.is_reachable(state))
            .collect()
    }

    /// Breadth-first search from each scope's start.
    fn mark_reachable(&mut self, model: &Model<'_>) {
        let mut order = 0u32;
        let mut queue = std::collections::VecDeque::new();
        for scope in &model.scopes {
            let Some(start) = start_of(model, scope.id) else {
                continue;
            };
            self.states[start.index()].visit_order = Some(order);
            order += 1;
            queue.push_back(start);
            while let Some(state) = queue.pop_front() {
                for target in self.graph.neighbors_directed(node(state), Direction::Outgoing) {
                    let target = self.graph[target];
                    let flow = &mut self.states[target.index()];
                    if flow.visit_order.is_none() {
                        flow.visit_order = Some(order);
                        order += 1;
                        queue.push_back(target);
                    }
                }
            }
        }
    }

    /// Backward search from every exit.
    fn mark_reaching_exit(&mut self) {
        let mut stack: Vec<NodeIndex<u32>> = Vec::new();
        for (index, flow) in self.states.iter_mut().enumerate() {
            if flow.exit {
                flow.reaches_exit = true;
                stack.push(NodeIndex::new(index));
            }
        }
        while let Some(current) = stack.pop() {
            for source in self.graph.neighbors_directed(current, Direction::Incoming) {
                let flow = &mut self.states[source.index()];
                if !flow.reaches_exit {
                    flow.reaches_exit = true;
                    stack.push(source);
                }
            }
        }
    }

    fn scope_flows(&self, model: &Model<'_>) -> Vec<ScopeFlow> {
        let mut flows: Vec<ScopeFlow> = model
            .scopes
            .iter()
            .map(|scope| ScopeFlow {
                start: start_of(model, scope.id),
                parent: scope.parent(),
                terminal_states: scope
                    .states
                    .iter()
                    .copied()
                    .filter(|s| self.states[s.index()].terminal)
                    .collect(),
                has_broken_state: scope.states.iter().any(|s| {
                    let flow = &self.states[s.index()];
                    flow.exit && !flow.terminal
                }),
                exitless_loops: Vec::new(),
            })
            .collect();
        // A loop without a way out is made of states that reach no exit; most machines have none.
        if self.states.iter().all(|flow| flow.reaches_exit) {
            return flows;
        }
        // Kosaraju walks iteratively; Tarjan in petgraph recurses once per state of a chain.
        let components = kosaraju_scc(&self.graph);
        let mut component_of = vec![0usize; self.graph.node_count()];
        for (number, component) in components.iter().enumerate() {
            for index in component {
                component_of[index.index()] = number;
            }
        }
        let mut visited = vec![false; self.graph.node_count()];
        for (number, component) in components.iter().enumerate() {
            if let Some(found) =
                self.exitless_loop(component, |index| component_of[index.index()] == number, &mut visited)
            {
                let scope = model.state(found.entry).scope;
                flows[scope.index()].exitless_loops.push(found);
            }
        }
        for flow in &mut flows {
            flow.exitless_loops.sort_by_key(|found| found.entry);
        }
        flows
    }

    /// The component as a loop when no exit can be reached from it and no transition leaves it.
    fn exitless_loop(
        &self,
        component: &[NodeIndex<u32>],
        in_component: impl Fn(NodeIndex<u32>) -> bool,
        visited: &mut [bool],
    ) -> Option<ExitlessLoop> {
        let first = *component.first()?;
        if self.states[first.index()].reaches_exit {
            return None;
        }
        let mut has_cycle = component.len() > 1;
        for &index in component {
            for target in self.graph.neighbors_directed(index, Direction::Outgoing) {
                if !in_component(target) {
                    return None;
                }
                has_cycle |= target == index;
            }
        }
        if !has_cycle {
            return None;
        }
        let entry = component.iter().copied().min_by_key(|&index| {
            let order = self.states[index.index()].visit_order;
            (order.unwrap_or(u32::MAX), index.index())
        })?;
        // Breadth-first from the entry, so the list reads in the order the execution goes.
        let mut order = vec![entry];
        visited[entry.index()] = true;
        let mut cursor = 0;
        while let Some(&current) = order.get(cursor) {
            cursor += 1;
            let mut targets: Vec<NodeIndex<u32>> =
                self.graph.neighbors_directed(current, Direction::Outgoing).collect();
            targets.sort();
            for target in targets {
                if !visited[target.index()] {
                    visited[target.index()] = true;
                    order.push(target);
                }
            }
        }
        Some(ExitlessLoop {
            entry: self.graph[entry],
            states: order.into_iter().map(|index| self.graph[index]).collect(),
        })
    }
}

fn node(state: StateId) -> NodeIndex<u32> {
    NodeIndex::new(state.index())
}

/// The state `StartAt` names in this scope.
fn start_of(model: &Model<'_>, scope: ScopeId) -> Option<StateId> {
    let name = model.scope(scope).start_at.as_ref()?.value?;
    model.find_state(scope, name)
}

/// Whether a state is broken in a way a structure rule reports: not an object, no known
/// type, or a way out that is missing or not a string. Choice states need string targets
/// on every rule; other non-terminal states need a `Next`.
fn is_broken(model: &Model<'_>, id: StateId) -> bool {
    let state = model.state(id);
    match &state.kind {
        StateKind::Unknown | StateKind::Missing => true,
        StateKind::Choice(choice) => {
            let rules = choice.rules();
            rules.is_empty()
                || rules
                    .iter()
                    .any(|rule| rule.next.as_ref().is_none_or(|next| next.value.is_none()))
                || choice.default.as_ref().is_some_and(|default| default.value.is_none())
        }
        _ => !state.is_terminal() && state.next.as_ref().is_none_or(|next| next.value.is_none()),
    }
}
