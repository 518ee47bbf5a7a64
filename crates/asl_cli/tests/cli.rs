//! The command line as a user runs it: exit codes, formats, discovery and bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Output;

mod common;

use common::*;

#[test]
fn exit_codes() {
    let dir = scratch("exit");
    let valid = write(&dir, "valid.asl.json", VALID);
    let broken = write(&dir, "broken.asl.json", MISSING_COMMA_LINE_7);
    assert_eq!(asl_lint(&["check", &valid], None).status.code(), Some(0));
    assert_eq!(asl_lint(&["check", &broken], None).status.code(), Some(1));
    let missing = dir.join("nope.json").to_string_lossy().into_owned();
    let output = asl_lint(&["check", "--format", "json", &missing, &valid], None);
    assert_eq!(output.status.code(), Some(2));
    let report = json_report(&output);
    assert_eq!(report["files_checked"], 2, "the other file is still checked");
    assert_eq!(report["diagnostics"][0]["code"], "ASL000");
    assert_eq!(report["diagnostics"][0]["range"], serde_json::Value::Null);
    assert_eq!(
        asl_lint(&["check", "--format", "yaml", &valid], None).status.code(),
        Some(2)
    );
}

#[test]
fn missing_comma_gives_one_error_and_later_states_are_still_checked() {
    let output = asl_lint(
        &["check", "--format", "concise", "-", "--stdin-filename", "flow.asl.json"],
        Some(MISSING_COMMA_LINE_7.as_bytes()),
    );
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    let syntax: Vec<&&str> = lines.iter().filter(|l| l.contains("ASL001")).collect();
    assert_eq!(syntax.len(), 1, "{text}");
    assert!(syntax[0].starts_with("flow.asl.json:7:"), "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("flow.asl.json:11:") && l.contains("ASL104 unknown-state-type")),
        "{text}"
    );
}

#[test]
fn json_output_contract() {
    let output = asl_lint(
        &["check", "--format", "json", "-"],
        Some(MISSING_COMMA_LINE_7.as_bytes()),
    );
    let report = json_report(&output);
    assert_eq!(report["version"], 1);
    assert_eq!(report["files_checked"], 1);
    let first = &report["diagnostics"][0];
    assert_eq!(first["path"], "<stdin>");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["range"]["start"]["line"], 7);
    for key in ["code", "name", "message", "pointer", "fixable"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let typo = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ASL104")
        .unwrap();
    assert_eq!(typo["pointer"], "/States/Done/Type");
    assert_eq!(typo["fixable"], true);
    assert_eq!(
        report["summary"]["error"],
        report["diagnostics"].as_array().unwrap().len()
    );
}

#[test]
fn bad_input_gives_a_positioned_error_not_a_crash() {
    let deep = "[".repeat(1_000_000);
    let cases: [(&str, Vec<u8>); 5] = [
        ("deep", deep.into_bytes()),
        ("utf8", b"{\"StartAt\": \"A\xff\", \"States\": {}}".to_vec()),
        ("empty", Vec::new()),
        ("junk", (0u8..=255).cycle().take(4096).collect()),
        ("objects", "{\"a\":".repeat(200_000).into_bytes()),
    ];
    for (name, bytes) in cases {
        let output = asl_lint(
            &["check", "--format", "concise", "-", "--stdin-filename", name],
            Some(&bytes),
        );
        let text = stdout(&output);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {text}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(text.starts_with(&format!("{name}:1:")), "{name}: {text}");
        assert!(text.contains("error[ASL001 invalid-json]"), "{name}: {text}");
    }
    let utf8 = stdout(&asl_lint(
        &["check", "--format", "json", "-"],
        Some(b"{\"StartAt\": \"A\xff\"}"),
    ));
    assert!(utf8.contains("\"offset\": 15"), "{utf8}");
}

#[test]
fn a_chain_of_100_000_states_does_not_overflow_any_walk() {
    let count = 100_000;
    let mut text = String::from("{\"StartAt\": \"S0\", \"States\": {");
    for i in 0..count - 1 {
        text.push_str(&format!("\"S{i}\": {{\"Type\": \"Pass\", \"Next\": \"S{}\"}},", i + 1));
    }
    text.push_str(&format!("\"S{}\": {{\"Type\": \"Succeed\"}}}}}}", count - 1));
    let output = asl_lint(&["check", "--format", "json", "-"], Some(text.as_bytes()));
    let report = json_report(&output);
    assert_eq!(
        report["files_checked"],
        1,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn huge_files_are_refused_with_a_clear_message() {
    let dir = scratch("huge");
    let path = dir.join("huge.asl.json");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let output = asl_lint(&["check", "--format", "concise", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("asl-lint checks inputs of at most"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn directories_are_walked_with_gitignore_sniffing_and_globs() {
    let dir = scratch("walk");
    write(&dir, "a.asl.json", VALID);
    write(&dir, "nested/b.json", VALID);
    write(&dir, "nested/package.json", r#"{"name": "not a state machine"}"#);
    write(&dir, "ignored/c.asl.json", MISSING_COMMA_LINE_7);
    write(&dir, ".gitignore", "ignored/\n");
    write(&dir, "notes.txt", "StartAt States");
    let root = dir.to_str().unwrap();
    let report = json_report(&asl_lint(&["check", "--format", "json", root], None));
    assert_eq!(report["files_checked"], 2, "{report}");
    let report = json_report(&asl_lint(
        &["check", "--format", "json", "--glob", "!nested/**", root],
        None,
    ));
    assert_eq!(report["files_checked"], 1, "{report}");
    let report = json_report(&asl_lint(&["check", "--format", "json", "--glob", "*.txt", root], None));
    assert_eq!(report["files_checked"], 1, "{report}");
    let ignored = dir.join("ignored/c.asl.json");
    assert_eq!(
        asl_lint(&["check", ignored.to_str().unwrap()], None).status.code(),
        Some(1),
        "named files are always checked"
    );
}

/// What a pre-commit hook passes: every changed JSON, YAML or `.asl` file. Only the state
/// machines among them are checked, chosen as the directory walk chooses.
#[test]
fn only_state_machines_chooses_among_named_files_like_the_walk() {
    let dir = scratch("only");
    write(&dir, "flow.asl.json", MISSING_COMMA_LINE_7);
    write(&dir, "sniffed.json", VALID);
    write(&dir, "package.json", r#"{"name": "not a state machine"}"#);
    write(&dir, "config.yaml", "name: not a state machine\n");
    let named: Vec<String> = ["flow.asl.json", "sniffed.json", "package.json", "config.yaml"]
        .iter()
        .map(|name| dir.join(name).to_str().unwrap().to_owned())
        .collect();
    let mut args = vec!["check", "--format", "json", "--only-state-machines"];
    args.extend(named.iter().map(String::as_str));
    let output = asl_lint(&args, None);
    assert_eq!(output.status.code(), Some(1));
    let report = json_report(&output);
    assert_eq!(report["files_checked"], 2, "{report}");
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().all(|path| path.ends_with("flow.asl.json")), "{report}");

    let mut args = vec!["check", "--format", "json", "--only-state-machines"];
    args.extend(named[2..].iter().map(String::as_str));
    let output = asl_lint(&args, None);
    assert_eq!(
        output.status.code(),
        Some(0),
        "no state machine among them: nothing to report"
    );
    assert_eq!(json_report(&output)["diagnostics"], serde_json::json!([]));
}

#[test]
fn human_output() {
    let output = asl_lint(
        &["check", "-", "--stdin-filename", "flow.asl.json"],
        Some(MISSING_COMMA_LINE_7.as_bytes()),
    );
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn help_says_what_the_tool_is() {
    let help = stdout(&asl_lint(&["--help"], None));
    assert!(
        help.starts_with("A linter and static analyzer for Amazon States Language"),
        "{help}"
    );
}

#[test]
fn rule_docs_by_code_or_name() {
    let by_code = stdout(&asl_lint(&["rule", "ASL104"], None));
    let by_name = stdout(&asl_lint(&["rule", "unknown-state-type"], None));
    assert!(by_code.starts_with("# unknown-state-type (ASL104)"), "{by_code}");
    assert_eq!(by_code, by_name);
    assert!(
        by_code.contains("Evidence: AWS returns \"The field 'Type' should have one of these values"),
        "an error-level rule shows what AWS answers: {by_code}"
    );
    assert_eq!(asl_lint(&["rule", "no-such-rule"], None).status.code(), Some(2));
    assert!(stdout(&asl_lint(&["rule"], None)).contains("ASL001"));
}

/// A definition with one error (an unreachable state) and one warning (a Choice without Default).
const ONE_ERROR_ONE_WARNING: &str = r#"{
  "StartAt": "Pick",
  "States": {
    "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Done"}]},
    "Done": {"Type": "Succeed"},
    "Spare": {"Type": "Succeed"}
  }
}
"#;

fn codes(output: &Output) -> Vec<String> {
    let report = json_report(output);
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}", d["code"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect()
}

#[test]
fn rule_levels_from_the_configuration_file_and_flags() {
    let dir = scratch("config");
    let file = write(&dir, "flows/a.asl.json", ONE_ERROR_ONE_WARNING);
    let nested = dir.join("flows");
    let defaults = asl_lint_in(&nested, &["check", "--format", "json", &file], None);
    assert_eq!(codes(&defaults), ["ASL205 warning", "ASL202 error"]);
    write(
        &dir,
        "asl-lint.toml",
        "[rules]\nunreachable-state = \"off\"\nASL205 = \"error\"\n",
    );
    let configured = asl_lint_in(&nested, &["check", "--format", "json", &file], None);
    assert_eq!(codes(&configured), ["ASL205 error"], "found in a parent directory");
    assert_eq!(configured.status.code(), Some(1));
    let flags = asl_lint_in(
        &nested,
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "ASL205",
            "--severity",
            "ASL202=info",
            &file,
        ],
        None,
    );
    assert_eq!(codes(&flags), ["ASL202 info"], "flags win over the file");
    assert_eq!(flags.status.code(), Some(0));
    let isolated = asl_lint_in(&nested, &["check", "--format", "json", "--no-config", &file], None);
    assert_eq!(codes(&isolated), ["ASL205 warning", "ASL202 error"]);
}

#[test]
fn bad_configuration_is_refused_with_a_message() {
    let dir = scratch("bad-config");
    let file = write(&dir, "a.asl.json", VALID);
    for (config, expected) in [
        ("[rules]\nno-such-rule = \"off\"\n", "not a rule code or name"),
        ("[rules]\nASL205 = \"loud\"\n", "off, error, warning, info"),
        ("colour = 1\n", "unknown key `colour`"),
        ("workflow-type = \"fast\"\n", "not \"standard\" or \"express\""),
    ] {
        write(&dir, "asl-lint.toml", config);
        let output = asl_lint_in(&dir, &["check", &file], None);
        assert_eq!(output.status.code(), Some(2), "{config}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{config}: {stderr}");
    }
    let output = asl_lint_in(&dir, &["check", "--no-config", "--ignore", "nope", &file], None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn comment_directives_silence_rules_in_their_state() {
    let silenced = ONE_ERROR_ONE_WARNING.replace(
        r#""Spare": {"Type": "Succeed"}"#,
        r#""Spare": {"Type": "Succeed", "Comment": "asl-lint-ignore: unreachable-state -- run by hand"}"#,
    );
    let output = asl_lint(
        &["check", "--format", "json", "--no-config", "-"],
        Some(silenced.as_bytes()),
    );
    assert_eq!(codes(&output), ["ASL205 warning"]);
    assert_eq!(output.status.code(), Some(0));
}

const YAML_TYPO_LINE_7: &str = "# A YAML definition: é ✓\nStartAt: Wait\nStates:\n  Wait:\n    {Type: Wait, Seconds: 5, Next: Done}\n  Done:\n    Type: Succed\n";

#[test]
fn yaml_definitions_are_checked_with_findings_on_their_lines() {
    let dir = scratch("yaml");
    let named = write(&dir, "flow.yml", YAML_TYPO_LINE_7);
    let text = stdout(&asl_lint(&["check", "--format", "concise", &named], None));
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("{named}:7:11:")) && l.contains("ASL104 unknown-state-type")),
        "{text}"
    );
    assert!(!text.contains("ASL001"), "{text}");

    // `--stdin-filename` decides the format of stdin; a YAML syntax error has its position.
    let broken = "StartAt: Wait\nStates:\n  Wait: {Type: Wait\n  Done: 1\n";
    let output = asl_lint(
        &["check", "--format", "concise", "-", "--stdin-filename", "flow.asl.yaml"],
        Some(broken.as_bytes()),
    );
    let text = stdout(&output);
    assert_eq!(text.lines().filter(|l| l.contains("ASL001")).count(), 1, "{text}");
    assert!(text.starts_with("flow.asl.yaml:4:"), "{text}");
    assert_eq!(output.status.code(), Some(1));

    // A directory walk picks `*.asl.yaml` and `*.asl.yml`, not every YAML file.
    write(&dir, "walk/a.asl.yaml", YAML_TYPO_LINE_7);
    write(
        &dir,
        "walk/b.asl.yml",
        "StartAt: Done\nStates:\n  Done: {Type: Succeed}\n",
    );
    write(&dir, "walk/ci.yaml", "jobs: {}\n");
    let report = json_report(&asl_lint(
        &["check", "--format", "json", dir.join("walk").to_str().unwrap()],
        None,
    ));
    assert_eq!(report["files_checked"], 2, "{report}");
    let typo = &report["diagnostics"][0];
    assert_eq!(typo["code"], "ASL104", "{report}");
    assert_eq!(typo["range"]["start"]["line"], 7);
    assert_eq!(typo["pointer"], "/States/Done/Type");
}

#[test]
fn fix_applies_safe_fixes_and_unsafe_ones_only_when_asked() {
    let dir = scratch("fix");
    let source = r#"{
  "StartAt": "Go",
  "States": {
    "Go": {"Type": "Taks", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Next": "Wait"},
    "Wait": {"Type": "Wait", "Seconds": 5}
  }
}
"#;
    let file = write(&dir, "a.asl.json", source);
    let output = asl_lint(&["check", "--no-config", "--fix", "--format", "concise", &file], None);
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.contains(r#""Type": "Task""#), "{fixed}");
    assert!(
        !fixed.contains("End"),
        "the unsafe fix waits for --unsafe-fixes: {fixed}"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("fixed 1 finding in 1 file"));
    assert!(
        stdout(&output).contains("ASL109"),
        "what is left is reported: {}",
        stdout(&output)
    );
    let output = asl_lint(&["check", "--no-config", "--fix", "--unsafe-fixes", &file], None);
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.contains(r#""Seconds": 5, "End": true"#), "{fixed}");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let yaml = write(
        &dir,
        "b.asl.yaml",
        "StartAt: Go\nStates:\n  Go:\n    Type: Taks\n    End: true\n",
    );
    asl_lint(&["check", "--no-config", "--fix", &yaml], None);
    assert!(
        std::fs::read_to_string(&yaml).unwrap().contains("Taks"),
        "YAML files are not rewritten"
    );
    assert_eq!(
        asl_lint(&["check", "--unsafe-fixes", &file], None).status.code(),
        Some(2),
        "--unsafe-fixes needs --fix"
    );
}
