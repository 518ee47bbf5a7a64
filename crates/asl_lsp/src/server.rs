//! The `LanguageServer` implementation: document sync, publishing, and request dispatch.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use asl_linter::Settings;
use asl_semantic::model::Model;
use asl_syntax::{PositionEncoding, TextRange};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::convert::{self, Positions};
use crate::document::{Document, Snapshot};
use crate::loader::DocumentLoader;
use crate::views::{View, view_at, views};
use crate::{actions, completion, hover, navigation};

/// Chooses the settings of a document from its file path (`None` for a document that is not a
/// file). The command line builds it from `asl-lint.toml` and its overrides.
pub type SettingsFor = Arc<dyn Fn(Option<&Path>) -> Settings + Send + Sync>;

/// How the server behaves; the defaults suit editors.
#[derive(Clone)]
pub struct Options {
    /// How long to wait after a change before analysing, so that a burst of keystrokes costs
    /// one analysis.
    pub debounce: Duration,
    pub settings: SettingsFor,
    /// A problem with the configuration, shown to the user (`window/showMessage`) once the
    /// session starts; the server runs with `settings` all the same.
    pub configuration_error: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            debounce: Duration::from_millis(100),
            settings: Arc::new(|_| Settings::default()),
            configuration_error: None,
        }
    }
}

/// The language server.
pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

struct Shared {
    documents: Mutex<HashMap<Uri, Document>>,
    /// The directory the server was started in: files a template names are read inside it.
    root: PathBuf,
    encoding: Mutex<PositionEncoding>,
    revisions: AtomicU64,
    options: Options,
}

impl Shared {
    fn documents(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        // A panic elsewhere never leaves a document half-changed (changes are applied to a copy).
        self.documents.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn encoding(&self) -> PositionEncoding {
        *self.encoding.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn next_revision(&self) -> u64 {
        self.revisions.fetch_add(1, Ordering::Relaxed) + 1
    }
}

impl Backend {
    pub fn new(client: Client, options: Options) -> Self {
        let shared = Shared {
            documents: Mutex::new(HashMap::new()),
            root: std::env::current_dir().unwrap_or_default(),
            encoding: Mutex::new(PositionEncoding::Utf16),
            revisions: AtomicU64::new(0),
            options,
        };
        Backend {
            client,
            shared: Arc::new(shared),
        }
    }

    /// Analyses the document after `delay` and publishes the result, unless the document has
    /// changed by then (a later change schedules its own analysis).
    fn schedule(&self, uri: Uri, revision: u64, delay: Duration) {
        let shared = Arc::clone(&self.shared);
        let client = self.client.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let pending = {
                let documents = shared.documents();
                match documents.get(&uri) {
                    Some(document) if document.revision == revision => document.snapshot_or_pending(),
                    _ => return,
                }
            };
            let snapshot = match pending {
                Ok(snapshot) => snapshot,
                Err(pending) => match analyze(&shared, &client, pending, &uri).await {
                    Some(snapshot) => snapshot,
                    None => return,
                },
            };
            let is_current = shared
                .documents()
                .get_mut(&uri)
                .is_some_and(|document| document.store(&snapshot));
            if !is_current {
                return;
            }
            let positions = snapshot.positions(shared.encoding());
            let diagnostics = snapshot.analysis.diagnostics.iter();
            let diagnostics = diagnostics.map(|d| convert::diagnostic(d, positions, &uri)).collect();
            client
                .publish_diagnostics(uri, diagnostics, Some(snapshot.version))
                .await;
        });
    }

    /// The analysed current version of a document (analysing it now if needed).
    async fn snapshot(&self, uri: &Uri) -> Result<Option<Arc<Snapshot>>> {
        let pending = match self.shared.documents().get(uri).map(Document::snapshot_or_pending) {
            None => return Ok(None),
            Some(Ok(snapshot)) => return Ok(Some(snapshot)),
            Some(Err(pending)) => pending,
        };
        let snapshot = analyze(&self.shared, &self.client, pending, uri)
            .await
            .ok_or_else(Error::internal_error)?;
        if let Some(document) = self.shared.documents().get_mut(uri) {
            document.store(&snapshot);
        }
        Ok(Some(snapshot))
    }

    /// Runs a request on the document's current analysis. A panic becomes an internal-error
    /// response and a log message; the server keeps running.
    async fn on_document<T>(
        &self,
        method: &str,
        uri: &Uri,
        handler: impl FnOnce(&Snapshot, PositionEncoding) -> Result<Option<T>>,
    ) -> Result<Option<T>> {
        let Some(snapshot) = self.snapshot(uri).await? else {
            return Ok(None);
        };
        let encoding = self.shared.encoding();
        let outcome = catch_unwind(AssertUnwindSafe(|| handler(&snapshot, encoding)));
        match outcome {
            Ok(result) => result,
            Err(panic) => {
                let message = format!("asl-lint: {method} failed: {}", panic_message(&*panic));
                self.client.log_message(MessageType::ERROR, &message).await;
                Err(Error {
                    message: message.into(),
                    ..Error::internal_error()
                })
            }
        }
    }

    /// Runs a request at a position on the definition written there (the document's, or one
    /// of a template's); nothing when the position is in no definition. The handler gets the
    /// cursor's offset in the definition and positions that map its ranges into the document.
    async fn on_definition<T>(
        &self,
        method: &str,
        uri: &Uri,
        position: Position,
        handler: impl FnOnce(&Snapshot, &View<'_>, &Model<'_>, u32, Positions<'_>) -> Result<Option<T>>,
    ) -> Result<Option<T>> {
        self.on_document(method, uri, |snapshot, encoding| {
            let offset = snapshot.positions(encoding).offset(position);
            let Some(view) = view_at(snapshot, offset) else {
                return Ok(None);
            };
            let positions = view.positions(snapshot, encoding);
            handler(snapshot, &view, view.model, positions.offset(position), positions)
        })
        .await
    }

    fn open(&self, uri: Uri, text: String, version: i32) {
        let revision = self.shared.next_revision();
        let path = uri
            .to_file_path()
            .map_or_else(|| PathBuf::from(uri.path().as_str()), |p| p.into_owned());
        let replaced = self
            .shared
            .documents()
            .insert(uri.clone(), Document::new(path, text, version, revision));
        drop_in_background(replaced);
        self.schedule(uri, revision, Duration::ZERO);
    }
}

/// Drops a replaced document or analysis on a blocking thread: freeing the tree and model of a
/// large document takes milliseconds, which the change that replaced it need not wait for.
pub(crate) fn drop_in_background<T: Send + 'static>(value: Option<T>) {
    if let Some(value) = value {
        tokio::task::spawn_blocking(move || drop(value));
    }
}

/// Analyses off the async runtime, with the document's settings; a panic is logged and gives
/// `None`.
async fn analyze(
    shared: &Arc<Shared>,
    client: &Client,
    pending: crate::document::Pending,
    uri: &Uri,
) -> Option<Arc<Snapshot>> {
    let path = (uri.scheme().as_str() == "file").then(|| uri.to_file_path()).flatten();
    let settings = (shared.options.settings)(path.as_deref());
    let loader = DocumentLoader::new(&shared.root, &shared.documents());
    let analysed = tokio::task::spawn_blocking(move || {
        catch_unwind(AssertUnwindSafe(|| pending.analyze(&settings, &loader))).map_err(|panic| panic_message(&*panic))
    })
    .await;
    match analysed {
        Ok(Ok(snapshot)) => Some(Arc::new(snapshot)),
        Ok(Err(message)) => {
            client
                .log_message(MessageType::ERROR, format!("asl-lint: analysis failed: {message}"))
                .await;
            None
        }
        Err(error) => {
            client
                .log_message(MessageType::ERROR, format!("asl-lint: analysis task failed: {error}"))
                .await;
            None
        }
    }
}

pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = convert::negotiate_encoding(&params.capabilities);
        *self.shared.encoding.lock().unwrap_or_else(PoisonError::into_inner) = encoding;
        let capabilities = ServerCapabilities {
            position_encoding: Some(convert::encoding_kind(encoding)),
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            })),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            document_highlight_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Right(RenameOptions {
                prepare_provider: Some(true),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(["\"", ".", "$"].map(str::to_owned).to_vec()),
                ..CompletionOptions::default()
            }),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            ..ServerCapabilities::default()
        };
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "asl-lint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if let Some(message) = &self.shared.options.configuration_error {
            self.client.show_message(MessageType::ERROR, message).await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        self.open(document.uri, document.text, document.version);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        // Applied before the first `.await`, so changes are never reordered.
        let revision = self.shared.next_revision();
        let encoding = self.shared.encoding();
        let applied = {
            let mut documents = self.shared.documents();
            match documents.get_mut(&uri) {
                Some(document) => {
                    let changes = params.content_changes;
                    let version = params.text_document.version;
                    catch_unwind(AssertUnwindSafe(|| {
                        document.apply_changes(changes, version, revision, encoding)
                    }))
                    .map_err(|panic| panic_message(&*panic))
                }
                None => Err("the document is not open".to_owned()),
            }
        };
        match applied {
            Ok(replaced) => {
                drop_in_background(replaced);
                self.schedule(uri, revision, self.shared.options.debounce);
            }
            Err(message) => {
                let message = format!("asl-lint: change to {} ignored: {message}", uri.as_str());
                self.client.log_message(MessageType::WARNING, message).await;
            }
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = self.shared.documents().get(&uri).map(|document| document.version);
        match (params.text, version) {
            (Some(text), Some(version)) => self.open(uri, text, version),
            (None, Some(_)) => {
                let revision = self.shared.documents().get(&uri).map(|document| document.revision);
                if let Some(revision) = revision {
                    self.schedule(uri, revision, Duration::ZERO);
                }
            }
            _ => {}
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = self.shared.documents().remove(&uri);
        drop_in_background(closed);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        self.on_definition("definition", &uri, at.position, |_, view, model, offset, positions| {
            let location = navigation::definition(model, view.text, offset, positions, &uri);
            Ok(location.map(GotoDefinitionResponse::Scalar))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let include_declaration = params.context.include_declaration;
        self.on_definition("references", &uri, at.position, |_, view, model, offset, positions| {
            Ok(navigation::references(
                model,
                view.text,
                offset,
                include_declaration,
                positions,
                &uri,
            ))
        })
        .await
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        self.on_definition(
            "documentHighlight",
            &at.text_document.uri,
            at.position,
            |_, view, model, offset, positions| Ok(navigation::highlight(model, view.text, offset, positions)),
        )
        .await
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        self.on_definition(
            "prepareRename",
            &params.text_document.uri,
            params.position,
            |_, view, model, offset, positions| Ok(navigation::prepare_rename(model, view.text, offset, positions)),
        )
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        self.on_definition("rename", &uri, at.position, |_, view, model, offset, positions| {
            navigation::rename(model, view.text, offset, &params.new_name, positions, &uri)
                .map_err(Error::invalid_params)
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        self.on_document("documentSymbol", &params.text_document.uri, |snapshot, encoding| {
            let mut symbols = Vec::new();
            for view in views(snapshot) {
                let states = navigation::document_symbols(view.model, view.positions(snapshot, encoding));
                match view.name {
                    // In a template, each state machine holds its states.
                    Some((name, name_range)) => {
                        let covered = view.document_range();
                        let range =
                            TextRange::new(name_range.start.min(covered.start), name_range.end.max(covered.end));
                        symbols.push(navigation::machine_symbol(
                            name,
                            range,
                            name_range,
                            snapshot.positions(encoding),
                            states,
                        ));
                    }
                    None => symbols.extend(states),
                }
            }
            Ok(Some(DocumentSymbolResponse::Nested(symbols)))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        self.on_definition(
            "completion",
            &at.text_document.uri,
            at.position,
            |_, view, model, offset, positions| {
                // Completions are written as JSON: only a JSON definition file takes them.
                if !view.json_file {
                    return Ok(None);
                }
                let items = completion::complete(model, view.text, offset, positions);
                Ok(Some(CompletionResponse::Array(items)))
            },
        )
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        self.on_definition(
            "hover",
            &at.text_document.uri,
            at.position,
            |snapshot, view, model, offset, positions| {
                // The findings are in the document's offsets, like the cursor, unless the
                // definition is text built from it.
                let diagnostics = match view.map {
                    None => snapshot.analysis.diagnostics.as_slice(),
                    Some(_) => &[],
                };
                let found = hover::hover(model, view.text, diagnostics, offset);
                Ok(found.map(|(value, range)| Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    }),
                    range: Some(positions.range(range)),
                }))
            },
        )
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        self.on_document("codeAction", &uri, |snapshot, encoding| {
            let positions = snapshot.positions(encoding);
            let range = positions.text_range(params.range);
            let diagnostics = &snapshot.analysis.diagnostics;
            // A new state is written as JSON: only in a JSON definition file.
            let json_file = views(snapshot).into_iter().find(|view| view.json_file);
            let definition = json_file.map(|view| (view.model, view.text));
            Ok(Some(actions::code_actions(
                definition,
                diagnostics,
                range,
                positions,
                &uri,
            )))
        })
        .await
    }
}
