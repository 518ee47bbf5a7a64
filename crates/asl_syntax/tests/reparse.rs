//! Reparsing after an edit inside a string gives the tree a full parse of the new text gives.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_syntax::{Parse, TextRange, parse, reparse_in_string};
use proptest::prelude::*;

/// The text with `deleted` replaced by `inserted`, and what reparsing makes of the edit.
fn edit(text: &str, deleted: TextRange, inserted: &str) -> (String, Option<Parse>) {
    let mut new_text = text.to_owned();
    new_text.replace_range(deleted.as_usize(), inserted);
    (new_text, reparse_in_string(&parse(text), deleted, inserted))
}

fn at(text: &str, needle: &str) -> u32 {
    text.find(needle).unwrap() as u32
}

const MACHINE: &str = r#"{
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Comment": "typed here", "Next": "Second"},
    "Second": {"Type": "Succeed", "Comment": "esc\"aped"}
  }
}"#;

#[test]
fn an_edit_inside_a_value_or_a_key_moves_everything_after_it() {
    let inside_comment = at(MACHINE, "here");
    for (deleted, inserted) in [
        (TextRange::empty(inside_comment), "not "),
        (TextRange::new(inside_comment, inside_comment + 4), ""),
        (TextRange::new(inside_comment, inside_comment + 2), "é😀"),
        (TextRange::empty(at(MACHINE, "irst\": {")), "F"),
        (
            TextRange::new(at(MACHINE, "Second\"}") + 1, at(MACHINE, "Second\"}") + 6),
            "x",
        ),
    ] {
        let (new_text, reparsed) = edit(MACHINE, deleted, inserted);
        assert_eq!(reparsed.as_ref(), Some(&parse(&new_text)), "{new_text}");
    }
}

#[test]
fn other_edits_are_left_to_a_full_parse() {
    let quote = at(MACHINE, "\"typed");
    let escaped = at(MACHINE, "aped");
    for (deleted, inserted) in [
        // The opening quote, a quote or backslash or line break typed, a string with an escape.
        (TextRange::new(quote, quote + 1), ""),
        (TextRange::empty(quote + 2), "\""),
        (TextRange::empty(quote + 2), "\\"),
        (TextRange::empty(quote + 2), "\n"),
        (TextRange::empty(escaped), "x"),
        // Between tokens, and across two strings.
        (TextRange::empty(at(MACHINE, " \"Next\"")), " "),
        (TextRange::new(quote + 2, at(MACHINE, "Second\"}")), "x"),
    ] {
        assert_eq!(edit(MACHINE, deleted, inserted).1, None, "{deleted:?} {inserted:?}");
    }
    let broken = "{\"a\": \"b\", }";
    assert_eq!(reparse_in_string(&parse(broken), TextRange::empty(8), "x"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reparsing_agrees_with_a_full_parse(
        keys in prop::collection::vec("[a-z é]{1,6}|[a-z\"\\\\]{1,3}", 1..6),
        values in prop::collection::vec("[a-z é😀/]{1,40}", 1..6),
        at in 0.0f64..1.0,
        len in 0usize..4,
        inserted in "[a-z é😀]{0,3}|[\"\\\\\n]",
    ) {
        let members: serde_json::Map<String, serde_json::Value> = keys
            .into_iter()
            .zip(values)
            .map(|(key, value)| (key, serde_json::json!([value, {"n": 1}])))
            .collect();
        let text = serde_json::to_string_pretty(&members).unwrap();
        let start = (at * text.len() as f64) as usize;
        let end = (start + len).min(text.len());
        prop_assume!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let (new_text, reparsed) = edit(&text, TextRange::new(start as u32, end as u32), &inserted);
        if let Some(reparsed) = reparsed {
            prop_assert_eq!(reparsed, parse(&new_text));
        }
    }
}
