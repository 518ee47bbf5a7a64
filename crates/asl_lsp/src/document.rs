//! Open documents: text, client version, and the latest analysis.

use std::path::PathBuf;
use std::sync::Arc;

use asl_hosts::{Loader, extract, extract_parsed, format_of};
use asl_linter::{FileAnalysis, Settings, analyze_host};
use asl_syntax::{LineIndex, Parse, PositionEncoding, SourceFormat, TextRange, reparse_in_string};
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use crate::convert::Positions;
use crate::server::drop_in_background;

/// One open document. `revision` counts every change the server applied, so a result computed
/// for an older revision is recognised as stale even when a client reuses version numbers.
pub(crate) struct Document {
    /// The file the document is (from its URI): its name and place decide what it holds.
    pub(crate) path: Arc<PathBuf>,
    pub(crate) text: Arc<String>,
    pub(crate) version: i32,
    pub(crate) revision: u64,
    line_index: Arc<LineIndex>,
    /// The analysis of the current revision, once computed.
    analyzed: Option<Arc<Snapshot>>,
    /// The one edit that made the current revision from an analysed JSON one, until the
    /// current revision is analysed.
    edit: Option<Edit>,
}

/// An edit of a JSON document whose text before the edit was parsed: the edit may fall inside
/// one string, and then only that string is read again.
#[derive(Clone)]
struct Edit {
    /// The parse of the text before the edit.
    parse: Arc<Parse>,
    /// The bytes of that text the edit replaced.
    deleted: TextRange,
    inserted: String,
}

/// An analysed, immutable document version: what every request works on.
pub(crate) struct Snapshot {
    pub(crate) text: Arc<String>,
    pub(crate) line_index: Arc<LineIndex>,
    pub(crate) version: i32,
    pub(crate) revision: u64,
    /// Empty, with no state machine, for a document that holds none: it gets no findings.
    pub(crate) analysis: FileAnalysis,
}

/// What is needed to analyse a revision off the lock.
pub(crate) struct Pending {
    path: Arc<PathBuf>,
    text: Arc<String>,
    line_index: Arc<LineIndex>,
    version: i32,
    revision: u64,
    edit: Option<Edit>,
}

impl Document {
    pub(crate) fn new(path: PathBuf, text: String, version: i32, revision: u64) -> Self {
        let line_index = Arc::new(LineIndex::new(&text));
        Document {
            path: Arc::new(path),
            text: Arc::new(text),
            version,
            revision,
            line_index,
            analyzed: None,
            edit: None,
        }
    }

    /// Applies the changes of one `didChange` in order. A change with a range replaces that
    /// range (positions are clamped to the text); one without replaces the whole text. The
    /// line index follows each edit, reading only the lines around it. One edit of analysed
    /// JSON is remembered, so that an edit inside a string reads only that string again.
    /// Returns the analysis of the replaced text, for the caller to drop where the time that
    /// takes is not waited for.
    pub(crate) fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        revision: u64,
        encoding: PositionEncoding,
    ) -> Option<Arc<Snapshot>> {
        // The parse of the text being changed, when it is analysed JSON and the change is one edit.
        let edited_parse = self
            .analyzed
            .as_ref()
            .filter(|snapshot| snapshot.revision == self.revision && snapshot.analysis.format == SourceFormat::Json)
            .filter(|_| changes.len() == 1)
            .map(|snapshot| Arc::clone(&snapshot.analysis.parse));
        drop_in_background(self.edit.take());
        // The text after the changes so far, once one has applied, and its line index.
        let mut changed: Option<String> = None;
        let mut line_index = Arc::clone(&self.line_index);
        for change in changes {
            let Some(range) = change.range else {
                line_index = Arc::new(LineIndex::new(&change.text));
                changed = Some(change.text);
                continue;
            };
            let range = Positions::new(&line_index, encoding).text_range(range);
            if let Some(parse) = &edited_parse {
                self.edit = Some(Edit {
                    parse: Arc::clone(parse),
                    deleted: range,
                    inserted: change.text.clone(),
                });
            }
            let text = match changed.take() {
                Some(mut text) => {
                    text.replace_range(range.as_usize(), &change.text);
                    text
                }
                None => {
                    let old = self.text.as_str();
                    let mut text = String::with_capacity(old.len() - range.len() as usize + change.text.len());
                    text.push_str(&old[..range.start as usize]);
                    text.push_str(&change.text);
                    text.push_str(&old[range.end as usize..]);
                    text
                }
            };
            line_index = Arc::new(line_index.edited(&text, range, change.text.len() as u32));
            changed = Some(text);
        }
        if let Some(text) = changed {
            self.line_index = line_index;
            self.text = Arc::new(text);
        }
        self.version = version;
        self.revision = revision;
        self.analyzed.take()
    }

    /// The analysis of the current revision if it is already known, else what to compute.
    pub(crate) fn snapshot_or_pending(&self) -> Result<Arc<Snapshot>, Pending> {
        match &self.analyzed {
            Some(snapshot) if snapshot.revision == self.revision => Ok(Arc::clone(snapshot)),
            _ => Err(Pending {
                path: Arc::clone(&self.path),
                text: Arc::clone(&self.text),
                line_index: Arc::clone(&self.line_index),
                version: self.version,
                revision: self.revision,
                edit: self.edit.clone(),
            }),
        }
    }

    /// Keeps a finished analysis if the document has not moved on; returns whether it is current.
    pub(crate) fn store(&mut self, snapshot: &Arc<Snapshot>) -> bool {
        let current = snapshot.revision == self.revision;
        if current {
            self.analyzed = Some(Arc::clone(snapshot));
            // The tree before the edit, freed after the analysis that no longer needs it.
            drop_in_background(self.edit.take());
        }
        current
    }
}

impl Pending {
    /// Runs the analysis (CPU-bound: call it off the async runtime). Files the document names
    /// (`DefinitionUri`, `${file(…)}`) are read through `loader`.
    pub(crate) fn analyze(self, settings: &Settings, loader: &dyn Loader) -> Snapshot {
        let reparsed = self
            .edit
            .filter(|_| format_of(&self.path, &self.text) == SourceFormat::Json)
            .and_then(|edit| reparse_in_string(&edit.parse, edit.deleted, &edit.inserted));
        let host = match reparsed {
            Some(parse) => extract_parsed(&self.path, &self.text, SourceFormat::Json, parse, loader),
            None => extract(&self.path, &self.text, loader),
        };
        let analysis = analyze_host(&self.path, host, &self.text, settings);
        Snapshot {
            text: self.text,
            line_index: self.line_index,
            version: self.version,
            revision: self.revision,
            analysis,
        }
    }
}

impl Snapshot {
    pub(crate) fn positions(&self, encoding: PositionEncoding) -> Positions<'_> {
        Positions::new(&self.line_index, encoding)
    }
}
