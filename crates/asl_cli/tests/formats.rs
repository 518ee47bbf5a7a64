//! Every output format on the same findings: snapshots, the official SARIF schema, JUnit XML
//! parsing, fingerprints that survive line moves, statistics, and hostile input text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Output;

use asl_diagnostics::printable::is_unsafe;
use common::{asl_lint_in, scratch, write};
use serde_json::Value;

/// Findings of every kind: warnings with a secondary label, an error with a safe fix, an info
/// (through `--severity`) with a safe fix, and an error with an unsafe fix.
const FINDINGS: &str = r#"{
  "Comment": "Findings of every kind, for the output format tests.",
  "StartAt": "Fetch",
  "States": {
    "Fetch": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Check", "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Greet"}]},
    "Greet": {"Type": "Taks", "Next": "Each"},
    "Each": {"Type": "Map", "Iterator": {"StartAt": "One", "States": {"One": {"Type": "Pass", "End": true}}}, "Next": "Done"},
    "Done": {"Type": "Pass"}
  }
}
"#;

const CLEAN: &str = r#"{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
"#;

const FORMATS: [&str; 7] = ["human", "concise", "json", "github", "sarif", "junit", "gitlab"];

fn run(dir: &Path, args: &[&str]) -> Output {
    asl_lint_in(dir, args, None)
}

fn text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

/// The shared findings: `flows/order.asl.json`, `flows/clean.asl.json`, and a named file that
/// does not exist.
fn findings_dir(test: &str) -> common::Scratch {
    let dir = scratch(test);
    write(&dir, "flows/order.asl.json", FINDINGS);
    write(&dir, "flows/clean.asl.json", CLEAN);
    dir
}

/// `asl-lint check` on the shared findings in one format.
fn check(dir: &Path, format: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "check",
        "--no-config",
        "--format",
        format,
        "--severity",
        "deprecated-iterator=info",
        "flows",
        "missing.asl.json",
    ];
    args.extend_from_slice(extra);
    run(dir, &args)
}

/// SARIF with what changes for reasons of its own (the rule list, which grows with every new
/// rule, and the version) replaced by markers; `sarif_rule_metadata` checks those.
fn stable_sarif(sarif: &Value) -> Value {
    let mut sarif = sarif.clone();
    let driver = &mut sarif["runs"][0]["tool"]["driver"];
    driver["rules"] = Value::from("[every rule: see sarif_rule_metadata]");
    driver["version"] = Value::from("[version]");
    driver["semanticVersion"] = Value::from("[version]");
    for result in sarif["runs"][0]["results"].as_array_mut().unwrap() {
        result.as_object_mut().unwrap().remove("ruleIndex");
    }
    sarif
}

#[test]
fn every_format_on_the_same_findings() {
    let dir = findings_dir("every_format_on_the_same_findings");
    for format in FORMATS {
        let output = check(&dir, format, &[]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{format}: the missing file makes the run fail"
        );
        let rendered = match format {
            "sarif" => {
                serde_json::to_string_pretty(&stable_sarif(&serde_json::from_slice(&output.stdout).unwrap())).unwrap()
            }
            _ => text(&output),
        };
        insta::assert_snapshot!(format!("findings.{format}"), rendered);
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft4::new(&schema).expect("the SARIF schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, output: &Output) -> Value {
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
    sarif
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = sarif_validator();
    let dir = findings_dir("sarif_validates_against_the_official_schema");
    let sarif = assert_valid_sarif(&validator, &check(&dir, "sarif", &[]));
    let sarif_run = &sarif["runs"][0];
    assert_eq!(sarif_run["results"].as_array().unwrap().len(), 5);
    assert_eq!(sarif_run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        sarif_run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"],
        "ASL000"
    );
    // A clean run validates too, and is successful.
    let clean = assert_valid_sarif(
        &validator,
        &run(
            &dir,
            &["check", "--no-config", "--format", "sarif", "flows/clean.asl.json"],
        ),
    );
    assert_eq!(clean["runs"][0]["results"], Value::Array(Vec::new()));
    assert_eq!(clean["runs"][0]["invocations"][0]["executionSuccessful"], true);
    // The validator is not lenient: a result without a message is refused.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_rule_metadata() {
    let dir = findings_dir("sarif_rule_metadata");
    let sarif: Value = serde_json::from_slice(&check(&dir, "sarif", &[]).stdout).unwrap();
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "asl-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let listed = text(&run(&dir, &["rule"])).lines().count();
    assert_eq!(rules.len(), listed, "every rule is described");
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let name = rule["name"].as_str().unwrap();
        assert!(id.starts_with("ASL") && id.len() == 6, "{id}");
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{name}");
        assert!(rule["shortDescription"]["text"].as_str().unwrap().len() > 20, "{id}");
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(
            full.starts_with(rule["shortDescription"]["text"].as_str().unwrap()),
            "{id}"
        );
        assert!(
            full.len() > rule["shortDescription"]["text"].as_str().unwrap().len(),
            "{id}: has the why"
        );
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .starts_with(&format!("# {name} ({id})"))
        );
        assert_eq!(
            rule["helpUri"],
            format!("https://github.com/asl-lint/asl-lint/blob/main/docs/rules/{name}.md")
        );
        assert!(["error", "warning", "note"].contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
        let page = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../docs/rules/{name}.md"));
        assert!(page.is_file(), "{id}: the help link points at a page that exists");
    }
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let unknown_type = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["ruleId"] == "ASL104")
        .unwrap();
    let replacement = &unknown_type["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "\"Task\"");
    let start = replacement["deletedRegion"]["byteOffset"].as_u64().unwrap() as usize;
    let length = replacement["deletedRegion"]["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&FINDINGS[start..start + length], "\"Taks\"");
}

/// `(rule and message, fingerprint)` of each finding, sorted.
type Fingerprinted = Vec<(String, String)>;

/// The fingerprints of each finding in SARIF and in GitLab's report.
fn fingerprints(dir: &Path) -> (Fingerprinted, Fingerprinted) {
    let sarif: Value = serde_json::from_slice(&check(dir, "sarif", &[]).stdout).unwrap();
    let gitlab: Value = serde_json::from_slice(&check(dir, "gitlab", &[]).stdout).unwrap();
    let mut from_sarif: Fingerprinted = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                format!("{} {}", r["ruleId"], r["message"]["text"]),
                r["partialFingerprints"]["aslLintFingerprint/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    let mut from_gitlab: Fingerprinted = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|issue| {
            (
                issue["description"].to_string(),
                issue["fingerprint"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    from_sarif.sort();
    from_gitlab.sort();
    (from_sarif, from_gitlab)
}

#[test]
fn fingerprints_are_stable_across_runs_and_line_moves() {
    let dir = findings_dir("fingerprints_are_stable_across_runs_and_line_moves");
    let (sarif, gitlab) = fingerprints(&dir);
    assert_eq!(
        fingerprints(&dir),
        (sarif.clone(), gitlab.clone()),
        "the same on a second run"
    );
    let unique: std::collections::HashSet<&String> = gitlab.iter().map(|(_, f)| f).collect();
    assert_eq!(unique.len(), gitlab.len(), "every finding has its own fingerprint");
    // Lines added above every finding: the same findings keep their fingerprints.
    let moved = FINDINGS.replacen(
        "\"States\": {\n",
        "\"States\": {\n\n\n    \"Extra\": {\"Type\": \"Pass\", \"Next\": \"Fetch\"},\n",
        1,
    );
    write(&dir, "flows/order.asl.json", &moved);
    let (moved_sarif, moved_gitlab) = fingerprints(&dir);
    for (key, fingerprint) in &sarif {
        assert!(
            moved_sarif.contains(&(key.clone(), fingerprint.clone())),
            "{key} changed its fingerprint"
        );
    }
    for (key, fingerprint) in &gitlab {
        assert!(
            moved_gitlab.contains(&(key.clone(), fingerprint.clone())),
            "{key} changed its fingerprint"
        );
    }
}

#[test]
fn junit_parses_with_one_test_case_per_file() {
    let dir = findings_dir("junit_parses_with_one_test_case_per_file");
    let xml = text(&check(&dir, "junit", &[]));
    let report = quick_junit::Report::deserialize_from_str(&xml).expect("JUnit XML parses");
    assert_eq!(report.test_suites.len(), 1);
    let cases = &report.test_suites[0].test_cases;
    let names: Vec<&str> = cases.iter().map(|case| case.name.as_str()).collect();
    assert_eq!(
        names,
        ["flows/clean.asl.json", "flows/order.asl.json", "missing.asl.json"]
    );
    let kind = |case: &quick_junit::TestCase| match &case.status {
        quick_junit::TestCaseStatus::Success { .. } => "pass",
        quick_junit::TestCaseStatus::NonSuccess {
            kind: quick_junit::NonSuccessKind::Failure,
            ..
        } => "failure",
        quick_junit::TestCaseStatus::NonSuccess { .. } => "error",
        quick_junit::TestCaseStatus::Skipped { .. } => "skipped",
    };
    assert_eq!(cases.iter().map(kind).collect::<Vec<_>>(), ["pass", "failure", "error"]);
    assert_eq!(report.failures, 1);
    assert_eq!(report.errors, 1);
}

#[test]
fn statistics_and_the_fixable_summary() {
    let dir = findings_dir("statistics_and_the_fixable_summary");
    let table = text(&check(&dir, "human", &["--statistics"]));
    insta::assert_snapshot!("statistics.human", table);
    let counts: Value = serde_json::from_slice(&check(&dir, "json", &["--statistics"]).stdout).unwrap();
    let unknown_type = counts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "ASL104")
        .unwrap();
    assert_eq!(unknown_type["count"], 1);
    assert_eq!(unknown_type["fixable"], 1);
    let refused = check(&dir, "sarif", &["--statistics"]);
    assert_eq!(refused.status.code(), Some(2));
    let summary = text(&check(&dir, "human", &[]));
    assert!(
        summary
            .ends_with("3 errors, 2 warnings, 1 info in 3 files; 2 fixable with --fix (1 more with --unsafe-fixes)\n"),
        "{summary}"
    );
}

/// A state name that tries to start a GitHub workflow command, clear the screen and ring the
/// bell, referenced so that messages quote it; and a file with raw control bytes (not JSON),
/// under a name with the same tricks.
const HOSTILE_NAME: &str = "A\\n::error file=x::\\u001b[2J\\u0007\\u009b31m\\u2028";
const HOSTILE_FILE_NAME: &str = "evil\n::error file=y::\u{1b}[31m\u{7}.asl.json";

fn hostile_dir() -> common::Scratch {
    let dir = scratch("hostile");
    let quoted = format!(
        r#"{{"StartAt": "Go", "States": {{"Go": {{"Type": "Pass", "Next": "{HOSTILE_NAME}"}},
  "{HOSTILE_NAME}X": {{"Type": "Pass", "End": true}}}}}}"#
    );
    write(&dir, "flows/quoted.asl.json", quoted);
    let raw = "{\"StartAt\": \"Go\u{1b}[31m\u{7}\",\n \"States\": {\"Go\": {\"Type\": \"Pass\u{1b}]0;title\u{7}\", \"End\": true}}}\n";
    write(&dir, &format!("flows/{HOSTILE_FILE_NAME}"), raw);
    dir
}

/// Removes the colour sequences asl-lint itself writes (`ESC [ digits ; m`).
fn without_colours(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[end..].starts_with('m') {
            rest = &after[end + 1..];
        } else {
            out.push_str(&rest[start..start + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn hostile_input_text_never_reaches_the_output_raw() {
    let dir = hostile_dir();
    let findings: Value =
        serde_json::from_slice(&run(&dir, &["check", "--no-config", "--format", "json", "flows"]).stdout).unwrap();
    let count = findings["diagnostics"].as_array().unwrap().len();
    assert!(count >= 3, "{findings}");
    let messages = findings["diagnostics"].to_string();
    assert!(
        messages.contains("::error file=x::"),
        "messages quote the state name: {messages}"
    );
    let mut runs: Vec<(String, Output)> = FORMATS
        .iter()
        .map(|format| {
            (
                format.to_string(),
                run(&dir, &["check", "--no-config", "--format", format, "flows"]),
            )
        })
        .collect();
    for extra in ["--statistics", "--color=always"] {
        runs.push((extra.to_owned(), run(&dir, &["check", "--no-config", extra, "flows"])));
    }
    for format in ["mermaid", "dot"] {
        let drawn = run(&dir, &["graph", "--format", format, "flows/quoted.asl.json"]);
        assert!(
            text(&drawn).contains("::error file=x::"),
            "{format}: the state is drawn"
        );
        runs.push((format!("graph {format}"), drawn));
    }
    for (format, output) in &runs {
        let out = without_colours(&text(output));
        let raw: Vec<char> = out.chars().filter(|&c| c != '\n' && is_unsafe(c)).collect();
        assert!(raw.is_empty(), "{format}: raw {raw:?} in\n{out}");
        for line in out.lines().map(str::trim_start) {
            assert!(
                !line.starts_with("::error file=x") && !line.starts_with("::error file=y"),
                "{format}: {line}"
            );
        }
        assert!(
            !String::from_utf8_lossy(&output.stderr)
                .chars()
                .any(|c| c != '\n' && is_unsafe(c))
        );
    }
    let output_of = |format: &str| text(&runs.iter().find(|(f, _)| f == format).unwrap().1);
    assert_eq!(
        output_of("concise").lines().count(),
        count,
        "concise: one line per finding"
    );
    let github = output_of("github");
    assert_eq!(github.lines().count(), count, "github: one command per finding");
    assert!(
        github
            .lines()
            .all(|line| line.starts_with("::error file=flows/") || line.starts_with("::warning file=flows/"))
    );
    assert!(output_of("human").contains("\\u{1b}[2J"), "escapes are visible");
    assert!(
        output_of("human").contains('\u{241b}'),
        "control pictures in the source excerpt"
    );
    for format in ["json", "sarif", "gitlab"] {
        serde_json::from_str::<Value>(&output_of(format)).unwrap_or_else(|e| panic!("{format}: {e}"));
    }
    assert_valid_sarif(&sarif_validator(), &runs.iter().find(|(f, _)| f == "sarif").unwrap().1);
    quick_junit::Report::deserialize_from_str(&output_of("junit")).expect("JUnit XML parses");
}

/// A CloudFormation template whose state machine has an unreachable state.
const TEMPLATE: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OrderStateMachine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: Go
        States:
          Go: {Type: Pass, End: true}
          Spare: {Type: Pass, End: true}
"#;

#[test]
fn findings_in_templates_name_their_state_machine_in_every_ci_format() {
    let dir = scratch("formats-template");
    write(&dir, "template.yaml", TEMPLATE);
    let output_of = |format: &str| run(&dir, &["check", "--no-config", "--format", format, "template.yaml"]);
    let sarif = assert_valid_sarif(&sarif_validator(), &output_of("sarif"));
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["properties"]["stateMachine"], "OrderStateMachine");
    assert_eq!(
        result["locations"][0]["logicalLocations"][0],
        serde_json::json!({"kind": "resource", "name": "OrderStateMachine"})
    );
    let gitlab: Value = serde_json::from_slice(&output_of("gitlab").stdout).unwrap();
    assert!(
        gitlab[0]["description"]
            .as_str()
            .unwrap()
            .contains("[OrderStateMachine]"),
        "{gitlab}"
    );
    assert_eq!(gitlab[0]["location"]["lines"]["begin"], 10);
    let junit = text(&output_of("junit"));
    assert!(
        junit.contains("[OrderStateMachine] state &quot;Spare&quot; is unreachable"),
        "{junit}"
    );
}
