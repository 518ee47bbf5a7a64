//! The YAML front end on any text: no panic, and every node's range inside the text.
#![no_main]

mod tree;

use asl_syntax::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    tree::assert_ranges_inside(&SourceFormat::Yaml.parse(text).root, text.len());
});
