//! Malformed framing: after each kind of bad `Content-Length`, the bad message is answered
//! with an error and the next request is answered as usual, up to `shutdown` and `exit`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Session, URI};
use serde_json::{Value, json};

const NOTIFICATION: &str = r#"{"jsonrpc":"2.0","method":"$/ping"}"#;

/// Bad framing, each followed (in the test) by a good request.
fn malformed() -> Vec<(&'static str, Vec<u8>)> {
    let with = |header: &str| format!("{header}{NOTIFICATION}").into_bytes();
    vec![
        ("length too small", with("Content-Length: 10\r\n\r\n")),
        ("length too large", with("Content-Length: 500\r\n\r\n")),
        ("length 0", with("Content-Length: 0\r\n\r\n")),
        ("negative length", with("Content-Length: -5\r\n\r\n")),
        ("length not a number", with("Content-Length: ten\r\n\r\n")),
        (
            "duplicated length",
            with("Content-Length: 36\r\nContent-Length: 37\r\n\r\n"),
        ),
        ("no length", with("Content-Type: application/vscode-jsonrpc\r\n\r\n")),
        ("LF-only header", with("Content-Length: 36\n\n")),
        (
            "largest u64 length",
            with("Content-Length: 18446744073709551615\r\n\r\n"),
        ),
        (
            "length past u64",
            with("Content-Length: 99999999999999999999999999\r\n\r\n"),
        ),
        ("length past the size limit", with("Content-Length: 16777217\r\n\r\n")),
        ("bytes outside any message", vec![b'x'; 10_000]),
        ("a body that is not JSON", b"Content-Length: 5\r\n\r\nhello".to_vec()),
    ]
}

async fn symbols(session: &mut Session) -> Value {
    session
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}))
        .await
}

#[tokio::test]
async fn a_request_after_any_malformed_message_is_answered() {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    session
        .open(URI, r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)
        .await;
    let expected = symbols(&mut session).await;
    for (case, bytes) in malformed() {
        session.backlog.clear();
        session.send_raw(&bytes).await;
        assert_eq!(symbols(&mut session).await, expected, "after {case}");
        let errors = session
            .backlog
            .iter()
            .filter(|m| m["id"].is_null() && m["error"]["code"] == -32700)
            .count();
        assert!(
            errors >= 1,
            "{case} is answered with a parse error: {:?}",
            session.backlog
        );
    }
    session.shutdown().await;
}

#[tokio::test]
async fn a_request_split_across_reads_is_still_one_message() {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    session.open(URI, r#"{"StartAt": "A", "States": {}}"#).await;
    let body = json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": URI}}}).to_string();
    let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
    for piece in framed.as_bytes().chunks(7) {
        session.send_raw(piece).await;
        tokio::task::yield_now().await;
    }
    let response = session.response(99).await;
    assert!(response.get("error").is_none(), "{response}");
    assert!(
        session.backlog.iter().all(|m| m.get("error").is_none()),
        "{:?}",
        session.backlog
    );
    session.shutdown().await;
}
