//! Differential tests against serde_json: same accept/reject decision, same values.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod common;

use asl_syntax::DuplicateKeys;
use common::json_eq;
use proptest::prelude::*;

/// Parses with both parsers and checks they agree on acceptance and (if accepted) the value.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = asl_syntax::parse(text);
    // serde_json rejects a BOM; we accept and skip it.
    let theirs = serde_json::from_str::<serde_json::Value>(text.strip_prefix('\u{feff}').unwrap_or(text));
    match theirs {
        Ok(expected) => {
            prop_assert!(ours.errors.is_empty(), "we reject {text:?}: {:?}", ours.errors);
            let actual = ours.root.to_json_value(DuplicateKeys::KeepLast);
            prop_assert!(json_eq(&actual, &expected), "{text:?}: {actual} != {expected}");
        }
        Err(e) => prop_assert!(!ours.errors.is_empty(), "we accept {text:?}, serde_json says {e}"),
    }
    Ok(())
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
        "[a-z\\\\\"/]{0,6}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-c~/]{0,3}|\\PC{0,4}", inner), 0..8)
                .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Re-serializes `text` with random JSON whitespace between tokens (not inside strings).
fn with_whitespace(text: &str, spaces: &[u8]) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut k = 0;
    for c in text.chars() {
        let structural = !in_string && matches!(c, '{' | '}' | '[' | ']' | ':' | ',');
        if structural {
            out.push_str(["", " ", "\n", "\t", "\r\n  "][usize::from(spaces[k % spaces.len()] % 5)]);
            k += 1;
        }
        out.push(c);
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    out
}

const JSON_CHARS: &str = "[{}\\[\\]:,\"\\\\ \\n\\t0-9.eE+\\-truefalsn/\\*u'a-f]{0,24}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn generated_values_round_trip(value in arb_json(), spaces in prop::collection::vec(any::<u8>(), 1..16)) {
        let compact = serde_json::to_string(&value).unwrap();
        agree(&compact)?;
        agree(&serde_json::to_string_pretty(&value).unwrap())?;
        agree(&with_whitespace(&compact, &spaces))?;
    }

    #[test]
    fn arbitrary_json_like_text(text in JSON_CHARS) {
        agree(&text)?;
    }

    #[test]
    fn arbitrary_strings(text in "\\PC{0,16}|\"(\\PC|\\\\[\"\\\\/bfnrtux]|\\\\u[0-9a-fA-FdD]{0,4}){0,8}\"") {
        agree(&text)?;
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..32)) {
        let source = asl_syntax::decode_source(bytes.clone());
        match source.error {
            Some(_) => prop_assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_err()),
            None => agree(&source.text)?,
        }
    }

    #[test]
    fn mutations_of_valid_json(value in arb_json(), edits in prop::collection::vec((any::<usize>(), any::<bool>(), "[{}\\[\\]:,\"\\\\ 0-9.eE\\-a-z\\x00-\\x1f]"), 1..3)) {
        let mut text = serde_json::to_string(&value).unwrap();
        for (at, delete, inserted) in edits {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let at = boundaries[at % boundaries.len()];
            if delete && at < text.len() {
                text.remove(at);
            } else {
                text.insert_str(at, &inserted);
            }
        }
        agree(&text)?;
    }
}

#[test]
fn fixed_edge_cases_agree() {
    for text in [
        "",
        " ",
        "0",
        "-0",
        "-0.0",
        "1E+2",
        "1e-2",
        "0e0",
        "1.5E3",
        "123456789012345678901234567890",
        "-1e400",
        "1e-400",
        "[]",
        "{}",
        "[[]]",
        "\"\\u0000\"",
        "\"\\uDBFF\\uDFFF\"",
        "\"\\uDC00\"",
        "\"\\uD800\\u0041\"",
        "\"\\uD800\\uD800\\uDC00\"",
        "\"\u{2028}\"",
        "\"\u{7f}\"",
        "[1,]",
        "{\"a\":1,}",
        "\u{feff}[1]",
        "[1]\u{feff}",
        "1.7976931348623157e308",
        "-1.7976931348623157e308",
        "2e-324",
        "5e-324",
        "\u{c}1",
        "1 2",
        "tru",
        "nul",
        "[-]",
        "[- 1]",
        "[0x10]",
        "\"\\x\"",
        "\"\\'\"",
        "{\"a\" : 1 , \"a\" : [ ] }",
    ] {
        agree(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn real_corpus_matches_serde_json() {
    let dir = common::corpus_dir("real");
    let files = common::json_files(&dir);
    assert!(!files.is_empty());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let source = asl_syntax::decode_source(bytes.clone());
        assert!(source.error.is_none(), "{}", path.display());
        let parsed = asl_syntax::parse(&source.text);
        assert!(parsed.errors.is_empty(), "{}: {:?}", path.display(), parsed.errors);
        let expected: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(
            json_eq(&parsed.root.to_json_value(DuplicateKeys::KeepLast), &expected),
            "{}",
            path.display()
        );
    }
}

/// A deliberate difference: numbers at the edge of the f64 range that round to `f64::MAX` are
/// accepted (correct rounding), while serde_json's default, approximate float parsing calls
/// them out of range.
#[test]
fn numbers_rounding_to_f64_max_are_accepted() {
    let parsed = asl_syntax::parse("1.7976931348623158e308");
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.root.as_number(), Some(asl_syntax::Number::Float(f64::MAX)));
    let parsed = asl_syntax::parse("179769313486231570000e288");
    assert_eq!(parsed.root.as_number(), Some(asl_syntax::Number::Float(f64::MAX)));
    assert!(!asl_syntax::parse("1.7976931348623159e308").errors.is_empty());
}
