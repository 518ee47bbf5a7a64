//! Every range a diagnostic carries (its own, its labels', its fix's edits) starts and ends on
//! a character boundary, in JSON and in YAML, whatever multi-byte text the definition holds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_diagnostics::Diagnostic;
use asl_linter::{Settings, analyze_as};
use asl_syntax::{SourceFormat, TextRange};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Text with characters of every UTF-8 width, and a few that mean something to ASL.
const WORDS: &[&str] = &[
    "é",
    "日本",
    "😀",
    "ßx",
    "A",
    "Ünï",
    "$.é",
    "$.日本[0]",
    "$$.Execution.é",
    "$é",
    "{% $é %}",
    "{% $日本( %}",
    "States.Format('é{}', $.x)",
    "States.日本()",
    "States.Array($.é, 'ü')",
    "arn:aws:lambda:us-east-1:123456789012:function:é",
    "arn:aws:states:::日本",
    "é.$",
];

const TYPES: &[&str] = &[
    "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map", "Taks", "é",
];

/// Field names: real ones (with values of any kind, so many are wrong) and multi-byte ones.
const FIELDS: &[&str] = &[
    "é",
    "日本",
    "😀",
    "Next",
    "End",
    "Resource",
    "InputPath",
    "ResultPath",
    "OutputPath",
    "Parameters",
    "ResultSelector",
    "Arguments",
    "Output",
    "Assign",
    "Variable",
    "Choices",
    "Default",
    "Seconds",
    "SecondsPath",
    "Catch",
    "Retry",
    "ErrorEquals",
    "Condition",
    "StringEquals",
    "QueryLanguage",
    "ItemProcessor",
    "Branches",
    "Comment",
    "Error",
    "Cause",
    "Items",
    "ItemSelector",
    "TimeoutSeconds",
    "HeartbeatSeconds",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_owned)
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        word().prop_map(Value::String),
        any::<i8>().prop_map(|n| json!(n)),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
    ]
}

/// A JSON value whose object members keep the order they are generated in (the order decides
/// which key starts a YAML block mapping).
#[derive(Debug, Clone)]
enum Tree {
    Scalar(Value),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

fn object(members: Vec<(&str, Tree)>) -> Tree {
    Tree::Object(
        members
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

/// Any value, nested a few levels, with keys from `FIELDS`.
fn value() -> impl Strategy<Value = Tree> {
    scalar().prop_map(Tree::Scalar).prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Tree::Array),
            prop::collection::vec((prop::sample::select(FIELDS), inner), 0..4).prop_map(object),
        ]
    })
}

/// A state: often a multi-byte field first, so that a YAML block mapping starts with one.
fn state() -> impl Strategy<Value = Tree> {
    (
        prop::collection::vec((prop::sample::select(FIELDS), value()), 0..2),
        prop::sample::select(TYPES),
        prop::collection::vec((prop::sample::select(FIELDS), value()), 0..4),
    )
        .prop_map(|(mut fields, kind, rest)| {
            fields.push(("Type", Tree::Scalar(json!(kind))));
            fields.extend(rest);
            object(fields)
        })
}

fn machine() -> impl Strategy<Value = Tree> {
    (
        prop::option::of(word()),
        prop::option::of(word()),
        prop::collection::vec((word(), state()), 0..5),
        prop::option::of((prop::sample::select(FIELDS), value())),
    )
        .prop_map(|(first, start_at, states, extra)| {
            let mut machine = Vec::new();
            if let Some(key) = first {
                machine.push((key, Tree::Scalar(json!(1))));
            }
            if let Some(start_at) = start_at {
                machine.push(("StartAt".to_owned(), Tree::Scalar(json!(start_at))));
            }
            machine.push(("States".to_owned(), Tree::Object(states)));
            if let Some((key, value)) = extra {
                machine.push((key.to_owned(), value));
            }
            Tree::Object(machine)
        })
}

fn to_json(tree: &Tree, out: &mut String) {
    match tree {
        Tree::Scalar(value) => out.push_str(&value.to_string()),
        Tree::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { ", " });
                to_json(item, out);
            }
            out.push(']');
        }
        Tree::Object(members) => {
            out.push_str("{\n");
            for (i, (key, value)) in members.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { ",\n" });
                out.push_str(&format!("{}: ", json!(key)));
                to_json(value, out);
            }
            out.push_str("\n}");
        }
    }
}

/// Block-style YAML, keys plain where YAML allows (so `é:` starts a block mapping).
fn to_yaml(tree: &Tree, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match tree {
        Tree::Object(members) if !members.is_empty() => {
            for (key, value) in members {
                let plain = key.chars().all(char::is_alphanumeric);
                let key = if plain { key.clone() } else { json!(key).to_string() };
                out.push_str(&format!("{pad}{key}:"));
                nested(value, indent, out);
            }
        }
        Tree::Array(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&format!("{pad}-"));
                nested(item, indent, out);
            }
        }
        _ => {
            out.push_str(&pad);
            to_json(tree, out);
            out.push('\n');
        }
    }
}

fn nested(tree: &Tree, indent: usize, out: &mut String) {
    match tree {
        Tree::Object(items) if !items.is_empty() => {
            out.push('\n');
            to_yaml(tree, indent + 2, out);
        }
        Tree::Array(items) if !items.is_empty() => {
            out.push('\n');
            to_yaml(tree, indent + 2, out);
        }
        _ => {
            out.push(' ');
            to_json(tree, out);
            out.push('\n');
        }
    }
}

fn ranges(diagnostic: &Diagnostic) -> Vec<TextRange> {
    let mut ranges = vec![diagnostic.range];
    ranges.extend(diagnostic.labels.iter().map(|label| label.range));
    ranges.extend(
        diagnostic
            .fix
            .iter()
            .flat_map(|fix| fix.edits.iter().map(|edit| edit.range)),
    );
    ranges
}

fn assert_on_char_boundaries(text: &str, format: SourceFormat) {
    for diagnostic in analyze_as(text, format, &Settings::default()).diagnostics {
        for range in ranges(&diagnostic) {
            let (start, end) = (range.start as usize, range.end as usize);
            assert!(
                start <= end && text.is_char_boundary(start) && text.is_char_boundary(end),
                "{} {:?} splits a character in {format:?}:\n{text}",
                diagnostic.name,
                range
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn json_ranges_fall_on_char_boundaries(machine in machine()) {
        let mut json = String::new();
        to_json(&machine, &mut json);
        assert_on_char_boundaries(&json, SourceFormat::Json);
        // The same characters written as escapes: decoded and source offsets then differ.
        assert_on_char_boundaries(&json.replace('é', "\\u00e9").replace('😀', "\\ud83d\\ude00"), SourceFormat::Json);
    }

    #[test]
    fn yaml_ranges_fall_on_char_boundaries(machine in machine()) {
        let mut yaml = String::new();
        to_yaml(&machine, 0, &mut yaml);
        assert_on_char_boundaries(&yaml, SourceFormat::Yaml);
    }
}

#[test]
fn a_yaml_block_mapping_that_starts_with_a_multibyte_key() {
    // missing-required-field points at the start of the object: its whole first character.
    for (text, message) in [
        ("é: 1\nStates: {}\n", "\"StartAt\""),
        (
            "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Catch:\n      - é: 1\n        Next: A\n",
            "\"ErrorEquals\"",
        ),
    ] {
        assert_on_char_boundaries(text, SourceFormat::Yaml);
        let diagnostics = analyze_as(text, SourceFormat::Yaml, &Settings::default()).diagnostics;
        let missing = diagnostics
            .iter()
            .find(|d| d.name == "missing-required-field" && d.message.contains(message))
            .unwrap_or_else(|| panic!("{diagnostics:#?}"));
        assert_eq!(&text[missing.range.as_usize()], "é");
    }
}
