//! Hover: a diagnostic's rule, a referenced state's type and comment, a field's documentation.

use asl_diagnostics::Diagnostic;
use asl_linter::find_rule;
use asl_semantic::model::Model;
use asl_syntax::TextRange;

use crate::convert::json_string;
use crate::cursor::{At, locate, object_kind};
use crate::navigation::name_at;
use crate::vocabulary::object_type;

/// The hover text (Markdown) and the range it applies to.
pub(crate) fn hover(
    model: &Model<'_>,
    text: &str,
    diagnostics: &[Diagnostic],
    offset: u32,
) -> Option<(String, TextRange)> {
    let mut sections = Vec::new();
    let mut range = None;
    for diagnostic in diagnostics
        .iter()
        .filter(|d| d.range.start <= offset && offset <= d.range.end)
    {
        let summary = find_rule(diagnostic.code)
            .map(|rule| first_paragraph(rule.meta().docs))
            .unwrap_or_default();
        sections.push(format!("**{}** `{}`: {summary}", diagnostic.code, diagnostic.name));
        range.get_or_insert(diagnostic.range);
    }
    if let Some(at) = name_at(model, text, offset) {
        range = Some(at.token);
        sections.push(match at.state.map(|id| model.state(id)) {
            Some(state) => {
                let type_name = state.kind.type_name().unwrap_or("state of unknown type");
                let mut section = format!("**{}**: {type_name}", json_string(state.name));
                if let Some(comment) = state.comment.as_ref().and_then(|field| field.value) {
                    section.push_str("\n\n");
                    section.push_str(comment);
                }
                section
            }
            None => format!("**{}**: no state of this name in this machine", json_string(at.name)),
        });
    } else {
        let cursor = locate(text, model.root, offset);
        if let At::Key(member) = cursor.at {
            let kind = object_kind(model, &cursor, cursor.containers.len().saturating_sub(1));
            if let Some(field) = object_type(model, kind).and_then(|(object, _)| object.field(&member.key.text)) {
                range = Some(member.key.range);
                sections.push(format!("**{}**\n\n{}", member.key.text, field.doc));
            }
        }
    }
    Some((sections.join("\n\n---\n\n"), range?)).filter(|(text, _)| !text.is_empty())
}

/// The first paragraph of a rule's docs (its summary may wrap over several lines).
fn first_paragraph(docs: &str) -> String {
    let lines = docs
        .lines()
        .map(str::trim)
        .skip_while(|line| line.is_empty() || line.starts_with('#'));
    lines.take_while(|line| !line.is_empty()).collect::<Vec<_>>().join(" ")
}
