//! The state machines of a document as requests see them: a standalone definition, or each
//! definition of a template (a subtree of the document, or a definition text mapped into it).

use asl_hosts::{FileKind, OffsetMap};
use asl_linter::AnalysedBody;
use asl_semantic::model::Model;
use asl_syntax::{PositionEncoding, SourceFormat, TextRange};

use crate::convert::Positions;
use crate::document::Snapshot;

/// One definition of a document, with the model its analysis built.
pub(crate) struct View<'a> {
    pub(crate) model: &'a Model<'a>,
    /// The text the model's ranges point into: the document, or a definition text.
    pub(crate) text: &'a str,
    /// For a definition text: its map into the document.
    pub(crate) map: Option<&'a OffsetMap>,
    /// The state machine's name in a template, and where it is written.
    pub(crate) name: Option<(&'a str, TextRange)>,
    /// A standalone JSON definition: edits written as JSON (completion, new states) fit it.
    pub(crate) json_file: bool,
}

impl<'a> View<'a> {
    /// Positions for requests on this definition.
    pub(crate) fn positions(&self, snapshot: &'a Snapshot, encoding: PositionEncoding) -> Positions<'a> {
        let mut positions = snapshot.positions(encoding);
        positions.definition = self.map.map(|map| (map, self.text));
        positions
    }

    /// The document range the definition covers.
    pub(crate) fn document_range(&self) -> TextRange {
        match self.map {
            Some(map) => map.range(TextRange::new(0, map.text_len())).range,
            None => self.model.root.range,
        }
    }

    /// Whether the document offset `offset` lies in this definition.
    fn contains(&self, offset: u32) -> bool {
        match self.map {
            Some(map) => map.definition_offset(offset).is_some(),
            None => self.model.root.range.contains_range(TextRange::empty(offset)),
        }
    }
}

/// Every definition written in the document (not those of files it names).
pub(crate) fn views(snapshot: &Snapshot) -> Vec<View<'_>> {
    let analysis = &snapshot.analysis;
    let json_file = analysis.kind == FileKind::Definition && analysis.format == SourceFormat::Json;
    analysis
        .machines
        .iter()
        .filter(|machine| machine.file.is_none())
        .filter_map(|machine| {
            let name = machine
                .facts
                .name
                .as_deref()
                .map(|name| (name, machine.facts.name_range));
            let (checked, text, map) = match &machine.body {
                AnalysedBody::Whole(checked) | AnalysedBody::Tree(checked) => (checked, snapshot.text.as_str(), None),
                AnalysedBody::Text { text, checked, map } => (checked, text.as_str(), Some(map)),
                AnalysedBody::Missing => return None,
            };
            Some(View {
                model: checked.model(),
                text,
                map,
                name,
                json_file,
            })
        })
        .collect()
}

/// The definition at a document offset.
pub(crate) fn view_at(snapshot: &Snapshot, offset: u32) -> Option<View<'_>> {
    views(snapshot).into_iter().find(|view| view.contains(offset))
}
