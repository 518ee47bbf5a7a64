//! Every definition of the real-world corpus (`../shared/corpus/real`), converted to YAML here,
//! gives the same findings as the JSON original, at the YAML positions of the same text.
//! Skipped when the shared corpus is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use asl_syntax::{Member, Node, Value, pointer_at};

fn real_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Block-style YAML for a JSON tree, each scalar and key written exactly as its JSON token
/// (a JSON string is a YAML double-quoted scalar, a JSON number a plain one).
fn to_yaml(source: &str, node: &Node, indent: usize, out: &mut String) {
    match &node.value {
        Value::Object(members) if !members.is_empty() => {
            for member in members {
                out.push_str(&" ".repeat(indent));
                member_to_yaml(source, member, indent, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&" ".repeat(indent));
                out.push_str("- ");
                match &item.value {
                    Value::Object(members) if !members.is_empty() => {
                        member_to_yaml(source, &members[0], indent + 2, out);
                        for member in &members[1..] {
                            out.push_str(&" ".repeat(indent + 2));
                            member_to_yaml(source, member, indent + 2, out);
                        }
                    }
                    Value::Array(inner) if !inner.is_empty() => {
                        out.push('\n');
                        to_yaml(source, item, indent + 2, out);
                    }
                    _ => {
                        out.push_str(scalar(source, item));
                        out.push('\n');
                    }
                }
            }
        }
        _ => {
            out.push_str(scalar(source, node));
            out.push('\n');
        }
    }
}

fn member_to_yaml(source: &str, member: &Member, indent: usize, out: &mut String) {
    out.push_str(&source[member.key.range.as_usize()]);
    out.push(':');
    match &member.value.value {
        Value::Object(members) if !members.is_empty() => {
            out.push('\n');
            to_yaml(source, &member.value, indent + 2, out);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            to_yaml(source, &member.value, indent + 2, out);
        }
        _ => {
            out.push(' ');
            out.push_str(scalar(source, &member.value));
            out.push('\n');
        }
    }
}

/// A scalar's JSON token, or `{}` / `[]` for an empty container.
fn scalar<'s>(source: &'s str, node: &Node) -> &'s str {
    match &node.value {
        Value::Object(_) => "{}",
        Value::Array(_) => "[]",
        _ => &source[node.range.as_usize()],
    }
}

/// What a finding says and where, in terms both files share: its code, message, JSON Pointer,
/// and the text it covers when that is a scalar or a key (written alike in both files).
fn comparable(source: &str, root: &Node, diagnostic: &asl_diagnostics::Diagnostic) -> String {
    let text = &source[diagnostic.range.as_usize()];
    let shared = if text.contains('\n') || text.starts_with(['{', '[', '-']) {
        "<container>"
    } else {
        text
    };
    format!(
        "{} {:?} at {} on {shared:?}",
        diagnostic.code,
        diagnostic.message,
        pointer_at(root, diagnostic.range).unwrap_or_default()
    )
}

#[test]
fn yaml_copies_of_the_real_corpus_give_the_same_findings_at_the_yaml_positions() {
    let dir = real_corpus();
    if !dir.is_dir() {
        println!("note: {} is absent; skipping", dir.display());
        return;
    }
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut findings = 0;
    for path in &files {
        let json = std::fs::read_to_string(path).unwrap();
        let original = common::analyze_file("flow.asl.json", &json);
        if !original.parse.errors.is_empty() {
            continue;
        }
        let mut yaml = String::new();
        to_yaml(&json, &original.parse.root, 0, &mut yaml);
        let copy = common::analyze_file("flow.asl.yaml", &yaml);
        if !copy.parse.errors.is_empty() {
            failures.push(format!(
                "{}: the YAML copy does not parse: {:?}",
                path.display(),
                copy.parse.errors
            ));
            continue;
        }
        let mut expected: Vec<String> = original
            .diagnostics
            .iter()
            .map(|d| comparable(&json, &original.parse.root, d))
            .collect();
        let mut got: Vec<String> = copy
            .diagnostics
            .iter()
            .map(|d| comparable(&yaml, &copy.parse.root, d))
            .collect();
        expected.sort();
        got.sort();
        if expected != got {
            failures.push(format!("{}:\n  json: {expected:#?}\n  yaml: {got:#?}", path.display()));
        }
        compared += 1;
        findings += expected.len();
    }
    println!("{compared} definitions compared, {findings} findings each");
    assert!(compared > 100, "only {compared} definitions compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
