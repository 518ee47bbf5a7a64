//! Workflow variables over the state graph: who assigns what, who reads what, and which
//! variables are certainly assigned when each state is entered.
//!
//! Every `States` object is a scope. A state reads the values as of its entry; what it
//! assigns takes effect in the next state, and which `Assign` runs depends on the edge
//! taken: the state's own on `Next`/`Default`, the chosen rule's on a Choice rule's
//! `Next`, the catcher's (and not the state's) on a `Catch` edge. A Parallel branch or
//! Map iteration starts with what was assigned when its state was entered; a Distributed
//! Map's iterations see no outer variable at all.
//!
//! "Assigned at entry" is a must-analysis: the intersection over every path from the
//! scope's `StartAt`, solved by iterating to a fixpoint (loops included).

use std::collections::VecDeque;
use std::ops::Range;

use asl_semantic::expr::jsonata::Binding;
use asl_semantic::expr::path::Root;
use asl_semantic::model::{
    MapMode, Model, QueryLanguage, ScopeId, ScopeKind, State, StateId, StateKind, TransitionKind,
};
use asl_syntax::{CompactString, Member, Node};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::helpers::expressions::for_each_path;
use crate::helpers::expressions::{JsonPathExpr, JsonPathPlace, JsonataSite, PathField};

/// A read of a workflow variable.
pub(crate) struct Read<'a> {
    pub name: String,
    pub state: StateId,
    pub field: CompactString,
    /// The string that holds the expression.
    pub node: &'a Node,
    /// Covers `$name` in the decoded string.
    pub range: Range<usize>,
}

/// Which `Assign` of a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AssignOrigin {
    State,
    ChoiceRule(usize),
    Catcher(usize),
}

/// One key of an `Assign` object.
pub(crate) struct Assignment<'a> {
    /// The variable name (a JSONPath `name.$` key assigns `name`).
    pub name: String,
    pub state: StateId,
    pub member: &'a Member,
    pub origin: AssignOrigin,
}

/// The result of the analysis.
pub(crate) struct Variables<'a> {
    pub reads: Vec<Read<'a>>,
    pub assignments: Vec<Assignment<'a>>,
    /// Each assigned name and its index.
    names: FxHashMap<String, usize>,
    /// The bit of each name index in the sets of the must-analysis: only names that are
    /// also read have one, since only reads ask whether a name is assigned.
    bits: Vec<Option<usize>>,
    /// `assignments[by_state[s]]`: the assignments of state `s` (they are collected state
    /// by state).
    by_state: Vec<Range<usize>>,
    /// The first assignment (index into `assignments`) of each name in each scope.
    first_in_scope: FxHashMap<(usize, ScopeId), usize>,
    /// The (name, scope) pairs such that the scope, or a scope nested in it, reads the name.
    read_within: FxHashSet<(usize, ScopeId)>,
    /// Names certainly assigned when each state is entered; `None` for a state that is
    /// never entered from its scope's `StartAt`, and for every state of a definition that
    /// reads no variable (nothing asks then).
    entry: Vec<Option<NameSet>>,
}

/// Where a read's variable comes from, as far as the scopes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Visibility {
    /// Assigned in the reader's scope or an enclosing scope it can see.
    Visible,
    /// Assigned only outside the Distributed Map whose iteration reads it.
    BeyondDistributedMap(StateId),
    /// Assigned nowhere the reader can see.
    Unassigned,
}

impl<'a> Variables<'a> {
    /// `jsonpath` and `jsonata` are the expressions of `model`, shared with the rules so that
    /// each is parsed once.
    pub(crate) fn analyze(model: &'a Model<'a>, jsonpath: &[JsonPathExpr<'a>], jsonata: &[JsonataSite<'a>]) -> Self {
        let assignments = collect_assignments(model);
        let mut names = FxHashMap::default();
        let mut by_state = vec![0..0; model.states.len()];
        let mut first_in_scope = FxHashMap::default();
        for (position, assignment) in assignments.iter().enumerate() {
            let next = names.len();
            let index = *names.entry(assignment.name.clone()).or_insert(next);
            first_in_scope
                .entry((index, model.state(assignment.state).scope))
                .or_insert(position);
            let own = &mut by_state[assignment.state.index()];
            if own.end != position {
                own.start = position;
            }
            own.end = position + 1;
        }
        let mut variables = Variables {
            reads: collect_reads(model, jsonpath, jsonata),
            assignments,
            bits: Vec::new(),
            names,
            by_state,
            first_in_scope,
            read_within: FxHashSet::default(),
            entry: vec![None; model.states.len()],
        };
        variables.read_within = variables.scopes_reading(model);
        variables.bits = variables.bits_of_read_names();
        // What is assigned on entry to each state is asked only about reads; most definitions
        // read no variable.
        if !variables.reads.is_empty() {
            variables.solve(model, model.root_scope, Some(NameSet::default()));
        }
        variables
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// A bit for each assigned name that is read, in the order of the reads.
    fn bits_of_read_names(&self) -> Vec<Option<usize>> {
        let mut bits = vec![None; self.names.len()];
        let mut next = 0;
        for read in &self.reads {
            if let Some(index) = self.index(&read.name)
                && bits[index].is_none()
            {
                bits[index] = Some(next);
                next += 1;
            }
        }
        bits
    }

    /// The bit of `name` in the sets of the must-analysis.
    fn bit(&self, name: &str) -> Option<usize> {
        self.bits.get(self.index(name)?).copied().flatten()
    }

    /// Every (name, scope) pair where the scope or one nested in it reads the name; each
    /// read walks up only until it meets a pair already found.
    fn scopes_reading(&self, model: &Model<'_>) -> FxHashSet<(usize, ScopeId)> {
        let mut found = FxHashSet::default();
        for read in &self.reads {
            let Some(index) = self.index(&read.name) else {
                continue;
            };
            let mut current = Some(model.state(read.state).scope);
            while let Some(scope) = current
                && found.insert((index, scope))
            {
                current = model.scope(scope).parent().map(|parent| model.state(parent).scope);
            }
        }
        found
    }

    /// Whether `scope`, or a scope nested in it at any depth, reads `name`.
    pub(crate) fn is_read_within(&self, name: &str, scope: ScopeId) -> bool {
        self.index(name)
            .is_some_and(|index| self.read_within.contains(&(index, scope)))
    }

    /// The first assignment of `name` in the first of `scopes` that has one, by position in
    /// [`Self::assignments`].
    pub(crate) fn first_assignment_in(&self, name: &str, scopes: &[ScopeId]) -> Option<&Assignment<'a>> {
        let index = self.index(name)?;
        scopes
            .iter()
            .filter_map(|&scope| self.first_in_scope.get(&(index, scope)).copied())
            .min()
            .map(|position| &self.assignments[position])
    }

    /// Whether `name` is certainly assigned when `state` is entered (`None`: the state is
    /// never entered).
    pub(crate) fn assigned_at_entry(&self, state: StateId, name: &str) -> Option<bool> {
        let set = self.entry.get(state.index())?.as_ref()?;
        Some(self.bit(name).is_some_and(|bit| set.contains(bit)))
    }

    /// What `state` assigns on a transition of `kind`.
    fn assigned_on(&self, state: StateId, kind: TransitionKind) -> NameSet {
        let origin = match kind {
            TransitionKind::Next | TransitionKind::Default => AssignOrigin::State,
            TransitionKind::Choice(index) => AssignOrigin::ChoiceRule(index),
            TransitionKind::Catch(index) => AssignOrigin::Catcher(index),
        };
        let mut set = NameSet::default();
        let own = self.by_state.get(state.index()).cloned().unwrap_or(0..0);
        for assignment in self.assignments[own].iter().filter(|a| a.origin == origin) {
            if let Some(bit) = self.bit(&assignment.name) {
                set.insert(bit);
            }
        }
        set
    }

    /// Solves one scope given what is assigned on entering it, then its nested scopes.
    fn solve(&mut self, model: &Model<'a>, scope: ScopeId, inherited: Option<NameSet>) {
        let start = model
            .scope(scope)
            .start_at
            .as_ref()
            .and_then(|f| f.value)
            .and_then(|name| model.find_state(scope, name));
        if let (Some(start), Some(inherited)) = (start, inherited) {
            self.entry[start.index()] = Some(inherited);
            let mut queue = VecDeque::from([start]);
            while let Some(state) = queue.pop_front() {
                let Some(at_entry) = self.entry[state.index()].clone() else {
                    continue;
                };
                for transition in model.transitions(state) {
                    let Some(target) = transition.resolved else { continue };
                    let mut out = at_entry.clone();
                    out.union_with(&self.assigned_on(state, transition.kind));
                    let changed = match &mut self.entry[target.index()] {
                        Some(existing) => existing.intersect_with(&out),
                        slot @ None => {
                            *slot = Some(out);
                            true
                        }
                    };
                    if changed {
                        queue.push_back(target);
                    }
                }
            }
        }
        for &state in &model.scope(scope).states {
            let at_entry = self.entry[state.index()].clone();
            for inner in nested_scopes(model.state(state)) {
                let distributed = is_distributed_processor(model, inner);
                let inherited = if distributed {
                    at_entry.as_ref().map(|_| NameSet::default())
                } else {
                    at_entry.clone()
                };
                self.solve(model, inner, inherited);
            }
        }
    }

    /// The scopes whose variables a state in `scope` can read, innermost first, and the
    /// Distributed Map (if any) beyond which the rest lies.
    fn visible_scopes(model: &Model<'_>, scope: ScopeId) -> (Vec<ScopeId>, Vec<ScopeId>, Option<StateId>) {
        let mut visible = Vec::new();
        let mut beyond = Vec::new();
        let mut boundary = None;
        let mut current = Some(scope);
        while let Some(id) = current {
            if boundary.is_none() {
                visible.push(id);
            } else {
                beyond.push(id);
            }
            if boundary.is_none() && is_distributed_processor(model, id) {
                boundary = model.scope(id).parent();
            }
            current = model.scope(id).parent().map(|parent| model.state(parent).scope);
        }
        (visible, beyond, boundary)
    }

    /// Where the variable read by `read` is assigned, relative to the reader.
    pub(crate) fn visibility(&self, model: &Model<'_>, read: &Read<'_>) -> Visibility {
        let (visible, beyond, boundary) = Self::visible_scopes(model, model.state(read.state).scope);
        let assigned_in = |scopes: &[ScopeId]| self.first_assignment_in(&read.name, scopes).is_some();
        if assigned_in(&visible) {
            Visibility::Visible
        } else if let (true, Some(map)) = (assigned_in(&beyond), boundary) {
            Visibility::BeyondDistributedMap(map)
        } else {
            Visibility::Unassigned
        }
    }

    /// The enclosing scopes of `scope` (not itself) up to a Distributed Map boundary:
    /// the ones an assignment in `scope` must not reuse a name of.
    pub(crate) fn enclosing_scopes(model: &Model<'_>, scope: ScopeId) -> Vec<ScopeId> {
        let (mut visible, _, _) = Self::visible_scopes(model, scope);
        visible.remove(0);
        visible
    }

    /// A path of state names from the scope's `StartAt` to `target` along which `name` is
    /// never assigned (the witness of a "maybe unassigned" read). Each state visited costs one
    /// of `steps`; when they run out the search gives up with an empty path.
    pub(crate) fn unassigned_path(
        &self,
        model: &Model<'a>,
        target: StateId,
        name: &str,
        steps: &mut usize,
    ) -> Vec<&'a str> {
        let scope = model.state(target).scope;
        let Some(start) = model
            .scope(scope)
            .start_at
            .as_ref()
            .and_then(|f| f.value)
            .and_then(|n| model.find_state(scope, n))
        else {
            return Vec::new();
        };
        let Some(bit) = self.bit(name) else {
            return Vec::new();
        };
        let mut previous: FxHashMap<StateId, StateId> = FxHashMap::default();
        let mut queue = VecDeque::from([start]);
        while let Some(state) = queue.pop_front() {
            let Some(left) = steps.checked_sub(1) else {
                return Vec::new();
            };
            *steps = left;
            if state == target {
                let mut path = vec![model.state(state).name];
                let mut current = state;
                while let Some(&before) = previous.get(&current) {
                    path.push(model.state(before).name);
                    current = before;
                }
                path.reverse();
                return path;
            }
            for transition in model.transitions(state) {
                let Some(next) = transition.resolved else { continue };
                if next == start
                    || previous.contains_key(&next)
                    || self.assigned_on(state, transition.kind).contains(bit)
                {
                    continue;
                }
                previous.insert(next, state);
                queue.push_back(next);
            }
        }
        Vec::new()
    }
}

/// The scopes nested directly in a state (Parallel branches, Map processor).
pub(crate) fn nested_scopes(state: &State<'_>) -> Vec<ScopeId> {
    match &state.kind {
        StateKind::Parallel(parallel) => parallel
            .branches
            .as_ref()
            .and_then(|f| f.value.clone())
            .unwrap_or_default(),
        StateKind::Map(map) => map.processor().into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Whether `scope` is the processor of a Distributed Map.
pub(crate) fn is_distributed_processor(model: &Model<'_>, scope: ScopeId) -> bool {
    let ScopeKind::ItemProcessor { map, .. } = model.scope(scope).kind else {
        return false;
    };
    matches!(&model.state(map).kind, StateKind::Map(m) if m.mode == MapMode::Distributed)
}

fn collect_reads<'a>(
    model: &'a Model<'a>,
    jsonpath: &[JsonPathExpr<'a>],
    jsonata: &[JsonataSite<'a>],
) -> Vec<Read<'a>> {
    let mut reads = Vec::new();
    for expr in jsonpath {
        // ResultPath writes; a variable there is reported by invalid-result-path-root.
        if expr.place == JsonPathPlace::Path(PathField::ResultPath) {
            continue;
        }
        for_each_path(expr.parse(), &mut |path| {
            if let Root::Variable { name, range } = &path.root {
                reads.push(Read {
                    name: name.clone(),
                    state: expr.state.id,
                    field: expr.field.clone(),
                    node: expr.node,
                    range: range.start.saturating_sub(1)..range.end,
                });
            }
        });
    }
    let assigned: FxHashSet<&str> = model
        .states
        .iter()
        .flat_map(|s| assign_objects(s).into_iter().flat_map(|(_, members)| members.iter()))
        .map(|m| m.key.text.as_str())
        .collect();
    for site in jsonata {
        let Some(references) = site.references() else {
            continue;
        };
        for variable in &references.variables {
            // A built-in's name counts as a variable read only if a variable has that name.
            let counts = match variable.binding {
                Binding::Free => true,
                Binding::Builtin => assigned.contains(&variable.name.as_str()),
                Binding::Local => false,
            };
            // `$name(…)` calls a function: unknown-jsonata-function reports unknown ones.
            let called = site
                .expression
                .expression
                .get(variable.range.end..)
                .is_some_and(|rest| rest.trim_start().starts_with('('));
            if counts && !called {
                let offset = site.expression.offset;
                reads.push(Read {
                    name: variable.name.clone(),
                    state: site.state.id,
                    field: site.field.clone(),
                    node: site.node,
                    range: variable.range.start + offset..variable.range.end + offset,
                });
            }
        }
    }
    reads
}

/// The `Assign` objects of a state: its own, its top-level Choice rules', its catchers'.
pub(crate) fn assign_objects<'a>(state: &State<'a>) -> Vec<(AssignOrigin, &'a [Member])> {
    let mut found = Vec::new();
    if let Some(members) = state.assign.as_ref().and_then(|f| f.value) {
        found.push((AssignOrigin::State, members));
    }
    if let StateKind::Choice(choice) = &state.kind {
        for (index, rule) in choice.rules().iter().enumerate() {
            if let Some(members) = rule.assign.as_ref().and_then(|f| f.value) {
                found.push((AssignOrigin::ChoiceRule(index), members));
            }
        }
    }
    for (index, catcher) in state.catchers().iter().enumerate() {
        if let Some(members) = catcher.assign.as_ref().and_then(|f| f.value) {
            found.push((AssignOrigin::Catcher(index), members));
        }
    }
    found
}

/// The variable a key of an `Assign` object assigns.
pub(crate) fn assigned_name(state: &State<'_>, key: &str) -> String {
    match state.effective_query_language {
        QueryLanguage::JsonPath => key.strip_suffix(".$").unwrap_or(key).to_owned(),
        QueryLanguage::Jsonata => key.to_owned(),
    }
}

fn collect_assignments<'a>(model: &'a Model<'a>) -> Vec<Assignment<'a>> {
    let mut assignments = Vec::new();
    for state in &model.states {
        for (origin, members) in assign_objects(state) {
            for member in members {
                assignments.push(Assignment {
                    name: assigned_name(state, &member.key.text),
                    state: state.id,
                    member,
                    origin,
                });
            }
        }
    }
    assignments
}

/// A set of variable indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct NameSet(Vec<u64>);

impl NameSet {
    fn insert(&mut self, index: usize) {
        let word = index / 64;
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (index % 64);
    }

    fn contains(&self, index: usize) -> bool {
        self.0
            .get(index / 64)
            .is_some_and(|word| word & (1 << (index % 64)) != 0)
    }

    fn union_with(&mut self, other: &NameSet) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (word, other) in self.0.iter_mut().zip(&other.0) {
            *word |= other;
        }
    }

    /// Intersects in place; returns whether anything changed.
    fn intersect_with(&mut self, other: &NameSet) -> bool {
        let before = self.clone();
        for (index, word) in self.0.iter_mut().enumerate() {
            *word &= other.0.get(index).copied().unwrap_or(0);
        }
        *self != before
    }
}

/// The longest variable name, in characters.
const MAX_NAME_LENGTH: usize = 80;

/// Why `name` cannot name a variable. Only ASCII characters are judged: non-ASCII
/// letters and marks may be valid identifier characters.
pub(crate) fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("the name is empty".to_owned());
    }
    if name == "states" {
        return Some("`states` is reserved for `$states`".to_owned());
    }
    let length = name.chars().count();
    if length > MAX_NAME_LENGTH {
        return Some(format!(
            "it is {length} characters long; the limit is {MAX_NAME_LENGTH}"
        ));
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Some("it starts with a digit".to_owned());
    }
    let bad = name
        .chars()
        .find(|&c| c.is_whitespace() || (c.is_ascii() && !c.is_ascii_alphanumeric() && c != '_'))?;
    Some(format!("it contains `{bad}`"))
}
