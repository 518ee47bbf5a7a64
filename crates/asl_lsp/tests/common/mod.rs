//! A scripted LSP client: drives the server in-process over an in-memory byte stream with
//! real `Content-Length` framing, so the whole stack (codec, router, handlers) is exercised.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::VecDeque;
use std::time::Duration;

use asl_lsp::Options;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, ReadHalf, WriteHalf};
use tokio::sync::mpsc;

pub const URI: &str = "file:///work/machine.asl.json";
const WAIT: Duration = Duration::from_secs(30);

pub struct Session {
    writer: WriteHalf<DuplexStream>,
    incoming: mpsc::UnboundedReceiver<Value>,
    /// Notifications received while waiting for something else.
    pub backlog: VecDeque<Value>,
    next_id: i64,
    pub server: tokio::task::JoinHandle<()>,
}

impl Session {
    pub fn start(options: Options) -> Session {
        let (client, server) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server);
        let server = tokio::spawn(asl_lsp::serve(server_read, server_write, options));
        let (client_read, writer) = tokio::io::split(client);
        let (sender, incoming) = mpsc::unbounded_channel();
        tokio::spawn(read_messages(client_read, sender));
        Session {
            writer,
            incoming,
            backlog: VecDeque::new(),
            next_id: 0,
            server,
        }
    }

    /// Starts a server without debounce delay, initialised with these position encodings.
    pub async fn initialized(encodings: &[&str]) -> (Session, Value) {
        let mut session = Session::start(Options {
            debounce: Duration::ZERO,
            ..Options::default()
        });
        let result = session
            .request(
                "initialize",
                json!({"capabilities": {"general": {"positionEncodings": encodings}}}),
            )
            .await;
        session.notify("initialized", json!({})).await;
        (session, result)
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).await.unwrap();
    }

    pub async fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.send_raw(framed.as_bytes()).await;
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request without waiting; returns its id.
    pub async fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        id
    }

    /// The whole response (`result` or `error`) to a new request.
    pub async fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params).await;
        self.response(id).await
    }

    /// The `result` of a new request; panics on an error response.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params).await;
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    pub async fn response(&mut self, id: i64) -> Value {
        loop {
            let message = self.next_message().await;
            if message.get("method").is_none() && message["id"] == json!(id) {
                return message;
            }
            self.backlog.push_back(message);
        }
    }

    pub async fn next_message(&mut self) -> Value {
        tokio::time::timeout(WAIT, self.incoming.recv())
            .await
            .expect("server answered in time")
            .expect("server open")
    }

    /// The next `publishDiagnostics` params for `uri` (from the backlog first).
    pub async fn diagnostics(&mut self, uri: &str) -> Value {
        let is_wanted =
            |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri);
        if let Some(index) = self.backlog.iter().position(is_wanted) {
            return self.backlog.remove(index).unwrap()["params"].clone();
        }
        loop {
            let message = self.next_message().await;
            if is_wanted(&message) {
                return message["params"].clone();
            }
            self.backlog.push_back(message);
        }
    }

    pub async fn open(&mut self, uri: &str, text: &str) -> Value {
        let document = json!({"uri": uri, "languageId": "json", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({ "textDocument": document }))
            .await;
        self.diagnostics(uri).await
    }

    pub async fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null).await;
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(WAIT, self.server)
            .await
            .expect("server exits")
            .unwrap();
    }
}

async fn read_messages(mut reader: ReadHalf<DuplexStream>, sender: mpsc::UnboundedSender<Value>) {
    let mut buffer = Vec::new();
    let mut chunk = vec![0; 1 << 16];
    loop {
        while let Some(header_end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let header = String::from_utf8_lossy(&buffer[..header_end]).to_string();
            let length: usize = header
                .lines()
                .find_map(|line| line.strip_prefix("Content-Length: "))
                .and_then(|n| n.trim().parse().ok())
                .expect("Content-Length header");
            let body_start = header_end + 4;
            if buffer.len() < body_start + length {
                break;
            }
            let message = serde_json::from_slice(&buffer[body_start..body_start + length]).expect("JSON body");
            buffer.drain(..body_start + length);
            if sender.send(message).is_err() {
                return;
            }
        }
        match reader.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// A text document position.
pub fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

/// The (line, character) of the first occurrence of `needle` in `text`, plus `shift`
/// characters, counted in UTF-16 or UTF-8 code units.
pub fn position_of(text: &str, needle: &str, shift: usize, utf8: bool) -> (u32, u32) {
    let found = text.find(needle).expect("needle in text");
    let offset = found + text[found..].chars().take(shift).map(char::len_utf8).sum::<usize>();
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + before.matches('\r').count() - before.matches("\r\n").count();
    let column = &before[line_start..];
    let character = if utf8 {
        column.len()
    } else {
        column.encode_utf16().count()
    };
    (line as u32, character as u32)
}
