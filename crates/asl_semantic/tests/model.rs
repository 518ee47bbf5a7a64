//! Tests of the typed ASL model: each case renders the model as a compact text dump
//! (snapshots in `tests/snapshots/`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use asl_semantic::model::{
    Catcher, ChoiceRule, Dynamic, Field, Model, PathValue, Retrier, ScopeKind, State, StateKind, build,
    jsonata_expression,
};
use asl_syntax::{LineIndex, Member, Node, Number, PositionEncoding, TextRange, parse};

/// Parses `json`, builds the model and renders it.
fn check(json: &str) -> String {
    let parsed = parse(json);
    let model = build(&parsed.root);
    Dump {
        index: LineIndex::new(json),
        out: String::new(),
    }
    .model(&model)
}

struct Dump {
    index: LineIndex,
    out: String,
}

impl Dump {
    fn pos(&self, range: TextRange) -> String {
        let at = self.index.line_col(range.start, PositionEncoding::Utf8);
        format!("{}:{}", at.line + 1, at.col + 1)
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth));
    }

    /// One line `name=value` for a present field; `name=INVALID(<json kind>)` when mistyped.
    fn field<T>(&mut self, depth: usize, name: &str, field: &Option<Field<'_, T>>, show: impl Fn(&T) -> String) {
        if let Some(field) = field {
            let value = match &field.value {
                Some(value) => show(value),
                None => format!("INVALID({})", field.node().kind_name()),
            };
            self.line(depth, &format!("{name}={value}"));
        }
    }

    fn model(mut self, model: &Model<'_>) -> String {
        self.line(0, &format!("machine language={}", model.query_language.name()));
        self.field(1, "Version", &model.version, |v| format!("{v:?}"));
        self.field(1, "TimeoutSeconds", &model.timeout_seconds, |n| number(*n));
        for scope in &model.scopes {
            let kind = match scope.kind {
                ScopeKind::Root => "root".to_owned(),
                ScopeKind::Branch { parallel, index } => {
                    format!("branch {index} of {:?}", model.state(parallel).name)
                }
                ScopeKind::ItemProcessor {
                    map,
                    deprecated_iterator,
                } => format!(
                    "{} of {:?}",
                    if deprecated_iterator {
                        "iterator"
                    } else {
                        "item processor"
                    },
                    model.state(map).name
                ),
            };
            let names: Vec<String> = model.states_in(scope.id).map(|s| format!("{:?}", s.name)).collect();
            self.line(
                0,
                &format!("scope {} ({kind}) states=[{}]", scope.id.index(), names.join(", ")),
            );
            self.field(1, "StartAt", &scope.start_at, |v| format!("{v:?}"));
            self.field(1, "States", &scope.states_field, |members| {
                format!("{} members", members.len())
            });
            self.field(1, "Comment", &scope.comment, |v| format!("{v:?}"));
            self.field(1, "QueryLanguage", &scope.query_language, |v| v.name().to_owned());
            self.field(1, "ProcessorConfig", &scope.processor_config, |_| "object".to_owned());
            if let Some(config) = scope.processor_config.as_ref().and_then(|f| f.value.as_ref()) {
                self.field(2, "Mode", &config.mode, |v| format!("{v:?}"));
                self.field(2, "ExecutionType", &config.execution_type, |v| format!("{v:?}"));
            }
        }
        for state in &model.states {
            self.state(model, state);
        }
        self.out
    }

    fn state(&mut self, model: &Model<'_>, state: &State<'_>) {
        let type_name = match (&state.kind, &state.type_field) {
            (StateKind::Missing, _) => "MISSING TYPE".to_owned(),
            (StateKind::Unknown, Some(field)) => format!("UNKNOWN TYPE {}", node(&field.node())),
            (kind, _) => kind.type_name().unwrap_or_default().to_owned(),
        };
        let terminal = if state.is_terminal() { " terminal" } else { "" };
        let object = if state.is_object() { "" } else { " NOT AN OBJECT" };
        self.line(
            0,
            &format!(
                "state {} {:?} @{} in scope {}: {type_name} {}{terminal}{object}",
                state.id.index(),
                state.name,
                self.pos(state.name_range),
                state.scope.index(),
                state.effective_query_language.name(),
            ),
        );
        self.field(1, "QueryLanguage", &state.query_language, |v| v.name().to_owned());
        self.field(1, "Comment", &state.comment, |v| format!("{v:?}"));
        self.field(1, "Next", &state.next, |v| format!("{v:?}"));
        self.field(1, "End", &state.end, |v| v.to_string());
        self.field(1, "InputPath", &state.input_path, path);
        self.field(1, "OutputPath", &state.output_path, path);
        self.field(1, "Parameters", &state.parameters, node);
        self.field(1, "ResultSelector", &state.result_selector, node);
        self.field(1, "ResultPath", &state.result_path, path);
        self.field(1, "Result", &state.result, node);
        self.field(1, "Arguments", &state.arguments, node);
        self.field(1, "Output", &state.output, node);
        self.field(1, "Assign", &state.assign, |m| members(m));
        match &state.kind {
            StateKind::Task(task) => {
                self.field(1, "Resource", &task.resource, |v| format!("{v:?}"));
                self.field(1, "TimeoutSeconds", &task.timeout_seconds, dynamic_number);
                self.field(1, "TimeoutSecondsPath", &task.timeout_seconds_path, |v| {
                    format!("{v:?}")
                });
                self.field(1, "HeartbeatSeconds", &task.heartbeat_seconds, dynamic_number);
                self.field(1, "HeartbeatSecondsPath", &task.heartbeat_seconds_path, |v| {
                    format!("{v:?}")
                });
                self.field(1, "Credentials", &task.credentials, |m| members(m));
            }
            StateKind::Wait(wait) => {
                self.field(1, "Seconds", &wait.seconds, dynamic_number);
                self.field(1, "SecondsPath", &wait.seconds_path, |v| format!("{v:?}"));
                self.field(1, "Timestamp", &wait.timestamp, dynamic_string);
                self.field(1, "TimestampPath", &wait.timestamp_path, |v| format!("{v:?}"));
            }
            StateKind::Fail(fail) => {
                self.field(1, "Error", &fail.error, dynamic_string);
                self.field(1, "ErrorPath", &fail.error_path, |v| format!("{v:?}"));
                self.field(1, "Cause", &fail.cause, dynamic_string);
                self.field(1, "CausePath", &fail.cause_path, |v| format!("{v:?}"));
            }
            StateKind::Choice(choice) => {
                self.field(1, "Default", &choice.default, |v| format!("{v:?}"));
                self.field(1, "Choices", &choice.choices, |rules| format!("{} rules", rules.len()));
                for (index, rule) in choice.rules().iter().enumerate() {
                    self.line(1, &format!("rule {index}"));
                    self.rule(2, rule);
                }
            }
            StateKind::Parallel(parallel) => {
                self.field(1, "Branches", &parallel.branches, |scopes| {
                    let ids: Vec<String> = scopes.iter().map(|s| format!("scope {}", s.index())).collect();
                    format!("[{}]", ids.join(", "))
                });
            }
            StateKind::Map(map) => {
                self.line(
                    1,
                    &format!("mode={:?} processor={:?}", map.mode, map.processor().map(|s| s.index())),
                );
                self.field(1, "ItemProcessor", &map.item_processor, |s| {
                    format!("scope {}", s.index())
                });
                self.field(1, "Iterator", &map.iterator, |s| format!("scope {}", s.index()));
                self.field(1, "Items", &map.items, node);
                self.field(1, "ItemsPath", &map.items_path, path);
                self.field(1, "ItemSelector", &map.item_selector, node);
                self.field(1, "MaxConcurrency", &map.max_concurrency, dynamic_number);
                self.field(1, "MaxConcurrencyPath", &map.max_concurrency_path, |v| format!("{v:?}"));
                self.field(
                    1,
                    "ToleratedFailurePercentage",
                    &map.tolerated_failure_percentage,
                    dynamic_number,
                );
                self.field(
                    1,
                    "ToleratedFailurePercentagePath",
                    &map.tolerated_failure_percentage_path,
                    |v| format!("{v:?}"),
                );
                self.field(1, "ToleratedFailureCount", &map.tolerated_failure_count, dynamic_number);
                self.field(1, "ToleratedFailureCountPath", &map.tolerated_failure_count_path, |v| {
                    format!("{v:?}")
                });
                self.field(1, "Label", &map.label, |v| format!("{v:?}"));
                self.field(1, "ItemReader", &map.item_reader, |_| "object".to_owned());
                if let Some(reader) = map.item_reader.as_ref().and_then(|f| f.value.as_ref()) {
                    self.field(2, "Resource", &reader.resource, |v| format!("{v:?}"));
                    self.field(2, "Parameters", &reader.parameters, node);
                    self.field(2, "Arguments", &reader.arguments, node);
                    self.field(2, "ReaderConfig", &reader.reader_config, |_| "object".to_owned());
                    if let Some(config) = reader.reader_config.as_ref().and_then(|f| f.value.as_ref()) {
                        self.field(3, "InputType", &config.input_type, |v| format!("{v:?}"));
                        self.field(3, "Transformation", &config.transformation, |v| format!("{v:?}"));
                        self.field(3, "ManifestType", &config.manifest_type, |v| format!("{v:?}"));
                        self.field(3, "CSVHeaderLocation", &config.csv_header_location, |v| {
                            format!("{v:?}")
                        });
                        self.field(3, "CSVHeaders", &config.csv_headers, |items| array(items));
                        self.field(3, "CSVDelimiter", &config.csv_delimiter, |v| format!("{v:?}"));
                        self.field(3, "ItemsPointer", &config.items_pointer, |v| format!("{v:?}"));
                        self.field(3, "MaxItems", &config.max_items, dynamic_number);
                        self.field(3, "MaxItemsPath", &config.max_items_path, |v| format!("{v:?}"));
                    }
                }
                self.field(1, "ItemBatcher", &map.item_batcher, |_| "object".to_owned());
                if let Some(batcher) = map.item_batcher.as_ref().and_then(|f| f.value.as_ref()) {
                    self.field(2, "MaxItemsPerBatch", &batcher.max_items_per_batch, dynamic_number);
                    self.field(2, "MaxItemsPerBatchPath", &batcher.max_items_per_batch_path, |v| {
                        format!("{v:?}")
                    });
                    self.field(
                        2,
                        "MaxInputBytesPerBatch",
                        &batcher.max_input_bytes_per_batch,
                        dynamic_number,
                    );
                    self.field(
                        2,
                        "MaxInputBytesPerBatchPath",
                        &batcher.max_input_bytes_per_batch_path,
                        |v| format!("{v:?}"),
                    );
                    self.field(2, "BatchInput", &batcher.batch_input, node);
                }
                self.field(1, "ResultWriter", &map.result_writer, |_| "object".to_owned());
                if let Some(writer) = map.result_writer.as_ref().and_then(|f| f.value.as_ref()) {
                    self.field(2, "Resource", &writer.resource, |v| format!("{v:?}"));
                    self.field(2, "Parameters", &writer.parameters, node);
                    self.field(2, "Arguments", &writer.arguments, node);
                    self.field(2, "WriterConfig", &writer.writer_config, |_| "object".to_owned());
                    if let Some(config) = writer.writer_config.as_ref().and_then(|f| f.value.as_ref()) {
                        self.field(3, "OutputType", &config.output_type, |v| format!("{v:?}"));
                        self.field(3, "Transformation", &config.transformation, |v| format!("{v:?}"));
                    }
                }
            }
            StateKind::Pass | StateKind::Succeed | StateKind::Unknown | StateKind::Missing => {}
        }
        self.field(1, "Retry", &state.retry, |r| format!("{} retriers", r.len()));
        for (index, retrier) in state.retriers().iter().enumerate() {
            self.retrier(index, retrier);
        }
        self.field(1, "Catch", &state.catch, |c| format!("{} catchers", c.len()));
        for (index, catcher) in state.catchers().iter().enumerate() {
            self.catcher(index, catcher);
        }
        for transition in model.transitions(state.id) {
            let resolved = match transition.resolved {
                Some(id) => format!("state {}", id.index()),
                None => "UNRESOLVED".to_owned(),
            };
            self.line(
                1,
                &format!(
                    "-> {:?} {:?} @{} = {resolved}",
                    transition.kind,
                    transition.target,
                    self.pos(transition.target_range)
                ),
            );
        }
    }

    fn retrier(&mut self, index: usize, retrier: &Retrier<'_>) {
        self.line(1, &format!("retrier {index}{}", not_object(retrier.node)));
        self.field(2, "ErrorEquals", &retrier.error_equals, |items| array(items));
        self.field(2, "IntervalSeconds", &retrier.interval_seconds, |n| number(*n));
        self.field(2, "MaxAttempts", &retrier.max_attempts, |n| number(*n));
        self.field(2, "BackoffRate", &retrier.backoff_rate, |n| number(*n));
        self.field(2, "MaxDelaySeconds", &retrier.max_delay_seconds, |n| number(*n));
        self.field(2, "JitterStrategy", &retrier.jitter_strategy, |v| format!("{v:?}"));
        self.field(2, "Comment", &retrier.comment, |v| format!("{v:?}"));
    }

    fn catcher(&mut self, index: usize, catcher: &Catcher<'_>) {
        self.line(1, &format!("catcher {index}{}", not_object(catcher.node)));
        self.field(2, "ErrorEquals", &catcher.error_equals, |items| array(items));
        self.field(2, "Next", &catcher.next, |v| format!("{v:?}"));
        self.field(2, "ResultPath", &catcher.result_path, path);
        self.field(2, "Output", &catcher.output, node);
        self.field(2, "Assign", &catcher.assign, |m| members(m));
        self.field(2, "Comment", &catcher.comment, |v| format!("{v:?}"));
    }

    fn rule(&mut self, depth: usize, rule: &ChoiceRule<'_>) {
        if rule.node.as_object().is_none() {
            self.line(depth, &format!("NOT AN OBJECT: {}", rule.node.kind_name()));
        }
        self.field(depth, "Variable", &rule.variable, |v| format!("{v:?}"));
        for comparison in &rule.comparisons {
            let operator = comparison.operator;
            self.line(
                depth,
                &format!(
                    "{} ({:?})={}",
                    operator.name(),
                    operator.operand(),
                    node(&comparison.field.node())
                ),
            );
        }
        self.field(depth, "Condition", &rule.condition, |c| match c {
            Dynamic::Literal(value) => value.to_string(),
            Dynamic::Jsonata(j) => format!("jsonata {:?}", j.expression),
        });
        self.field(depth, "Next", &rule.next, |v| format!("{v:?}"));
        self.field(depth, "Assign", &rule.assign, |m| members(m));
        self.field(depth, "Output", &rule.output, node);
        self.field(depth, "Comment", &rule.comment, |v| format!("{v:?}"));
        for (name, list) in [("And", &rule.and), ("Or", &rule.or)] {
            self.field(depth, name, list, |rules| format!("{} rules", rules.len()));
            for nested in list.iter().flat_map(|f| f.value.iter().flatten()) {
                self.line(depth + 1, "rule");
                self.rule(depth + 2, nested);
            }
        }
        self.field(depth, "Not", &rule.not, |_| "rule".to_owned());
        if let Some(nested) = rule.not.as_ref().and_then(|f| f.value.as_ref()) {
            self.rule(depth + 1, nested);
        }
    }
}

fn not_object(node: &Node) -> String {
    if node.as_object().is_some() {
        String::new()
    } else {
        format!(" NOT AN OBJECT: {}", node.kind_name())
    }
}

fn number(n: Number) -> String {
    match n {
        Number::PosInt(n) => n.to_string(),
        Number::NegInt(n) => n.to_string(),
        Number::Float(f) => format!("{f:?}"),
    }
}

fn dynamic_number(value: &Dynamic<'_, Number>) -> String {
    match value {
        Dynamic::Literal(n) => number(*n),
        Dynamic::Jsonata(j) => format!("jsonata {:?}", j.expression),
    }
}

fn dynamic_string(value: &Dynamic<'_, &str>) -> String {
    match value {
        Dynamic::Literal(text) => format!("{text:?}"),
        Dynamic::Jsonata(j) => format!("jsonata {:?}", j.expression),
    }
}

fn path(value: &PathValue<'_>) -> String {
    match value {
        PathValue::Null => "null".to_owned(),
        PathValue::Path(path) => format!("{path:?}"),
    }
}

fn node(node: &&Node) -> String {
    match node.as_str() {
        Some(text) => format!("{text:?}"),
        None => node.kind_name().to_owned(),
    }
}

fn members(members: &[Member]) -> String {
    let keys: Vec<&str> = members.iter().map(|m| m.key.text.as_str()).collect();
    format!("{{{}}}", keys.join(", "))
}

fn array(items: &[Node]) -> String {
    let items: Vec<String> = items.iter().map(|item| node(&item)).collect();
    format!("[{}]", items.join(", "))
}

macro_rules! snapshot {
    ($name:ident, $json:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), check($json));
        }
    };
}

snapshot!(
    jsonpath_every_state_type,
    r#"{
  "Comment": "every type, JSONPath",
  "Version": "1.0",
  "TimeoutSeconds": 300,
  "StartAt": "Task",
  "States": {
    "Task": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "f", "Payload.$": "$"},
      "ResultSelector": {"body.$": "$.Payload"},
      "ResultPath": "$.result",
      "InputPath": "$.in",
      "OutputPath": null,
      "TimeoutSecondsPath": "$.timeout",
      "HeartbeatSeconds": 10,
      "Credentials": {"RoleArn": "arn:aws:iam::123456789012:role/r"},
      "Assign": {"x.$": "$.Payload"},
      "Retry": [
        {"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 2, "MaxAttempts": 6,
         "BackoffRate": 1.5, "MaxDelaySeconds": 30, "JitterStrategy": "FULL", "Comment": "transient"},
        {"ErrorEquals": ["States.ALL"]}
      ],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed", "ResultPath": "$.error", "Comment": "any"}],
      "Next": "Pass"
    },
    "Pass": {"Type": "Pass", "Result": {"a": 1}, "ResultPath": "$.pass", "Next": "Wait"},
    "Wait": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "Choice"},
    "Choice": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.n", "NumericGreaterThan": 5, "Next": "Parallel", "Comment": "big"},
        {"And": [{"Variable": "$.s", "StringMatches": "a*"}, {"Not": {"Variable": "$.b", "IsPresent": true}}],
         "Next": "Done", "Assign": {"chosen": "and"}},
        {"Or": [{"Variable": "$.t", "TimestampLessThanEqualsPath": "$.limit"}], "Next": "Done"}
      ],
      "Default": "Failed"
    },
    "Parallel": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "End": true}}},
        {"StartAt": "B2", "Comment": "second", "States": {"B2": {"Type": "Succeed"}}}
      ],
      "Next": "Map"
    },
    "Map": {
      "Type": "Map",
      "ItemsPath": "$.items",
      "ItemSelector": {"value.$": "$$.Map.Item.Value"},
      "MaxConcurrency": 2,
      "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}},
      "Next": "Done"
    },
    "Done": {"Type": "Succeed", "OutputPath": "$.out"},
    "Failed": {"Type": "Fail", "ErrorPath": "$.error.Error", "Cause": "it broke"}
  }
}"#
);

snapshot!(
    jsonata_every_state_type,
    r#"{
  "QueryLanguage": "JSONata",
  "StartAt": "Task",
  "States": {
    "Task": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
      "Output": "{% $states.result.Payload %}",
      "Assign": {"count": "{% $count + 1 %}"},
      "TimeoutSeconds": "{% $states.input.timeout %}",
      "HeartbeatSeconds": 5,
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed", "Output": "{% $states.errorOutput %}",
                 "Assign": {"failed": true}}],
      "Next": "Pass"
    },
    "Pass": {"Type": "Pass", "Output": {"a": 1}, "Next": "Wait"},
    "Wait": {"Type": "Wait", "Timestamp": "{% $states.input.when %}", "Next": "Choice"},
    "Choice": {
      "Type": "Choice",
      "Choices": [
        {"Condition": "{% $states.input.n > 5 %}", "Next": "Parallel", "Output": {"big": true}, "Assign": {"size": "big"}},
        {"Condition": true, "Next": "Done", "Comment": "always"}
      ],
      "Default": "Failed",
      "Output": "{% $states.input %}"
    },
    "Parallel": {
      "Type": "Parallel",
      "Arguments": "{% $states.input %}",
      "Branches": [{"StartAt": "B1", "States": {"B1": {"Type": "Wait", "Seconds": 1, "End": true}}}],
      "Next": "Map"
    },
    "Map": {
      "Type": "Map",
      "Items": "{% $states.input.items %}",
      "MaxConcurrency": "{% $limit %}",
      "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}},
      "Next": "Done"
    },
    "Done": {"Type": "Succeed", "Output": "{% $states.input %}"},
    "Failed": {"Type": "Fail", "Error": "{% $states.input.code %}", "Cause": "literal cause"}
  }
}"#
);

snapshot!(
    mixed_languages_and_nested_default,
    r#"{
  "StartAt": "Map",
  "States": {
    "Map": {
      "Type": "Map",
      "QueryLanguage": "JSONata",
      "ItemProcessor": {
        "QueryLanguage": "JSONata",
        "StartAt": "Inner",
        "States": {
          "Inner": {"Type": "Pass", "Next": "InnerJsonata"},
          "InnerJsonata": {"Type": "Pass", "QueryLanguage": "JSONata", "End": true}
        }
      },
      "Next": "Bad"
    },
    "Bad": {"Type": "Pass", "QueryLanguage": "SQL", "End": true}
  }
}"#
);

snapshot!(
    distributed_map,
    r#"{
  "StartAt": "Process",
  "States": {
    "Process": {
      "Type": "Map",
      "Label": "ProcessFiles",
      "ItemReader": {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["id", "name"],
                         "MaxItems": 1000},
        "Parameters": {"Bucket": "b", "Key": "k.csv"}
      },
      "ItemBatcher": {"MaxItemsPerBatch": 10, "MaxInputBytesPerBatchPath": "$.bytes", "BatchInput": {"job": 1}},
      "ResultWriter": {
        "Resource": "arn:aws:states:::s3:putObject",
        "Parameters": {"Bucket": "out", "Prefix": "results"},
        "WriterConfig": {"OutputType": "JSONL", "Transformation": "COMPACT"}
      },
      "ToleratedFailurePercentage": 5.5,
      "ToleratedFailureCountPath": "$.maxFailures",
      "MaxConcurrencyPath": "$.concurrency",
      "ItemProcessor": {
        "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
        "StartAt": "Work",
        "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:w", "End": true}
        }
      },
      "End": true
    }
  }
}"#
);

snapshot!(
    parallel_with_nested_branches_and_deprecated_iterator,
    r#"{
  "StartAt": "Outer",
  "States": {
    "Outer": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "Inner",
          "States": {
            "Inner": {
              "Type": "Parallel",
              "Branches": [{"StartAt": "Deep", "States": {"Deep": {"Type": "Pass", "End": true}}}],
              "Next": "Legacy"
            },
            "Legacy": {
              "Type": "Map",
              "Parameters": {"x.$": "$$.Map.Item.Value"},
              "Iterator": {"StartAt": "Step", "States": {"Step": {"Type": "Pass", "Next": "Outer"}}},
              "End": true
            }
          }
        },
        "not a branch",
        {"StartAt": "Other", "States": {"Other": {"Type": "Succeed"}}}
      ],
      "Catch": [{"ErrorEquals": ["States.BranchFailed"], "Next": "Inner"}],
      "End": true
    }
  }
}"#
);

// The deprecated `Iterator` is read as an `ItemProcessor`: its `ProcessorConfig` decides the mode.
snapshot!(
    deprecated_iterator_with_processor_config,
    r#"{
  "StartAt": "Distributed",
  "States": {
    "Distributed": {
      "Type": "Map",
      "ItemSelector": {"item.$": "$$.Map.Item.Value"},
      "Iterator": {
        "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "Work",
        "States": {"Work": {"Type": "Pass", "End": true}}
      },
      "Next": "Inline"
    },
    "Inline": {
      "Type": "Map",
      "Parameters": {"item.$": "$$.Map.Item.Value"},
      "Iterator": {
        "ProcessorConfig": {"Mode": "INLINE"},
        "StartAt": "Step",
        "States": {"Step": {"Type": "Pass", "End": true}}
      },
      "End": true
    }
  }
}"#
);

snapshot!(
    wrong_typed_fields,
    r#"{
  "StartAt": 7,
  "Version": 1,
  "TimeoutSeconds": "x",
  "States": {
    "Task": {
      "Type": "Task",
      "Resource": ["arn"],
      "TimeoutSeconds": "x",
      "HeartbeatSeconds": " {% $h %}",
      "Credentials": "role",
      "InputPath": 3,
      "End": "yes",
      "Assign": [],
      "Retry": {"ErrorEquals": ["States.ALL"]},
      "Catch": ["oops", {"ErrorEquals": "States.ALL", "Next": 5}],
      "Next": false
    },
    "Wait": {"Type": "Wait", "Seconds": "{% 5 %}", "Timestamp": 12, "Next": "Task"},
    "Fail": {"Type": "Fail", "Error": 1, "Cause": {"a": 1}},
    "Choice": {
      "Type": "Choice",
      "Choices": [
        {"Variable": 1, "StringEquals": 2, "NumericEquals": "3", "Next": "Task"},
        {"Not": [1], "And": {}, "Condition": "maybe", "Next": "Task"},
        5
      ],
      "Default": null
    },
    "Parallel": {"Type": "Parallel", "Branches": {}, "End": true},
    "Map": {
      "Type": "Map",
      "ItemProcessor": [],
      "ItemReader": "s3",
      "ItemsPath": null,
      "MaxConcurrency": -1,
      "End": true
    }
  }
}"#
);

snapshot!(
    unknown_and_missing_types,
    r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Lambda", "Next": "B"},
    "B": {"Type": 5, "Next": "C"},
    "C": {"Comment": "no type", "Next": "Missing"},
    "D": ["Type", "Pass"],
    "E": "Succeed",
    "F": {"Type": "task", "End": true}
  }
}"#
);

snapshot!(
    duplicate_state_names,
    r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "End": true},
    "A": {"Type": "Succeed"},
    "P": {
      "Type": "Parallel",
      "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}],
      "End": true
    }
  }
}"#
);

snapshot!(
    states_not_an_object,
    r#"{"StartAt": "A", "States": [{"Type": "Pass"}]}"#
);

snapshot!(
    missing_start_at,
    r#"{"Comment": "no StartAt", "States": {"A": {"Type": "Succeed"}}}"#
);

snapshot!(definition_not_an_object, r#"[{"StartAt": "A"}]"#);

snapshot!(empty_document, "");

#[test]
fn fields_keep_key_and_value_ranges() {
    let json = r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "TimeoutSeconds": "x", "End": true}}}"#;
    let parsed = parse(json);
    let model = build(&parsed.root);
    let state = model.state(model.find_state(model.root_scope, "A").unwrap());
    let StateKind::Task(task) = &state.kind else {
        panic!("not a task: {:?}", state.kind)
    };
    let timeout = task.timeout_seconds.as_ref().unwrap();
    assert!(timeout.value.is_none());
    assert_eq!(timeout.key(), "TimeoutSeconds");
    assert_eq!(&json[timeout.key_range().as_usize()], r#""TimeoutSeconds""#);
    assert_eq!(&json[timeout.value_range().as_usize()], r#""x""#);
    assert_eq!(&json[state.name_range.as_usize()], r#""A""#);
}

#[test]
fn find_state_returns_the_first_of_duplicates_and_is_per_scope() {
    let json = r#"{"StartAt": "A", "States": {
        "A": {"Type": "Pass", "End": true}, "A": {"Type": "Succeed"},
        "P": {"Type": "Parallel", "End": true,
              "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}"#;
    let parsed = parse(json);
    let model = build(&parsed.root);
    let first = model.find_state(model.root_scope, "A").unwrap();
    assert!(matches!(model.state(first).kind, StateKind::Pass));
    assert_eq!(model.find_state(model.root_scope, "X"), None);
    let branch = model
        .scopes
        .iter()
        .find(|s| matches!(s.kind, ScopeKind::Branch { .. }))
        .unwrap();
    assert!(model.find_state(branch.id, "X").is_some());
    assert_eq!(model.find_state(branch.id, "A"), None);
}

#[test]
fn jsonata_strings_need_both_delimiters_exactly() {
    let found = jsonata_expression("{% $x + 1 %}").unwrap();
    assert_eq!(found.expression, " $x + 1 ");
    assert_eq!(found.offset, 2);
    assert_eq!(jsonata_expression("{%%}").unwrap().expression, "");
    for literal in ["{%}", "{% x", "x %}", " {% x %}", "{% x %} ", "$.x", ""] {
        assert_eq!(jsonata_expression(literal), None, "{literal:?}");
    }
}

#[test]
fn comparison_operator_table_is_complete_and_consistent() {
    use asl_semantic::model::ComparisonOperator;
    let all: Vec<ComparisonOperator> = ComparisonOperator::all().collect();
    assert_eq!(all.len(), 39);
    for operator in all {
        assert_eq!(ComparisonOperator::from_name(operator.name()), Some(operator));
    }
    assert_eq!(ComparisonOperator::from_name("stringequals"), None);
}

/// Nesting as deep as the parser allows must not overflow the stack (of a 2 MiB test thread).
#[test]
fn deepest_nested_rules_and_branches_build() {
    // Root, States, state, Choices and the innermost rule take 5 levels.
    let depth = asl_syntax::MAX_DEPTH - 5;
    let rule = format!(
        r#"{}{{"Variable": "$.x", "IsNull": true}}{}"#,
        r#"{"Not": "#.repeat(depth),
        "}".repeat(depth)
    );
    let json = format!(r#"{{"StartAt": "C", "States": {{"C": {{"Type": "Choice", "Choices": [{rule}]}}}}}}"#);
    let parsed = parse(&json);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let model = build(&parsed.root);
    let StateKind::Choice(choice) = &model.states[0].kind else {
        panic!("not a choice")
    };
    let mut rule = &choice.rules()[0];
    let mut levels = 0;
    while let Some(nested) = rule.nested().next() {
        rule = nested;
        levels += 1;
    }
    assert_eq!(levels, depth);

    // Each Parallel level takes 4 JSON levels: state, Branches, branch, States.
    let levels = (asl_syntax::MAX_DEPTH - 3) / 4;
    let mut state = String::from(r#"{"Type": "Pass", "End": true}"#);
    for _ in 0..levels {
        state = format!(
            r#"{{"Type": "Parallel", "End": true, "Branches": [{{"StartAt": "S", "States": {{"S": {state}}}}}]}}"#
        );
    }
    let json = format!(r#"{{"StartAt": "S", "States": {{"S": {state}}}}}"#);
    let parsed = parse(&json);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let model = build(&parsed.root);
    assert_eq!(model.states.len(), levels + 1);
    assert_eq!(model.scopes.len(), levels + 1);
}

/// Every real definition builds, and every state the JSON holds (found independently with
/// serde_json) is in the model, in the right scope.
#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn real_corpus_builds_with_every_state() {
    let files = corpus_files(&["real"]);
    let mut checked = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let parsed = parse(&text);
        let model = build(&parsed.root);
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        assert!(parsed.errors.is_empty(), "{}: {:?}", file.display(), parsed.errors);
        let mut expected = Vec::new();
        json_states(&json, "", &mut expected);
        expected.sort();
        let mut actual: Vec<String> = model.states.iter().map(|s| qualified_name(&model, s)).collect();
        actual.sort();
        assert_eq!(actual, expected, "{}", file.display());
        checked += 1;
    }
    assert!(checked > 100, "only {checked} corpus files were checked");
}

/// Every corpus definition, also cut short at a few places (an error-recovered tree), builds
/// without panicking; the states it finds all come from the document.
#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn corpus_and_truncated_corpus_build_without_panicking() {
    let files = corpus_files(&["real", "peers-fixtures", "broken-in-the-wild", "templates"]);
    assert!(files.len() > 300, "only {} corpus files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for cut in [text.len(), text.len() / 3, text.len() / 2, text.len() * 4 / 5] {
            let Some(prefix) = text.get(..cut) else { continue };
            let parsed = parse(prefix);
            let model = build(&parsed.root);
            for state in &model.states {
                assert!(parsed.root.range.contains_range(state.name_range), "{}", file.display());
            }
        }
    }
}

/// The `.json`/`.asl` files under these folders of the shared corpus.
fn corpus_files(folders: &[&str]) -> Vec<PathBuf> {
    let corpus = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus"));
    assert!(corpus.is_dir(), "{} is absent", corpus.display());
    let mut files = Vec::new();
    for folder in folders {
        collect_files(&corpus.join(folder), &mut files);
    }
    files
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "json" || e == "asl") {
            files.push(path);
        }
    }
}

/// `scope-path/name` for every state under a machine object, read from serde_json.
fn json_states(machine: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
    let Some(states) = machine.get("States").and_then(|s| s.as_object()) else {
        return;
    };
    for (name, state) in states {
        out.push(format!("{prefix}/{name}"));
        match state.get("Type").and_then(|t| t.as_str()) {
            Some("Parallel") => {
                for (index, branch) in state
                    .get("Branches")
                    .and_then(|b| b.as_array())
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    if branch.is_object() {
                        json_states(branch, &format!("{prefix}/{name}[{index}]"), out);
                    }
                }
            }
            Some("Map") => {
                for key in ["ItemProcessor", "Iterator"] {
                    if let Some(processor) = state.get(key).filter(|p| p.is_object()) {
                        json_states(processor, &format!("{prefix}/{name}.{key}"), out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The same path as [`json_states`], read from the model.
fn qualified_name(model: &Model<'_>, state: &State<'_>) -> String {
    let mut prefix = String::new();
    let mut scope = model.scope(state.scope);
    while let Some(parent) = scope.parent() {
        let owner = model.state(parent);
        let step = match scope.kind {
            ScopeKind::Branch { index, .. } => format!("/{}[{index}]", owner.name),
            ScopeKind::ItemProcessor {
                deprecated_iterator, ..
            } => {
                format!(
                    "/{}.{}",
                    owner.name,
                    if deprecated_iterator {
                        "Iterator"
                    } else {
                        "ItemProcessor"
                    }
                )
            }
            ScopeKind::Root => unreachable!(),
        };
        prefix.insert_str(0, &step);
        scope = model.scope(owner.scope);
    }
    format!("{prefix}/{}", state.name)
}

#[test]
fn query_language_misplaced_inside_states_sets_the_machine_language() {
    let json = r#"{"StartAt": "A", "States": {"QueryLanguage": "JSONata", "A": {"Type": "Pass", "End": true}}}"#;
    let parsed = parse(json);
    let model = build(&parsed.root);
    assert_eq!(model.query_language, asl_semantic::model::QueryLanguage::Jsonata);
    let state = model.state(model.find_state(model.root_scope, "A").unwrap());
    assert_eq!(
        state.effective_query_language,
        asl_semantic::model::QueryLanguage::Jsonata
    );
    let top_level_wins = r#"{"QueryLanguage": "JSONPath", "StartAt": "A", "States": {"QueryLanguage": "JSONata"}}"#;
    assert_eq!(
        build(&parse(top_level_wins).root).query_language,
        asl_semantic::model::QueryLanguage::JsonPath
    );
}
