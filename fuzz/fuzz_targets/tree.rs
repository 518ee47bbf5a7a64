//! Shared by the parser targets: every node's range lies inside the text.

use asl_syntax::{Node, Value};

pub fn assert_ranges_inside(node: &Node, len: usize) {
    assert!(node.range.start <= node.range.end && node.range.end as usize <= len);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|item| assert_ranges_inside(item, len)),
        Value::Object(members) => members
            .iter()
            .for_each(|member| assert_ranges_inside(&member.value, len)),
        _ => {}
    }
}
