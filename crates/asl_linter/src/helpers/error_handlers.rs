//! Retry and Catch lists read as ordered error handlers, and what the predefined error
//! names match (asl-facts §11).

use asl_semantic::model::{Field, State, StateKind, TaskState};
use asl_syntax::{Node, TextRange};

/// Errors that end the execution whatever the Retry and Catch say.
pub(crate) const UNHANDLEABLE_ERRORS: [&str; 2] = ["States.Runtime", "States.DataLimitExceeded"];

/// Whether a handler listing `broad` also handles errors named `name`. `States.TaskFailed`
/// matches every error except timeouts; `States.ALL` is left to misplaced-states-all, and
/// neither matches the errors that cannot be handled.
pub(crate) fn handles(broad: &str, name: &str) -> bool {
    broad == name
        || (broad == "States.TaskFailed"
            && !matches!(name, "States.ALL" | "States.Timeout" | "States.HeartbeatTimeout")
            && !UNHANDLEABLE_ERRORS.contains(&name))
}

/// Which list a handler is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HandlerList {
    Retry,
    Catch,
}

impl HandlerList {
    pub(crate) fn name(self) -> &'static str {
        match self {
            HandlerList::Retry => "Retry",
            HandlerList::Catch => "Catch",
        }
    }

    /// "retrier" or "catcher".
    pub(crate) fn element(self) -> &'static str {
        match self {
            HandlerList::Retry => "retrier",
            HandlerList::Catch => "catcher",
        }
    }
}

/// One retrier or catcher.
pub(crate) struct Handler<'a> {
    pub(crate) list: HandlerList,
    pub(crate) index: usize,
    /// The `ErrorEquals` member, when it is an array.
    pub(crate) error_equals: Option<&'a Field<'a, &'a [Node]>>,
    /// The string elements of `ErrorEquals` with their ranges.
    pub(crate) names: Vec<(&'a str, TextRange)>,
}

impl Handler<'_> {
    /// `Retry[2]`.
    pub(crate) fn label(&self) -> String {
        format!("{}[{}]", self.list.name(), self.index)
    }

    pub(crate) fn lists(&self, name: &str) -> bool {
        self.names.iter().any(|&(listed, _)| listed == name)
    }
}

/// The state's retriers and its catchers, as two ordered lists.
pub(crate) fn handler_lists<'a>(state: &'a State<'a>) -> [Vec<Handler<'a>>; 2] {
    let read = |list, index, error_equals: &'a Option<Field<'a, &'a [Node]>>| {
        let error_equals = error_equals.as_ref().filter(|f| f.value.is_some());
        let names = error_equals
            .and_then(|f| f.value)
            .unwrap_or(&[])
            .iter()
            .filter_map(|node| Some((node.as_str()?, node.range)))
            .collect();
        Handler {
            list,
            index,
            error_equals,
            names,
        }
    };
    let retriers = state
        .retriers()
        .iter()
        .enumerate()
        .map(|(i, r)| read(HandlerList::Retry, i, &r.error_equals));
    let catchers = state
        .catchers()
        .iter()
        .enumerate()
        .map(|(i, c)| read(HandlerList::Catch, i, &c.error_equals));
    [retriers.collect(), catchers.collect()]
}

/// The error names a Fail state raises, for telling a custom `States.` name from a typo.
pub(crate) fn raised_errors<'a>(states: &'a [State<'a>]) -> impl Iterator<Item = (&'a str, TextRange)> + 'a {
    states.iter().filter_map(|state| {
        let StateKind::Fail(fail) = &state.kind else {
            return None;
        };
        let field = fail.error.as_ref()?;
        Some((field.value?.literal().copied()?, field.value_range()))
    })
}

/// Whether a Task sets a timeout or a heartbeat, literally or through a path.
pub(crate) fn sets_timeout(task: &TaskState<'_>) -> bool {
    task.timeout_seconds.is_some()
        || task.timeout_seconds_path.is_some()
        || task.heartbeat_seconds.is_some()
        || task.heartbeat_seconds_path.is_some()
}
