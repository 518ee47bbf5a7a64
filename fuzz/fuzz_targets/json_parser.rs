//! The JSON parser on any bytes: no panic, and every node's range inside the text.
#![no_main]

mod tree;

use asl_syntax::{decode_source, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = decode_source(data.to_vec()).text;
    tree::assert_ranges_inside(&parse(&text).root, text.len());
});
