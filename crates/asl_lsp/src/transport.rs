//! Message framing in front of `tower-lsp-server`, whose reader stops for good at the first
//! malformed message (a body that is not JSON, or not a JSON-RPC message). Here each framed
//! message is checked first: a good one is passed on, a bad one is answered with a JSON-RPC
//! error and the session goes on. A wrong `Content-Length` (too small, too large, missing,
//! duplicated, not a number) or a header with bare `\n` line ends is answered the same way, and
//! the reader re-synchronises on the next `Content-Length` line.

use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;

const PIPE_SIZE: usize = 1 << 16;

/// The largest message accepted from the client: the size limit of the documents asl-lint
/// checks.
const MAX_MESSAGE_BYTES: usize = asl_linter::MAX_INPUT_BYTES as usize;

/// A header (all its lines) longer than this is not a header.
const MAX_HEADER_BYTES: usize = 4096;

/// The longest `Content-Length` line looked for when re-synchronising.
const MAX_LENGTH_LINE: usize = 64;

/// Splits a byte stream into `Content-Length` framed bodies. After a framing error it skips
/// to the next `Content-Length: N\r\n` line, which cannot occur inside a JSON body (JSON
/// strings hold no raw line breaks), so it re-synchronises on the next message.
struct Frames {
    buffer: Vec<u8>,
    /// The largest body accepted.
    max_length: usize,
    /// Skipping bytes up to the next `Content-Length` line.
    resyncing: bool,
    /// How far a body still arriving has been searched for a `Content-Length` line, so that
    /// each byte is searched about once.
    searched: usize,
}

enum Frame {
    Body(Vec<u8>),
    /// Bytes that do not form a message, and why; the bytes up to the next message are skipped.
    Malformed(&'static str),
}

/// How a buffer starts.
enum Header {
    /// Not all of the header has arrived yet.
    Incomplete,
    /// A header declaring `length` bytes of body, which starts at `body_start`.
    Complete { length: usize, body_start: usize },
    /// Not a usable header: why, and where to start looking for the next message.
    Malformed { reason: &'static str, resume: usize },
}

impl Frames {
    fn new(max_length: usize) -> Self {
        Self {
            buffer: Vec::new(),
            max_length,
            resyncing: false,
            searched: 0,
        }
    }

    fn extend(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Skips everything up to the next `Content-Length` line (after a body that is not a
    /// JSON-RPC message, which may have been cut short by a wrong length).
    fn resync(&mut self) {
        self.resyncing = true;
    }

    fn next(&mut self) -> Option<Frame> {
        if self.resyncing {
            match find_length_line(&self.buffer, 0) {
                Some(at) => {
                    self.consume(at);
                    self.resyncing = false;
                }
                None => {
                    // Keep only what could be the start of a `Content-Length` line.
                    self.consume(self.buffer.len().saturating_sub(MAX_LENGTH_LINE));
                    return None;
                }
            }
        }
        let (length, body_start) = match parse_header(&self.buffer, self.max_length) {
            Header::Incomplete => return None,
            Header::Malformed { reason, resume } => {
                self.consume(resume);
                self.resyncing = true;
                return Some(Frame::Malformed(reason));
            }
            Header::Complete { length, body_start } => (length, body_start),
        };
        // `length` is at most `max_length`, so this cannot overflow.
        let body_end = body_start.saturating_add(length);
        let arrived = self.buffer.len().min(body_end);
        // A `Content-Length` line inside the body means the length was too large: the body
        // ended earlier and the next message has begun.
        if let Some(at) = find_length_line(&self.buffer[..arrived], self.searched.max(body_start)) {
            self.consume(at);
            return Some(Frame::Malformed("Content-Length is larger than the message"));
        }
        if self.buffer.len() < body_end {
            // The end may hold the start of a `Content-Length` line: searched again next time.
            self.searched = arrived.saturating_sub(MAX_LENGTH_LINE).max(body_start);
            return None;
        }
        let body = self.buffer[body_start..body_end].to_vec();
        self.consume(body_end);
        Some(Frame::Body(body))
    }

    fn consume(&mut self, count: usize) {
        self.buffer.drain(..count);
        self.searched = 0;
    }
}

/// Parses the header at the start of `buffer`: `Name: value` lines ending in `\r\n`, then an
/// empty line, with exactly one `Content-Length` of at most `max_length`.
fn parse_header(buffer: &[u8], max_length: usize) -> Header {
    let mut length = None;
    let mut line_start = 0;
    loop {
        let Some(newline) = buffer[line_start..].iter().position(|&b| b == b'\n') else {
            if buffer.len() > MAX_HEADER_BYTES {
                return malformed("the header is too long", 1);
            }
            return Header::Incomplete;
        };
        let line_end = line_start + newline + 1;
        if line_end > MAX_HEADER_BYTES {
            return malformed("the header is too long", 1);
        }
        let Some(line) = buffer[line_start..line_end].strip_suffix(b"\r\n") else {
            // A first line that is not a header line: the message starts later.
            return malformed("header lines must end with \\r\\n", 1);
        };
        if line.is_empty() {
            return match length {
                Some(length) => Header::Complete {
                    length,
                    body_start: line_end,
                },
                None => malformed("missing Content-Length header", line_end),
            };
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return malformed("malformed header line", 1);
        };
        if line[..colon].eq_ignore_ascii_case(b"content-length") {
            if length.is_some() {
                return malformed("duplicate Content-Length header", line_end);
            }
            let value = std::str::from_utf8(&line[colon + 1..])
                .ok()
                .and_then(|value| value.trim().parse::<usize>().ok());
            match value {
                None => return malformed("Content-Length is not a length", line_end),
                Some(value) if value > max_length => {
                    return malformed("the message is larger than the limit", line_end);
                }
                Some(value) => length = Some(value),
            }
        }
        line_start = line_end;
    }
}

fn malformed(reason: &'static str, resume: usize) -> Header {
    Header::Malformed { reason, resume }
}

/// The offset of the first `Content-Length: N\r\n` line in `buffer` at or after `from`.
fn find_length_line(buffer: &[u8], from: usize) -> Option<usize> {
    const NAME: &[u8] = b"content-length:";
    let is_blank = |b: &u8| *b == b' ' || *b == b'\t';
    (from..buffer.len()).find(|&at| {
        let Some(rest) = buffer[at..].get(..NAME.len()) else {
            return false;
        };
        if !rest.eq_ignore_ascii_case(NAME) {
            return false;
        }
        let value = &buffer[at + NAME.len()..];
        let value = &value[value.iter().take_while(|b| is_blank(b)).count()..];
        let digits = value.iter().take_while(|b| b.is_ascii_digit()).count();
        let value = &value[digits..];
        let value = &value[value.iter().take_while(|b| is_blank(b)).count()..];
        digits > 0 && value.starts_with(b"\r\n")
    })
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
    let mut frames = Frames::new(MAX_MESSAGE_BYTES);
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
                    Some(error) => {
                        // The length may have been too small: what follows may be the rest.
                        frames.resync();
                        error
                    }
                },
                Frame::Malformed(reason) => json!({
                    "jsonrpc": "2.0", "id": null,
                    "error": {"code": -32700, "message": format!("Parse error: {reason}; skipped to the next Content-Length header")}
                }),
            };
            let _ = errors.send(frame(rejected.to_string().as_bytes()));
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => frames.extend(&chunk[..n]),
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
    // The server's own messages are well-formed, and may be larger than the client's limit.
    let mut frames = Frames::new(usize::MAX);
    let mut chunk = vec![0; PIPE_SIZE];
    let mut errors_open = true;
    loop {
        tokio::select! {
            read = server.read(&mut chunk) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    frames.extend(&chunk[..n]);
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
