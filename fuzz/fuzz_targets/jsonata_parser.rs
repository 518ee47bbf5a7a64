//! The JSONata parser and its checks on any text: no panic.
#![no_main]

use asl_semantic::expr::jsonata::{check_jsonata, parse_jsonata, references};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(expr) = parse_jsonata(text) {
        let references = references(&expr);
        let _ = check_jsonata(&expr, &references);
    }
});
