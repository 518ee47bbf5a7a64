use crate::{Node, TextRange, Value};

/// The RFC 6901 JSON Pointer (e.g. `/States/Foo/Next`) of the deepest node whose key range or
/// value range contains `range`: `""` for the root, `None` when `range` is outside the root.
pub fn pointer_at(root: &Node, range: TextRange) -> Option<String> {
    if !root.range.contains_range(range) {
        return None;
    }
    let mut pointer = String::new();
    let mut node = root;
    loop {
        // Siblings are in source order and do not overlap, so the one that can contain
        // `range` is the last that starts at or before it: a binary search, not a scan.
        let child = match &node.value {
            Value::Object(members) => last_containing(
                members,
                range,
                |member| member.key.range.start,
                |member| member.key.range.contains_range(range) || member.value.range.contains_range(range),
            )
            .map(|(_, member)| {
                let in_key = member.key.range.contains_range(range);
                (escape(&member.key.text), &member.value, in_key)
            }),
            Value::Array(items) => last_containing(
                items,
                range,
                |item| item.range.start,
                |item| item.range.contains_range(range),
            )
            .map(|(index, item)| (index.to_string(), item, false)),
            _ => None,
        };
        let Some((token, child, in_key)) = child else {
            return Some(pointer);
        };
        pointer.push('/');
        pointer.push_str(&token);
        if in_key {
            return Some(pointer);
        }
        node = child;
    }
}

/// The first of the siblings that contains `range`, found among those that start where the
/// last sibling starting at or before `range` does (an empty sibling may share its start).
fn last_containing<T>(
    siblings: &[T],
    range: TextRange,
    start: impl Fn(&T) -> u32,
    contains: impl Fn(&T) -> bool,
) -> Option<(usize, &T)> {
    let mut index = siblings
        .partition_point(|sibling| start(sibling) <= range.start)
        .checked_sub(1)?;
    if !contains(&siblings[index]) {
        return None;
    }
    while index > 0 && contains(&siblings[index - 1]) {
        index -= 1;
    }
    Some((index, &siblings[index]))
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
