//! Latency from `didChange` to its `publishDiagnostics`, replaying edits on a 1 MB,
//! 5,000-state document (inside a string, and between tokens), on a 20 KB one, and on 1 MB
//! documents in which every state has the same defect (the shapes of the defect-scaling
//! test); and of `textDocument/definition` requests on the 1 MB document once it is analysed.
//! The debounce is set to zero, so the figures are what a change costs after the debounce.
//! Run with `cargo bench -p asl_lsp --bench latency`; `-- NAME` runs only the cases whose
//! name holds NAME (`-- definition`, `-- assign`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../../asl_linter/tests/common/defects.rs"]
mod defects;

use std::time::{Duration, Instant};

use common::{Session, URI, at};
use serde_json::json;

/// Characters of every state's Comment at least, where the benchmark edits.
const MIN_COMMENT: usize = 25;

/// A valid machine of `states` Task states in a chain, each padded to about `state_bytes`.
fn machine(states: usize, state_bytes: usize) -> String {
    let mut text =
        String::from("{\n  \"Comment\": \"latency benchmark\",\n  \"StartAt\": \"State0\",\n  \"States\": {\n");
    for i in 0..states {
        let next = if i + 1 == states {
            "\"End\": true".to_owned()
        } else {
            format!("\"Next\": \"State{}\"", i + 1)
        };
        let head = format!(
            "  \"State{i}\": {{\n   \"Type\": \"Task\",\n   \"Resource\": \"arn:aws:states:::lambda:invoke\",\n   \"Parameters\": {{\"FunctionName\": \"fn-{i}\"}},\n   {next},\n   \"Comment\": \""
        );
        let padding = "x".repeat(state_bytes.saturating_sub(head.len() + 10).max(MIN_COMMENT));
        text.push_str(&head);
        text.push_str(&padding);
        text.push_str(if i + 1 == states { "\"\n    }\n" } else { "\"\n    },\n" });
    }
    text.push_str("  }\n}\n");
    text
}

/// Replays `edits` one-character edits inside the first state's Comment and returns the
/// latencies, each measured until the diagnostics of that version arrive.
async fn replay(text: &str, edits: usize) -> Vec<Duration> {
    let comment_line = 9;
    replay_edits(text, edits, true, |version| {
        let character = 16 + (version % 20) as u32;
        let range = json!({"start": {"line": comment_line, "character": character}, "end": {"line": comment_line, "character": character + 1}});
        json!({"range": range, "text": "y"})
    })
    .await
}

/// Replays edits between tokens (a space typed after the first state's `{`, then taken away
/// again), which the server parses by reading the whole document, unlike edits inside a string.
async fn replay_between_tokens(text: &str, edits: usize) -> Vec<Duration> {
    // Line 4 is `  "State0": {`.
    let line_end = 13;
    replay_edits(text, edits, true, |version| {
        let end = if version % 2 == 0 { line_end } else { line_end + 1 };
        let range = json!({"start": {"line": 4, "character": line_end}, "end": {"line": 4, "character": end}});
        json!({"range": range, "text": if version % 2 == 0 { " " } else { "" }})
    })
    .await
}

/// Replays edits that add a space before the document and take it away again.
async fn replay_defects(text: &str, edits: usize) -> Vec<Duration> {
    replay_edits(text, edits, false, |version| {
        let end = if version % 2 == 0 { 0 } else { 1 };
        let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": end}});
        json!({"range": range, "text": if end == 0 { " " } else { "" }})
    })
    .await
}

/// Opens `text`, then replays `edits` changes made by `edit(version)`; `clean` documents are
/// checked to have no finding.
async fn replay_edits(text: &str, edits: usize, clean: bool, edit: impl Fn(i64) -> serde_json::Value) -> Vec<Duration> {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    let opened = session.open(URI, text).await;
    if clean {
        assert_eq!(opened["diagnostics"], json!([]), "the benchmark document is clean");
    }
    let mut latencies = Vec::with_capacity(edits);
    for version in 2..edits as i64 + 2 {
        let change = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [edit(version)]});
        let started = Instant::now();
        session.notify("textDocument/didChange", change).await;
        let published = session.diagnostics(URI).await;
        latencies.push(started.elapsed());
        assert_eq!(published["version"], version);
    }
    session.shutdown().await;
    latencies
}

/// Sends `requests` definition requests on `Next` values spread over the document (analysed
/// and unchanged) and returns their latencies.
async fn definitions(text: &str, states: usize, requests: usize) -> Vec<Duration> {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    session.open(URI, text).await;
    let mut latencies = Vec::with_capacity(requests);
    for request in 0..requests {
        // State i's `"Next": "State…"` is on line 8 + 7 i; character 14 is inside the name.
        let state = (request * 7919) % (states - 1);
        let params = at(8 + 7 * state as u32, 14);
        let started = Instant::now();
        let found = session.request("textDocument/definition", params).await;
        latencies.push(started.elapsed());
        assert_eq!(found["range"]["start"]["line"], 4 + 7 * (state + 1), "{found}");
    }
    session.shutdown().await;
    latencies
}

/// Whether a case is run: the arguments that are not options name the cases to run (by a part
/// of their name); none runs them all.
fn selected(name: &str) -> bool {
    let mut filters = std::env::args().skip(1).filter(|arg| !arg.starts_with('-')).peekable();
    filters.peek().is_none() || filters.any(|filter| name.contains(&filter))
}

fn report(name: &str, bytes: usize, mut latencies: Vec<Duration>) {
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: {} KB, {} samples: median {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        bytes / 1024,
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(1.0))
    );
}

fn main() {
    // `cargo test --all-targets` runs benches once as tests: keep that quick.
    let quick = std::env::args().all(|arg| arg != "--bench");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // Just under the 1 MiB that AWS accepts, so the document is clean.
    let large = machine(5_000, 195);
    let small = machine(80, 250);
    let (large_edits, small_edits, requests) = if quick { (3, 10, 3) } else { (40, 400, 100) };
    if selected("1 MB document") {
        let latencies = runtime.block_on(replay(&large, large_edits));
        report("1 MB document", large.len(), latencies);
    }
    if selected("1 MB document, edits between tokens") {
        let latencies = runtime.block_on(replay_between_tokens(&large, large_edits));
        report("1 MB document, edits between tokens", large.len(), latencies);
    }
    if selected("20 KB document") {
        let latencies = runtime.block_on(replay(&small, small_edits));
        report("20 KB document", small.len(), latencies);
    }
    if selected("definition on the 1 MB document") {
        let latencies = runtime.block_on(definitions(&large, 5_000, requests));
        report("definition on the 1 MB document", large.len(), latencies);
    }
    // A document where every state has the same defect, at about 1 MB (50 KB as a test).
    let (defect_edits, defect_bytes, size) = if quick {
        (2, 50_000, "50 KB")
    } else {
        (10, 1_000_000, "1 MB")
    };
    for (name, generator) in defects::FAMILIES.iter().chain(&defects::SHAPES) {
        let name = format!("{size}, {name}");
        if !selected(&name) {
            continue;
        }
        let text = defects::of_size(*generator, defect_bytes);
        let latencies = runtime.block_on(replay_defects(&text, defect_edits));
        report(&name, text.len(), latencies);
    }
}
