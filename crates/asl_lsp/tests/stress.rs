//! 10,000 random edits (many leave the JSON broken), out-of-order versions and garbage
//! requests: the server answers every request, publishes the latest version last, and its
//! final diagnostics are those of the text the client holds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;
use std::time::Duration;

use asl_lsp::Options;
use common::{Session, URI};
use serde_json::{Value, json};

const START: &str = r#"{
  "Comment": "stress 🚀 テスト",
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Next": "Choose"},
    "Choose": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericEquals": 1, "Next": "Wait ⏳"}], "Default": "Fail"},
    "Wait ⏳": {"Type": "Wait", "Seconds": 1, "Next": "Map"},
    "Map": {"Type": "Map", "ItemProcessor": {"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "End": true}}}, "End": true},
    "Fail": {"Type": "Fail", "Error": "E"}
  }
}
"#;

const SNIPPETS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\n",
    "\r\n",
    "\"Next\": \"First\"",
    "\"Type\": \"Task\"",
    "é",
    "🎉",
    "\u{2028}",
    "null",
    "12",
    "\"States\": {}",
    "\\",
    "\"Map\"",
];

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The UTF-16 position of a byte offset (LSP line breaks: \n, \r\n, \r).
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + before.matches('\r').count() - before.matches("\r\n").count();
    json!({"line": line, "character": before[line_start..].encode_utf16().count()})
}

fn char_boundary(text: &str, random: &mut Random) -> usize {
    let mut offset = random.below(text.len() + 1);
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_random_edits() {
    let mut session = Session::start(Options {
        debounce: Duration::from_millis(2),
        ..Options::default()
    });
    session.request("initialize", json!({"capabilities": {}})).await;
    session.open(URI, START).await;
    let mut text = START.to_owned();
    let mut random = Random(0x5eed_1234_abcd_0001);
    let mut pending = HashSet::new();
    let mut garbage_sent = 0;

    for step in 0..10_000 {
        // Mostly increasing versions, sometimes going backwards or repeating.
        let version = if random.below(10) == 0 {
            random.below(50) as i64
        } else {
            step as i64 + 2
        };
        let change = if random.below(20) == 0 {
            text = if random.below(2) == 0 {
                START.to_owned()
            } else {
                text.chars().rev().collect()
            };
            json!({"text": text})
        } else {
            let (a, b) = (char_boundary(&text, &mut random), char_boundary(&text, &mut random));
            let (start, mut end) = (a.min(b), a.max(b));
            end = end.min(start + 40);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            // Never split a CRLF pair: LSP positions cannot point between \r and \n.
            if text[..start].ends_with('\r') && text[start..].starts_with('\n') {
                continue;
            }
            if text[..end].ends_with('\r') && text[end..].starts_with('\n') {
                continue;
            }
            let insert = if random.below(3) == 0 {
                ""
            } else {
                SNIPPETS[random.below(SNIPPETS.len())]
            };
            let range = json!({"start": position(&text, start), "end": position(&text, end)});
            text.replace_range(start..end, insert);
            json!({"range": range, "text": insert})
        };
        let params = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]});
        session.notify("textDocument/didChange", params).await;

        if step % 10 == 0 {
            let line = random.below(20);
            let character = random.below(200);
            let at = json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}});
            let (method, params) = match random.below(9) {
                0 => ("textDocument/completion", at),
                1 => ("textDocument/hover", at),
                2 => ("textDocument/definition", at),
                3 => (
                    "textDocument/references",
                    json!({"textDocument": {"uri": URI}, "position": at["position"], "context": {"includeDeclaration": true}}),
                ),
                4 => (
                    "textDocument/rename",
                    json!({"textDocument": {"uri": URI}, "position": at["position"], "newName": "Renamed"}),
                ),
                5 => ("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}})),
                6 => ("textDocument/documentHighlight", at),
                7 => ("textDocument/prepareRename", at),
                _ => (
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": URI}, "range": {"start": at["position"], "end": {"line": line + 3, "character": 0}}, "context": {"diagnostics": []}}),
                ),
            };
            pending.insert(session.send_request(method, params).await);
        }
        if step % 100 == 0 {
            let garbage = [
                json!({"jsonrpc": "2.0", "id": format!("g{step}"), "method": "no/such/method", "params": {}}),
                json!({"jsonrpc": "2.0", "id": format!("g{step}"), "method": "textDocument/hover", "params": {"nonsense": true}}),
                json!({"jsonrpc": "2.0", "id": format!("g{step}"), "method": "textDocument/definition", "params": {"textDocument": {"uri": "file:///not/open.json"}, "position": {"line": 0, "character": 0}}}),
            ];
            session.send(&garbage[random.below(garbage.len())]).await;
            session.send_raw(b"Content-Length: 9\r\n\r\n{\"oops\":1").await;
            session.notify("textDocument/didChange", json!({"textDocument": {"uri": "file:///closed.json", "version": 1}, "contentChanges": [{"text": "{"}]})).await;
            garbage_sent += 2;
        }
    }
    // The last change has a version no earlier change used.
    let final_version = 1_000_000;
    let end = position(&text, text.len());
    text.push('\n');
    let change = json!({"range": {"start": end, "end": end}, "text": "\n"});
    session
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": final_version}, "contentChanges": [change]}),
        )
        .await;

    // Every request is answered (garbage ones too, with errors).
    let mut garbage_answers = 0;
    let mut publishes = Vec::new();
    for message in std::mem::take(&mut session.backlog) {
        classify(message, &mut pending, &mut garbage_answers, &mut publishes);
    }
    while !pending.is_empty()
        || garbage_answers < garbage_sent
        || publishes.last().map(|p: &Value| p["version"].clone()) != Some(json!(final_version))
    {
        let message = session.next_message().await;
        classify(message, &mut pending, &mut garbage_answers, &mut publishes);
    }
    // Nothing is published after the latest version.
    let late = tokio::time::timeout(Duration::from_millis(300), session.next_message()).await;
    if let Ok(message) = late {
        assert_ne!(
            message["method"], "textDocument/publishDiagnostics",
            "published after the latest version: {message}"
        );
    }
    let last = publishes.last().unwrap();
    let expected = asl_linter::analyze(&text, &asl_linter::Settings::default()).diagnostics;
    let got = last["diagnostics"].as_array().unwrap();
    assert_eq!(
        got.len(),
        expected.len(),
        "the server's text is the client's text\n{text}"
    );
    assert!(got.iter().zip(&expected).all(|(g, e)| g["code"] == e.code));
    session.shutdown().await;
}

fn classify(message: Value, pending: &mut HashSet<i64>, garbage_answers: &mut usize, publishes: &mut Vec<Value>) {
    if message["method"] == "textDocument/publishDiagnostics" {
        if message["params"]["uri"] == URI {
            publishes.push(message["params"].clone());
        }
    } else if let Some(id) = message["id"].as_i64() {
        assert!(
            message.get("result").is_some() || message.get("error").is_some(),
            "{message}"
        );
        pending.remove(&id);
    } else if message.get("method").is_none() {
        // An answer to garbage: an error for an unknown method, bad params or a malformed body.
        *garbage_answers += 1;
    }
}
