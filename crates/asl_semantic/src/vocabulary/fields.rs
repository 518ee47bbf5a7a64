//! The field tables. Each row names the objects that have the field (a mask over
//! [`ObjectType`]s), the query languages it belongs to, its kind of value and its
//! documentation, the same text as the field's `description` in `schemas/asl.schema.json`.

use super::{Field, Languages as L, ObjectType, Objects, StateType, ValueKind as K};

/// The table holding the fields of `object`.
pub(super) fn table(object: ObjectType) -> &'static [Field] {
    match object {
        ObjectType::Machine | ObjectType::Branch | ObjectType::ItemProcessor | ObjectType::Iterator => MACHINE_FIELDS,
        ObjectType::State(_) => STATE_FIELDS,
        ObjectType::Retrier => RETRIER_FIELDS,
        ObjectType::Catcher => CATCHER_FIELDS,
        ObjectType::ChoiceRule | ObjectType::NestedChoiceRule => CHOICE_RULE_FIELDS,
        ObjectType::ProcessorConfig
        | ObjectType::ItemReader
        | ObjectType::ReaderConfig
        | ObjectType::ItemBatcher
        | ObjectType::ResultWriter
        | ObjectType::WriterConfig
        | ObjectType::Credentials => MAP_AND_TASK_OBJECT_FIELDS,
    }
}

const fn f(name: &'static str, objects: Objects, languages: L, kind: K, doc: &'static str) -> Field {
    Field {
        name,
        languages,
        kind,
        doc,
        objects,
    }
}

const MACHINE: Objects = ObjectType::Machine.bit();
const BRANCH: Objects = ObjectType::Branch.bit();
const ITEM_PROCESSOR: Objects = ObjectType::ItemProcessor.bit();
const ITERATOR: Objects = ObjectType::Iterator.bit();
const TASK: Objects = ObjectType::State(StateType::Task).bit();
const PASS: Objects = ObjectType::State(StateType::Pass).bit();
const CHOICE: Objects = ObjectType::State(StateType::Choice).bit();
const WAIT: Objects = ObjectType::State(StateType::Wait).bit();
const SUCCEED: Objects = ObjectType::State(StateType::Succeed).bit();
const FAIL: Objects = ObjectType::State(StateType::Fail).bit();
const PARALLEL: Objects = ObjectType::State(StateType::Parallel).bit();
const MAP: Objects = ObjectType::State(StateType::Map).bit();
const ALL_STATES: Objects = TASK | PASS | CHOICE | WAIT | SUCCEED | FAIL | PARALLEL | MAP;
/// The states that move on with `Next` or end with `End`.
const TRANSITIONING: Objects = TASK | PASS | WAIT | PARALLEL | MAP;
/// The states that run work and may retry and catch its errors.
const WORKERS: Objects = TASK | PARALLEL | MAP;
const RETRIER: Objects = ObjectType::Retrier.bit();
const CATCHER: Objects = ObjectType::Catcher.bit();
const CHOICE_RULE: Objects = ObjectType::ChoiceRule.bit();
const NESTED_CHOICE_RULE: Objects = ObjectType::NestedChoiceRule.bit();
const CHOICE_RULES: Objects = CHOICE_RULE | NESTED_CHOICE_RULE;
const PROCESSOR_CONFIG: Objects = ObjectType::ProcessorConfig.bit();
const ITEM_READER: Objects = ObjectType::ItemReader.bit();
const READER_CONFIG: Objects = ObjectType::ReaderConfig.bit();
const ITEM_BATCHER: Objects = ObjectType::ItemBatcher.bit();
const RESULT_WRITER: Objects = ObjectType::ResultWriter.bit();
const WRITER_CONFIG: Objects = ObjectType::WriterConfig.bit();
const CREDENTIALS: Objects = ObjectType::Credentials.bit();

/// The state machine and the nested machines (Parallel branches, Map processors).
const MACHINE_FIELDS: &[Field] = &[
    f(
        "Comment",
        MACHINE,
        L::Both,
        K::String,
        "Human-readable description of the state machine.",
    ),
    f(
        "StartAt",
        MACHINE,
        L::Both,
        K::String,
        "Name of the state the execution starts in. Must exactly match a key of `States`.",
    ),
    f(
        "States",
        MACHINE,
        L::Both,
        K::Object,
        "The states of the state machine, keyed by state name (1-80 characters, unique across the whole machine).",
    ),
    f(
        "TimeoutSeconds",
        MACHINE,
        L::Both,
        K::IntegerLiteral,
        "Maximum run time of an execution in seconds; when exceeded the execution fails with `States.Timeout`. Positive integer, at most 99999999 (capped by the 1-year Standard / 5-minute Express limit).",
    ),
    f(
        "Version",
        MACHINE,
        L::Both,
        K::String,
        "ASL version of the definition. Only `1.0` exists; default `1.0`.",
    ),
    f(
        "QueryLanguage",
        MACHINE,
        L::Both,
        K::String,
        "Default query language of every state: `JSONPath` (default) or `JSONata`. With `JSONata`, no state may set `\"QueryLanguage\": \"JSONPath\"`.",
    ),
    f(
        "Comment",
        BRANCH,
        L::Both,
        K::String,
        "Human-readable description of this branch.",
    ),
    f(
        "StartAt",
        BRANCH,
        L::Both,
        K::String,
        "Name of the first state to run in this branch. Must be a key of `States`.",
    ),
    f(
        "States",
        BRANCH,
        L::Both,
        K::Object,
        "The states of this branch, keyed by state name.",
    ),
    f(
        "QueryLanguage",
        BRANCH,
        L::Both,
        K::String,
        "Default query language of the states in this branch. Without it they inherit the state machine's `QueryLanguage` (not the enclosing state's).",
    ),
    f(
        "Comment",
        ITEM_PROCESSOR,
        L::Both,
        K::String,
        "Human-readable description of this item processor.",
    ),
    f(
        "StartAt",
        ITEM_PROCESSOR,
        L::Both,
        K::String,
        "Name of the first state to run in this item processor. Must be a key of `States`.",
    ),
    f(
        "States",
        ITEM_PROCESSOR,
        L::Both,
        K::Object,
        "The states of this item processor, keyed by state name.",
    ),
    f(
        "QueryLanguage",
        ITEM_PROCESSOR,
        L::Both,
        K::String,
        "Default query language of the states in this item processor. Without it they inherit the state machine's `QueryLanguage` (not the enclosing state's).",
    ),
    f(
        "ProcessorConfig",
        ITEM_PROCESSOR | ITERATOR,
        L::Both,
        K::Object,
        "How iterations run: `Mode` INLINE (default, in this execution, max 40 concurrent) or DISTRIBUTED (child executions).",
    ),
    f(
        "Comment",
        ITERATOR,
        L::Both,
        K::String,
        "Human-readable description of this iterator.",
    ),
    f(
        "StartAt",
        ITERATOR,
        L::Both,
        K::String,
        "Name of the first state to run in this iterator. Must be a key of `States`.",
    ),
    f(
        "States",
        ITERATOR,
        L::Both,
        K::Object,
        "The states of this iterator, keyed by state name.",
    ),
    f(
        "QueryLanguage",
        ITERATOR,
        L::Both,
        K::String,
        "Default query language of the states in this iterator. Without it they inherit the state machine's `QueryLanguage` (not the enclosing state's).",
    ),
];

/// Every field of every state type (SPEC "Table of State Types and Fields", asl-facts §2d).
const STATE_FIELDS: &[Field] = &[
    f(
        "Type",
        ALL_STATES,
        L::Both,
        K::String,
        "The state's type: Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map. Required; it decides which other fields the state may have.",
    ),
    f(
        "Comment",
        ALL_STATES,
        L::Both,
        K::String,
        "Human-readable description of the state. Ignored by the interpreter.",
    ),
    f(
        "QueryLanguage",
        ALL_STATES,
        L::Both,
        K::String,
        "Query language of this state: `JSONPath` (default, unless the state machine sets `JSONata`) or `JSONata`. A state may switch a JSONPath machine to JSONata, but not the other way round.",
    ),
    f(
        "Next",
        TRANSITIONING,
        L::Both,
        K::String,
        "Name of the state to run after this one. Must name a state in the same `States` object. A state has either `Next` or `\"End\": true`, never both.",
    ),
    f(
        "End",
        TRANSITIONING,
        L::Both,
        K::Boolean,
        "`true` makes this a terminal state: the execution (or the enclosing branch/iteration) ends here. A state has either `Next` or `\"End\": true`, never both.",
    ),
    f(
        "InputPath",
        ALL_STATES & !FAIL,
        L::JsonPath,
        K::NullablePath,
        "JSONPath only. Path selecting the part of the state input to work on; default `$` (the whole input). `null` passes an empty object `{}`.",
    ),
    f(
        "OutputPath",
        ALL_STATES & !FAIL,
        L::JsonPath,
        K::NullablePath,
        "JSONPath only. Path selecting the part of the state output passed to the next state; default `$`. `null` passes an empty object `{}`.",
    ),
    f(
        "Parameters",
        TASK | PASS | PARALLEL,
        L::JsonPath,
        K::Any,
        "JSONPath only. Payload template building the effective input (for a Task, the API parameters). Keys ending in `.$` take a Path, `$$` context path or intrinsic function as value. JSONata states use `Arguments` instead.",
    ),
    f(
        "Parameters",
        MAP,
        L::JsonPath,
        K::Any,
        "Deprecated in Map: use `ItemSelector`, which does the same thing. JSONPath only. Payload template building the input of each iteration; `$$.Map.Item.Value` and `$$.Map.Item.Index` give the current item. Not together with `ItemSelector`.",
    ),
    f(
        "ResultSelector",
        WORKERS,
        L::JsonPath,
        K::Object,
        "JSONPath only. Payload template applied to the raw result before `ResultPath`; keys ending in `.$` take a Path or intrinsic function. JSONata states use `Output` instead.",
    ),
    f(
        "ResultPath",
        WORKERS | PASS,
        L::JsonPath,
        K::NullablePath,
        "JSONPath only. Reference Path saying where to put the state's result inside its input; default `$` (the result replaces the input). `null` discards the result and passes the input through. Must not start with `$$` or name a variable.",
    ),
    f(
        "Result",
        PASS,
        L::JsonPath,
        K::Any,
        "JSONPath only. Fixed value that the Pass state outputs as its result (placed by `ResultPath`). JSONata states use `Output` instead.",
    ),
    f(
        "Arguments",
        TASK | PARALLEL,
        L::Jsonata,
        K::Any,
        "JSONata only. Input sent to the resource (Task) or to every branch (Parallel): any JSON value, where every string of the form `{% ... %}` is evaluated. May use `$states.input` and `$states.context`, not `$states.result`.",
    ),
    f(
        "Output",
        ALL_STATES & !FAIL,
        L::Jsonata,
        K::Any,
        "JSONata only. The state's output: any JSON value, where every `{% ... %}` string is evaluated. Default: the result for Task/Map/Parallel, the state input otherwise.",
    ),
    f(
        "Assign",
        ALL_STATES & !(SUCCEED | FAIL),
        L::Both,
        K::Object,
        "Workflow variables to set when the state completes: an object whose keys are variable names (max 80 characters, not `states`). Values are evaluated against the state's result; new values are visible from the next state on.",
    ),
    f(
        "Retry",
        WORKERS,
        L::Both,
        K::ObjectArray,
        "Retriers, tried in order for a failed state; the first whose `ErrorEquals` matches decides whether and when to retry. `States.ALL` may appear only alone, in the last retrier.",
    ),
    f(
        "Catch",
        WORKERS,
        L::Both,
        K::ObjectArray,
        "Fallback transitions taken when the state fails and retries are exhausted; the first catcher whose `ErrorEquals` matches wins. `States.ALL` may appear only alone, in the last catcher.",
    ),
    f(
        "Resource",
        TASK,
        L::Both,
        K::String,
        "URI (normally an ARN) of the work to run: a Lambda function, an activity, or a service integration such as `arn:aws:states:::lambda:invoke`, `arn:aws:states:::aws-sdk:<service>:<action>`, with optional `.sync` / `.waitForTaskToken` suffix.",
    ),
    f(
        "Resource.$",
        TASK,
        L::JsonPath,
        K::String,
        "JSONPath only. Path, `$$` context path or intrinsic function giving the `Resource` at run time. Not together with `Resource`.",
    ),
    f(
        "TimeoutSeconds",
        TASK,
        L::Both,
        K::Integer,
        "Maximum run time of the task in seconds before it fails with `States.Timeout`. Positive integer, at most 99999999; AWS default 99999999. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "TimeoutSecondsPath",
        TASK,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a positive integer used as `TimeoutSeconds`. Not together with `TimeoutSeconds`.",
    ),
    f(
        "HeartbeatSeconds",
        TASK,
        L::Both,
        K::Integer,
        "Maximum seconds between heartbeats from the worker before the task fails with `States.HeartbeatTimeout`. Positive integer, less than `TimeoutSeconds`, at most 99999999. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "HeartbeatSecondsPath",
        TASK,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a positive integer used as `HeartbeatSeconds`. Not together with `HeartbeatSeconds`.",
    ),
    f(
        "Credentials",
        TASK,
        L::Both,
        K::ObjectInJsonPath,
        "Role to assume for this task (cross-account access): an object with `RoleArn` (or `RoleArn.$` in JSONPath states).",
    ),
    f(
        "Branches",
        PARALLEL,
        L::Both,
        K::ObjectArray,
        "The branches run in parallel: each is a nested state machine with its own `StartAt` and `States`. Result is an array with one element per branch, in order. Must not be empty.",
    ),
    f(
        "ItemProcessor",
        MAP,
        L::Both,
        K::Object,
        "The state machine run for each item: `StartAt`, `States` and an optional `ProcessorConfig` choosing INLINE (default) or DISTRIBUTED mode.",
    ),
    f(
        "Iterator",
        MAP,
        L::Both,
        K::Object,
        "Deprecated name of `ItemProcessor`, read exactly like it: `StartAt`, `States`, `QueryLanguage` and an optional `ProcessorConfig` with its `Mode`. Rename it to `ItemProcessor`. Not together with `ItemProcessor`.",
    ),
    f(
        "Items",
        MAP,
        L::Jsonata,
        K::Any,
        "JSONata only. What to iterate over: a JSON array (or object), or a `{% %}` expression evaluating to one. Default: the state input (or the ItemReader's result).",
    ),
    f(
        "ItemsPath",
        MAP,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to the array (or object) to iterate over in the effective input; default `$`. Must not be null. JSONata states use `Items`.",
    ),
    f(
        "ItemSelector",
        MAP,
        L::Both,
        K::ObjectInJsonPath,
        "Builds the input of each iteration from the current item. JSONPath: payload template where `$$.Map.Item.Value`, `$$.Map.Item.Index` give the item; JSONata: any value with `{% %}` strings using `$states.context.Map.Item.Value`. Default: the item itself.",
    ),
    f(
        "MaxConcurrency",
        MAP,
        L::Both,
        K::Integer,
        "Upper bound on concurrently running iterations; 0 (default) means as many as possible (inline mode caps at 40, distributed at 10000). 1 runs items one by one, in order. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "MaxConcurrencyPath",
        MAP,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a non-negative integer used as `MaxConcurrency`. Not together with `MaxConcurrency`.",
    ),
    f(
        "ToleratedFailurePercentage",
        MAP,
        L::Both,
        K::Number,
        "Distributed mode only. Percentage (0-100) of failed items tolerated before the Map Run fails with `States.ExceedToleratedFailureThreshold`; default 0. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "ToleratedFailurePercentagePath",
        MAP,
        L::JsonPath,
        K::String,
        "JSONPath only; distributed mode. Reference Path to a number 0-100 used as `ToleratedFailurePercentage`.",
    ),
    f(
        "ToleratedFailureCount",
        MAP,
        L::Both,
        K::Integer,
        "Distributed mode only. Number of failed items tolerated before the Map Run fails with `States.ExceedToleratedFailureThreshold`; default 0. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "ToleratedFailureCountPath",
        MAP,
        L::JsonPath,
        K::String,
        "JSONPath only; distributed mode. Reference Path to a non-negative integer used as `ToleratedFailureCount`.",
    ),
    f(
        "ItemReader",
        MAP,
        L::Both,
        K::Object,
        "Distributed mode only. Reads the items from Amazon S3 (a JSON/JSONL/CSV/Parquet file, a manifest, or an object listing) instead of the state input.",
    ),
    f(
        "ItemBatcher",
        MAP,
        L::Both,
        K::Object,
        "Distributed mode only. Groups items into batches; each child execution receives `{\"Items\": [...]}` plus the optional `BatchInput`. Set at least one limit.",
    ),
    f(
        "ResultWriter",
        MAP,
        L::Both,
        K::Object,
        "Distributed mode only. Writes the child executions' results to Amazon S3 (`Resource` + `Parameters`/`Arguments`) and/or reshapes them (`WriterConfig`) instead of returning them as the state's result.",
    ),
    f(
        "Label",
        MAP,
        L::Both,
        K::String,
        "Distributed mode only. Label of the Map Run, shown in the console and in child execution names. At most 40 characters; no whitespace and none of ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & ` \" or control characters.",
    ),
    f(
        "Seconds",
        WAIT,
        L::Both,
        K::Integer,
        "Number of seconds to wait: a non-negative integer, at most 99999999 (bounded by the execution's maximum duration). In JSONata states may be a `{% %}` expression. Exactly one of Seconds / SecondsPath / Timestamp / TimestampPath.",
    ),
    f(
        "SecondsPath",
        WAIT,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a non-negative integer number of seconds to wait. Exactly one of Seconds / SecondsPath / Timestamp / TimestampPath.",
    ),
    f(
        "Timestamp",
        WAIT,
        L::Both,
        K::String,
        "Wait until this absolute time: an RFC 3339 timestamp with uppercase `T` and `Z`, e.g. `2016-03-14T01:59:00Z`. In JSONata states may be a `{% %}` expression. Exactly one of Seconds / SecondsPath / Timestamp / TimestampPath.",
    ),
    f(
        "TimestampPath",
        WAIT,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to an RFC 3339 timestamp to wait until. Exactly one of Seconds / SecondsPath / Timestamp / TimestampPath.",
    ),
    f(
        "Choices",
        CHOICE,
        L::Both,
        K::ObjectArray,
        "Choice rules, evaluated in order; the first rule that matches decides the next state. Must not be empty.",
    ),
    f(
        "Default",
        CHOICE,
        L::Both,
        K::String,
        "State to run when no choice rule matches. Without it an unmatched Choice fails with `States.NoChoiceMatched`.",
    ),
    f(
        "Error",
        FAIL,
        L::Both,
        K::String,
        "Error name reported by this Fail state, e.g. `OrderRejected`. User error names should not start with `States.`. In JSONata states may be a `{% %}` expression. Not together with `ErrorPath`.",
    ),
    f(
        "ErrorPath",
        FAIL,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path or string-returning intrinsic function giving the error name at run time. Not together with `Error`.",
    ),
    f(
        "Cause",
        FAIL,
        L::Both,
        K::String,
        "Human-readable explanation of the failure reported by this Fail state. In JSONata states may be a `{% %}` expression. Not together with `CausePath`.",
    ),
    f(
        "CausePath",
        FAIL,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path or string-returning intrinsic function giving the cause at run time. Not together with `Cause`.",
    ),
];

const RETRIER_FIELDS: &[Field] = &[
    f(
        "ErrorEquals",
        RETRIER,
        L::Both,
        K::StringArray,
        "Error names this retrier/catcher matches, e.g. `States.TaskFailed`, `Lambda.ServiceException`, `States.ALL` (any error; must be alone and in the last retrier/catcher). Must not be empty.",
    ),
    f(
        "IntervalSeconds",
        RETRIER,
        L::Both,
        K::IntegerLiteral,
        "Seconds before the first retry. Non-negative integer (AWS accepts 0), at most 99999999; default 1.",
    ),
    f(
        "MaxAttempts",
        RETRIER,
        L::Both,
        K::IntegerLiteral,
        "Maximum number of retries; default 3. 0 means never retry for these errors. Non-negative integer, at most 99999999.",
    ),
    f(
        "BackoffRate",
        RETRIER,
        L::Both,
        K::NumberLiteral,
        "Multiplier applied to the retry interval after each attempt; default 2.0. Number, at least 1.0.",
    ),
    f(
        "MaxDelaySeconds",
        RETRIER,
        L::Both,
        K::IntegerLiteral,
        "Upper bound, in seconds, on the interval between retries (caps the backoff). Positive integer, at most 31622400 (366 days).",
    ),
    f(
        "JitterStrategy",
        RETRIER,
        L::Both,
        K::String,
        "`FULL` randomises each retry interval between 0 and the computed delay (spreads out retries); `NONE` (default) uses the computed delay.",
    ),
    f(
        "Comment",
        RETRIER,
        L::Both,
        K::String,
        "Human-readable description of this retrier.",
    ),
];

const CATCHER_FIELDS: &[Field] = &[
    f(
        "ErrorEquals",
        CATCHER,
        L::Both,
        K::StringArray,
        "Error names this retrier/catcher matches, e.g. `States.TaskFailed`, `Lambda.ServiceException`, `States.ALL` (any error; must be alone and in the last retrier/catcher). Must not be empty.",
    ),
    f(
        "Next",
        CATCHER,
        L::Both,
        K::String,
        "State to transition to when this catcher matches. Must be in the same `States` object.",
    ),
    f(
        "ResultPath",
        CATCHER,
        L::JsonPath,
        K::NullablePath,
        "JSONPath only. Where to place the Error Output `{\"Error\": ..., \"Cause\": ...}` in the state input; default `$` (replaces the input). `null` passes the input through.",
    ),
    f(
        "Output",
        CATCHER,
        L::Jsonata,
        K::Any,
        "JSONata only. Output passed to the `Next` state; default the Error Output `{\"Error\": ..., \"Cause\": ...}`. May use `$states.errorOutput`.",
    ),
    f(
        "Assign",
        CATCHER,
        L::Both,
        K::Object,
        "Variables to set when this catcher fires (replaces the state's own `Assign`). Values read the Error Output: `$` in JSONPath states, `$states.errorOutput` in JSONata states.",
    ),
    f(
        "Comment",
        CATCHER,
        L::Both,
        K::String,
        "Human-readable description of this catcher.",
    ),
];

/// Choice rule fields other than the comparison operators, which come from
/// [`super::ComparisonOperator`].
const CHOICE_RULE_FIELDS: &[Field] = &[
    f(
        "Variable",
        CHOICE_RULES,
        L::JsonPath,
        K::String,
        "Path (`$.x`, `$$.x` or a variable `$name`) to the value that the comparison operator tests.",
    ),
    f(
        "And",
        CHOICE_RULES,
        L::JsonPath,
        K::ObjectArray,
        "Matches when every nested rule matches. Non-empty array of nested rules (without `Next`).",
    ),
    f(
        "Or",
        CHOICE_RULES,
        L::JsonPath,
        K::ObjectArray,
        "Matches when at least one nested rule matches. Non-empty array of nested rules (without `Next`).",
    ),
    f(
        "Not",
        CHOICE_RULES,
        L::JsonPath,
        K::Object,
        "Matches when the nested rule (an object, without `Next`) does not match.",
    ),
    f(
        "Condition",
        CHOICE_RULE,
        L::Jsonata,
        K::BooleanOrJsonata,
        "Boolean literal or `{% %}` JSONata expression evaluating to a boolean; the rule matches when it is true.",
    ),
    f(
        "Next",
        CHOICE_RULE,
        L::Both,
        K::String,
        "State to run when this rule matches. Must be in the same `States` object.",
    ),
    f(
        "Assign",
        CHOICE_RULE,
        L::Both,
        K::Object,
        "Variables to set when this rule matches (replaces the Choice state's own `Assign`). In JSONPath states `$` is the state's effective input.",
    ),
    f(
        "Assign",
        NESTED_CHOICE_RULE,
        L::JsonPath,
        K::Object,
        "Variables on a nested rule. The spec defines `Assign` only on top-level rules; prefer putting it there.",
    ),
    f(
        "Output",
        CHOICE_RULE,
        L::Jsonata,
        K::Any,
        "Output of the Choice state when this rule matches; default the state input.",
    ),
    f(
        "Comment",
        CHOICE_RULES,
        L::Both,
        K::String,
        "Human-readable description of this rule.",
    ),
];

/// The Map state's configuration objects, and a Task's `Credentials` (which may also have
/// fields of its own: see [`ObjectType::is_open`]).
const MAP_AND_TASK_OBJECT_FIELDS: &[Field] = &[
    f(
        "Mode",
        PROCESSOR_CONFIG,
        L::Both,
        K::String,
        "`INLINE` (default): iterations run inside this execution (max 40 concurrent, JSON input only). `DISTRIBUTED`: each item (or batch) runs as a child workflow execution; enables ItemReader, ItemBatcher, ResultWriter, Label, ToleratedFailure*.",
    ),
    f(
        "ExecutionType",
        PROCESSOR_CONFIG,
        L::Both,
        K::String,
        "Distributed mode only. Type of the child workflow executions: `STANDARD` or `EXPRESS` (at most 5 minutes each).",
    ),
    f(
        "Resource",
        ITEM_READER,
        L::Both,
        K::String,
        "S3 action reading the items: `arn:aws:states:::s3:getObject` (one file) or `arn:aws:states:::s3:listObjectsV2` (an object listing).",
    ),
    f(
        "Parameters",
        ITEM_READER,
        L::JsonPath,
        K::Any,
        "JSONPath only. Parameters of the S3 call: `Bucket` plus `Key` (getObject) or `Prefix` (listObjectsV2).",
    ),
    f(
        "Arguments",
        ITEM_READER,
        L::Jsonata,
        K::Any,
        "JSONata only. Parameters of the S3 call: `Bucket` plus `Key` (getObject) or `Prefix` (listObjectsV2).",
    ),
    f(
        "ReaderConfig",
        ITEM_READER,
        L::Both,
        K::Object,
        "How to parse the S3 object(s) read by the ItemReader.",
    ),
    f(
        "InputType",
        READER_CONFIG,
        L::Both,
        K::String,
        "Format of the S3 object: `CSV`, `JSON`, `JSONL`, `PARQUET` or `MANIFEST`. Omit when reading an object listing or an `S3_INVENTORY` manifest.",
    ),
    f(
        "Transformation",
        READER_CONFIG,
        L::Both,
        K::String,
        "`NONE` (default) or `LOAD_AND_FLATTEN` (with `listObjectsV2`: read every listed object and iterate over their contents).",
    ),
    f(
        "ManifestType",
        READER_CONFIG,
        L::Both,
        K::String,
        "Kind of manifest: `ATHENA_DATA` or `S3_INVENTORY` (then do not set `InputType`).",
    ),
    f(
        "CSVHeaderLocation",
        READER_CONFIG,
        L::Both,
        K::String,
        "`FIRST_ROW`: the first line of the CSV holds the column names; `GIVEN`: they are listed in `CSVHeaders`.",
    ),
    f(
        "CSVHeaders",
        READER_CONFIG,
        L::Both,
        K::StringArray,
        "Column names, required when `CSVHeaderLocation` is `GIVEN`. Non-empty, no duplicates.",
    ),
    f(
        "CSVDelimiter",
        READER_CONFIG,
        L::Both,
        K::String,
        "Field separator of the CSV file: `COMMA` (default), `PIPE`, `SEMICOLON`, `SPACE` or `TAB`.",
    ),
    f(
        "ItemsPointer",
        READER_CONFIG,
        L::Both,
        K::String,
        "JSON Pointer (e.g. `/data/items`) to the array of items inside a JSON file.",
    ),
    f(
        "MaxItems",
        READER_CONFIG,
        L::Both,
        K::Integer,
        "Read at most this many items (0: no limit, the default). Integer, at most 100000000. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "MaxItemsPath",
        READER_CONFIG,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a positive integer used as `MaxItems`. Not together with `MaxItems`.",
    ),
    f(
        "MaxItemsPerBatch",
        ITEM_BATCHER,
        L::Both,
        K::Integer,
        "Maximum number of items per batch. Positive integer. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "MaxItemsPerBatchPath",
        ITEM_BATCHER,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a positive integer used as `MaxItemsPerBatch`.",
    ),
    f(
        "MaxInputBytesPerBatch",
        ITEM_BATCHER,
        L::Both,
        K::Integer,
        "Maximum size of a batch in bytes. Positive integer, at most 262144 (256 KiB). In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "MaxInputBytesPerBatchPath",
        ITEM_BATCHER,
        L::JsonPath,
        K::String,
        "JSONPath only. Reference Path to a positive integer used as `MaxInputBytesPerBatch`.",
    ),
    f(
        "BatchInput",
        ITEM_BATCHER,
        L::Both,
        K::Any,
        "Extra value added to every batch as `BatchInput` (in JSONPath states, a payload template).",
    ),
    f(
        "Resource",
        RESULT_WRITER,
        L::Both,
        K::String,
        "S3 action writing the results: `arn:aws:states:::s3:putObject`.",
    ),
    f(
        "Parameters",
        RESULT_WRITER,
        L::JsonPath,
        K::Any,
        "JSONPath only. Where to write: `Bucket` and `Prefix`.",
    ),
    f(
        "Arguments",
        RESULT_WRITER,
        L::Jsonata,
        K::Any,
        "JSONata only. Where to write: `Bucket` and `Prefix`.",
    ),
    f(
        "WriterConfig",
        RESULT_WRITER,
        L::Both,
        K::Object,
        "Shape of the exported results.",
    ),
    f(
        "OutputType",
        WRITER_CONFIG,
        L::Both,
        K::String,
        "`JSON` (one array) or `JSONL` (one result per line).",
    ),
    f(
        "Transformation",
        WRITER_CONFIG,
        L::Both,
        K::String,
        "`NONE` keeps the full execution records, `COMPACT` keeps only each child's output, `FLATTEN` keeps outputs and flattens arrays returned by children.",
    ),
    f(
        "RoleArn",
        CREDENTIALS,
        L::Both,
        K::String,
        "ARN of the IAM role Step Functions assumes to run this task. In JSONata states may be a `{% %}` expression.",
    ),
    f(
        "RoleArn.$",
        CREDENTIALS,
        L::JsonPath,
        K::String,
        "JSONPath only. Path, `$$` context path or intrinsic function giving the role ARN at run time.",
    ),
];
