//! The reproducers of inputs that used to crash or flood asl-lint, run through the binary as a
//! user would: no abort, every syntax error cascade reported once, output no larger than the
//! input, and the "nested too deep" findings where the limits are crossed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::Output;

use common::asl_lint;

fn check(args: &[&str], input: &str) -> Output {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.push("-");
    asl_lint(&all, Some(input.as_bytes()))
}

/// Runs the check and requires an ordinary exit (0: clean, 1: findings), not a signal.
fn check_ok(args: &[&str], input: &str) -> (String, serde_json::Value) {
    let output = check(args, input);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}: {stderr}",
        output.status
    );
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let json = if args.contains(&"json") {
        serde_json::from_str(&stdout).unwrap()
    } else {
        serde_json::Value::Null
    };
    (stdout, json)
}

fn jsonata_machine(expression: &str) -> String {
    serde_json::json!({
        "QueryLanguage": "JSONata",
        "StartAt": "A",
        "States": {"A": {"Type": "Pass", "Output": format!("{{% {expression} %}}"), "End": true}}
    })
    .to_string()
}

fn codes(json: &serde_json::Value) -> Vec<&str> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn deep_jsonata_is_reported_not_a_stack_overflow() {
    let n = 2_000;
    let a_chain = vec!["a"; n];
    for expression in [
        "[".repeat(n),
        "(".repeat(n),
        format!("{}1", "-".repeat(n)),
        a_chain.join("."),
        a_chain.join(" + "),
        format!("{}c", "a ? b : ".repeat(n)),
    ] {
        let (_, json) = check_ok(&["--format", "json"], &jsonata_machine(&expression));
        assert_eq!(codes(&json), ["ASL346"], "{}", &expression[..20]);
        let message = json["diagnostics"][0]["message"].as_str().unwrap();
        assert!(message.contains("nested too deep"), "{message}");
    }
}

#[test]
fn deep_intrinsic_is_reported_not_a_stack_overflow() {
    let n = 2_000;
    let machine = serde_json::json!({
        "StartAt": "A",
        "States": {"A": {"Type": "Pass", "Parameters": {"a.$": format!("{}{}", "States.Array(".repeat(n), ")".repeat(n))}, "End": true}}
    });
    let (_, json) = check_ok(&["--format", "json"], &machine.to_string());
    assert_eq!(codes(&json), ["ASL346"]);
}

/// A `ResultSelector` string cut open on a one-line, 600 KB definition, followed by
/// `[{"a":` 100,000 times: one syntax error for the whole cascade.
#[test]
fn a_cut_open_string_before_deep_debris_is_one_error() {
    let head = r#"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,"ResultSelector":{"x.$":"$.a"#;
    let input = format!("{head}{}\n}}}}}}}}", r#"[{"a":"#.repeat(100_000));
    let (_, json) = check_ok(&["--format", "json"], &input);
    let codes = codes(&json);
    assert_eq!(codes.iter().filter(|c| **c == "ASL001").count(), 1, "{json}");
    // Besides: the string as cut is not a valid path, and the object is over the payload quota.
    assert!(codes.len() <= 3, "{json}");
}

/// A 50 KB file, a key string cut open and followed by `{"a":` 10,000 times, used to print
/// 20 MB of JSON: one error per level, each quoting text.
#[test]
fn a_cascade_of_syntax_errors_is_not_amplified() {
    let head = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Parameters":{"x"#;
    let input = format!("{head}{}\n}}}}}}}}", r#"{"a":"#.repeat(10_000));
    let (out, json) = check_ok(&["--format", "json"], &input);
    assert!(
        out.len() < input.len(),
        "{} bytes of JSON for {} of input",
        out.len(),
        input.len()
    );
    assert!(codes(&json).iter().all(|c| *c == "ASL001"), "{json}");
    assert!(codes(&json).len() <= 2, "{json}");
    let (out, _) = check_ok(&["--format", "concise"], &input);
    assert!(out.len() < 2_000, "{out}");
}

/// Many separate mistakes: 100 are listed, one more finding counts the rest, and the JSON
/// summary keeps the exact total.
#[test]
fn syntax_errors_past_the_cap_are_counted_exactly() {
    let items = vec!["x"; 1_000].join(", ");
    let input =
        format!(r#"{{"StartAt": "A", "States": {{"A": {{"Type": "Pass", "End": true, "Result": [{items}]}}}}}}"#);
    let (_, json) = check_ok(&["--format", "json"], &input);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 101);
    assert_eq!(json["summary"]["error"], 101);
    assert_eq!(json["summary"]["omitted"]["error"], 900);
    let last = &diagnostics[100];
    assert_eq!(last["omitted"], 900);
    assert!(last["message"].as_str().unwrap().starts_with("900 more syntax errors"));
    assert!(diagnostics[..100].iter().all(|d| d.get("omitted").is_none()));
}
