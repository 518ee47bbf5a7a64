#![allow(clippy::unwrap_used)]
mod common;
use common::check;

#[test]
fn valid_documents_have_no_errors() {
    assert_eq!(
        check(r#"{"a": [1, -2, 3.5, true, false, null, "x\n"]}"#),
        r#"{"a": [1, -2, 3.5, true, false, null, "x\n"]}"#
    );
    assert_eq!(check(" \"s\" "), "\"s\"");
    assert_eq!(check("{\"a\":1,\"a\":2}"), "{\"a\": 1, \"a\": 2}");
}

#[test]
fn missing_comma_between_members_on_separate_lines() {
    let input = "{\n  \"a\": 1\n  \"b\": 2,\n  \"c\": 3\n}";
    assert_eq!(
        check(input),
        "2:9: expected `,` or `}` after object member\n{\"a\": 1, \"b\": 2, \"c\": 3}"
    );
}

#[test]
fn missing_comma_between_elements() {
    assert_eq!(
        check("[1 2, 3]"),
        "1:3: expected `,` or `]` after array element\n[1, 2, 3]"
    );
    assert_eq!(
        check("[{}\n{}]"),
        "1:4: expected `,` or `]` after array element\n[{}, {}]"
    );
}

#[test]
fn missing_comma_after_nested_object() {
    let input = "{\n  \"a\": {\"x\": 1}\n  \"b\": [2]\n}";
    assert_eq!(
        check(input),
        "2:16: expected `,` or `}` after object member\n{\"a\": {\"x\": 1}, \"b\": [2]}"
    );
}

#[test]
fn extra_colon_in_member_keeps_later_members() {
    let input = "{\n  \"P\": {\n    \"A\": \"x\",\n    \"M\": \"M.$\": \"$.M\"\n  },\n  \"Next\": \"B\"\n}";
    assert_eq!(
        check(input),
        "4:15: expected `,` or `}` after object member, found `:`\n{\"P\": {\"A\": \"x\", \"M\": \"M.$\"}, \"Next\": \"B\"}"
    );
}

#[test]
fn unterminated_string_ends_at_line_end() {
    let input = "{\n  \"a\": \"abc,\n  \"b\": 2\n}";
    assert_eq!(
        check(input),
        "2:8: unterminated string: add the closing `\"`\n{\"a\": \"abc,\", \"b\": 2}"
    );
    let input = "{\n  \"a: 1,\n  \"b\": 2\n}";
    assert_eq!(
        check(input),
        "2:3: unterminated string: add the closing `\"`\n{\"a: 1,\": <error>, \"b\": 2}"
    );
}

#[test]
fn trailing_commas() {
    assert_eq!(
        check("[1, 2,]"),
        "1:6: trailing comma is not allowed in JSON; remove it\n[1, 2]"
    );
    assert_eq!(
        check("{\"a\": 1,\n}"),
        "1:8: trailing comma is not allowed in JSON; remove it\n{\"a\": 1}"
    );
}

#[test]
fn truncated_file_closes_everything() {
    assert_eq!(
        check("{\"a\": [1, {\"b\": 2"),
        "1:18: unexpected end of file: expected `}`\n{\"a\": [1, {\"b\": 2}]}"
    );
    assert_eq!(
        check("{\"a\": "),
        "1:7: unexpected end of file: expected a value\n{\"a\": <error>}"
    );
    assert_eq!(
        check("{\"a\""),
        "1:5: unexpected end of file: expected `:` and a value\n{\"a\": <error>}"
    );
    assert_eq!(check("[1,"), "1:4: unexpected end of file: expected a value\n[1]");
    assert_eq!(
        check("{\"a\": [\"x"),
        "1:8: unterminated string: add the closing `\"`\n{\"a\": [\"x\"]}"
    );
    assert_eq!(check(""), "1:1: expected a JSON value, found end of file\n<error>");
}

#[test]
fn stray_closing_brackets() {
    assert_eq!(
        check("{\"a\": 1 ], \"b\": 2}"),
        "1:9: expected `,` or `}` after object member, found `]`\n{\"a\": 1, \"b\": 2}"
    );
    assert_eq!(
        check("{\"a\": [1, 2}"),
        "1:12: expected `,` or `]` after array element, found `}`\n{\"a\": [1, 2]}"
    );
    assert_eq!(
        check("{}}"),
        "1:3: unexpected `}` after the end of the JSON document\n{}"
    );
}

#[test]
fn missing_value_after_colon() {
    assert_eq!(
        check("{\"a\": , \"b\": 1}"),
        "1:7: expected a value, found `,`\n{\"a\": <error>, \"b\": 1}"
    );
    assert_eq!(check("{\"a\": }"), "1:7: expected a value, found `}`\n{\"a\": <error>}");
    assert_eq!(
        check("{\n\"a\":\n\"b\": 1}"),
        "2:5: expected a value after `:`\n{\"a\": <error>, \"b\": 1}"
    );
}

#[test]
fn missing_colon() {
    assert_eq!(
        check("{\"a\" 1, \"b\": 2}"),
        "1:5: expected `:` after object key\n{\"a\": 1, \"b\": 2}"
    );
    assert_eq!(
        check("{\"a\", \"b\": 2}"),
        "1:5: expected `:` after object key\n{\"a\": <error>, \"b\": 2}"
    );
}

#[test]
fn single_quotes_and_unquoted_keys() {
    assert_eq!(
        check("{'a': 'b'}"),
        "1:2: strings must use double quotes in JSON, not single quotes\n\
         1:7: strings must use double quotes in JSON, not single quotes\n{\"a\": \"b\"}"
    );
    assert_eq!(
        check("{a: 1}"),
        "1:2: object keys must be strings in double quotes: write `\"a\"`\n{\"a\": 1}"
    );
    assert_eq!(
        check("{\"a\": yes}"),
        "1:7: unexpected `yes`: expected a value (a string in double quotes, a number, an object, an array, `true`, `false` or `null`)\n{\"a\": <error>}"
    );
}

#[test]
fn comments_are_reported_and_skipped() {
    assert_eq!(
        check("{\n  // note\n  \"a\": 1 /* x */\n}"),
        "2:3: comments are not allowed in JSON; remove it\n3:10: comments are not allowed in JSON; remove it\n{\"a\": 1}"
    );
    assert_eq!(
        check("[1 /* open"),
        "1:4: unterminated comment: add `*/`\n1:11: unexpected end of file: expected `]`\n[1]"
    );
}

#[test]
fn invalid_numbers() {
    for (input, message) in [
        ("01", "leading zeros are not allowed in JSON numbers: `01`"),
        ("1.", "expected a digit after the decimal point in `1.`"),
        (".5", "JSON numbers need a digit before the decimal point: `.5`"),
        ("+1", "JSON numbers cannot start with `+`: `+1`"),
        ("-", "invalid number `-`"),
        ("1e", "expected a digit in the exponent of `1e`"),
        ("1e400", "number `1e400` is out of range"),
        ("NaN", "`NaN` is not a valid JSON number"),
        ("-Infinity", "`-Infinity` is not a valid JSON number"),
        ("12abc", "invalid number `12abc`"),
    ] {
        assert_eq!(
            check(&format!("[{input}, 7]")),
            format!("1:2: {message}\n[<error>, 7]"),
            "{input}"
        );
    }
}

#[test]
fn numbers_are_classified_like_serde_json() {
    assert_eq!(
        check(
            "[0, -0, 18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809, 1.0, 1e2, 1e-400]"
        ),
        "[0, -0.0, 18446744073709551615, 1.8446744073709552e19, -9223372036854775808, -9.223372036854776e18, 1.0, 100.0, 0.0]"
    );
}

#[test]
fn string_errors() {
    assert_eq!(
        check(r#"["a\qb", 1]"#),
        "1:4: invalid escape `\\q` in string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX\n[\"aqb\", 1]"
    );
    assert_eq!(
        check(r#"["\ud800x"]"#),
        "1:3: lone surrogate `\\ud800` in string: a `\\uD800`–`\\uDBFF` escape must be followed by a `\\uDC00`–`\\uDFFF` escape\n[\"\u{fffd}x\"]"
    );
    assert_eq!(
        check(r#"["\u12"]"#),
        "1:3: invalid unicode escape: `\\u` must be followed by four hex digits\n[\"\u{fffd}\"]"
    );
    assert_eq!(
        check("[\"a\tb\"]"),
        "1:4: control character U+0009 must be escaped in a string (for example `\\t` or `\\u0009`)\n[\"a\\tb\"]"
    );
    assert_eq!(check(r#"["\ud83d\ude00 \u00e9\/"]"#), "[\"😀 é/\"]");
}

#[test]
fn trailing_garbage() {
    assert_eq!(
        check("{} x y"),
        "1:4: unexpected `x` after the end of the JSON document\n{}"
    );
    assert_eq!(
        check("[1] [2]"),
        "1:5: unexpected `[` after the end of the JSON document\n[1]"
    );
}

#[test]
fn bom_is_skipped_and_offsets_kept() {
    let parsed = asl_syntax::parse("\u{feff}{\"a\": 1}");
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.root.range, asl_syntax::TextRange::new(3, 11));
    assert_eq!(
        parsed.root.as_object().unwrap()[0].key.range,
        asl_syntax::TextRange::new(4, 7)
    );
}

#[test]
fn spans_cover_keys_and_values() {
    let parsed = asl_syntax::parse(r#"{ "k" : "v\n", "n": [ 1 ] }"#);
    let members = parsed.root.as_object().unwrap();
    let text = r#"{ "k" : "v\n", "n": [ 1 ] }"#;
    assert_eq!(&text[members[0].key.range.as_usize()], "\"k\"");
    assert_eq!(&text[members[0].value.range.as_usize()], "\"v\\n\"");
    assert_eq!(&text[members[1].value.range.as_usize()], "[ 1 ]");
    assert_eq!(&text[parsed.root.range.as_usize()], text);
}

/// The real-world file with `"Messages": "Messages.$": "$.Messages"` on line 10.
#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn broken_in_the_wild_iot_keeps_later_states() {
    let dir = common::corpus_dir("broken-in-the-wild");
    let text = std::fs::read_to_string(dir.join("sfn-iot-data-analytics-dataset.asl.json")).unwrap();
    let parsed = asl_syntax::parse(&text);
    let index = asl_syntax::LineIndex::new(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(
        index
            .line_col(parsed.errors[0].range.start, asl_syntax::PositionEncoding::Utf8)
            .line
            + 1,
        10
    );
    let states = parsed.root.get("States").unwrap().as_object().unwrap();
    let names: Vec<&str> = states.iter().map(|m| m.key.text.as_str()).collect();
    let expected = serde_json_state_names(&text);
    assert_eq!(names, expected);
    assert!(names.len() > 2, "{names:?}");
}

/// The state names in a file, found by fixing line 10 and parsing with serde_json.
fn serde_json_state_names(text: &str) -> Vec<String> {
    let fixed = text.replace(
        r#""Messages": "Messages.$": "$.Messages""#,
        r#""Messages.$": "$.Messages""#,
    );
    let value: serde_json::Value = serde_json::from_str(&fixed).unwrap();
    let mut names: Vec<(usize, String)> = value["States"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (fixed.find(&format!("\"{k}\": {{")).unwrap(), k.clone()))
        .collect();
    names.sort();
    names.into_iter().map(|(_, k)| k).collect()
}

/// The usual slip: a line without its trailing comma. One error, on that line, right after the
/// value; every later state is still in the tree.
#[test]
fn missing_comma_at_end_of_line_seven() {
    let input = r#"{
  "Comment": "Example",
  "StartAt": "First",
  "States": {
    "First": {
      "Type": "Task",
      "Next": "Second"
      "Resource": "arn:aws:states:::lambda:invoke"
    },
    "Second": { "Type": "Pass", "Next": "Third" },
    "Third": { "Type": "Succeed" }
  }
}"#;
    let parsed = asl_syntax::parse(input);
    assert_eq!(
        check(input).lines().next(),
        Some("7:23: expected `,` or `}` after object member")
    );
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(
        parsed.errors[0].range,
        asl_syntax::TextRange::empty(input.find(r#""Second""#).unwrap() as u32 + 8)
    );
    let states = parsed.root.get("States").unwrap();
    let first = states.get("First").unwrap();
    assert_eq!(
        first.get("Resource").unwrap().as_str(),
        Some("arn:aws:states:::lambda:invoke")
    );
    assert_eq!(
        states
            .as_object()
            .unwrap()
            .iter()
            .map(|m| m.key.text.as_str())
            .collect::<Vec<_>>(),
        ["First", "Second", "Third"]
    );
}

/// The same file as in the corpus, but with the usual slip instead: one error, on line 7.
#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn broken_in_the_wild_iot_with_missing_comma_on_line_seven() {
    let dir = common::corpus_dir("broken-in-the-wild");
    let text = std::fs::read_to_string(dir.join("sfn-iot-data-analytics-dataset.asl.json")).unwrap();
    let fixed = text.replace(
        r#""Messages": "Messages.$": "$.Messages""#,
        r#""Messages.$": "$.Messages""#,
    );
    let text = fixed.replacen(r#""Next": "CreateDataset","#, r#""Next": "CreateDataset""#, 1);
    let parsed = asl_syntax::parse(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let index = asl_syntax::LineIndex::new(&text);
    assert_eq!(
        index
            .line_col(parsed.errors[0].range.start, asl_syntax::PositionEncoding::Utf8)
            .line
            + 1,
        7
    );
    let names: Vec<&str> = parsed
        .root
        .get("States")
        .unwrap()
        .as_object()
        .unwrap()
        .iter()
        .map(|m| m.key.text.as_str())
        .collect();
    assert_eq!(names, serde_json_state_names(&fixed));
}

/// A key string cut open on a one-line document: every quote after it is inverted, so each
/// `{"a":` that follows looks broken. That is one mistake: its cascade is one error that covers
/// it, and the debris is not in the tree.
#[test]
fn a_cut_open_string_is_one_error_however_long_its_cascade() {
    let head = r#"{"States": {"A": {"Parameters": {"x"#;
    let text = format!("{head}{}\n}}}}}}}}", r#"{"a":"#.repeat(10_000));
    let parsed = asl_syntax::parse(&text);
    let messages: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages[0], "expected `:` after object key", "{messages:?}");
    assert!(messages[1].starts_with("unexpected `a`"), "{messages:?}");
    assert_eq!(messages.len(), 2, "{messages:?}");
    let cascade = &parsed.errors[1];
    assert_eq!(cascade.range.start as usize, head.len() + 2);
    assert!(cascade.range.end as usize >= head.len() + 5 * 9_999, "{cascade:?}");
    let parameters = parsed
        .root
        .get("States")
        .unwrap()
        .get("A")
        .unwrap()
        .get("Parameters")
        .unwrap();
    assert_eq!(parameters.as_object().unwrap().len(), 1);

    let head = r#"{"A": {"ResultSelector": {"x.$": "$.a"#;
    let text = format!("{head}{}\n}}}}}}", r#"[{"a":"#.repeat(100_000));
    let parsed = asl_syntax::parse(&text);
    assert_eq!(
        parsed.errors.len(),
        1,
        "{:?}",
        &parsed.errors[..3.min(parsed.errors.len())]
    );
}

/// Separate mistakes stay separate: the parser is back in step at each key and its colon.
#[test]
fn separate_mistakes_on_one_line_are_each_reported() {
    assert_eq!(
        check(r#"{"a": 1 "b": 2 "c": x, "d": 4}"#),
        "1:8: expected `,` or `}` after object member\n\
         1:15: expected `,` or `}` after object member\n\
         1:21: unexpected `x`: expected a value (a string in double quotes, a number, an object, an array, `true`, `false` or `null`)\n\
         {\"a\": 1, \"b\": 2, \"c\": <error>, \"d\": 4}"
    );
}

#[test]
fn past_the_cap_one_error_counts_the_rest() {
    let text = format!("[{}x]", "x, ".repeat(999));
    let parsed = asl_syntax::parse(&text);
    assert_eq!(parsed.errors.len(), asl_syntax::MAX_SYNTAX_ERRORS + 1);
    let last = parsed.errors.last().unwrap();
    assert_eq!(last.omitted, 1_000 - asl_syntax::MAX_SYNTAX_ERRORS);
    assert_eq!(
        last.message,
        "900 more syntax errors from here on are not listed; fix the ones above first"
    );
    // From the first error not listed to the last one.
    assert_eq!(last.range.start as usize, 1 + 3 * asl_syntax::MAX_SYNTAX_ERRORS);
    assert_eq!(last.range.end as usize, text.len() - 1);
}

#[test]
fn a_long_word_is_quoted_short() {
    let word = "y".repeat(10_000);
    let parsed = asl_syntax::parse(&format!("{{\"a\": {word}}}"));
    assert_eq!(parsed.errors.len(), 1);
    assert!(parsed.errors[0].message.len() < 250, "{}", parsed.errors[0].message);
    assert!(parsed.errors[0].message.contains("yyy…`"));
}
