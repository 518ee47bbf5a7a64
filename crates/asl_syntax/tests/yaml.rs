//! The YAML reader: the tree it builds, its byte ranges, its errors and its limits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod common;

use std::path::{Path, PathBuf};

use asl_syntax::DuplicateKeys;
use asl_syntax::{LineIndex, MAX_DEPTH, Node, Number, PositionEncoding, Value, parse_yaml};
use common::{dump, json_eq};

fn yaml(text: &str) -> Node {
    let parsed = parse_yaml(text);
    assert!(parsed.errors.is_empty(), "{text:?}: {:?}", parsed.errors);
    parsed.root
}

/// The source text a range covers.
fn slice(text: &str, node: &Node) -> String {
    text[node.range.as_usize()].to_owned()
}

#[test]
fn builds_the_json_tree() {
    let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result: [1, -2, 2.5, null, 'x']\n";
    assert_eq!(
        dump(&yaml(text)),
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Result": [1, -2, 2.5, null, "x"]}}}"#
    );
}

#[test]
fn ranges_of_keys_and_values() {
    let text = "# héllo ✓\nComment: \"naïve ✓\"  # note\nStates:\n  Ünï:\n    Type: Pass\n    List:\n      - 'it''s'\n      - {a: 1}\nNext: Done   \n";
    let root = yaml(text);
    let comment = root.member("Comment").unwrap();
    assert_eq!(&text[comment.key.range.as_usize()], "Comment");
    assert_eq!(slice(text, &comment.value), "\"naïve ✓\"");
    assert_eq!(comment.value.as_str(), Some("naïve ✓"));

    let states = root.get("States").unwrap();
    // A block mapping spans its first key to its last value.
    assert_eq!(
        slice(text, states),
        "Ünï:\n    Type: Pass\n    List:\n      - 'it''s'\n      - {a: 1}"
    );
    let state = states.member("Ünï").unwrap();
    assert_eq!(&text[state.key.range.as_usize()], "Ünï");
    let list = state.value.get("List").unwrap();
    // A block sequence starts at its first dash.
    assert_eq!(slice(text, list), "- 'it''s'\n      - {a: 1}");
    let items = list.as_array().unwrap();
    assert_eq!(slice(text, &items[0]), "'it''s'");
    assert_eq!(items[0].as_str(), Some("it's"));
    assert_eq!(slice(text, &items[1]), "{a: 1}");
    assert_eq!(slice(text, root.get("Next").unwrap()), "Done");
    let whole = slice(text, &root);
    assert!(
        whole.starts_with("Comment:") && whole.ends_with("Next: Done"),
        "{whole:?}"
    );

    // Line and column of a value after non-ASCII text.
    let index = LineIndex::new(text);
    let at = index.line_col(state.value.get("Type").unwrap().range.start, PositionEncoding::Utf32);
    assert_eq!((at.line, at.col), (4, 10));
}

#[test]
fn ranges_skip_anchors_and_tags() {
    let text = "\u{feff}a: &x !!str 12\nb: *x\nc: |\n  line one\n  line two\n\nd: >-\n  folded\n";
    let root = yaml(text);
    assert_eq!(slice(text, root.get("a").unwrap()), "12");
    assert_eq!(root.get("a").unwrap().as_str(), Some("12"));
    assert_eq!(slice(text, root.get("b").unwrap()), "*x");
    assert_eq!(root.get("b").unwrap().as_str(), Some("12"));
    // A block scalar starts at its indicator, whose header says how to read its lines.
    assert_eq!(slice(text, root.get("c").unwrap()), "|\n  line one\n  line two");
    assert_eq!(root.get("c").unwrap().as_str(), Some("line one\nline two\n"));
    assert_eq!(root.get("d").unwrap().as_str(), Some("folded"));
    assert_eq!(&text[root.member("a").unwrap().key.range.as_usize()], "a");
}

#[test]
fn scalars_are_typed_by_the_core_schema() {
    let text = "[~, null, Null, true, False, 0, 007, +5, -3, -0, 0x1F, 0o17, 1.5, -.5, 1., 2e3, 18446744073709551616, \
                yes, no, on, '1', \"true\", 1_000, 1.2.3, .5e1, !!str 3, !!int '4', v1.0]";
    assert_eq!(
        dump(&yaml(text)),
        r#"[null, null, null, true, false, 0, 7, 5, -3, 0, 31, 15, 1.5, -0.5, 1.0, 2000.0, 1.8446744073709552e19, "yes", "no", "on", "1", "true", "1_000", "1.2.3", 5.0, "3", 4, "v1.0"]"#
    );
    let root = yaml("[-9223372036854775808, -9223372036854775809]");
    let items = root.as_array().unwrap();
    assert_eq!(items[0].as_number(), Some(Number::NegInt(i64::MIN)));
    assert!(matches!(items[1].as_number(), Some(Number::Float(_))));
}

#[test]
fn keys_are_strings() {
    let root = yaml("200: a\ntrue: b\n~: c\n'q': d\n");
    let keys: Vec<&str> = root.as_object().unwrap().iter().map(|m| m.key.text.as_str()).collect();
    assert_eq!(keys, ["200", "true", "~", "q"]);

    let parsed = parse_yaml("? [a, b]\n: x\nok: y\n");
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.errors[0].message, "a mapping key must be a string");
    assert_eq!(parsed.errors[0].range.as_usize(), 2..8);
    assert_eq!(dump(&parsed.root), r#"{"ok": "y"}"#);
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let text = "Next: A\nType: Pass\nNext: B\n";
    let root = yaml(text);
    let members = root.as_object().unwrap();
    let found: Vec<(&str, &str)> = members
        .iter()
        .map(|m| (m.key.text.as_str(), m.value.as_str().unwrap()))
        .collect();
    assert_eq!(found, [("Next", "A"), ("Type", "Pass"), ("Next", "B")]);
    assert_eq!(members[2].key.range.as_usize(), 19..23);
}

#[test]
fn a_syntax_error_has_its_position_and_no_tree() {
    let text = "StartAt: A\nStates:\n  A: {Type: Pass\n  B: 1\n";
    let parsed = parse_yaml(text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let error = &parsed.errors[0];
    assert!(error.message.starts_with("invalid YAML: "), "{}", error.message);
    let at = LineIndex::new(text).line_col(error.range.start, PositionEncoding::Utf32);
    assert_eq!((at.line, at.col), (3, 3), "{error:?}");
    assert_eq!(parsed.root.value, Value::Error);

    let bad_indent = parse_yaml("a: 1\n b: 2\n");
    assert_eq!(bad_indent.errors.len(), 1);
    assert_eq!(bad_indent.errors[0].range.start, 7);
}

#[test]
fn empty_input_and_extra_documents_are_errors() {
    for text in ["", "# only a comment\n"] {
        let parsed = parse_yaml(text);
        assert_eq!(parsed.root.value, Value::Error);
        assert_eq!(parsed.errors.len(), 1, "{text:?}");
    }
    let parsed = parse_yaml("a: 1\n---\nb: 2\n");
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].range.as_usize(), 5..8);
    assert_eq!(dump(&parsed.root), r#"{"a": 1}"#);
}

#[test]
fn infinity_has_no_json_value() {
    let parsed = parse_yaml("a: .inf\nb: 1\n");
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].range.as_usize(), 3..7);
    assert_eq!(dump(&parsed.root), r#"{"a": <error>, "b": 1}"#);
}

#[test]
fn deep_flow_nesting_is_an_error_not_a_crash() {
    let text = "[".repeat(100_000);
    let parsed = parse_yaml(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.root.value, Value::Error);
}

#[test]
fn deep_block_nesting_is_cut_at_the_limit() {
    // 100,000 nested block sequences, and as many block mappings (as explicit keys, each of
    // which is also reported as a key that is not a string).
    for text in [
        format!("{}x\n", "- ".repeat(100_000)),
        format!("{}x\n", "? ".repeat(100_000)),
    ] {
        let parsed = parse_yaml(&text);
        assert_eq!(
            parsed.errors[0].message,
            "nesting deeper than 512 levels is not supported"
        );
        assert_eq!(parsed.errors[0].range.as_usize(), 1024..1025);
        assert!(
            parsed.errors[1..]
                .iter()
                .all(|e| e.message == "a mapping key must be a string" || e.omitted > 0)
        );
        assert!(parsed.errors.len() <= asl_syntax::MAX_SYNTAX_ERRORS + 1);
    }
    // Indented block mappings: one error, and the values up to the limit are kept.
    let mut text = String::new();
    for depth in 0..MAX_DEPTH + 100 {
        text.push_str(&format!("{}a{depth}:\n", " ".repeat(depth)));
    }
    text.push_str(&format!("{}end: 1\n", " ".repeat(MAX_DEPTH + 100)));
    let parsed = parse_yaml(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let mut node = &parsed.root;
    for depth in 0..MAX_DEPTH {
        node = node
            .get(&format!("a{depth}"))
            .unwrap_or_else(|| panic!("depth {depth}"));
    }
    assert_eq!(node.value, Value::Error);
}

#[test]
fn aliases_cannot_blow_up() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let previous = level - 1;
        text.push_str(&format!(
            "a{level}: &a{level} [{}]\n",
            vec![format!("*a{previous}"); 10].join(", ")
        ));
    }
    let parsed = parse_yaml(&text);
    assert!(
        parsed.errors.iter().any(|e| e.message.contains("too many values")),
        "{:?}",
        parsed.errors
    );
}

#[test]
fn never_panics_on_fragments() {
    let pieces = [
        "a:",
        " ",
        "\n",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        "\"",
        "&x",
        "*x",
        "!!str",
        "? ",
        "|",
        ">",
        "#",
        "é",
        "\t",
        "---",
        "...",
        "\\",
        "%YAML 1.2",
    ];
    let mut seed = 1u64;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..12 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let parsed = parse_yaml(&text);
        for error in &parsed.errors {
            assert!(error.range.end as usize <= text.len(), "{text:?}: {error:?}");
            assert!(text.is_char_boundary(error.range.start as usize), "{text:?}: {error:?}");
        }
        check_ranges(&text, &parsed.root);
    }
}

/// Every range is in bounds and on character boundaries.
fn check_ranges(text: &str, node: &Node) {
    let ok = |r: asl_syntax::TextRange| {
        r.start <= r.end && text.is_char_boundary(r.start as usize) && text.is_char_boundary(r.end as usize)
    };
    assert!(ok(node.range), "{text:?}: {:?}", node.range);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|item| check_ranges(text, item)),
        Value::Object(members) => {
            for member in members {
                assert!(ok(member.key.range), "{text:?}: {:?}", member.key.range);
                check_ranges(text, &member.value);
            }
        }
        _ => {}
    }
}

/// saphyr's own loader, through its plain (unspanned) API, as JSON.
fn reference(text: &str) -> serde_json::Value {
    use saphyr::{LoadableYamlNode, Scalar, Yaml};
    fn convert(yaml: &Yaml) -> serde_json::Value {
        match yaml {
            Yaml::Value(Scalar::Null) => serde_json::Value::Null,
            Yaml::Value(Scalar::Boolean(b)) => serde_json::Value::Bool(*b),
            Yaml::Value(Scalar::Integer(i)) => serde_json::Value::from(*i),
            Yaml::Value(Scalar::FloatingPoint(f)) => serde_json::Value::from(f.into_inner()),
            Yaml::Value(Scalar::String(s)) => serde_json::Value::String(s.to_string()),
            Yaml::Sequence(items) => items.iter().map(convert).collect(),
            Yaml::Mapping(mapping) => serde_json::Value::Object(
                mapping
                    .iter()
                    .map(|(key, value)| {
                        let key = match key {
                            Yaml::Value(Scalar::String(s)) => s.to_string(),
                            other => panic!("non-string key {other:?}"),
                        };
                        (key, convert(value))
                    })
                    .collect(),
            ),
            other => panic!("unexpected {other:?}"),
        }
    }
    let documents = Yaml::load_from_str(text).unwrap();
    assert_eq!(documents.len(), 1);
    convert(&documents[0])
}

fn corpus_yaml_files() -> Vec<PathBuf> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus"));
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                pending.push(path);
            } else if name.ends_with(".asl.yaml") || name.ends_with(".asl.yml") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn corpus_yaml_equals_saphyr_loader() {
    let files = corpus_yaml_files();
    assert!(!files.is_empty(), "no YAML definitions in ../shared/corpus");
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let ours = parse_yaml(&text);
        assert!(ours.errors.is_empty(), "{}: {:?}", path.display(), ours.errors);
        let actual = ours.root.to_json_value(DuplicateKeys::KeepLast);
        let expected = reference(&text);
        assert!(
            json_eq(&actual, &expected),
            "{}:\n{actual}\n!=\n{expected}",
            path.display()
        );
        check_ranges(&text, &ours.root);
        check_scalar_ranges(&text, &ours.root);
    }
}

/// Each string's range holds its text (a plain or quoted scalar on one line) and each key's.
fn check_scalar_ranges(text: &str, node: &Node) {
    match &node.value {
        Value::String(s) if !s.contains('\n') => {
            let source = &text[node.range.as_usize()];
            let unquoted = source.trim_matches(|c| c == '"' || c == '\'');
            if !source.contains('\\') && !source.contains('\n') && !source.starts_with('*') {
                assert_eq!(unquoted, s, "range {:?}", node.range);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| check_scalar_ranges(text, item)),
        Value::Object(members) => {
            for member in members {
                let key = &text[member.key.range.as_usize()];
                assert_eq!(key.trim_matches(|c| c == '"' || c == '\''), member.key.text);
                check_scalar_ranges(text, &member.value);
            }
        }
        _ => {}
    }
}

#[test]
fn cloudformation_short_forms_read_as_the_long_form() {
    let text = "A: !Ref Bucket\nB: !GetAtt Fn.Arn\nC: !Sub |\n  x ${A}\nD:\n  !Sub\n  - '${X}'\n  - X: !ImportValue Y\nE: !Join ['', [a, !Ref AWS::Region]]\nF: !If [Cond, 1, 2]\nG: !Custom keep\n";
    let root = yaml(text);
    assert_eq!(
        dump(&root),
        r#"{"A": {"Ref": "Bucket"}, "B": {"Fn::GetAtt": ["Fn", "Arn"]}, "C": {"Fn::Sub": "x ${A}\n"}, "D": {"Fn::Sub": ["${X}", {"X": {"Fn::ImportValue": "Y"}}]}, "E": {"Fn::Join": ["", ["a", {"Ref": "AWS::Region"}]]}, "F": {"Fn::If": ["Cond", 1, 2]}, "G": "keep"}"#
    );
    // The long-form key is the tag as written; the value keeps its own range.
    let sub = root.member("C").unwrap();
    assert_eq!(slice(text, &sub.value), "!Sub |\n  x ${A}");
    let inner = sub.value.member("Fn::Sub").unwrap();
    assert_eq!(&text[inner.key.range.as_usize()], "!Sub");
    assert_eq!(slice(text, &inner.value), "|\n  x ${A}");
    let get_att = root.get("B").unwrap().get("Fn::GetAtt").unwrap().as_array().unwrap();
    assert_eq!(slice(text, &get_att[0]), "Fn");
    assert_eq!(slice(text, &get_att[1]), "Arn");
    let sequence = root.get("D").unwrap();
    assert_eq!(slice(text, sequence), "!Sub\n  - '${X}'\n  - X: !ImportValue Y");
}

#[test]
fn flow_collections_indented_less_than_yaml_requires_are_read_as_cloudformation_does() {
    // A JSON policy pasted into a template: its closing brace sits left of its key.
    let text = "Resources:\n  Key:\n    Properties:\n      KeyPolicy: {\n        \"Version\": \"2012-10-17\",\n        \"Statement\": [ {\"Sid\": \"a # b\", \"Ref\" : \"x\"} ]\n    }\n  Next:\n    Type: 'it''s'\n";
    let root = yaml(text);
    let policy = root
        .get("Resources")
        .unwrap()
        .get("Key")
        .unwrap()
        .get("Properties")
        .unwrap()
        .get("KeyPolicy")
        .unwrap();
    assert_eq!(policy.get("Version").unwrap().as_str(), Some("2012-10-17"));
    assert!(slice(text, policy).starts_with("{\n        \"Version\"") && slice(text, policy).ends_with("    }"));
    let next = root.get("Resources").unwrap().get("Next").unwrap().get("Type").unwrap();
    assert_eq!(slice(text, next), "'it''s'");
    // Other bad indentation is still an error.
    assert!(!parse_yaml("a:\n  b: 1\n c: 2\n").errors.is_empty());
}
