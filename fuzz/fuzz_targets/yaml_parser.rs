//! The YAML front end on any text: no panic, and every node's range inside the text.
#![no_main]

use asl_syntax::{Node, SourceFormat, Value};
use libfuzzer_sys::fuzz_target;

fn check(node: &Node, len: usize) {
    assert!(node.range.start <= node.range.end && node.range.end as usize <= len);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|item| check(item, len)),
        Value::Object(members) => members.iter().for_each(|member| check(&member.value, len)),
        _ => {}
    }
}

fuzz_target!(|text: &str| {
    let parsed = SourceFormat::Yaml.parse(text);
    check(&parsed.root, text.len());
});
