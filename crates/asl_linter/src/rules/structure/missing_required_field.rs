use asl_semantic::model::QueryLanguage;

use crate::Findings;
use crate::helpers::choice_rules::is_jsonpath_condition;
use crate::helpers::messages::{object_start, scope_description, state_type_list};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;
use asl_semantic::vocabulary::{ObjectType, StateType};

declare_rule! {
    /// ## What it does
    /// Reports a required field that is missing: `StartAt` and `States` of the state machine,
    /// of each Parallel branch and of each Map processor; the `Type` of each state; a Task's
    /// `Resource`, a Parallel's `Branches`, a Map's `ItemProcessor`, a Choice's `Choices`, a
    /// Wait's duration; `ErrorEquals` of retriers and catchers and `Next` of catchers; a JSONata
    /// Choice rule's `Condition`; `RoleArn` in `Credentials`; `Resource` of an `ItemReader`;
    /// a limit in `ItemBatcher`; `Resource` or `WriterConfig` in `ResultWriter`; `CSVHeaders`
    /// when `CSVHeaderLocation` is `GIVEN`.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition ("These fields are required: [StartAt]", "The field
    /// 'RoleArn' is required but was missing").
    ///
    /// Evidence: AWS returns "These fields are required: [StartAt]" at `/` (LocalStack's AWS
    /// snapshots), "These fields are required: [Next] at /States/Choice/Choices[0]"
    /// (aws-cloudformation/cfn-lint#4077) and "The field 'RoleArn' is required but was missing at
    /// /States/State0/Credentials" (LocalStack's AWS snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Work", "States": {"Work": {"Type": "Task", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
    /// ```
    pub(crate) struct MissingRequiredField {
        code: "ASL102",
        name: "missing-required-field",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for MissingRequiredField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        for scope in &model.scopes {
            if scope.node.as_object().is_none() {
                continue;
            }
            // Named only in a finding.
            let owner = || scope_description(model, scope);
            if scope.start_at.is_none() {
                out.push(
                    self.meta()
                        .diagnostic(
                            object_start(ctx.source, scope.node.range),
                            format!("{} is missing the required field \"StartAt\"", owner()),
                        )
                        .with_help("add \"StartAt\" naming the first state to run"),
                );
            }
            if scope.states_field.is_none() {
                out.push(
                    self.meta()
                        .diagnostic(
                            object_start(ctx.source, scope.node.range),
                            format!("{} is missing the required field \"States\"", owner()),
                        )
                        .with_help("add \"States\": an object whose members are the states"),
                );
            }
        }
        for state in &model.states {
            if state.is_object() && state.type_field.is_none() {
                out.push(
                    self.meta()
                        .diagnostic(
                            state.name_range,
                            format!("state \"{}\" is missing the required field \"Type\"", state.name),
                        )
                        .with_help(format!("add \"Type\": one of {}", state_type_list())),
                );
            }
        }
        for site in ctx.field_sites() {
            let has = |key: &str| site.members.iter().any(|m| m.key.text == key);
            let jsonata = site.language == QueryLanguage::Jsonata;
            let (missing, help): (&str, String) = match site.kind {
                ObjectType::State(StateType::Task) if !has("Resource") && !has("Resource.$") => (
                    "\"Resource\"",
                    "add \"Resource\": the ARN of the Lambda function, activity or service integration to call"
                        .to_owned(),
                ),
                ObjectType::State(StateType::Parallel) if !has("Branches") => (
                    "\"Branches\"",
                    "add \"Branches\": an array of state machines ({\"StartAt\": …, \"States\": …}) to run in parallel"
                        .to_owned(),
                ),
                ObjectType::State(StateType::Map) if !has("ItemProcessor") && !has("Iterator") => (
                    "\"ItemProcessor\"",
                    "add \"ItemProcessor\": the state machine ({\"StartAt\": …, \"States\": …}) to run for each item"
                        .to_owned(),
                ),
                ObjectType::State(StateType::Choice) if !has("Choices") => (
                    "\"Choices\"",
                    "add \"Choices\": a non-empty array of Choice rules".to_owned(),
                ),
                ObjectType::State(StateType::Wait)
                    if !["Seconds", "SecondsPath", "Timestamp", "TimestampPath"]
                        .iter()
                        .any(|k| has(k)) =>
                {
                    let fields = if jsonata {
                        "\"Seconds\" or \"Timestamp\""
                    } else {
                        "\"Seconds\", \"SecondsPath\", \"Timestamp\" or \"TimestampPath\""
                    };
                    ("a duration", format!("add exactly one of {fields}"))
                }
                ObjectType::Retrier | ObjectType::Catcher if !has("ErrorEquals") => (
                    "\"ErrorEquals\"",
                    "add \"ErrorEquals\": the error names to match, e.g. [\"States.ALL\"]".to_owned(),
                ),
                ObjectType::Catcher if !has("Next") => (
                    "\"Next\"",
                    "add \"Next\": the state to go to when the error is caught".to_owned(),
                ),
                // A JSONPath condition in its place is reported by field-not-in-query-language.
                ObjectType::ChoiceRule | ObjectType::NestedChoiceRule
                    if jsonata
                        && !has("Condition")
                        && !site.members.iter().any(|m| is_jsonpath_condition(&m.key.text)) =>
                {
                    (
                        "\"Condition\"",
                        "add \"Condition\": a JSONata expression such as \"{% $states.input.count > 0 %}\"".to_owned(),
                    )
                }
                ObjectType::Credentials if !has("RoleArn") && !has("RoleArn.$") => (
                    "\"RoleArn\"",
                    "add \"RoleArn\": the ARN of the IAM role to assume for this task".to_owned(),
                ),
                ObjectType::ItemReader if !has("Resource") => (
                    "\"Resource\"",
                    "add \"Resource\", e.g. \"arn:aws:states:::s3:getObject\"".to_owned(),
                ),
                ObjectType::ItemBatcher
                    if ![
                        "MaxItemsPerBatch",
                        "MaxItemsPerBatchPath",
                        "MaxInputBytesPerBatch",
                        "MaxInputBytesPerBatchPath",
                    ]
                    .iter()
                    .any(|k| has(k)) =>
                {
                    let fields = if jsonata {
                        "\"MaxItemsPerBatch\" or \"MaxInputBytesPerBatch\""
                    } else {
                        "\"MaxItemsPerBatch\", \"MaxInputBytesPerBatch\" or their \"…Path\" variants"
                    };
                    ("a batch limit", format!("add at least one of {fields}"))
                }
                ObjectType::ResultWriter if !has("Resource") && !has("WriterConfig") => {
                    if has("Parameters") || has("Arguments") {
                        (
                            "\"Resource\"",
                            "add \"Resource\": \"arn:aws:states:::s3:putObject\"".to_owned(),
                        )
                    } else {
                        ("\"Resource\" or \"WriterConfig\"", "add \"WriterConfig\" and/or \"Resource\" with its arguments, or remove the empty \"ResultWriter\"".to_owned())
                    }
                }
                ObjectType::ReaderConfig
                    if site.node.get("CSVHeaderLocation").and_then(|n| n.as_str()) == Some("GIVEN")
                        && !has("CSVHeaders") =>
                {
                    (
                        "\"CSVHeaders\"",
                        "with \"CSVHeaderLocation\": \"GIVEN\", list the column names in \"CSVHeaders\"".to_owned(),
                    )
                }
                _ => continue,
            };
            let range = site
                .state
                .filter(|state| std::ptr::eq(state.node, site.node))
                .map_or_else(|| object_start(ctx.source, site.node.range), |state| state.name_range);
            // A misspelt key ("Error Equals") is reported once, by unknown-field; an open object
            // (Credentials) has no unknown fields, so its misspelt "roleArn" is reported here.
            let field_name = missing.trim_matches('"');
            if !site.kind.is_open()
                && site
                    .members
                    .iter()
                    .any(|m| closest(&m.key.text, &[field_name]).is_some())
            {
                continue;
            }
            let what = if missing.starts_with('"') {
                format!("the required field {missing}")
            } else {
                missing.to_owned()
            };
            out.push(
                self.meta()
                    .diagnostic(range, format!("{} is missing {what}", site.description))
                    .with_help(help),
            );
        }
    }
}
