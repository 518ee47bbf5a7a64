//! Completion, computed from the cursor's place in the (possibly half-typed) tree.

use asl_semantic::expr::intrinsic::INTRINSIC_FUNCTIONS;
use asl_semantic::expr::path::CONTEXT_OBJECT_FIELDS;
use asl_semantic::model::{FailState, Field, Model, QueryLanguage, ScopeId, StateKind, jsonata_expression};
use asl_semantic::vocabulary::StateType;
use asl_syntax::{Member, Node, TextRange, Value};
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, InsertTextFormat, MarkupContent, MarkupKind,
    TextEdit,
};

use crate::convert::{Positions, json_string};
use crate::cursor::{At, Cursor, ObjectKind, locate, object_kind, string_content};
use asl_semantic::errors::PREDEFINED_ERRORS;

use crate::vocabulary::object_type;

pub(crate) fn complete(model: &Model<'_>, text: &str, offset: u32, positions: Positions<'_>) -> Vec<CompletionItem> {
    let cursor = locate(text, model.root, offset);
    let Some(container) = cursor.innermost() else {
        return Vec::new();
    };
    let depth = cursor.containers.len() - 1;
    let kind = object_kind(model, &cursor, depth);
    let items = match cursor.at {
        At::Key(member) => {
            let range = member.key.range;
            let needs_colon = !text
                .get(range.end as usize..)
                .unwrap_or_default()
                .trim_start()
                .starts_with(':');
            key_items(model, kind, container, Some(member), range, needs_colon)
        }
        At::Gap if matches!(container.value, Value::Object(_)) => {
            key_items(model, kind, container, None, TextRange::empty(offset), true)
        }
        At::Value(member) => value_items(model, &cursor, kind, member, text, offset),
        At::MissingValue(member) => {
            let candidates = value_candidates(model, &cursor, kind, &member.key.text);
            quoted(candidates, TextRange::empty(offset))
        }
        At::Element(node) if cursor.container_key() == Some("ErrorEquals") => {
            quoted(error_names(model), replaced_range(node))
        }
        At::Gap if cursor.container_key() == Some("ErrorEquals") => {
            quoted(error_names(model), TextRange::empty(offset))
        }
        _ => Vec::new(),
    };
    items.into_iter().map(|item| item.into_lsp(positions)).collect()
}

/// A completion before conversion to LSP positions.
struct Item {
    label: String,
    kind: CompletionItemKind,
    detail: Option<String>,
    documentation: Option<String>,
    range: TextRange,
    new_text: String,
    snippet: bool,
}

impl Item {
    fn into_lsp(self, positions: Positions<'_>) -> CompletionItem {
        CompletionItem {
            filter_text: Some(self.new_text.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                positions.range(self.range),
                self.new_text,
            ))),
            label: self.label,
            kind: Some(self.kind),
            detail: self.detail,
            documentation: self.documentation.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            insert_text_format: Some(if self.snippet {
                InsertTextFormat::SNIPPET
            } else {
                InsertTextFormat::PLAIN_TEXT
            }),
            ..CompletionItem::default()
        }
    }
}

/// A value offered inside quotes.
struct Candidate {
    text: String,
    kind: CompletionItemKind,
    detail: Option<String>,
}

fn candidate(text: impl Into<String>, kind: CompletionItemKind, detail: Option<&str>) -> Candidate {
    Candidate {
        text: text.into(),
        kind,
        detail: detail.map(str::to_owned),
    }
}

fn quoted(candidates: Vec<Candidate>, range: TextRange) -> Vec<Item> {
    candidates
        .into_iter()
        .map(|c| Item {
            new_text: json_string(&c.text),
            label: c.text,
            kind: c.kind,
            detail: c.detail,
            documentation: None,
            range,
            snippet: false,
        })
        .collect()
}

/// The range a value completion replaces: the whole token (an empty error value is replaced
/// in place).
fn replaced_range(node: &Node) -> TextRange {
    node.range
}

/// Field names for an object (or new-state snippets in a `States` object).
fn key_items(
    model: &Model<'_>,
    kind: ObjectKind,
    container: &Node,
    editing: Option<&Member>,
    range: TextRange,
    needs_colon: bool,
) -> Vec<Item> {
    if let ObjectKind::States(scope) = kind {
        return state_snippets(model, scope, range);
    }
    let Some((object, language)) = object_type(model, kind) else {
        return Vec::new();
    };
    let present: Vec<&str> = container
        .as_object()
        .unwrap_or_default()
        .iter()
        .filter(|member| !editing.is_some_and(|editing| std::ptr::eq(*member, editing)))
        .map(|member| member.key.text.as_str())
        .collect();
    object
        .fields(language)
        .filter(|field| !present.contains(&field.name))
        .map(|field| Item {
            label: field.name.to_owned(),
            kind: CompletionItemKind::FIELD,
            detail: None,
            documentation: Some(field.doc.to_owned()),
            range,
            new_text: if needs_colon {
                format!("{}: ", json_string(field.name))
            } else {
                json_string(field.name)
            },
            snippet: false,
        })
        .collect()
}

fn value_items(
    model: &Model<'_>,
    cursor: &Cursor<'_>,
    kind: ObjectKind,
    member: &Member,
    text: &str,
    offset: u32,
) -> Vec<Item> {
    let key = member.key.text.as_str();
    let value = &member.value;
    let Value::String(_) = value.value else {
        return quoted(value_candidates(model, cursor, kind, key), replaced_range(value));
    };
    let candidates = value_candidates(model, cursor, kind, key);
    if !candidates.is_empty() {
        return quoted(candidates, value.range);
    }
    expression_items(model, cursor, kind, key, text, value.range, offset)
}

/// Whole-value candidates for a field: state names, `Type` and `QueryLanguage` values.
fn value_candidates(model: &Model<'_>, cursor: &Cursor<'_>, kind: ObjectKind, key: &str) -> Vec<Candidate> {
    let scope = match (kind, key) {
        (ObjectKind::Machine(scope), "StartAt") => Some(scope),
        (ObjectKind::State(id) | ObjectKind::ChoiceRule(id) | ObjectKind::Catcher(id), "Next")
        | (ObjectKind::State(id), "Default") => Some(model.state(id).scope),
        _ => None,
    };
    if let Some(scope) = scope {
        return model
            .states_in(scope)
            .map(|state| candidate(state.name, CompletionItemKind::REFERENCE, state.kind.type_name()))
            .collect();
    }
    match (kind, key) {
        (ObjectKind::State(_), "Type") => StateType::all()
            .map(|state_type| {
                candidate(
                    state_type.name(),
                    CompletionItemKind::ENUM_MEMBER,
                    Some(state_type.summary()),
                )
            })
            .collect(),
        (_, "QueryLanguage") => QueryLanguage::ALL
            .into_iter()
            .map(|language| candidate(language.name(), CompletionItemKind::ENUM_MEMBER, None))
            .collect(),
        _ if cursor.container_key() == Some("ErrorEquals") => error_names(model),
        _ => Vec::new(),
    }
}

/// Known error names, then the errors raised by the machine's Fail states.
fn error_names(model: &Model<'_>) -> Vec<Candidate> {
    let mut names: Vec<Candidate> = PREDEFINED_ERRORS
        .iter()
        .map(|(name, doc)| candidate(*name, CompletionItemKind::CONSTANT, Some(doc)))
        .collect();
    for state in &model.states {
        if let StateKind::Fail(FailState {
            error: Some(Field { value: Some(error), .. }),
            ..
        }) = &state.kind
            && let Some(&name) = error.literal()
            && !names.iter().any(|known| known.text == name)
        {
            names.push(candidate(
                name,
                CompletionItemKind::CONSTANT,
                Some("raised by a Fail state"),
            ));
        }
    }
    names
}

/// Completions inside an expression string: `$$.` context fields, intrinsic functions in
/// `.$` fields, and variables after `$`.
fn expression_items(
    model: &Model<'_>,
    cursor: &Cursor<'_>,
    kind: ObjectKind,
    key: &str,
    text: &str,
    string: TextRange,
    offset: u32,
) -> Vec<Item> {
    let content = string_content(text, string);
    let before = text.get(content.start as usize..offset as usize).unwrap_or_default();
    let word_len = before
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$'))
        .count();
    let word = &before[before.len() - word_len..];
    let range = TextRange::new(offset - word_len as u32, offset);
    let item = |label: String, new_text: String, kind, detail: Option<String>, snippet| Item {
        label,
        kind,
        detail,
        documentation: None,
        range,
        new_text,
        snippet,
    };
    let is_jsonata = jsonata_expression(before).is_some() || before.starts_with("{%");
    let context_prefix = if word.starts_with("$$.") {
        Some("$$.")
    } else if is_jsonata && word.starts_with("$states.context.") {
        Some("$states.context.")
    } else {
        None
    };
    if let Some(prefix) = context_prefix {
        return CONTEXT_OBJECT_FIELDS
            .iter()
            .map(|(field, _)| {
                let full = format!("{prefix}{field}");
                item(
                    full.clone(),
                    full,
                    CompletionItemKind::PROPERTY,
                    Some("context object".to_owned()),
                    false,
                )
            })
            .collect();
    }
    let mut items = Vec::new();
    if key.ends_with(".$")
        && !is_jsonata
        && (word.is_empty() || "States.".starts_with(word) || word.starts_with("States."))
    {
        items.extend(INTRINSIC_FUNCTIONS.iter().map(|function| {
            let snippet = format!("{}($1)", function.name);
            item(
                function.name.to_owned(),
                snippet,
                CompletionItemKind::FUNCTION,
                Some("intrinsic function".to_owned()),
                true,
            )
        }));
    }
    let in_path = key.ends_with(".$") || key.ends_with("Path") || is_jsonata;
    if in_path && word.starts_with('$') && !word.starts_with("$.") && !word.starts_with("$$") {
        let scope = match kind {
            ObjectKind::State(id)
            | ObjectKind::Retrier(id)
            | ObjectKind::Catcher(id)
            | ObjectKind::ChoiceRule(id)
            | ObjectKind::NestedChoiceRule(id) => Some(model.state(id).scope),
            ObjectKind::Machine(scope) | ObjectKind::States(scope) => Some(scope),
            ObjectKind::Other => enclosing_state_scope(model, cursor),
        };
        for name in scope.map(|scope| variables_in_scope(model, scope)).unwrap_or_default() {
            let label = format!("${name}");
            items.push(item(
                label.clone(),
                label,
                CompletionItemKind::VARIABLE,
                Some("variable".to_owned()),
                false,
            ));
        }
        if is_jsonata {
            items.push(item(
                "$states".to_owned(),
                "$states".to_owned(),
                CompletionItemKind::VARIABLE,
                Some("input, result, errorOutput and context of the state".to_owned()),
                false,
            ));
        }
    }
    items
}

/// The scope of the nearest state around the cursor (for payload templates inside a state).
fn enclosing_state_scope(model: &Model<'_>, cursor: &Cursor<'_>) -> Option<ScopeId> {
    cursor
        .containers
        .iter()
        .rev()
        .find_map(|node| model.states.iter().find(|state| std::ptr::eq(state.node, *node)))
        .map(|state| state.scope)
}

/// Variables assigned in this scope or an enclosing one (inner scopes read outer variables).
fn variables_in_scope(model: &Model<'_>, scope: ScopeId) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut current = Some(scope);
    let mut steps = 0;
    while let Some(scope) = current
        && steps < 64
    {
        for state in model.states_in(scope) {
            let assigns = state
                .assign
                .iter()
                .chain(state.catchers().iter().filter_map(|c| c.assign.as_ref()))
                .chain(choice_assigns(&state.kind));
            for member in assigns.filter_map(|field| field.value).flatten() {
                if !names.iter().any(|name| *name == member.key.text) {
                    names.push(member.key.text.to_string());
                }
            }
        }
        current = model.scope(scope).parent().map(|parent| model.state(parent).scope);
        steps += 1;
    }
    names
}

fn choice_assigns<'m, 'a>(kind: &'m StateKind<'a>) -> impl Iterator<Item = &'m Field<'a, &'a [Member]>> {
    let rules = match kind {
        StateKind::Choice(choice) => choice.rules(),
        _ => &[],
    };
    rules.iter().filter_map(|rule| rule.assign.as_ref())
}

/// Snippets for a new state of each type.
fn state_snippets(model: &Model<'_>, scope: ScopeId, range: TextRange) -> Vec<Item> {
    let jsonata = model
        .states_in(scope)
        .next()
        .map(|state| state.effective_query_language)
        .unwrap_or(model.query_language)
        == QueryLanguage::Jsonata;
    StateType::all()
        .map(|state_type| Item {
            label: format!("New {} state", state_type.name()),
            kind: CompletionItemKind::SNIPPET,
            detail: Some(state_type.summary().to_owned()),
            documentation: None,
            range,
            new_text: state_snippet(state_type, jsonata),
            snippet: true,
        })
        .collect()
}

fn state_snippet(state_type: StateType, jsonata: bool) -> String {
    let body = match (state_type, jsonata) {
        (StateType::Task, false) => {
            "\"Resource\": \"${2:arn:aws:states:::lambda:invoke}\",\n  \"Parameters\": {\n    \"FunctionName\": \"${3:MyFunction}\",\n    \"Payload.\\$\": \"\\$\"\n  },\n  \"End\": true"
        }
        (StateType::Task, true) => {
            "\"Resource\": \"${2:arn:aws:states:::lambda:invoke}\",\n  \"Arguments\": {\n    \"FunctionName\": \"${3:MyFunction}\",\n    \"Payload\": \"{% \\$states.input %}\"\n  },\n  \"End\": true"
        }
        (StateType::Choice, false) => {
            "\"Choices\": [\n    {\n      \"Variable\": \"${2:\\$.value}\",\n      \"StringEquals\": \"${3:expected}\",\n      \"Next\": \"${4}\"\n    }\n  ],\n  \"Default\": \"${5}\""
        }
        (StateType::Choice, true) => {
            "\"Choices\": [\n    {\n      \"Condition\": \"{% ${2:\\$states.input.value = 'expected'} %}\",\n      \"Next\": \"${3}\"\n    }\n  ],\n  \"Default\": \"${4}\""
        }
        (StateType::Wait, _) => "\"Seconds\": ${2:10},\n  \"End\": true",
        (StateType::Succeed, _) => "\"Comment\": \"${2}\"",
        (StateType::Fail, _) => "\"Error\": \"${2:MyError}\",\n  \"Cause\": \"${3:What went wrong}\"",
        (StateType::Parallel, _) => {
            "\"Branches\": [\n    {\n      \"StartAt\": \"${2:First}\",\n      \"States\": {\n        \"${2:First}\": {\n          \"Type\": \"Pass\",\n          \"End\": true\n        }\n      }\n    }\n  ],\n  \"End\": true"
        }
        (StateType::Map, false) => return map_snippet("\"ItemsPath\": \"${2:\\$.items}\""),
        (StateType::Map, true) => return map_snippet("\"Items\": \"{% ${2:\\$states.input.items} %}\""),
        (StateType::Pass, _) => "\"End\": true",
    };
    new_state(state_type.name(), body)
}

/// A Map state with an inline processor; `items` says where the items come from.
fn map_snippet(items: &str) -> String {
    let processor = "\"ItemProcessor\": {\n    \"ProcessorConfig\": {\n      \"Mode\": \"INLINE\"\n    },\n    \"StartAt\": \"${3:ProcessItem}\",\n    \"States\": {\n      \"${3:ProcessItem}\": {\n        \"Type\": \"Pass\",\n        \"End\": true\n      }\n    }\n  },\n  \"End\": true";
    new_state(StateType::Map.name(), &format!("{items},\n  {processor}"))
}

fn new_state(type_name: &str, body: &str) -> String {
    format!("\"${{1:My{type_name}}}\": {{\n  \"Type\": \"{type_name}\",\n  {body}\n}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_expand_to_valid_json() {
        for state_type in StateType::all() {
            for jsonata in [false, true] {
                let snippet = state_snippet(state_type, jsonata);
                let expanded = expand_snippet(&snippet);
                let parsed = asl_syntax::parse(&format!("{{{expanded}}}"));
                assert!(
                    parsed.errors.is_empty(),
                    "{state_type:?}: {expanded}: {:?}",
                    parsed.errors
                );
            }
        }
    }

    /// Replaces `${n:default}` with its default, `${n}`/`$n` with nothing, `\$` with `$`.
    fn expand_snippet(snippet: &str) -> String {
        let mut out = String::new();
        let mut chars = snippet.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                '$' if chars.peek() == Some(&'{') => {
                    chars.next();
                    let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    out.push_str(
                        inner
                            .split_once(':')
                            .map_or("", |(_, default)| default)
                            .replace("\\$", "$")
                            .as_str(),
                    );
                }
                '$' => {
                    while chars.peek().is_some_and(char::is_ascii_digit) {
                        chars.next();
                    }
                }
                c => out.push(c),
            }
        }
        out
    }
}
