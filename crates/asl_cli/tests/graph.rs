//! `asl-lint graph`: snapshots of real definitions, Graphviz rendering, and highlighting.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;

/// Real definitions with Parallel, Map, Choice and Catch.
const CORPUS_FILES: [&str; 3] = [
    "explicit-failure-with-parallel-states/statemachine/statemachine.asl.json",
    "ingest-and-analyze-historical-storm-events/statemachine/statemachine.asl.json",
    "either-or-parallel-pattern/statemachine/statemachine.asl.json",
];

/// A machine with an unreachable state and a loop with no exit.
const FLAWED: &str = r#"{
  "StartAt": "Start",
  "States": {
    "Start": {"Type": "Choice", "Choices": [{"Variable": "$.poll", "BooleanEquals": true, "Next": "Poll"}], "Default": "Done"},
    "Poll": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:poll", "Next": "Wait",
      "Catch": [{"ErrorEquals": ["States.Timeout", "Custom.\"Quoted\""], "Next": "Wait"}]},
    "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Poll"},
    "Orphan": {"Type": "Pass", "End": true},
    "Done": {"Type": "Succeed"}
  }
}"#;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real/sfn-workflows-collection")
}

fn asl_lint(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asl-lint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn graph(path: &str, format: &str) -> String {
    let output = asl_lint(&["graph", "--format", format, path], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Renders DOT with Graphviz and returns the SVG.
fn render_svg(dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "dot failed: {}\n{dot}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn real_definitions_snapshot() {
    for file in CORPUS_FILES {
        let path = corpus_dir().join(file);
        let path = path.to_str().unwrap();
        let name = file.split('/').next().unwrap();
        let mermaid = graph(path, "mermaid");
        let dot = graph(path, "dot");
        insta::assert_snapshot!(format!("{name}.mermaid"), mermaid);
        insta::assert_snapshot!(format!("{name}.dot"), dot);
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
#[cfg_attr(not(has_dot), ignore = "dot (Graphviz) is not installed")]
fn real_definitions_render_with_graphviz() {
    for file in CORPUS_FILES {
        let path = corpus_dir().join(file);
        let dot = graph(path.to_str().unwrap(), "dot");
        assert!(render_svg(&dot).contains("<svg"), "{file}");
    }
}

#[test]
#[cfg_attr(not(has_dot), ignore = "dot (Graphviz) is not installed")]
fn highlighted_flaws_render_with_graphviz() {
    let output = asl_lint(&["graph", "--format", "dot", "-"], Some(FLAWED));
    assert!(output.status.success());
    let svg = render_svg(&String::from_utf8(output.stdout).unwrap());
    assert!(svg.contains("<svg") && svg.contains("Orphan"), "{svg}");
}

#[test]
fn flaws_are_highlighted_with_the_analyses_of_the_rules() {
    let output = asl_lint(&["graph", "--format", "dot", "-"], Some(FLAWED));
    assert!(output.status.success());
    let dot = String::from_utf8(output.stdout).unwrap();
    let node = |name: &str| {
        dot.lines()
            .find(|line| line.contains(&format!("label=\"{name}\\n")))
            .unwrap()
            .to_owned()
    };
    assert!(
        node("Orphan").contains("unreachable") && node("Orphan").contains("dashed"),
        "{dot}"
    );
    assert!(
        node("Poll").contains("loop with no exit") && node("Wait").contains("loop with no exit"),
        "{dot}"
    );
    assert!(
        !node("Start").contains("filled") && !node("Done").contains("filled"),
        "{dot}"
    );
    assert!(
        node("Done").contains("peripheries=2"),
        "terminal states are marked: {dot}"
    );
    assert!(
        dot.contains(r#"label="$.poll == true""#),
        "Choice edges carry their condition: {dot}"
    );
    assert!(
        dot.contains(r#"label="States.Timeout, Custom.\"Quoted\"", style=dashed"#),
        "Catch edges are dashed with their errors: {dot}"
    );

    let mermaid = String::from_utf8(asl_lint(&["graph", "-"], Some(FLAWED)).stdout).unwrap();
    assert!(mermaid.starts_with("flowchart TD\n"), "{mermaid}");
    assert!(
        mermaid.contains("-.->|\"States.Timeout, Custom.#quot;Quoted#quot;\"|"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("class s3 unreachable") && mermaid.contains("class s1 exitless"),
        "{mermaid}"
    );
}

#[test]
fn output_goes_to_the_named_file() {
    let dir = scratch("output", &[("machine.asl.json", FLAWED)]);
    let input = dir.join("machine.asl.json");
    let output_path = dir.join("machine.dot");
    let output = asl_lint(
        &[
            "graph",
            "--format",
            "dot",
            "--output",
            output_path.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&output_path)
            .unwrap()
            .starts_with("digraph StateMachine {")
    );
    let missing = asl_lint(&["graph", dir.join("missing.json").to_str().unwrap()], None);
    assert_eq!(missing.status.code(), Some(2));
}

/// A scratch directory with `files` written in it, removed when the test is done with it.
fn scratch(name: &str, files: &[(&str, &str)]) -> common::Scratch {
    let dir = common::scratch(&format!("graph-{name}"));
    for (file, text) in files {
        common::write(&dir, file, text);
    }
    dir
}

#[test]
fn yaml_definitions_and_templates_are_drawn() {
    let yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Succeed\n";
    let template = "Resources:\n  First:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Succeed\"}}}\n  Second:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Y\n        States:\n          Y: {Type: Pass, End: true}\n";
    let dir = scratch("yaml", &[("flow.asl.yaml", yaml), ("template.yaml", template)]);
    let drawn = graph(dir.join("flow.asl.yaml").to_str().unwrap(), "mermaid");
    assert!(
        drawn.contains("A<br/>Pass") && drawn.contains("B<br/>Succeed"),
        "{drawn}"
    );
    let path = dir.join("template.yaml");
    let path = path.to_str().unwrap();
    let second = asl_lint(&["graph", "--name", "Second", path], None);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("Y<br/>Pass"));
    let first = asl_lint(&["graph", "--name", "First", path], None);
    assert!(String::from_utf8_lossy(&first.stdout).contains("X<br/>Succeed"));
    // Several state machines and no name: say which there are.
    let unnamed = asl_lint(&["graph", path], None);
    assert_eq!(unnamed.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unnamed.stderr);
    assert!(
        message.contains("First, Second") && message.contains("--name"),
        "{message}"
    );
}

#[test]
fn a_file_that_is_not_a_state_machine_is_refused() {
    let dir = scratch(
        "not",
        &[("package.json", r#"{"name": "app"}"#), ("ci.yml", "on: push\n")],
    );
    for file in ["package.json", "ci.yml"] {
        let output = asl_lint(&["graph", dir.join(file).to_str().unwrap()], None);
        assert_eq!(output.status.code(), Some(2), "{file}");
        assert!(output.stdout.is_empty());
        assert!(String::from_utf8_lossy(&output.stderr).contains("holds no state machine"));
    }
}
