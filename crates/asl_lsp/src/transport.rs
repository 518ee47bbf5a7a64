//! Message framing in front of `tower-lsp-server`, whose reader stops for good at the first
//! malformed message (a body that is not JSON, or not a JSON-RPC message). Here each framed
//! message is checked first: a good one is passed on, a bad one is answered with a JSON-RPC
//! error and the session goes on.

use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;

const PIPE_SIZE: usize = 1 << 16;

/// Splits a byte stream into `Content-Length` framed bodies.
#[derive(Default)]
struct Frames {
    buffer: Vec<u8>,
}

enum Frame {
    Body(Vec<u8>),
    /// A header without a usable `Content-Length`.
    BadHeader,
}

impl Frames {
    fn next(&mut self) -> Option<Frame> {
        let header_end = self.buffer.windows(4).position(|w| w == b"\r\n\r\n")?;
        let header = String::from_utf8_lossy(&self.buffer[..header_end]);
        let length = header.lines().find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        });
        let body_start = header_end + 4;
        let Some(length) = length else {
            self.buffer.drain(..body_start);
            return Some(Frame::BadHeader);
        };
        if self.buffer.len() < body_start + length {
            return None;
        }
        let body = self.buffer[body_start..body_start + length].to_vec();
        self.buffer.drain(..body_start + length);
        Some(Frame::Body(body))
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    framed
}

/// The error response for a malformed message, or `None` if the message is well-formed.
fn check(body: &[u8]) -> Option<Value> {
    let error = |code: i64, message: &str, id: Value| json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    let Ok(message) = serde_json::from_slice::<Value>(body) else {
        return Some(error(-32700, "Parse error: the message is not JSON", Value::Null));
    };
    let id = message.get("id").cloned().unwrap_or(Value::Null);
    let valid_id = matches!(&id, Value::Null | Value::String(_)) || id.as_i64().is_some();
    let is_request = message.get("method").is_some_and(Value::is_string);
    let is_response = message.get("result").is_some() != message.get("error").is_some();
    if message.get("jsonrpc") == Some(&json!("2.0")) && valid_id && (is_request || is_response) {
        return None;
    }
    let id = if valid_id { id } else { Value::Null };
    Some(error(-32600, "Invalid Request: not a JSON-RPC 2.0 message", id))
}

/// Reads the client's messages and passes the well-formed ones to the server.
pub(crate) async fn read_client(
    mut input: impl AsyncRead + Unpin,
    mut server: DuplexStream,
    errors: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut frames = Frames::default();
    let mut chunk = vec![0; PIPE_SIZE];
    loop {
        while let Some(next) = frames.next() {
            let rejected = match next {
                Frame::Body(body) => match check(&body) {
                    None => {
                        if server.write_all(&frame(&body)).await.is_err() {
                            return;
                        }
                        continue;
                    }
                    Some(error) => error,
                },
                Frame::BadHeader => json!({
                    "jsonrpc": "2.0", "id": null,
                    "error": {"code": -32700, "message": "Parse error: missing or invalid Content-Length header"}
                }),
            };
            let _ = errors.send(frame(rejected.to_string().as_bytes()));
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => frames.buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// Copies the server's messages to the client, with the error responses for rejected
/// messages placed between whole messages. Ends when the server closes its output.
pub(crate) async fn write_client(
    mut server: DuplexStream,
    mut output: impl AsyncWrite + Unpin,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    let mut frames = Frames::default();
    let mut chunk = vec![0; PIPE_SIZE];
    let mut errors_open = true;
    loop {
        tokio::select! {
            read = server.read(&mut chunk) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    frames.buffer.extend_from_slice(&chunk[..n]);
                    while let Some(Frame::Body(body)) = frames.next() {
                        if output.write_all(&frame(&body)).await.is_err() {
                            return;
                        }
                    }
                }
            },
            error = errors.recv(), if errors_open => match error {
                Some(error) => {
                    if output.write_all(&error).await.is_err() {
                        return;
                    }
                }
                None => errors_open = false,
            },
        }
        if output.flush().await.is_err() {
            return;
        }
    }
    let _ = output.flush().await;
}

pub(crate) fn pipe() -> (DuplexStream, DuplexStream) {
    tokio::io::duplex(PIPE_SIZE)
}
