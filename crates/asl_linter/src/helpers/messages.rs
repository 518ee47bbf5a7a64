//! How messages phrase what several rules name: JSON strings, lists of names, scopes.

use asl_semantic::model::{Model, Scope, ScopeKind};
use asl_semantic::vocabulary::StateType;
use asl_syntax::TextRange;

/// A JSON string literal for `text`.
pub(crate) fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// `"A", "B", "C"`, at most eight names.
pub(crate) fn quoted_list(names: &[&str]) -> String {
    let mut list: Vec<String> = names.iter().take(8).map(|name| format!("\"{name}\"")).collect();
    if names.len() > 8 {
        list.push(format!("… ({} more)", names.len() - 8));
    }
    list.join(", ")
}

/// How messages name a scope: "the state machine", "branch 2 of Parallel state \"Fan\"", ….
pub(crate) fn scope_description(model: &Model<'_>, scope: &Scope<'_>) -> String {
    match scope.kind {
        ScopeKind::Root => "the state machine".to_owned(),
        ScopeKind::Branch { parallel, index } => {
            format!(
                "branch {} of Parallel state \"{}\"",
                index + 1,
                model.state(parallel).name
            )
        }
        ScopeKind::ItemProcessor {
            map,
            deprecated_iterator,
        } => {
            let field = if deprecated_iterator {
                "Iterator"
            } else {
                "ItemProcessor"
            };
            format!("the {field} of Map state \"{}\"", model.state(map).name)
        }
    }
}

/// Points at the first character of an object rather than at the whole object: its `{`, or the
/// first character of its first key in a YAML block mapping (which may take several bytes).
pub(crate) fn object_start(source: &str, range: TextRange) -> TextRange {
    let width = source
        .get(range.start as usize..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    TextRange::new(range.start, range.start + width as u32)
}

/// `A, B or C`.
pub(crate) fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Every state type, as a help text lists them: `Task, Pass, … or Map`.
pub(crate) fn state_type_list() -> String {
    let names: Vec<&str> = StateType::all().map(StateType::name).collect();
    or_list(&names)
}
