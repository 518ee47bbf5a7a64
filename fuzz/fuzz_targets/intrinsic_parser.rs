//! The intrinsic function parser and its checks on any text: no panic.
#![no_main]

use asl_semantic::expr::intrinsic::{check_intrinsic, parse_intrinsic};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(call) = parse_intrinsic(text) {
        let _ = check_intrinsic(&call);
    }
});
