//! The JSONPath / reference path parser on any text: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = asl_semantic::expr::path::parse_path(text);
});
