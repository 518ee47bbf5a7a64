//! Go to definition, references, document highlight, rename and the document outline.

use std::collections::HashMap;

use asl_semantic::model::{Model, ScopeId, ScopeKind, StateId};
use asl_semantic::vocabulary::StateType;
use asl_syntax::TextRange;
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Location, PrepareRenameResponse, SymbolKind, TextEdit,
    Uri, WorkspaceEdit,
};

use crate::convert::{Positions, json_string};
use crate::cursor::{is_inside_string, string_content};

/// A state name written as a reference: `StartAt`, `Next`, `Default`, `Choices[].Next`,
/// `Catch[].Next`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reference<'a> {
    pub(crate) scope: ScopeId,
    pub(crate) name: &'a str,
    /// The string token, quotes included.
    pub(crate) range: TextRange,
}

/// Every state-name reference of the machine.
pub(crate) fn all_references<'a>(model: &Model<'a>) -> Vec<Reference<'a>> {
    let mut found = Vec::new();
    for scope in &model.scopes {
        if let Some(field) = &scope.start_at
            && let Some(name) = field.value
        {
            found.push(Reference {
                scope: scope.id,
                name,
                range: field.value_range(),
            });
        }
    }
    for state in &model.states {
        for transition in model.transitions(state.id) {
            found.push(Reference {
                scope: state.scope,
                name: transition.target,
                range: transition.target_range,
            });
        }
    }
    found
}

/// The state name under the cursor: its scope, the name, and the token it was found in.
pub(crate) struct NameAt<'a> {
    pub(crate) scope: ScopeId,
    pub(crate) name: &'a str,
    pub(crate) token: TextRange,
    /// The state, when the name is defined in its scope.
    pub(crate) state: Option<StateId>,
}

pub(crate) fn name_at<'a>(model: &Model<'a>, text: &str, offset: u32) -> Option<NameAt<'a>> {
    let on = |range: TextRange| is_inside_string(text, range, offset) || range.start == offset;
    if let Some(state) = model.states.iter().find(|state| on(state.name_range)) {
        let first = model.find_state(state.scope, state.name);
        return Some(NameAt {
            scope: state.scope,
            name: state.name,
            token: state.name_range,
            state: first,
        });
    }
    let reference = all_references(model)
        .into_iter()
        .find(|reference| on(reference.range))?;
    Some(NameAt {
        scope: reference.scope,
        name: reference.name,
        token: reference.range,
        state: model.find_state(reference.scope, reference.name),
    })
}

/// Every occurrence of a state name in its scope: the keys defining it, then the references.
fn occurrences(model: &Model<'_>, scope: ScopeId, name: &str) -> (Vec<TextRange>, Vec<TextRange>) {
    let definitions = model
        .states_in(scope)
        .filter(|state| state.name == name)
        .map(|state| state.name_range)
        .collect();
    let references = all_references(model)
        .into_iter()
        .filter(|reference| reference.scope == scope && reference.name == name)
        .map(|reference| reference.range)
        .collect();
    (definitions, references)
}

pub(crate) fn definition(
    model: &Model<'_>,
    text: &str,
    offset: u32,
    positions: Positions<'_>,
    uri: &Uri,
) -> Option<Location> {
    let target = name_at(model, text, offset)?.state?;
    Some(Location::new(
        uri.clone(),
        positions.range(model.state(target).name_range),
    ))
}

pub(crate) fn references(
    model: &Model<'_>,
    text: &str,
    offset: u32,
    include_declaration: bool,
    positions: Positions<'_>,
    uri: &Uri,
) -> Option<Vec<Location>> {
    let at = name_at(model, text, offset)?;
    let (definitions, references) = occurrences(model, at.scope, at.name);
    let ranges = if include_declaration {
        definitions.into_iter().chain(references).collect()
    } else {
        references
    };
    Some(
        ranges
            .into_iter()
            .map(|range| Location::new(uri.clone(), positions.range(range)))
            .collect(),
    )
}

pub(crate) fn highlight(
    model: &Model<'_>,
    text: &str,
    offset: u32,
    positions: Positions<'_>,
) -> Option<Vec<DocumentHighlight>> {
    let at = name_at(model, text, offset)?;
    let (definitions, references) = occurrences(model, at.scope, at.name);
    let highlight = |kind| {
        move |range| DocumentHighlight {
            range: positions.range(range),
            kind: Some(kind),
        }
    };
    Some(
        definitions
            .into_iter()
            .map(highlight(DocumentHighlightKind::WRITE))
            .chain(references.into_iter().map(highlight(DocumentHighlightKind::READ)))
            .collect(),
    )
}

pub(crate) fn prepare_rename(
    model: &Model<'_>,
    text: &str,
    offset: u32,
    positions: Positions<'_>,
) -> Option<PrepareRenameResponse> {
    let at = name_at(model, text, offset)?;
    at.state?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: positions.range(string_content(text, at.token)),
        placeholder: at.name.to_owned(),
    })
}

/// Renames the state under the cursor: its key and every reference in its scope. Refuses
/// names that are empty, too long, or already used anywhere in the machine (state names are
/// unique across the whole machine).
pub(crate) fn rename(
    model: &Model<'_>,
    text: &str,
    offset: u32,
    new_name: &str,
    positions: Positions<'_>,
    uri: &Uri,
) -> Result<Option<WorkspaceEdit>, String> {
    let Some(at) = name_at(model, text, offset) else {
        return Ok(None);
    };
    if at.state.is_none() {
        return Err(format!("there is no state named {} to rename", json_string(at.name)));
    }
    if new_name == at.name {
        return Ok(None);
    }
    if new_name.is_empty() || new_name.chars().count() > 80 {
        return Err("a state name must be 1 to 80 characters long".to_owned());
    }
    if model.states.iter().any(|state| state.name == new_name) {
        return Err(format!(
            "a state named {} already exists; state names must be unique in the state machine",
            json_string(new_name)
        ));
    }
    let (definitions, references) = occurrences(model, at.scope, at.name);
    let replacement = json_string(new_name);
    let edits = definitions
        .into_iter()
        .chain(references)
        .map(|range| positions.text_edit(range, &replacement))
        .collect::<Option<Vec<TextEdit>>>()
        .ok_or("this state name is not written in one piece in the template (an intrinsic function, or a line break in a YAML block, is in the way): rename it by hand")?;
    Ok(Some(WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))))
}

/// A template's state machine in the outline, holding its states.
pub(crate) fn machine_symbol(
    name: &str,
    range: TextRange,
    selection: TextRange,
    positions: Positions<'_>,
    states: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    symbol(
        name.to_owned(),
        Some("state machine".to_owned()),
        SymbolKind::CLASS,
        range,
        selection,
        positions,
        states,
    )
}

/// The outline: each scope's states, with Parallel branches and Map processors nested.
pub(crate) fn document_symbols(model: &Model<'_>, positions: Positions<'_>) -> Vec<DocumentSymbol> {
    scope_symbols(model, model.root_scope, positions, 0)
}

/// Deeper nesting than this is not outlined (the parser allows 512 levels).
const MAX_OUTLINE_DEPTH: usize = 64;

fn scope_symbols(model: &Model<'_>, scope: ScopeId, positions: Positions<'_>, depth: usize) -> Vec<DocumentSymbol> {
    if depth > MAX_OUTLINE_DEPTH {
        return Vec::new();
    }
    model
        .states_in(scope)
        .map(|state| {
            let mut children = Vec::new();
            for nested in model.scopes.iter().filter(|nested| nested.parent() == Some(state.id)) {
                let states = scope_symbols(model, nested.id, positions, depth + 1);
                match nested.kind {
                    ScopeKind::Branch { index, .. } => children.push(symbol(
                        format!("Branch {}", index + 1),
                        None,
                        SymbolKind::NAMESPACE,
                        nested.node.range,
                        nested.node.range,
                        positions,
                        states,
                    )),
                    _ => children.extend(states),
                }
            }
            let range = TextRange::new(state.name_range.start, state.node.range.end.max(state.name_range.end));
            symbol(
                state.name.to_owned(),
                state.kind.type_name().map(str::to_owned),
                symbol_kind(state.kind.state_type()),
                range,
                state.name_range,
                positions,
                children,
            )
        })
        .collect()
}

fn symbol_kind(state_type: Option<StateType>) -> SymbolKind {
    match state_type {
        Some(StateType::Task) => SymbolKind::FUNCTION,
        Some(StateType::Choice) => SymbolKind::ENUM,
        Some(StateType::Parallel | StateType::Map) => SymbolKind::MODULE,
        Some(StateType::Succeed | StateType::Fail) => SymbolKind::EVENT,
        Some(StateType::Pass | StateType::Wait) | None => SymbolKind::OBJECT,
    }
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: TextRange,
    selection: TextRange,
    positions: Positions<'_>,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    // Clients reject empty names.
    let name = if name.is_empty() { "\"\"".to_owned() } else { name };
    #[allow(deprecated)] // `deprecated` is a required field of the struct.
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: positions.range(range),
        selection_range: positions.range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}
