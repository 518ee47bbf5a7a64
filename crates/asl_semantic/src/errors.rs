//! The error names that Step Functions defines (asl-facts §11d).

/// Each predefined error name with what it means, for messages, completion and hover.
pub const PREDEFINED_ERRORS: &[(&str, &str)] = &[
    (
        "States.ALL",
        "Matches any error name (only alone, in the last retrier or catcher).",
    ),
    ("States.TaskFailed", "Matches any error except States.Timeout."),
    (
        "States.Timeout",
        "The state ran longer than TimeoutSeconds or missed a heartbeat.",
    ),
    (
        "States.HeartbeatTimeout",
        "The task sent no heartbeat within HeartbeatSeconds.",
    ),
    (
        "States.Runtime",
        "A runtime failure, such as a path that selects nothing; never retried.",
    ),
    ("States.DataLimitExceeded", "Output larger than the payload quota."),
    ("States.Permissions", "The execution role lacks a permission."),
    (
        "States.ResultPathMatchFailure",
        "ResultPath cannot be applied to the state input.",
    ),
    ("States.ParameterPathFailure", "A path in Parameters selects nothing."),
    ("States.QueryEvaluationError", "A JSONata expression failed."),
    ("States.IntrinsicFailure", "An intrinsic function failed."),
    (
        "States.NoChoiceMatched",
        "No choice rule matched and there is no Default.",
    ),
    ("States.BranchFailed", "A Parallel branch failed."),
    (
        "States.ExceedToleratedFailureThreshold",
        "A Map run failed more items than tolerated.",
    ),
    ("States.ItemReaderFailed", "A Map state could not read its items."),
    ("States.ResultWriterFailed", "A Map state could not write its results."),
    ("States.Http.Socket", "An HTTP task's socket timed out."),
];

/// The predefined error names.
pub fn predefined_error_names() -> impl Iterator<Item = &'static str> {
    PREDEFINED_ERRORS.iter().map(|(name, _)| *name)
}

/// Whether `name` is a predefined error; `States.Http.*` names (HTTP Task errors) are
/// accepted by prefix.
pub fn is_predefined_error(name: &str) -> bool {
    predefined_error_names().any(|known| known == name) || name.starts_with("States.Http.")
}
