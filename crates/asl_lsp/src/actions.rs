//! Code actions: each diagnostic's fix as a quick fix, and "create the missing state" for a
//! transition to a state that does not exist.

use std::collections::HashMap;

use asl_diagnostics::{Applicability, Diagnostic, Edit};
use asl_linter::{Category, find_rule};
use asl_semantic::model::Model;
use asl_syntax::TextRange;
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};

use crate::convert::{self, Positions, json_string};
use crate::navigation::{Reference, all_references};

/// The quick fixes for the diagnostics at `range`. `definition` is the model and text of a
/// standalone JSON definition, where a new state can be written as JSON; the fixes themselves
/// apply anywhere (their edits are already in the document).
pub(crate) fn code_actions(
    definition: Option<(&Model<'_>, &str)>,
    diagnostics: &[Diagnostic],
    range: TextRange,
    positions: Positions<'_>,
    uri: &Uri,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let references = definition.map(|(model, _)| all_references(model)).unwrap_or_default();
    for diagnostic in diagnostics
        .iter()
        .filter(|d| d.range.start <= range.end && range.start <= d.range.end)
    {
        let action = |title: String, edits: &[Edit], preferred: bool| {
            let edits = edits
                .iter()
                .map(|edit| TextEdit::new(positions.range(edit.range), edit.replacement.clone()))
                .collect();
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert::diagnostic(diagnostic, positions, uri)]),
                edit: Some(WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))),
                is_preferred: Some(preferred),
                ..CodeAction::default()
            })
        };
        if let Some(fix) = &diagnostic.fix {
            actions.push(action(
                fix.title.clone(),
                &fix.edits,
                fix.applicability == Applicability::Safe,
            ));
        }
        if let Some((model, text)) = definition
            && is_flow_rule(diagnostic)
            && let Some(reference) = dangling_reference(model, &references, diagnostic.range)
            && let Some(edit) = pass_stub(model, text, reference)
        {
            let title = format!("Create state {} as a Pass stub", json_string(reference.name));
            actions.push(action(title, &[edit], false));
        }
    }
    actions
}

fn is_flow_rule(diagnostic: &Diagnostic) -> bool {
    find_rule(diagnostic.code).is_some_and(|rule| rule.meta().category == Category::Flow)
}

/// The reference to a state that does not exist, reported at `range`.
fn dangling_reference<'a>(model: &Model<'a>, references: &[Reference<'a>], range: TextRange) -> Option<Reference<'a>> {
    references.iter().copied().find(|reference| {
        range.contains_range(reference.range) && model.find_state(reference.scope, reference.name).is_none()
    })
}

/// An edit adding `"Name": {"Type": "Pass", "End": true}` at the end of the scope's `States`.
fn pass_stub(model: &Model<'_>, text: &str, reference: Reference<'_>) -> Option<Edit> {
    if reference.name.is_empty() || model.states.iter().any(|state| state.name == reference.name) {
        return None;
    }
    let states = model.scope(reference.scope).states_field.as_ref()?;
    let members = states.value?;
    let (at, indent, separator) = match members.last() {
        Some(last) => (last.value.range.end, line_indent(text, last.key.range.start), ","),
        None => (
            states.value_range().start + 1,
            format!("{}  ", line_indent(text, states.key_range().start)),
            "",
        ),
    };
    let body = format!("{indent}  \"Type\": \"Pass\",\n{indent}  \"End\": true\n{indent}}}");
    let replacement = format!("{separator}\n{indent}{}: {{\n{body}", json_string(reference.name));
    Some(Edit {
        range: TextRange::empty(at),
        replacement,
    })
}

/// The whitespace before `offset` on its line, if only whitespace precedes it; else two spaces.
fn line_indent(text: &str, offset: u32) -> String {
    let before = text.get(..offset as usize).unwrap_or_default();
    let line = before.rsplit(['\n', '\r']).next().unwrap_or_default();
    if line.chars().all(|c| c == ' ' || c == '\t') {
        line.to_owned()
    } else {
        "  ".to_owned()
    }
}
