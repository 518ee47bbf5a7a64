#![allow(clippy::unwrap_used)]
use asl_syntax::{MAX_DEPTH, Node, Value, parse};

/// How deep the tree goes, walking the first child at each level.
fn depth(root: &Node) -> usize {
    let mut depth = 0;
    let mut node = root;
    loop {
        let child = match &node.value {
            Value::Array(items) => items.first(),
            Value::Object(members) => members.first().map(|m| &m.value),
            _ => None,
        };
        match child {
            Some(child) => {
                depth += 1;
                node = child;
            }
            None => return depth,
        }
    }
}

#[test]
fn a_million_open_brackets_give_one_error_at_the_limit() {
    let text = "[".repeat(1_000_000);
    let parsed = parse(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(
        parsed.errors[0].message,
        "nesting deeper than 512 levels is not supported"
    );
    assert_eq!(parsed.errors[0].range.start as usize, MAX_DEPTH);
    assert_eq!(depth(&parsed.root), MAX_DEPTH);
    drop(parsed);
}

#[test]
fn a_million_nested_objects_closed_properly() {
    let text = format!("{}1{}", "{\"a\":".repeat(1_000_000), "}".repeat(1_000_000));
    let parsed = parse(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.errors[0].range.start as usize, MAX_DEPTH * 5);
    assert_eq!(depth(&parsed.root), MAX_DEPTH);
    let copy = parsed.clone();
    assert_eq!(copy, parsed);
}

#[test]
fn content_after_a_too_deep_value_is_still_read() {
    let deep = format!("{}{}", "[".repeat(600), "]".repeat(600));
    let text = format!("{{\"deep\": {deep}, \"next\": true}}");
    let parsed = parse(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.root.get("next").unwrap().as_bool(), Some(true));
}

#[test]
fn exactly_max_depth_is_accepted() {
    let text = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let parsed = parse(&text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(depth(&parsed.root), MAX_DEPTH - 1);
}

#[test]
fn brackets_inside_strings_do_not_count_when_skipping() {
    let text = format!("[{}\"]]]\"{}, 5]", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let parsed = parse(&text);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.root.as_array().unwrap().len(), 2);
}

#[test]
fn many_errors_in_a_large_input_stay_linear() {
    // 200,000 missing commas: must finish quickly (no quadratic rescans).
    let text = format!("[{}]", "1 ".repeat(200_000));
    let started = std::time::Instant::now();
    let parsed = parse(&text);
    // Each missing comma is its own mistake: 100 are listed, the last error counts the rest.
    assert_eq!(parsed.errors.len(), asl_syntax::MAX_SYNTAX_ERRORS + 1);
    assert_eq!(
        parsed.errors.last().unwrap().omitted,
        199_999 - asl_syntax::MAX_SYNTAX_ERRORS
    );
    assert_eq!(parsed.root.as_array().unwrap().len(), 200_000);
    assert!(started.elapsed().as_secs() < 10);
}
