//! Building the model from the syntax tree, and the small value readers the types use.

use std::sync::atomic::{AtomicU64, Ordering};

use asl_syntax::{Member, Node, Number, Value};
use rustc_hash::FxHashMap;

use super::{
    ChoiceState, Dynamic, FailState, Field, MapMode, MapState, Model, ParallelState, PathValue, ProcessorConfig,
    QueryLanguage, Scope, ScopeId, ScopeKind, State, StateId, StateKind, StateType, TaskState, WaitState,
    jsonata_expression,
};

/// How many models [`build`] has made in this process.
static BUILDS: AtomicU64 = AtomicU64::new(0);

/// How many models have been built in this process: lets tests show that a caller keeps a
/// model instead of building it again.
pub fn builds() -> u64 {
    BUILDS.load(Ordering::Relaxed)
}

/// Builds the model of a definition. Never fails, never panics, reports nothing: what it
/// cannot read is recorded (see the module documentation).
pub fn build(root: &Node) -> Model<'_> {
    BUILDS.fetch_add(1, Ordering::Relaxed);
    let query_language = machine_query_language(root);
    let mut builder = Builder {
        scopes: Vec::new(),
        states: Vec::new(),
        machine_language: query_language,
    };
    let root_scope = builder.scope(root, ScopeKind::Root);
    Model {
        root,
        scopes: builder.scopes,
        states: builder.states,
        root_scope,
        version: field(root, "Version", Node::as_str),
        timeout_seconds: field(root, "TimeoutSeconds", Node::as_number),
        query_language,
    }
}

/// The top-level `QueryLanguage`, else JSONPath. A `"QueryLanguage"` string written inside the
/// top-level `States` by mistake counts too: deployed definitions do this, so the model reads
/// them the way their authors meant (rule `state-not-object` warns about the placement).
fn machine_query_language(root: &Node) -> QueryLanguage {
    let language = |node: Option<&Node>| node.and_then(Node::as_str).and_then(QueryLanguage::from_name);
    language(root.get("QueryLanguage"))
        .or_else(|| language(root.get("States").and_then(|states| states.get("QueryLanguage"))))
        .unwrap_or(QueryLanguage::JsonPath)
}

struct Builder<'a> {
    scopes: Vec<Scope<'a>>,
    states: Vec<State<'a>>,
    machine_language: QueryLanguage,
}

impl<'a> Builder<'a> {
    /// Builds one scope: first all its states (so they get consecutive ids), then their
    /// type-specific parts, which build the nested scopes. The recursion is bounded by the
    /// parser's nesting limit (`asl_syntax::MAX_DEPTH`).
    fn scope(&mut self, node: &'a Node, kind: ScopeKind) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        let states_field = field(node, "States", Node::as_object);
        let members = states_field.as_ref().and_then(|f| f.value).unwrap_or(&[]);
        let first = self.states.len();
        self.states.reserve(members.len());
        for member in members {
            let state_id = StateId(self.states.len() as u32);
            self.states
                .push(State::read(state_id, member, id, self.machine_language));
        }
        let ids = first..self.states.len();
        let states: Vec<StateId> = ids.clone().map(|index| StateId(index as u32)).collect();
        let mut by_name = FxHashMap::with_capacity_and_hasher(states.len(), Default::default());
        for &state in &states {
            by_name.entry(self.states[state.index()].name).or_insert(state);
        }
        self.scopes.push(Scope {
            id,
            kind,
            node,
            start_at: field(node, "StartAt", Node::as_str),
            states_field,
            states,
            comment: field(node, "Comment", Node::as_str),
            query_language: field(node, "QueryLanguage", |n| n.as_str().and_then(QueryLanguage::from_name)),
            processor_config: field(node, "ProcessorConfig", ProcessorConfig::read),
            by_name,
        });
        for index in ids {
            let kind = self.kind(StateId(index as u32));
            self.states[index].kind = kind;
        }
        id
    }

    fn kind(&mut self, id: StateId) -> StateKind<'a> {
        let state = &self.states[id.index()];
        let node = state.node;
        let Some(type_field) = &state.type_field else {
            return StateKind::Missing;
        };
        match type_field.value.and_then(StateType::from_name) {
            Some(StateType::Task) => StateKind::Task(TaskState::read(node)),
            Some(StateType::Pass) => StateKind::Pass,
            Some(StateType::Wait) => StateKind::Wait(WaitState::read(node)),
            Some(StateType::Succeed) => StateKind::Succeed,
            Some(StateType::Fail) => StateKind::Fail(FailState::read(node)),
            Some(StateType::Choice) => StateKind::Choice(ChoiceState::read(node)),
            Some(StateType::Parallel) => StateKind::Parallel(self.parallel(id, node)),
            Some(StateType::Map) => StateKind::Map(Box::new(self.map(id, node))),
            None => StateKind::Unknown,
        }
    }

    /// A scope per `Branches` element that is an object (others are left to the rules).
    fn parallel(&mut self, parallel: StateId, node: &'a Node) -> ParallelState<'a> {
        let branches = node.member("Branches").map(|member| Field {
            member,
            value: member.value.as_array().map(|branches| {
                branches
                    .iter()
                    .enumerate()
                    .filter(|(_, branch)| branch.as_object().is_some())
                    .map(|(index, branch)| self.scope(branch, ScopeKind::Branch { parallel, index }))
                    .collect()
            }),
        });
        ParallelState { branches }
    }

    fn map(&mut self, map: StateId, node: &'a Node) -> MapState<'a> {
        let mut state = MapState::read(node);
        state.item_processor = self.processor(map, node, "ItemProcessor", false);
        state.iterator = self.processor(map, node, "Iterator", true);
        // The deprecated `Iterator` is read exactly as an `ItemProcessor`, its mode included.
        state.mode = state
            .processor()
            .and_then(|scope| self.scopes[scope.index()].processor_config.as_ref()?.value.as_ref())
            .and_then(ProcessorConfig::mode)
            .unwrap_or(MapMode::Inline);
        state
    }

    /// The `ItemProcessor` or `Iterator` member, with a scope when it is an object.
    fn processor(
        &mut self,
        map: StateId,
        node: &'a Node,
        key: &str,
        deprecated_iterator: bool,
    ) -> Option<Field<'a, ScopeId>> {
        let member = node.member(key)?;
        let processor = &member.value;
        let value = processor.as_object().map(|_| {
            self.scope(
                processor,
                ScopeKind::ItemProcessor {
                    map,
                    deprecated_iterator,
                },
            )
        });
        Some(Field { member, value })
    }
}

/// The first member `key` of `node` (when `node` is an object), read with `read`.
pub(super) fn field<'a, T>(
    node: &'a Node,
    key: &str,
    read: impl FnOnce(&'a Node) -> Option<T>,
) -> Option<Field<'a, T>> {
    field_of(node.member(key), read)
}

/// The field a member holds, if there is one, its value read with `read`.
pub(super) fn field_of<'a, T>(
    member: Option<&'a Member>,
    read: impl FnOnce(&'a Node) -> Option<T>,
) -> Option<Field<'a, T>> {
    let member = member?;
    Some(Field {
        member,
        value: read(&member.value),
    })
}

/// Any JSON value, kept raw.
pub(super) fn value(node: &Node) -> Option<&Node> {
    Some(node)
}

/// Every element of an array, read with `read`.
pub(super) fn array_of<'a, T>(node: &'a Node, read: impl Fn(&'a Node) -> T) -> Option<Vec<T>> {
    Some(node.as_array()?.iter().map(read).collect())
}

/// A path string or null.
pub(super) fn nullable_path(node: &Node) -> Option<PathValue<'_>> {
    match &node.value {
        Value::Null => Some(PathValue::Null),
        Value::String(path) => Some(PathValue::Path(path)),
        _ => None,
    }
}

/// A number or a JSONata string.
pub(super) fn dynamic_number(node: &Node) -> Option<Dynamic<'_, Number>> {
    match &node.value {
        Value::Number(number) => Some(Dynamic::Literal(*number)),
        Value::String(text) => jsonata_expression(text).map(Dynamic::Jsonata),
        _ => None,
    }
}

/// A boolean or a JSONata string.
pub(super) fn dynamic_bool(node: &Node) -> Option<Dynamic<'_, bool>> {
    match &node.value {
        Value::Bool(value) => Some(Dynamic::Literal(*value)),
        Value::String(text) => jsonata_expression(text).map(Dynamic::Jsonata),
        _ => None,
    }
}

/// A string: a JSONata string when delimited, else a literal.
pub(super) fn dynamic_string(node: &Node) -> Option<Dynamic<'_, &str>> {
    let text = node.as_str()?;
    Some(jsonata_expression(text).map_or(Dynamic::Literal(text), Dynamic::Jsonata))
}
