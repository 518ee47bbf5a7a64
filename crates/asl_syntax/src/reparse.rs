//! Reparsing after an edit inside one string, without reading the rest of the document again
//! (as rust-analyzer relexes a single token): while a name, path or comment is typed, each
//! keystroke is such an edit, and the language server analyses the document after each.

use crate::pointer::{Step, step_towards};
use crate::{Key, Member, Node, Parse, TextRange, Value};

/// The parse of the text after an edit, made from `previous` (the parse of the text before
/// it): the edit replaces the bytes `deleted` of the old text with `inserted`. `None` unless
/// `previous` has no errors and the edit lies inside the content of one string (a key or a
/// value) written without escapes, and inserts no quote, backslash or control character; the
/// caller then parses the whole text. The result is the same as parsing the new text.
pub fn reparse_in_string(previous: &Parse, deleted: TextRange, inserted: &str) -> Option<Parse> {
    if !previous.errors.is_empty() || !is_plain(inserted) {
        return None;
    }
    let (string_start, text) = string_around(&previous.root, deleted)?;
    // Every escape is longer than the character it stands for: a string whose decoded text is
    // as long as its content has none, so its content offsets are offsets in the decoded text.
    let content_start = string_start + 1;
    let from = (deleted.start - content_start) as usize;
    let to = (deleted.end - content_start) as usize;
    let edited = format!("{}{inserted}{}", text.get(..from)?, text.get(to..)?);
    let edit = Edit {
        deleted,
        inserted_len: u32::try_from(inserted.len()).ok()?,
        string_start,
        edited,
    };
    Some(Parse {
        root: edit.copy(&previous.root),
        errors: Vec::new(),
    })
}

/// Whether `text` can stand inside a JSON string as it is.
fn is_plain(text: &str) -> bool {
    !text.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20)
}

/// The string (key or value) whose content holds `edit`, if it has no escapes: its start
/// (the opening quote) and its text.
fn string_around(root: &Node, edit: TextRange) -> Option<(u32, &str)> {
    let mut node = root;
    let (range, text) = loop {
        match step_towards(node, edit) {
            Some(Step::Key(member)) => break (member.key.range, member.key.text.as_str()),
            Some(Step::Value(member)) => node = &member.value,
            Some(Step::Item(_, item)) => node = item,
            None => break (node.range, node.as_str()?),
        }
    };
    let holds = range.start < edit.start && edit.end < range.end;
    let without_escapes = text.len() as u32 + 2 == range.len();
    (holds && without_escapes).then_some((range.start, text))
}

/// Copies a tree, with the edited string's new text and every offset after the edit moved.
struct Edit {
    deleted: TextRange,
    inserted_len: u32,
    /// The opening quote of the edited string: no other key or value starts there.
    string_start: u32,
    edited: String,
}

impl Edit {
    fn copy(&self, node: &Node) -> Node {
        let value = match &node.value {
            Value::String(_) if node.range.start == self.string_start => Value::String(self.edited.as_str().into()),
            Value::Array(items) => Value::Array(items.iter().map(|item| self.copy(item)).collect()),
            Value::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|member| Member {
                        key: Key {
                            text: if member.key.range.start == self.string_start {
                                self.edited.as_str().into()
                            } else {
                                member.key.text.clone()
                            },
                            range: self.moved(member.key.range),
                        },
                        value: self.copy(&member.value),
                    })
                    .collect(),
            ),
            other => other.clone(),
        };
        Node {
            value,
            range: self.moved(node.range),
        }
    }

    /// A range of the old text in the new one. No range starts or ends inside the edited
    /// string's content, so each offset is before the edit or after it.
    fn moved(&self, range: TextRange) -> TextRange {
        let offset = |at: u32| {
            if at >= self.deleted.end {
                at - self.deleted.len() + self.inserted_len
            } else {
                at
            }
        };
        TextRange::new(offset(range.start), offset(range.end))
    }
}
