//! States, their type-specific fields, and Retry/Catch.

use asl_syntax::{Member, Node, Number, TextRange};

use super::build::{array_of, dynamic_number, dynamic_string, field, field_of, nullable_path, value};
use super::{ChoiceRule, Dynamic, Field, MapState, PathValue, QueryLanguage, ScopeId, StateId, StateType};

/// One state: a member of a `States` object.
#[derive(Debug, Clone)]
pub struct State<'a> {
    pub id: StateId,
    /// The state's name (the decoded key).
    pub name: &'a str,
    /// The key's range, quotes included.
    pub name_range: TextRange,
    pub scope: ScopeId,
    /// The state's value; not necessarily an object.
    pub node: &'a Node,
    pub type_field: Option<Field<'a, &'a str>>,
    pub kind: StateKind<'a>,
    /// The state's own `QueryLanguage` when valid, else the machine's.
    pub effective_query_language: QueryLanguage,
    pub query_language: Option<Field<'a, QueryLanguage>>,
    pub comment: Option<Field<'a, &'a str>>,
    pub next: Option<Field<'a, &'a str>>,
    pub end: Option<Field<'a, bool>>,
    pub input_path: Option<Field<'a, PathValue<'a>>>,
    pub output_path: Option<Field<'a, PathValue<'a>>>,
    pub parameters: Option<Field<'a, &'a Node>>,
    pub result_selector: Option<Field<'a, &'a Node>>,
    pub result_path: Option<Field<'a, PathValue<'a>>>,
    /// Pass `Result`.
    pub result: Option<Field<'a, &'a Node>>,
    pub arguments: Option<Field<'a, &'a Node>>,
    pub output: Option<Field<'a, &'a Node>>,
    pub assign: Option<Field<'a, &'a [Member]>>,
    pub retry: Option<Field<'a, Vec<Retrier<'a>>>>,
    pub catch: Option<Field<'a, Vec<Catcher<'a>>>>,
}

/// The type-specific part of a state. Common fields are recorded on [`State`] whatever
/// the type, so rules can report fields a type does not allow.
#[derive(Debug, Clone)]
pub enum StateKind<'a> {
    Task(TaskState<'a>),
    Pass,
    Wait(WaitState<'a>),
    Succeed,
    Fail(FailState<'a>),
    Choice(ChoiceState<'a>),
    Parallel(ParallelState<'a>),
    Map(Box<MapState<'a>>),
    /// `Type` is present but is not one of the eight type names (or not a string).
    Unknown,
    /// No `Type` member (also when the state is not an object).
    Missing,
}

impl StateKind<'_> {
    /// The state type; `None` for [`StateKind::Unknown`] and [`StateKind::Missing`].
    pub fn state_type(&self) -> Option<StateType> {
        Some(match self {
            StateKind::Task(_) => StateType::Task,
            StateKind::Pass => StateType::Pass,
            StateKind::Wait(_) => StateType::Wait,
            StateKind::Succeed => StateType::Succeed,
            StateKind::Fail(_) => StateType::Fail,
            StateKind::Choice(_) => StateType::Choice,
            StateKind::Parallel(_) => StateType::Parallel,
            StateKind::Map(_) => StateType::Map,
            StateKind::Unknown | StateKind::Missing => return None,
        })
    }

    /// The ASL type name; `None` for [`StateKind::Unknown`] and [`StateKind::Missing`].
    pub fn type_name(&self) -> Option<&'static str> {
        self.state_type().map(StateType::name)
    }
}

impl<'a> State<'a> {
    /// Reads the fields common to all types; the kind is filled in by the builder.
    pub(super) fn read(id: StateId, member: &'a Member, scope: ScopeId, machine_language: QueryLanguage) -> Self {
        let node = &member.value;
        let common = CommonMembers::of(node);
        let query_language = field_of(common.query_language, |n| n.as_str().and_then(QueryLanguage::from_name));
        let effective_query_language = query_language
            .as_ref()
            .and_then(|f| f.value)
            .unwrap_or(machine_language);
        State {
            id,
            name: &member.key.text,
            name_range: member.key.range,
            scope,
            node,
            type_field: field_of(common.type_field, Node::as_str),
            kind: StateKind::Missing,
            effective_query_language,
            query_language,
            comment: field_of(common.comment, Node::as_str),
            next: field_of(common.next, Node::as_str),
            end: field_of(common.end, Node::as_bool),
            input_path: field_of(common.input_path, nullable_path),
            output_path: field_of(common.output_path, nullable_path),
            parameters: field_of(common.parameters, value),
            result_selector: field_of(common.result_selector, value),
            result_path: field_of(common.result_path, nullable_path),
            result: field_of(common.result, value),
            arguments: field_of(common.arguments, value),
            output: field_of(common.output, value),
            assign: field_of(common.assign, Node::as_object),
            retry: field_of(common.retry, |n| array_of(n, Retrier::read)),
            catch: field_of(common.catch, |n| array_of(n, Catcher::read)),
        }
    }

    /// Whether the state ends its scope: `"End": true`, Succeed or Fail.
    pub fn is_terminal(&self) -> bool {
        matches!(self.kind, StateKind::Succeed | StateKind::Fail(_))
            || matches!(self.end, Some(Field { value: Some(true), .. }))
    }

    pub fn is_object(&self) -> bool {
        self.node.as_object().is_some()
    }

    /// The Retry elements; empty when `Retry` is absent or not an array.
    pub fn retriers(&self) -> &[Retrier<'a>] {
        self.retry.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[])
    }

    /// The Catch elements; empty when `Catch` is absent or not an array.
    pub fn catchers(&self) -> &[Catcher<'a>] {
        self.catch.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[])
    }
}

/// The members of a state object holding the fields common to all types, each the first
/// member with its key: found in one pass over the members rather than a search per field.
#[derive(Default)]
struct CommonMembers<'a> {
    type_field: Option<&'a Member>,
    query_language: Option<&'a Member>,
    comment: Option<&'a Member>,
    next: Option<&'a Member>,
    end: Option<&'a Member>,
    input_path: Option<&'a Member>,
    output_path: Option<&'a Member>,
    parameters: Option<&'a Member>,
    result_selector: Option<&'a Member>,
    result_path: Option<&'a Member>,
    result: Option<&'a Member>,
    arguments: Option<&'a Member>,
    output: Option<&'a Member>,
    assign: Option<&'a Member>,
    retry: Option<&'a Member>,
    catch: Option<&'a Member>,
}

impl<'a> CommonMembers<'a> {
    fn of(node: &'a Node) -> Self {
        let mut found = CommonMembers::default();
        for member in node.as_object().unwrap_or_default() {
            let slot = match member.key.text.as_str() {
                "Type" => &mut found.type_field,
                "QueryLanguage" => &mut found.query_language,
                "Comment" => &mut found.comment,
                "Next" => &mut found.next,
                "End" => &mut found.end,
                "InputPath" => &mut found.input_path,
                "OutputPath" => &mut found.output_path,
                "Parameters" => &mut found.parameters,
                "ResultSelector" => &mut found.result_selector,
                "ResultPath" => &mut found.result_path,
                "Result" => &mut found.result,
                "Arguments" => &mut found.arguments,
                "Output" => &mut found.output,
                "Assign" => &mut found.assign,
                "Retry" => &mut found.retry,
                "Catch" => &mut found.catch,
                _ => continue,
            };
            slot.get_or_insert(member);
        }
        found
    }
}

/// Task fields.
#[derive(Debug, Clone)]
pub struct TaskState<'a> {
    pub resource: Option<Field<'a, &'a str>>,
    pub timeout_seconds: Option<Field<'a, Dynamic<'a, Number>>>,
    pub timeout_seconds_path: Option<Field<'a, &'a str>>,
    pub heartbeat_seconds: Option<Field<'a, Dynamic<'a, Number>>>,
    pub heartbeat_seconds_path: Option<Field<'a, &'a str>>,
    pub credentials: Option<Field<'a, &'a [Member]>>,
}

impl<'a> TaskState<'a> {
    pub(super) fn read(node: &'a Node) -> Self {
        TaskState {
            resource: field(node, "Resource", Node::as_str),
            timeout_seconds: field(node, "TimeoutSeconds", dynamic_number),
            timeout_seconds_path: field(node, "TimeoutSecondsPath", Node::as_str),
            heartbeat_seconds: field(node, "HeartbeatSeconds", dynamic_number),
            heartbeat_seconds_path: field(node, "HeartbeatSecondsPath", Node::as_str),
            credentials: field(node, "Credentials", Node::as_object),
        }
    }
}

/// Wait fields.
#[derive(Debug, Clone)]
pub struct WaitState<'a> {
    pub seconds: Option<Field<'a, Dynamic<'a, Number>>>,
    pub seconds_path: Option<Field<'a, &'a str>>,
    pub timestamp: Option<Field<'a, Dynamic<'a, &'a str>>>,
    pub timestamp_path: Option<Field<'a, &'a str>>,
}

impl<'a> WaitState<'a> {
    pub(super) fn read(node: &'a Node) -> Self {
        WaitState {
            seconds: field(node, "Seconds", dynamic_number),
            seconds_path: field(node, "SecondsPath", Node::as_str),
            timestamp: field(node, "Timestamp", dynamic_string),
            timestamp_path: field(node, "TimestampPath", Node::as_str),
        }
    }
}

/// Fail fields.
#[derive(Debug, Clone)]
pub struct FailState<'a> {
    pub error: Option<Field<'a, Dynamic<'a, &'a str>>>,
    pub error_path: Option<Field<'a, &'a str>>,
    pub cause: Option<Field<'a, Dynamic<'a, &'a str>>>,
    pub cause_path: Option<Field<'a, &'a str>>,
}

impl<'a> FailState<'a> {
    pub(super) fn read(node: &'a Node) -> Self {
        FailState {
            error: field(node, "Error", dynamic_string),
            error_path: field(node, "ErrorPath", Node::as_str),
            cause: field(node, "Cause", dynamic_string),
            cause_path: field(node, "CausePath", Node::as_str),
        }
    }
}

/// Choice fields. `Assign`/`Output` (used when no rule matches) are on [`State`].
#[derive(Debug, Clone)]
pub struct ChoiceState<'a> {
    pub choices: Option<Field<'a, Vec<ChoiceRule<'a>>>>,
    pub default: Option<Field<'a, &'a str>>,
}

impl<'a> ChoiceState<'a> {
    pub(super) fn read(node: &'a Node) -> Self {
        ChoiceState {
            choices: field(node, "Choices", |n| array_of(n, ChoiceRule::read)),
            default: field(node, "Default", Node::as_str),
        }
    }

    /// The top-level rules; empty when `Choices` is absent or not an array.
    pub fn rules(&self) -> &[ChoiceRule<'a>] {
        self.choices.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[])
    }
}

/// Parallel fields.
#[derive(Debug, Clone)]
pub struct ParallelState<'a> {
    /// One scope per element of `Branches`, whatever the element's JSON type.
    pub branches: Option<Field<'a, Vec<ScopeId>>>,
}

/// A `Retry` element (any JSON value; fields are read when it is an object).
#[derive(Debug, Clone)]
pub struct Retrier<'a> {
    pub node: &'a Node,
    pub error_equals: Option<Field<'a, &'a [Node]>>,
    pub interval_seconds: Option<Field<'a, Number>>,
    pub max_attempts: Option<Field<'a, Number>>,
    pub backoff_rate: Option<Field<'a, Number>>,
    pub max_delay_seconds: Option<Field<'a, Number>>,
    pub jitter_strategy: Option<Field<'a, &'a str>>,
    pub comment: Option<Field<'a, &'a str>>,
}

impl<'a> Retrier<'a> {
    fn read(node: &'a Node) -> Self {
        Retrier {
            node,
            error_equals: field(node, "ErrorEquals", Node::as_array),
            interval_seconds: field(node, "IntervalSeconds", Node::as_number),
            max_attempts: field(node, "MaxAttempts", Node::as_number),
            backoff_rate: field(node, "BackoffRate", Node::as_number),
            max_delay_seconds: field(node, "MaxDelaySeconds", Node::as_number),
            jitter_strategy: field(node, "JitterStrategy", Node::as_str),
            comment: field(node, "Comment", Node::as_str),
        }
    }
}

/// A `Catch` element (any JSON value; fields are read when it is an object).
#[derive(Debug, Clone)]
pub struct Catcher<'a> {
    pub node: &'a Node,
    pub error_equals: Option<Field<'a, &'a [Node]>>,
    pub next: Option<Field<'a, &'a str>>,
    pub result_path: Option<Field<'a, PathValue<'a>>>,
    pub output: Option<Field<'a, &'a Node>>,
    pub assign: Option<Field<'a, &'a [Member]>>,
    pub comment: Option<Field<'a, &'a str>>,
}

impl<'a> Catcher<'a> {
    fn read(node: &'a Node) -> Self {
        Catcher {
            node,
            error_equals: field(node, "ErrorEquals", Node::as_array),
            next: field(node, "Next", Node::as_str),
            result_path: field(node, "ResultPath", nullable_path),
            output: field(node, "Output", value),
            assign: field(node, "Assign", Node::as_object),
            comment: field(node, "Comment", Node::as_str),
        }
    }
}
