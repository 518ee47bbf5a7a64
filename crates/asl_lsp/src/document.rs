//! Open documents: text, client version, and the latest analysis.

use std::path::PathBuf;
use std::sync::Arc;

use asl_hosts::{Loader, extract};
use asl_linter::{FileAnalysis, Settings, analyze_host};
use asl_syntax::{LineIndex, PositionEncoding};
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use crate::convert::Positions;

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
        }
    }

    /// Applies the changes of one `didChange` in order. A change with a range replaces that
    /// range (positions are clamped to the text); one without replaces the whole text. The
    /// new text is written once (not copied, then edited); the line index is built once for
    /// it. Returns the analysis of the replaced text, for the caller to drop where the time
    /// that takes is not waited for.
    pub(crate) fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        revision: u64,
        encoding: PositionEncoding,
    ) -> Option<Arc<Snapshot>> {
        // The text after the changes so far, once one has applied.
        let mut changed: Option<String> = None;
        let mut line_index = Arc::clone(&self.line_index);
        for change in changes {
            let Some(range) = change.range else {
                changed = Some(change.text);
                continue;
            };
            if let Some(text) = &changed {
                line_index = Arc::new(LineIndex::new(text));
            }
            let range = Positions::new(&line_index, encoding).text_range(range).as_usize();
            match &mut changed {
                Some(text) => text.replace_range(range, &change.text),
                None => {
                    let old = self.text.as_str();
                    let mut text = String::with_capacity(old.len() - range.len() + change.text.len());
                    text.push_str(&old[..range.start]);
                    text.push_str(&change.text);
                    text.push_str(&old[range.end..]);
                    changed = Some(text);
                }
            }
        }
        if let Some(text) = changed {
            self.line_index = Arc::new(LineIndex::new(&text));
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
            }),
        }
    }

    /// Keeps a finished analysis if the document has not moved on; returns whether it is current.
    pub(crate) fn store(&mut self, snapshot: &Arc<Snapshot>) -> bool {
        let current = snapshot.revision == self.revision;
        if current {
            self.analyzed = Some(Arc::clone(snapshot));
        }
        current
    }
}

impl Pending {
    /// Runs the analysis (CPU-bound: call it off the async runtime). Files the document names
    /// (`DefinitionUri`, `${file(…)}`) are read through `loader`.
    pub(crate) fn analyze(self, settings: &Settings, loader: &dyn Loader) -> Snapshot {
        let host = extract(&self.path, &self.text, loader);
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
