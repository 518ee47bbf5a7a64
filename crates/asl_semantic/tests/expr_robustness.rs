//! Random input never makes a parser panic, and error ranges stay inside the input.
#![allow(clippy::unwrap_used)]

use asl_semantic::expr::intrinsic::{check_intrinsic, parse_intrinsic};
use asl_semantic::expr::jsonata::{check_jsonata, parse_jsonata, references};
use asl_semantic::expr::path::parse_path;
use proptest::prelude::*;

/// Strings over the characters that matter to the three grammars.
fn expression_like() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[$@.\\[\\]()'\"`{}%?:;,*/\\\\=<>!&|~^#a-z0-9 λЖ-]{0,40}").unwrap()
}

fn check_range(len: usize, range: &std::ops::Range<usize>) {
    assert!(
        range.start <= range.end && range.end <= len,
        "{range:?} outside 0..{len}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn path_parser_never_panics(s in expression_like()) {
        if let Err(e) = parse_path(&s) {
            check_range(s.len(), &e.range);
        }
        let prefixed = format!("$.{s}");
        let _ = parse_path(&prefixed).map(|p| p.unknown_context_field());
    }

    #[test]
    fn intrinsic_parser_never_panics(s in expression_like()) {
        let call = format!("States.Format({s})");
        match parse_intrinsic(&call) {
            Ok(parsed) => {
                for d in check_intrinsic(&parsed) {
                    check_range(call.len(), &d.range);
                }
            }
            Err(e) => check_range(call.len(), &e.range),
        }
    }

    #[test]
    fn jsonata_parser_never_panics(s in expression_like()) {
        match parse_jsonata(&s) {
            Ok(expr) => {
                let references = references(&expr);
                for d in check_jsonata(&expr, &references) {
                    check_range(s.len(), &d.range);
                }
            }
            Err(e) => check_range(s.len(), &e.range),
        }
    }

    #[test]
    fn any_string_is_handled(s in any::<String>()) {
        let _ = parse_path(&s);
        let _ = parse_intrinsic(&s);
        let _ = parse_jsonata(&s);
    }
}
