//! The asl-lint language server: live diagnostics, navigation, rename, completion, hover and
//! quick fixes over LSP, on `tower-lsp-server`.
//!
//! This is the only crate that knows LSP types. Everything it shows comes from
//! [`asl_linter::analyze`] and the model of `asl_semantic`; byte offsets are converted to LSP
//! positions (UTF-8 or UTF-16, as negotiated) only in `convert`.

mod actions;
mod completion;
mod convert;
mod cursor;
mod document;
mod hover;
mod loader;
mod navigation;
mod server;
mod transport;
mod views;
mod vocabulary;

use std::io::Write;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{ClientSocket, LspService, Server};

pub use server::{Backend, Options, SettingsFor};

/// The service and the socket through which it talks to the client, for driving the server
/// in-process.
pub fn service(options: Options) -> (LspService<Backend>, ClientSocket) {
    LspService::new(move |client| Backend::new(client, options))
}

/// Serves one client over a byte stream pair until it sends `exit` or closes its input.
/// Malformed messages are answered with JSON-RPC errors; they never end the session.
pub async fn serve(input: impl AsyncRead + Unpin, output: impl AsyncWrite + Unpin, options: Options) {
    let (service, socket) = service(options);
    let (to_server, server_input) = transport::pipe();
    let (server_output, from_server) = transport::pipe();
    let (errors, rejected) = tokio::sync::mpsc::unbounded_channel();
    let session = async {
        let server = async move { Server::new(server_input, server_output, socket).serve(service).await };
        tokio::join!(server, transport::write_client(from_server, output, rejected));
    };
    tokio::pin!(session);
    tokio::select! {
        _ = &mut session => return,
        () = transport::read_client(input, to_server, errors) => {}
    }
    // The client closed its input: the server sees the end of its own input and stops.
    session.await;
}

/// Runs the server on stdin/stdout (what `asl-lint lsp` does).
pub fn run_stdio(options: Options) -> std::io::Result<()> {
    install_panic_hook();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), options));
    // Analyses still running for a client that has gone are not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    Ok(())
}

/// Logs panics to stderr without `eprintln!` (which panics itself when stderr is closed);
/// stdout carries the protocol and must not be written to.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(std::io::stderr(), "asl-lint lsp: {info}");
    }));
}
