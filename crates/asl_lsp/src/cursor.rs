//! What the cursor is on, read from the (possibly half-typed) syntax tree and the text.

use asl_semantic::model::{Model, ScopeId, StateId};
use asl_syntax::{Member, Node, TextRange, Value};

/// One step from a container into a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The cursor's place in the tree.
pub(crate) struct Cursor<'a> {
    /// The containers holding the cursor, outermost (the root) first.
    pub(crate) containers: Vec<&'a Node>,
    /// `path[i]` leads from `containers[i]` to `containers[i + 1]`.
    pub(crate) path: Vec<Step<'a>>,
    pub(crate) at: At<'a>,
}

/// What the cursor is on inside the innermost container.
#[derive(Debug, Clone, Copy)]
pub(crate) enum At<'a> {
    /// Inside a member's key.
    Key(&'a Member),
    /// On a member's scalar value (inside the string, for a string). `Value::Error` means the
    /// value is still missing.
    Value(&'a Member),
    /// After `"key":` with no value yet.
    MissingValue(&'a Member),
    /// On an array element's scalar value.
    Element(&'a Node),
    /// Between the members of an object or the elements of an array.
    Gap,
    /// Outside the document's value.
    Outside,
}

impl<'a> Cursor<'a> {
    pub(crate) fn innermost(&self) -> Option<&'a Node> {
        self.containers.last().copied()
    }

    /// The key of the member holding the innermost container (`ErrorEquals` for its array).
    pub(crate) fn container_key(&self) -> Option<&'a str> {
        match self.path.last() {
            Some(Step::Key(key)) => Some(key),
            _ => None,
        }
    }
}

/// Locates `offset` in the tree rooted at `root`.
pub(crate) fn locate<'a>(text: &str, root: &'a Node, offset: u32) -> Cursor<'a> {
    let mut cursor = Cursor {
        containers: Vec::new(),
        path: Vec::new(),
        at: At::Outside,
    };
    if !is_inside_container(text, root, offset) {
        return cursor;
    }
    let mut node = root;
    loop {
        cursor.containers.push(node);
        let next = match &node.value {
            Value::Object(members) => find_in_object(text, members, offset, &mut cursor),
            Value::Array(items) => find_in_array(text, items, offset, &mut cursor),
            _ => None,
        };
        match next {
            Some((step, child)) => {
                cursor.path.push(step);
                node = child;
            }
            None => break,
        }
    }
    if matches!(cursor.at, At::Outside) {
        cursor.at = gap(text, &cursor, offset);
    }
    cursor
}

fn find_in_object<'a>(
    text: &str,
    members: &'a [Member],
    offset: u32,
    cursor: &mut Cursor<'a>,
) -> Option<(Step<'a>, &'a Node)> {
    for member in members {
        if is_inside_string(text, member.key.range, offset) {
            cursor.at = At::Key(member);
            return None;
        }
        let value = &member.value;
        if is_inside_container(text, value, offset) {
            return Some((Step::Key(&member.key.text), value));
        }
        if is_on_scalar(text, value, offset) {
            cursor.at = At::Value(member);
            return None;
        }
    }
    None
}

fn find_in_array<'a>(
    text: &str,
    items: &'a [Node],
    offset: u32,
    cursor: &mut Cursor<'a>,
) -> Option<(Step<'a>, &'a Node)> {
    for (index, item) in items.iter().enumerate() {
        if is_inside_container(text, item, offset) {
            return Some((Step::Index(index), item));
        }
        if is_on_scalar(text, item, offset) {
            cursor.at = At::Element(item);
            return None;
        }
    }
    None
}

/// Between tokens: after `"key":` the value is missing, otherwise a new member or element goes here.
fn gap<'a>(text: &str, cursor: &Cursor<'a>, offset: u32) -> At<'a> {
    let before = text.get(..offset as usize).unwrap_or_default().trim_end();
    let Some(Value::Object(members)) = cursor.innermost().map(|node| &node.value) else {
        return At::Gap;
    };
    if before.ends_with(':')
        && let Some(member) = members.iter().rev().find(|m| m.key.range.end as usize <= before.len())
    {
        // Right before a value that is already there: completing replaces it.
        return match member.value.value {
            Value::Error => At::MissingValue(member),
            _ if member.value.range.start >= offset => At::Value(member),
            _ => At::Gap,
        };
    }
    At::Gap
}

/// Whether `offset` is strictly inside an object or array (after its opening bracket, and
/// before its closing one if it has one).
fn is_inside_container(text: &str, node: &Node, offset: u32) -> bool {
    let closer = match node.value {
        Value::Object(_) => b'}',
        Value::Array(_) => b']',
        _ => return false,
    };
    let TextRange { start, end } = node.range;
    offset > start && (offset < end || (offset == end && !ends_with(text, node.range, closer)))
}

/// Whether `offset` is between the quotes of a string token (an unterminated string runs to
/// its end), or on a YAML scalar written without quotes.
pub(crate) fn is_inside_string(text: &str, range: TextRange, offset: u32) -> bool {
    let Some(quote) = opening_quote(text, range) else {
        return range.start <= offset && offset <= range.end;
    };
    let terminated = range.len() >= 2 && ends_with(text, range, quote);
    offset > range.start && (offset < range.end || (offset == range.end && !terminated))
}

/// The quote a string token starts with: `"`, or `'` in YAML; none for a plain YAML scalar.
fn opening_quote(text: &str, range: TextRange) -> Option<u8> {
    text.as_bytes()
        .get(range.start as usize)
        .copied()
        .filter(|b| matches!(b, b'"' | b'\''))
}

fn is_on_scalar(text: &str, node: &Node, offset: u32) -> bool {
    match node.value {
        Value::Object(_) | Value::Array(_) => false,
        Value::String(_) => is_inside_string(text, node.range, offset),
        _ => node.range.start <= offset && offset <= node.range.end,
    }
}

fn ends_with(text: &str, range: TextRange, byte: u8) -> bool {
    range.end > range.start && text.as_bytes().get(range.end as usize - 1) == Some(&byte)
}

/// The range between a string token's quotes (to its end if unterminated); a plain YAML
/// scalar is all content.
pub(crate) fn string_content(text: &str, range: TextRange) -> TextRange {
    let Some(quote) = opening_quote(text, range) else {
        return range;
    };
    let end = if range.len() >= 2 && ends_with(text, range, quote) {
        range.end - 1
    } else {
        range.end
    };
    TextRange::new((range.start + 1).min(end), end)
}

/// What kind of ASL object a container is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ObjectKind {
    /// A machine object: the root, a Parallel branch or a Map's processor.
    Machine(ScopeId),
    /// The `States` object of a machine.
    States(ScopeId),
    State(StateId),
    Retrier(StateId),
    Catcher(StateId),
    /// A top-level choice rule (`Choices[i]`), which has `Next`.
    ChoiceRule(StateId),
    /// A rule inside `And`, `Or` or `Not`.
    NestedChoiceRule(StateId),
    /// Anything else (payload templates, `ItemReader`, …).
    Other,
}

/// Classifies `containers[depth]` of a cursor.
pub(crate) fn object_kind(model: &Model<'_>, cursor: &Cursor<'_>, depth: usize) -> ObjectKind {
    let Some(&node) = cursor.containers.get(depth) else {
        return ObjectKind::Other;
    };
    if let Some(scope) = model.scopes.iter().find(|scope| std::ptr::eq(scope.node, node)) {
        return ObjectKind::Machine(scope.id);
    }
    if let Some(scope) = model.scopes.iter().find(|scope| {
        scope
            .states_field
            .as_ref()
            .is_some_and(|field| std::ptr::eq(field.node(), node))
    }) {
        return ObjectKind::States(scope.id);
    }
    // The nearest enclosing state, and the steps from it.
    for outer in (0..=depth).rev() {
        let Some(state) = model
            .states
            .iter()
            .find(|state| std::ptr::eq(state.node, cursor.containers[outer]))
        else {
            continue;
        };
        let relative = &cursor.path[outer..depth];
        return match relative {
            [] => ObjectKind::State(state.id),
            [Step::Key("Retry"), Step::Index(_)] => ObjectKind::Retrier(state.id),
            [Step::Key("Catch"), Step::Index(_)] => ObjectKind::Catcher(state.id),
            [Step::Key("Choices"), Step::Index(_)] => ObjectKind::ChoiceRule(state.id),
            [Step::Key("Choices"), Step::Index(_), rest @ ..]
                if rest
                    .iter()
                    .all(|step| matches!(step, Step::Index(_) | Step::Key("And" | "Or" | "Not"))) =>
            {
                ObjectKind::NestedChoiceRule(state.id)
            }
            _ => ObjectKind::Other,
        };
    }
    ObjectKind::Other
}
