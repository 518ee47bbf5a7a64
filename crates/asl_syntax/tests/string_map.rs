//! `StringSourceMap` on every YAML scalar style: each decoded byte maps to where it is written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_syntax::{StringSourceMap, parse_yaml};

/// Checks the map of the value of `k` in `yaml`: its decoded length is the value's, every byte
/// it calls exact is the same byte in the source, and offsets never go backwards.
fn check(yaml: &str) -> (String, StringSourceMap) {
    let parsed = parse_yaml(yaml);
    assert!(parsed.errors.is_empty(), "{yaml:?}: {:?}", parsed.errors);
    let mut node = parsed.root.get("k").unwrap();
    // Through a short-form tag: `!Sub |` is `{"Fn::Sub": …}`.
    if let Some([member]) = node.as_object() {
        node = &member.value;
    }
    let value = node.as_str().unwrap().to_owned();
    let map = StringSourceMap::new(yaml, node.range);
    assert_eq!(map.decoded_len(), value.len(), "{yaml:?} decodes to {value:?}");
    let mut previous = 0;
    for offset in 0..=value.len() {
        let at = map.source_offset(offset);
        assert!(at >= previous, "{yaml:?}: offset {offset} goes back to {at}");
        previous = at;
        if offset < value.len()
            && let Some(range) = map.exact_source_range(offset..offset + 1)
        {
            assert_eq!(
                yaml.as_bytes()[range.start as usize],
                value.as_bytes()[offset],
                "{yaml:?}: byte {offset} of {value:?}"
            );
        }
    }
    (value, map)
}

/// The source offset of decoded byte `offset`, as the text from there.
fn source_at<'a>(yaml: &'a str, map: &StringSourceMap, offset: usize) -> &'a str {
    &yaml[map.source_offset(offset) as usize..]
}

#[test]
fn plain_scalars_fold_their_lines() {
    let yaml = "k: one two\n  three   \n\n  four\n";
    let (value, map) = check(yaml);
    assert_eq!(value, "one two three\nfour");
    assert!(source_at(yaml, &map, value.find("three").unwrap()).starts_with("three"));
    assert!(source_at(yaml, &map, value.find("four").unwrap()).starts_with("four"));
}

#[test]
fn single_quoted_scalars() {
    let yaml = "k: 'it''s {\"a\": 1}\n   next'\n";
    let (value, map) = check(yaml);
    assert_eq!(value, "it's {\"a\": 1} next");
    assert!(source_at(yaml, &map, value.find("{").unwrap()).starts_with("{\"a\""));
    assert!(source_at(yaml, &map, value.find("next").unwrap()).starts_with("next'"));
}

#[test]
fn double_quoted_scalars_with_yaml_escapes() {
    let yaml = "k: \"a\\x41\\tb \\\"q\\\" \\U0001F600 c\\\n    d\\N e\n\n  f\"\n";
    let (value, map) = check(yaml);
    assert_eq!(value, "aA\tb \"q\" 😀 cd\u{85} e\nf");
    assert!(source_at(yaml, &map, value.find('A').unwrap()).starts_with("\\x41"));
    assert!(source_at(yaml, &map, value.find('d').unwrap()).starts_with("d\\N"));
    assert!(source_at(yaml, &map, value.find('f').unwrap()).starts_with("f\""));
}

#[test]
fn literal_block_scalars_keep_their_lines_without_the_indentation() {
    for (yaml, expected) in [
        ("k: |\n  {\n    \"a\": 1\n  }\n", "{\n  \"a\": 1\n}\n"),
        ("k: |-\n  {\n\n    \"a\": 1\n  }\nother: 1\n", "{\n\n  \"a\": 1\n}"),
        ("k: |+\n  x\n\n\nother: 1\n", "x\n\n\n"),
        ("k: |\n\n  x\n  y", "\nx\ny\n"),
        ("k: |2\n    x\n  y\n", "  x\ny\n"),
        ("k: | # comment\n  x\r\n  y\r\n", "x\ny\n"),
        (
            "list:\n  - 1\nk: !Sub |\n    {\"StartAt\": \"${X}\"}\n",
            "{\"StartAt\": \"${X}\"}\n",
        ),
    ] {
        let (value, map) = check(yaml);
        assert_eq!(value, expected, "{yaml:?}");
        if let Some(at) = value.find('x') {
            assert!(source_at(yaml, &map, at).starts_with('x'));
        }
    }
}

#[test]
fn folded_block_scalars_fold_normal_lines_only() {
    for (yaml, expected) in [
        ("k: >\n  a\n  b\n\n  c\n", "a b\nc\n"),
        ("k: >-\n  a\n    more\n  b\n", "a\n  more\nb"),
        ("k: >\n\n  a\n  b\n\n\n  c\n", "\na b\n\nc\n"),
    ] {
        let (value, map) = check(yaml);
        assert_eq!(value, expected, "{yaml:?}");
        assert!(source_at(yaml, &map, value.find('b').unwrap()).starts_with('b'));
    }
}

#[test]
fn exact_ranges_and_encoding_for_edits() {
    let yaml = "k: |\n  {\"Type\": \"Taks\"}\n";
    let (value, map) = check(yaml);
    let at = value.find("\"Taks\"").unwrap();
    let range = map.exact_source_range(at..at + 6).unwrap();
    assert_eq!(&yaml[range.as_usize()], "\"Taks\"");
    // The line break is not written as-is inside a range that spans two lines.
    assert_eq!(map.encode("\"Task\"", false).as_deref(), Some("\"Task\""));
    assert_eq!(map.encode("a\nb", false), None);

    let json = r#"{"k": "{\"Type\": \"Taks\"}"}"#;
    let node = asl_syntax::parse(json).root;
    let node = node.get("k").unwrap();
    let map = StringSourceMap::new(json, node.range);
    let value = node.as_str().unwrap();
    let at = value.find("Taks").unwrap();
    let range = map.exact_source_range(at..at + 4).unwrap();
    assert_eq!(&json[range.as_usize()], "Taks");
    // A range holding an escape is not exact; a replacement is escaped.
    assert_eq!(map.exact_source_range(at - 1..at + 4), None);
    assert_eq!(map.encode("\"Task\"", false).as_deref(), Some("\\\"Task\\\""));

    let single = "k: '{\"a\": ''x''}'\n";
    let (_, map) = check(single);
    assert_eq!(map.encode("it's", false).as_deref(), Some("it''s"));
    let plain = "k: a b\n";
    let (_, map) = check(plain);
    assert_eq!(map.encode("c: d", false), None);
    assert_eq!(map.encode("\"c\"", true), None);
    assert_eq!(map.encode("\"c\"", false).as_deref(), Some("\"c\""));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    /// Random block scalars (literal and folded, every chomping, empty and more-indented lines).
    #[test]
    fn block_scalars_map_every_byte(
        folded in proptest::bool::ANY,
        chomping in proptest::sample::select(vec!["", "-", "+"]),
        lines in proptest::collection::vec(
            (0usize..3, "[a-z{}\":, #]{0,8}"),
            1..8,
        ),
        trailing in 0usize..3,
    ) {
        let mut yaml = format!("k: {}{chomping}\n", if folded { '>' } else { '|' });
        // The first line sets the indentation: it must have content and no extra spaces.
        yaml.push_str("  x\n");
        for (extra, text) in &lines {
            let text = text.trim_end();
            if text.is_empty() {
                yaml.push('\n');
            } else {
                yaml.push_str(&format!("  {}{text}\n", " ".repeat(*extra)));
            }
        }
        yaml.push_str(&"\n".repeat(trailing));
        yaml.push_str("other: 1\n");
        check(&yaml);
    }

    /// Random plain, single- and double-quoted multi-line scalars.
    #[test]
    fn flow_scalars_map_every_byte(
        style in 0usize..3,
        lines in proptest::collection::vec("[a-z{}:, ]{0,6}", 1..5),
    ) {
        let words: Vec<String> = lines
            .iter()
            .map(|l| l.replace(": ", ":").replace([':'], "").trim().to_owned())
            .collect();
        let body = words.join("\n   ");
        let yaml = match style {
            0 if !body.trim().is_empty() && !body.starts_with(['{', '}', ',']) => format!("k: x{body}\n"),
            0 => return Ok(()),
            1 => format!("k: '{}'\n", body.replace('\'', "''")),
            _ => format!("k: \"{}\"\n", body),
        };
        check(&yaml);
    }
}
