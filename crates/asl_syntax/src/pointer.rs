use crate::{Member, Node, TextRange, Value};

/// The RFC 6901 JSON Pointer (e.g. `/States/Foo/Next`) of the deepest node whose key range or
/// value range contains `range`: `""` for the root, `None` when `range` is outside the root.
pub fn pointer_at(root: &Node, range: TextRange) -> Option<String> {
    if !root.range.contains_range(range) {
        return None;
    }
    let mut pointer = String::new();
    let mut node = root;
    loop {
        let Some(step) = step_towards(node, range) else {
            return Some(pointer);
        };
        pointer.push('/');
        match step {
            Step::Key(member) => {
                pointer.push_str(&escape(&member.key.text));
                return Some(pointer);
            }
            Step::Value(member) => {
                pointer.push_str(&escape(&member.key.text));
                node = &member.value;
            }
            Step::Item(index, item) => {
                pointer.push_str(&index.to_string());
                node = item;
            }
        }
    }
}

/// The child of a node that contains a range.
pub(crate) enum Step<'a> {
    /// The key of this member.
    Key(&'a Member),
    /// The value of this member.
    Value(&'a Member),
    /// The array element at this index.
    Item(usize, &'a Node),
}

/// The child of `node` whose key range or value range contains `range`, if any.
pub(crate) fn step_towards(node: &Node, range: TextRange) -> Option<Step<'_>> {
    // Siblings are in source order and do not overlap, so the one that can contain `range` is
    // the last that starts at or before it: a binary search, not a scan.
    match &node.value {
        Value::Object(members) => last_containing(
            members,
            range,
            |member| member.key.range.start,
            |member| member.key.range.contains_range(range) || member.value.range.contains_range(range),
        )
        .map(|(_, member)| {
            if member.key.range.contains_range(range) {
                Step::Key(member)
            } else {
                Step::Value(member)
            }
        }),
        Value::Array(items) => last_containing(
            items,
            range,
            |item| item.range.start,
            |item| item.range.contains_range(range),
        )
        .map(|(index, item)| Step::Item(index, item)),
        _ => None,
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
