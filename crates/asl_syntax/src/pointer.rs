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
        let child = match &node.value {
            Value::Object(members) => members.iter().find_map(|member| {
                let in_key = member.key.range.contains_range(range);
                (in_key || member.value.range.contains_range(range)).then_some((
                    escape(&member.key.text),
                    &member.value,
                    in_key,
                ))
            }),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find(|(_, item)| item.range.contains_range(range))
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

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
