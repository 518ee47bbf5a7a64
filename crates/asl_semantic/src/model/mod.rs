//! The typed ASL model: the syntax tree read as a state machine.
//!
//! [`build`] never fails, never panics and never reports anything. What it cannot understand
//! is recorded instead (a field whose value has the wrong JSON type has `value: None`, an
//! unknown `Type` gives [`StateKind::Unknown`], …) so that the rules in `asl_linter` can
//! report it; the rest of the definition is still modelled.
//!
//! The model borrows from the syntax tree. Every field keeps its [`Member`], so rules can
//! point at its key (unknown or forbidden field) or at its value (wrong value).
//!
//! States and scopes live in two flat arenas addressed by [`StateId`] and [`ScopeId`]. A
//! scope is one `States` object: the top-level machine, a Parallel branch, or a Map's
//! `ItemProcessor` (or deprecated `Iterator`). The states of one scope have consecutive ids.
//!
//! Values are typed by their JSON shape only; whether a value is allowed (a JSONPath-only
//! field in a JSONata state, a number out of range, an unknown enum string) is for the
//! rules to decide. A JSONata string is recognised in every field that can hold one,
//! whatever the state's query language.

mod build;
mod choice;
mod map;
mod state;

use rustc_hash::FxHashMap;

use asl_syntax::{Member, Node, Number, TextRange};

use crate::vocabulary::ObjectType;
/// The vocabulary's types that appear in the model.
pub use crate::vocabulary::{ComparisonOperator, Operand, QueryLanguage, StateType};
pub use build::{build, builds};
pub use choice::{ChoiceRule, Comparison};
pub use map::{
    ExecutionType, ItemBatcher, ItemReader, MapMode, MapState, ProcessorConfig, ReaderConfig, ResultWriter,
    WriterConfig,
};
pub use state::{Catcher, ChoiceState, FailState, ParallelState, Retrier, State, StateKind, TaskState, WaitState};

/// The whole state machine.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    /// The document's top-level value (not necessarily an object).
    pub root: &'a Node,
    pub scopes: Vec<Scope<'a>>,
    pub states: Vec<State<'a>>,
    /// The top-level machine. Its scope also holds the top-level `StartAt`, `States`,
    /// `Comment` and `QueryLanguage`.
    pub root_scope: ScopeId,
    /// Top-level `Version`.
    pub version: Option<Field<'a, &'a str>>,
    /// Top-level `TimeoutSeconds`.
    pub timeout_seconds: Option<Field<'a, Number>>,
    /// The machine's query language: the top-level `QueryLanguage` when valid, else JSONPath.
    /// Every state without a valid `QueryLanguage` of its own uses it, nested states included.
    pub query_language: QueryLanguage,
}

/// Index of a state in [`Model::states`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StateId(u32);

/// Index of a scope in [`Model::scopes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(u32);

impl StateId {
    /// The position in [`Model::states`] (also usable as a dense graph index).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl ScopeId {
    /// The position in [`Model::scopes`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One `States` object with its surrounding machine object.
#[derive(Debug, Clone)]
pub struct Scope<'a> {
    pub id: ScopeId,
    pub kind: ScopeKind,
    /// The machine object (the document root, `Branches[i]`, `ItemProcessor` or `Iterator`);
    /// it may be any JSON value.
    pub node: &'a Node,
    pub start_at: Option<Field<'a, &'a str>>,
    /// The `States` member; `value` is `None` when it is not an object.
    pub states_field: Option<Field<'a, &'a [Member]>>,
    /// The scope's states in declaration order, duplicate names included.
    pub states: Vec<StateId>,
    pub comment: Option<Field<'a, &'a str>>,
    /// `QueryLanguage` on this machine object. Recorded only: it does not change the
    /// effective language of the scope's states (see [`Model::query_language`]).
    pub query_language: Option<Field<'a, QueryLanguage>>,
    /// `ProcessorConfig`, recorded wherever present (it is valid only in `ItemProcessor` and
    /// `Iterator`).
    pub processor_config: Option<Field<'a, ProcessorConfig<'a>>>,
    /// First state of each name, for lookups.
    by_name: FxHashMap<&'a str, StateId>,
}

/// Where a scope sits in the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Root,
    /// `Branches[index]` of a Parallel state.
    Branch {
        parallel: StateId,
        index: usize,
    },
    /// The `ItemProcessor` of a Map state, or its deprecated `Iterator`.
    ItemProcessor {
        map: StateId,
        deprecated_iterator: bool,
    },
}

impl Scope<'_> {
    /// The Parallel or Map state that owns this scope; `None` for the root.
    pub fn parent(&self) -> Option<StateId> {
        match self.kind {
            ScopeKind::Root => None,
            ScopeKind::Branch { parallel, .. } => Some(parallel),
            ScopeKind::ItemProcessor { map, .. } => Some(map),
        }
    }

    /// The object of the vocabulary this scope's node is.
    pub fn object_type(&self) -> ObjectType {
        match self.kind {
            ScopeKind::Root => ObjectType::Machine,
            ScopeKind::Branch { .. } => ObjectType::Branch,
            ScopeKind::ItemProcessor {
                deprecated_iterator: false,
                ..
            } => ObjectType::ItemProcessor,
            ScopeKind::ItemProcessor {
                deprecated_iterator: true,
                ..
            } => ObjectType::Iterator,
        }
    }
}

/// A member of an object read as a typed value. `value` is `None` when the JSON value does
/// not have the expected type (the raw value stays reachable through `member`).
#[derive(Debug, Clone)]
pub struct Field<'a, T> {
    pub member: &'a Member,
    pub value: Option<T>,
}

impl<'a, T> Field<'a, T> {
    /// The key as written (decoded).
    pub fn key(&self) -> &'a str {
        &self.member.key.text
    }

    /// The key's range, quotes included.
    pub fn key_range(&self) -> TextRange {
        self.member.key.range
    }

    /// The raw value node.
    pub fn node(&self) -> &'a Node {
        &self.member.value
    }

    pub fn value_range(&self) -> TextRange {
        self.member.value.range
    }
}

/// A value that is either a literal or a JSONata string (`{% … %}`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dynamic<'a, T> {
    Literal(T),
    Jsonata(JsonataString<'a>),
}

impl<T> Dynamic<'_, T> {
    pub fn literal(&self) -> Option<&T> {
        match self {
            Dynamic::Literal(value) => Some(value),
            Dynamic::Jsonata(_) => None,
        }
    }
}

/// The expression inside a JSONata string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonataString<'a> {
    /// The text between `{%` and `%}`, not trimmed.
    pub expression: &'a str,
    /// Byte offset of `expression` in the decoded string (map it to the source with
    /// `asl_syntax::StringSourceMap`).
    pub offset: usize,
}

/// Recognises a JSONata string: it starts with `{%` and ends with `%}` exactly, as the spec
/// words it. Whitespace outside the delimiters makes it a literal (AWS tolerance of it is
/// unconfirmed; a rule may warn about such near misses).
pub fn jsonata_expression(text: &str) -> Option<JsonataString<'_>> {
    let expression = text.strip_prefix("{%")?.strip_suffix("%}")?;
    Some(JsonataString { expression, offset: 2 })
}

/// The value of a nullable path field (`InputPath`, `OutputPath`, `ResultPath`, `ItemsPath`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathValue<'a> {
    Null,
    Path(&'a str),
}

/// A state-to-state transition written in the definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition<'a> {
    pub from: StateId,
    pub kind: TransitionKind,
    /// The target state name as written.
    pub target: &'a str,
    /// The range of the target string (quotes included).
    pub target_range: TextRange,
    /// The first state of that name in the same scope, if any.
    pub resolved: Option<StateId>,
}

/// Which field a transition comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionKind {
    /// The state's `Next`.
    Next,
    /// A Choice state's `Default`.
    Default,
    /// `Choices[index].Next`.
    Choice(usize),
    /// `Catch[index].Next`.
    Catch(usize),
}

impl<'a> Model<'a> {
    pub fn state(&self, id: StateId) -> &State<'a> {
        &self.states[id.index()]
    }

    pub fn scope(&self, id: ScopeId) -> &Scope<'a> {
        &self.scopes[id.index()]
    }

    /// The query language the fields of `scope`'s node follow: the effective language of
    /// the state that owns it, or the machine's.
    pub fn scope_query_language(&self, scope: &Scope<'_>) -> QueryLanguage {
        scope.parent().map_or(self.query_language, |parent| {
            self.state(parent).effective_query_language
        })
    }

    /// Every state id, in arena order.
    pub fn state_ids(&self) -> impl Iterator<Item = StateId> + use<'_, 'a> {
        self.states.iter().map(|state| state.id)
    }

    /// The states of one scope in declaration order.
    pub fn states_in(&self, scope: ScopeId) -> impl Iterator<Item = &State<'a>> {
        self.scope(scope).states.iter().map(|&id| self.state(id))
    }

    /// The first state called `name` in `scope` (names are resolved per `States` object).
    pub fn find_state(&self, scope: ScopeId, name: &str) -> Option<StateId> {
        self.scope(scope).by_name.get(name).copied()
    }

    /// The transitions a state writes (`Next`, `Default`, top-level `Choices[i].Next`,
    /// `Catch[i].Next`), whatever its type; targets that are not strings are left out.
    pub fn transitions(&self, id: StateId) -> impl Iterator<Item = Transition<'a>> + '_ {
        let state = self.state(id);
        let choice = match &state.kind {
            StateKind::Choice(choice) => Some(choice),
            _ => None,
        };
        let choices = choice.into_iter().flat_map(|choice| {
            let rules = choice.rules().iter().enumerate();
            rules
                .map(|(index, rule)| (TransitionKind::Choice(index), &rule.next))
                .chain([(TransitionKind::Default, &choice.default)])
        });
        let catches = state.catchers().iter().enumerate();
        [(TransitionKind::Next, &state.next)]
            .into_iter()
            .chain(choices)
            .chain(catches.map(|(index, catcher)| (TransitionKind::Catch(index), &catcher.next)))
            .filter_map(move |(kind, field)| {
                let Field {
                    member,
                    value: Some(target),
                } = field.as_ref()?
                else {
                    return None;
                };
                Some(Transition {
                    from: id,
                    kind,
                    target,
                    target_range: member.value.range,
                    resolved: self.find_state(state.scope, target),
                })
            })
    }
}
