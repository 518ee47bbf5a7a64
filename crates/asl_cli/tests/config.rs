//! `asl-lint.toml` as a user writes it: exclude, overrides, suggestions for typos, `init`, and
//! the language server's report of a broken file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{asl_lint_in, json_report, scratch, write};

/// One error (an unreachable state) and one warning (a Choice without Default).
const ONE_ERROR_ONE_WARNING: &str = r#"{
  "StartAt": "Pick",
  "States": {
    "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Done"}]},
    "Done": {"Type": "Succeed"},
    "Spare": {"Type": "Succeed"}
  }
}
"#;

/// A `.sync` integration: allowed in STANDARD, an error in EXPRESS.
const SYNC_TASK: &str = r#"{
  "StartAt": "Run",
  "States": {
    "Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "End": true,
      "Parameters": {"Cluster": "c", "TaskDefinition": "t"}}
  }
}
"#;

fn asl_lint(dir: &Path, args: &[&str]) -> Output {
    asl_lint_in(dir, args, None)
}

/// `path code severity` of each finding of a JSON check.
fn findings(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let report = json_report(&asl_lint(dir, &all));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d["path"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap()
            )
        })
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn exclude_skips_files_and_directories_in_walks_only() {
    let dir = scratch("exclude");
    write(&dir, "flows/a.asl.json", ONE_ERROR_ONE_WARNING);
    write(&dir, "flows/b.draft.asl.json", ONE_ERROR_ONE_WARNING);
    write(&dir, "legacy/old/c.asl.json", ONE_ERROR_ONE_WARNING);
    write(&dir, "asl-lint.toml", "exclude = [\"legacy/\", \"*.draft.asl.json\"]\n");
    assert_eq!(
        findings(&dir, &["."]),
        ["./flows/a.asl.json ASL205 warning", "./flows/a.asl.json ASL202 error"]
    );
    // From a subdirectory, the patterns stay relative to the configuration file.
    assert_eq!(findings(&dir.join("legacy"), &["."]).len(), 0, "nothing left to check");
    let named = findings(&dir, &["legacy/old/c.asl.json"]);
    assert_eq!(named.len(), 2, "a file named on the command line is always checked");
}

#[test]
fn overrides_apply_in_order_to_the_files_they_match_and_flags_win() {
    let dir = scratch("overrides");
    write(&dir, "express/run.asl.json", SYNC_TASK);
    write(&dir, "standard/run.asl.json", SYNC_TASK);
    write(&dir, "express/pick.asl.json", ONE_ERROR_ONE_WARNING);
    write(
        &dir,
        "asl-lint.toml",
        r#"
[rules]
choice-without-default = "off"

[[overrides]]
files = ["express/"]
workflow-type = "express"
rules = { choice-without-default = "info", unreachable-state = "warning" }

[[overrides]]
files = ["**/pick.asl.json"]
rules = { unreachable-state = "off" }
"#,
    );
    let express_sync = |found: &[String]| {
        found
            .iter()
            .any(|f| f.starts_with("express/run.asl.json ") && f.ends_with(" error"))
    };
    let found = findings(
        &dir,
        &["express/run.asl.json", "standard/run.asl.json", "express/pick.asl.json"],
    );
    assert!(express_sync(&found), "{found:?}");
    assert!(!found.iter().any(|f| f.starts_with("standard/")), "{found:?}");
    assert_eq!(
        found
            .iter()
            .filter(|f| f.starts_with("express/pick"))
            .collect::<Vec<_>>(),
        ["express/pick.asl.json ASL205 info"],
        "the later override wins"
    );
    let flagged = findings(
        &dir,
        &[
            "--workflow-type",
            "standard",
            "--severity",
            "unreachable-state=error",
            "express/run.asl.json",
            "express/pick.asl.json",
        ],
    );
    assert!(!express_sync(&flagged), "{flagged:?}");
    assert!(
        flagged.contains(&"express/pick.asl.json ASL202 error".to_owned()),
        "{flagged:?}"
    );
}

#[test]
fn typos_are_refused_at_their_line_with_a_suggestion() {
    let dir = scratch("typos");
    write(&dir, "a.asl.json", ONE_ERROR_ONE_WARNING);
    for (config, expected) in [
        (
            "\nworkflow_type = \"express\"\n",
            "asl-lint.toml:2:1: unknown key `workflow_type`; did you mean `workflow-type`?",
        ),
        (
            "[rules]\nchoice-without-defualt = \"off\"\n",
            "asl-lint.toml:2:1: \"choice-without-defualt\" is not a rule code or name; did you mean \"choice-without-default\"?",
        ),
        (
            "[rules]\nASL205 = \"warn\"\n",
            "asl-lint.toml:2:10: \"ASL205\" = \"warn\": the level is one of off, error, warning, info; did you mean \"warning\"?",
        ),
        ("workflow-type = \"expres\"\n", "did you mean \"express\"?"),
        (
            "[[overrides]]\nfile = [\"x/\"]\n",
            "asl-lint.toml:2:1: unknown key `file`; did you mean `files`?",
        ),
        (
            "[[overrides]]\nworkflow-type = \"express\"\n",
            "an override needs `files`",
        ),
        ("exclude = \"legacy/\"\n", "`exclude` is a list of glob patterns"),
        (
            "colour = 1\n",
            "unknown key `colour`; the keys are workflow-type, exclude, rules, overrides",
        ),
        ("[rules\n", "TOML parse error"),
    ] {
        write(&dir, "asl-lint.toml", config);
        let output = asl_lint(&dir, &["check", "a.asl.json"]);
        assert_eq!(output.status.code(), Some(2), "{config}");
        assert!(stderr(&output).contains(expected), "{config}: {}", stderr(&output));
    }
    let output = asl_lint(
        &dir,
        &["check", "--no-config", "--ignore", "unreachable-stat", "a.asl.json"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("did you mean \"unreachable-state\"?"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn init_writes_a_starter_file_once() {
    let dir = scratch("init");
    write(&dir, "a.asl.json", ONE_ERROR_ONE_WARNING);
    let output = asl_lint(&dir, &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = std::fs::read_to_string(dir.join("asl-lint.toml")).unwrap();
    assert!(written.contains("[rules]") && written.contains("[[overrides]]"));
    assert_eq!(
        findings(&dir, &["a.asl.json"]).len(),
        2,
        "the starter file changes nothing"
    );
    std::fs::write(dir.join("asl-lint.toml"), "# mine\n").unwrap();
    let again = asl_lint(&dir, &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(dir.join("asl-lint.toml")).unwrap(), "# mine\n");
}

/// Reads one LSP message from the server's stdout.
fn read_message(reader: &mut impl std::io::BufRead) -> serde_json::Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).unwrap() > 0, "the server closed its output");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn the_language_server_shows_a_broken_configuration_to_the_user() {
    let dir = scratch("lsp");
    write(&dir, "asl-lint.toml", "[rules]\nchoice-without-defualt = \"off\"\n");
    let mut server = Command::new(env!("CARGO_BIN_EXE_asl-lint"))
        .arg("lsp")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = server.stdin.take().unwrap();
    let mut output = BufReader::new(server.stdout.take().unwrap());
    let mut send = |message: serde_json::Value| {
        let body = message.to_string();
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        input.flush().unwrap();
    };
    send(serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}));
    // As clients do, `initialized` follows the answer to `initialize`.
    while read_message(&mut output)["id"] != 1 {}
    send(serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let shown = loop {
        let message = read_message(&mut output);
        if message["method"] == "window/showMessage" {
            break message;
        }
    };
    assert_eq!(shown["params"]["type"], 1, "an error");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("asl-lint.toml:2:1") && text.contains("did you mean \"choice-without-default\"?"),
        "{text}"
    );
    send(serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    send(serde_json::json!({"jsonrpc": "2.0", "method": "exit"}));
    assert!(server.wait().unwrap().success());
}
