//! The published JSON Schema (`schemas/asl.schema.json`) must be a valid draft 2020-12 schema,
//! accept every deployed definition in the shared corpus, and reject typical mistakes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use asl_syntax::{DuplicateKeys, SourceFormat};
use serde_json::{Value, json};

const SCHEMA: &str = include_str!("../../../schemas/asl.schema.json");

/// Published samples that AWS cannot accept as written, with the reason. The test asserts that
/// the schema still rejects them, so the list cannot go stale silently.
const KNOWN_INVALID_REAL: &[(&str, &str)] = &[];

fn schema_value() -> Value {
    serde_json::from_str(SCHEMA).expect("schemas/asl.schema.json is not valid JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema_value()).expect("the schema does not compile")
}

/// Every error as `instance path: message (schema path)`, one per line.
fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|error| format!("{}: {} ({})", error.instance_path(), error, error.schema_path()))
        .collect()
}

fn corpus_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(name);
    assert!(dir.is_dir(), "{} is absent", dir.display());
    dir
}

/// Records the errors of a document expected to be valid, unless it is listed in `known_invalid`,
/// in which case the schema must still reject it.
fn check_expected_valid(relative: &str, found: &[String], known_invalid: &[(&str, &str)], failures: &mut Vec<String>) {
    if known_invalid.iter().any(|(name, _)| *name == relative) {
        assert!(
            !found.is_empty(),
            "{relative} is listed as invalid but the schema accepts it"
        );
    } else if !found.is_empty() {
        failures.push(format!("{relative}\n    {}", found.join("\n    ")));
    }
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema_value();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!(
            "schema violates the 2020-12 meta-schema at {}: {error}",
            error.instance_path()
        );
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn every_real_definition_is_accepted() {
    let dir = corpus_dir("real");
    let validator = validator();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in common::files_under(&dir) {
        let relative = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = SourceFormat::from_path(&path).parse(&text);
        assert!(
            parsed.errors.is_empty(),
            "{relative} does not parse: {:?}",
            parsed.errors
        );
        checked += 1;
        let found = errors(&validator, &parsed.root.to_json_value(DuplicateKeys::KeepLast));
        check_expected_valid(&relative, &found, KNOWN_INVALID_REAL, &mut failures);
    }
    println!(
        "real corpus: {checked} definitions (JSON and YAML) checked, {} known invalid",
        KNOWN_INVALID_REAL.len()
    );
    assert!(checked > 0, "no JSON definitions found under {}", dir.display());
    assert!(
        failures.is_empty(),
        "schema errors on deployed definitions:\n{}",
        failures.join("\n")
    );
}

/// Peer fixtures labelled valid that today's AWS rejects, with the reason.
const KNOWN_INVALID_PEER_VALID: &[(&str, &str)] = &[
    (
        "asl-validator/valid/valid-map-with-item-batcher-jsonata.json",
        "a state sets \"QueryLanguage\": \"JSONPath\" inside a JSONata state machine",
    ),
    (
        "asl-validator/valid/valid-task-credentials.json",
        "Credentials without RoleArn (AWS requires it)",
    ),
    (
        "statelint/valid/task-with-credentials.json",
        "Credentials with `roleArn` instead of `RoleArn`",
    ),
];

/// How many of the peers' invalid fixtures the schema rejects (the rest need graph, duplicate-key
/// or expression checks that a JSON Schema cannot express). A floor, so that loosening the
/// schema by accident shows up.
const MIN_PEER_INVALID_REJECTED: usize = 59;

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn peer_fixtures_are_classified_as_expected() {
    let dir = corpus_dir("peers-fixtures");
    let validator = validator();
    let mut wrongly_rejected = Vec::new();
    let (mut invalid_total, mut invalid_rejected) = (0, 0);
    for path in common::files_under(&dir) {
        let relative = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        let Ok(document) = serde_json::from_str::<Value>(&std::fs::read_to_string(&path).unwrap()) else {
            continue;
        };
        let found = errors(&validator, &document);
        if relative.contains("/valid/") {
            check_expected_valid(&relative, &found, KNOWN_INVALID_PEER_VALID, &mut wrongly_rejected);
        } else if relative.contains("/invalid/") {
            invalid_total += 1;
            invalid_rejected += usize::from(!found.is_empty());
        }
    }
    println!("peer invalid fixtures rejected by the schema: {invalid_rejected} of {invalid_total}");
    assert!(
        wrongly_rejected.is_empty(),
        "valid peer fixtures rejected:\n{}",
        wrongly_rejected.join("\n")
    );
    assert!(
        invalid_rejected >= MIN_PEER_INVALID_REJECTED,
        "only {invalid_rejected} of {invalid_total} invalid peer fixtures rejected"
    );
}

/// A JSONPath machine with one state named `S`.
fn machine_with(state: Value) -> Value {
    json!({ "StartAt": "S", "States": { "S": state } })
}

#[test]
fn well_formed_documents_are_accepted() {
    let validator = validator();
    let documents = [
        machine_with(json!({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done" })),
        json!({
            "QueryLanguage": "JSONata",
            "StartAt": "Wait",
            "States": {
                "Wait": { "Type": "Wait", "Seconds": "{% $states.input.delay %}", "Next": "Fan" },
                "Fan": {
                    "Type": "Map",
                    "Items": "{% $states.input.items %}",
                    "ItemProcessor": {
                        "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" },
                        "StartAt": "Work",
                        "States": { "Work": { "Type": "Pass", "Output": "{% $states.input %}", "End": true } }
                    },
                    "Label": "Fan",
                    "End": true
                }
            }
        }),
        // A JSONata state in a JSONPath machine; its Parallel branch stays JSONPath.
        machine_with(json!({
            "Type": "Parallel",
            "QueryLanguage": "JSONata",
            "Arguments": { "x": "{% $states.input %}" },
            "Branches": [{ "StartAt": "P", "States": { "P": { "Type": "Pass", "ResultPath": "$.p", "End": true } } }],
            "End": true
        })),
        // Deployment placeholders in non-string fields.
        machine_with(json!({ "Type": "Wait", "Seconds": "${WaitSeconds}", "End": true })),
        // A CloudFormation intrinsic in an embedded Definition.
        machine_with(json!({ "Type": "Task", "Resource": { "Fn::GetAtt": ["Fn", "Arn"] }, "End": true })),
        // Deprecated Map fields are still accepted.
        machine_with(json!({
            "Type": "Map",
            "Parameters": { "item.$": "$$.Map.Item.Value" },
            "Iterator": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } },
            "End": true
        })),
        // The deprecated Iterator takes a ProcessorConfig, as an ItemProcessor does (AWS accepts it).
        machine_with(json!({
            "Type": "Map",
            "ItemSelector": { "item.$": "$$.Map.Item.Value" },
            "Label": "Each",
            "Iterator": {
                "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" },
                "StartAt": "P",
                "States": { "P": { "Type": "Pass", "End": true } }
            },
            "End": true
        })),
        machine_with(json!({
            "Type": "Map",
            "Parameters": { "item.$": "$$.Map.Item.Value" },
            "Iterator": {
                "ProcessorConfig": { "Mode": "INLINE" },
                "StartAt": "P",
                "States": { "P": { "Type": "Pass", "End": true } }
            },
            "End": true
        })),
    ];
    for document in documents {
        let found = errors(&validator, &document);
        assert!(found.is_empty(), "{document}\n{found:#?}");
    }
}

#[test]
fn typical_mistakes_are_rejected_at_the_offending_value() {
    let lambda = "arn:aws:states:::lambda:invoke";
    let distributed_map_labelled = |label: String| {
        json!({
            "Type": "Map",
            "Label": label,
            "ItemProcessor": {
                "ProcessorConfig": { "Mode": "DISTRIBUTED" },
                "StartAt": "P",
                "States": { "P": { "Type": "Pass", "End": true } }
            },
            "End": true
        })
    };
    let mut jsonpath_state_in_jsonata_machine =
        machine_with(json!({ "Type": "Pass", "QueryLanguage": "JSONPath", "End": true }));
    jsonpath_state_in_jsonata_machine["QueryLanguage"] = json!("JSONata");
    // (what is wrong, document, instance path of the expected error)
    let cases = [
        (
            "unknown field in a Task",
            machine_with(json!({ "Type": "Task", "Resource": lambda, "Retries": [], "End": true })),
            "/States/S",
        ),
        (
            "JSONPath field in a JSONata state",
            machine_with(json!({ "Type": "Pass", "QueryLanguage": "JSONata", "ResultPath": "$.x", "End": true })),
            "/States/S",
        ),
        (
            "JSONata field in a JSONPath state",
            machine_with(json!({ "Type": "Pass", "Output": "{% 1 %}", "End": true })),
            "/States/S",
        ),
        (
            "JSONPath state in a JSONata machine",
            jsonpath_state_in_jsonata_machine,
            "/States/S/QueryLanguage",
        ),
        (
            "Next and End together",
            machine_with(json!({ "Type": "Pass", "Next": "S", "End": true })),
            "/States/S",
        ),
        (
            "Label of 41 characters",
            machine_with(distributed_map_labelled("a".repeat(41))),
            "/States/S/Label",
        ),
        (
            "unknown Mode in an Iterator's ProcessorConfig",
            machine_with(json!({
                "Type": "Map",
                "Iterator": {
                    "ProcessorConfig": { "Mode": "PARALLEL" },
                    "StartAt": "P",
                    "States": { "P": { "Type": "Pass", "End": true } }
                },
                "End": true
            })),
            "/States/S/Iterator/ProcessorConfig/Mode",
        ),
        (
            "BackoffRate below 1",
            machine_with(json!({
                "Type": "Task",
                "Resource": lambda,
                "Retry": [{ "ErrorEquals": ["States.ALL"], "BackoffRate": 0.5 }],
                "End": true
            })),
            "/States/S/Retry/0/BackoffRate",
        ),
        (
            "misspelled Type",
            machine_with(json!({ "Type": "Taks", "Resource": lambda, "End": true })),
            "/States/S/Type",
        ),
        (
            "Wait with two durations",
            machine_with(json!({ "Type": "Wait", "Seconds": 5, "SecondsPath": "$.s", "End": true })),
            "/States/S",
        ),
    ];
    let validator = validator();
    for (mistake, document, expected_instance_path) in cases {
        let found = errors(&validator, &document);
        assert!(
            found
                .iter()
                .any(|error| error.starts_with(&format!("{expected_instance_path}: "))),
            "{mistake}: expected an error at {expected_instance_path:?}, got {found:#?}"
        );
    }
}
