//! The language server survives hostile documents: each shape is opened, then replaced by the
//! next one through `didChange`, and after each the server publishes diagnostics for that
//! version and still answers a request. The analysis runs on tokio's blocking threads (2 MiB
//! stacks), where deep input used to abort the whole server.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Session, URI};
use serde_json::{Value, json};

fn machine(state: Value, jsonata: bool) -> String {
    let mut definition = json!({"StartAt": "A", "States": {"A": state}});
    if jsonata {
        definition["QueryLanguage"] = json!("JSONata");
    }
    definition.to_string()
}

fn pass_with(field: &str, value: Value, jsonata: bool) -> String {
    let mut state = json!({"Type": "Pass", "End": true});
    state[field] = value;
    machine(state, jsonata)
}

/// Hostile shapes: deep nesting past every limit, cascades of syntax errors, huge tokens,
/// many siblings and long names.
fn shapes() -> Vec<(&'static str, String)> {
    let deep = 5_000;
    let name = "N".repeat(100_000);
    vec![
        ("deep JSON", format!("{}{}", "[".repeat(deep), "]".repeat(deep))),
        ("unclosed JSON", "{\"a\":[".repeat(deep)),
        (
            "deep JSONata",
            pass_with("Output", json!(format!("{{% {} %}}", "(".repeat(deep))), true),
        ),
        (
            "long JSONata chain",
            pass_with(
                "Output",
                json!(format!("{{% {} %}}", vec!["$a"; deep].join(" & "))),
                true,
            ),
        ),
        (
            "deep intrinsic",
            pass_with("Parameters", json!({"a.$": "States.Array(".repeat(deep)}), false),
        ),
        (
            "deep path filter",
            pass_with(
                "Parameters",
                json!({"a.$": format!("$.a{}", "[?(@.b".repeat(deep))}),
                false,
            ),
        ),
        (
            "cut-open string then debris",
            format!(
                r#"{{"StartAt":"A","States":{{"A":{{"Type":"Pass","End":true,"Parameters":{{"x{}"#,
                r#"{"a":"#.repeat(20_000)
            ),
        ),
        ("1 MB string", pass_with("Comment", json!("x".repeat(1 << 20)), false)),
        ("1 MB number", format!("[{}]", "1".repeat(1 << 20))),
        ("100,000 siblings", format!("[{}1]", "1,".repeat(100_000))),
        (
            "long names",
            machine(
                json!({"Type": "Pass", "Next": format!("{name}x"), "Comment": name}),
                false,
            ),
        ),
        ("many syntax errors", format!("[{}]", "x ".repeat(50_000))),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_survives_every_hostile_shape() {
    let (mut session, _) = Session::initialized(&[]).await;
    let mut version = 1;
    session.open(URI, "{}").await;
    for (name, text) in shapes() {
        version += 1;
        let change = json!({
            "textDocument": {"uri": URI, "version": version},
            "contentChanges": [{"text": text}],
        });
        session.notify("textDocument/didChange", change).await;
        let published = loop {
            let published = session.diagnostics(URI).await;
            if published["version"] == json!(version) {
                break published;
            }
        };
        let diagnostics = published["diagnostics"].as_array().unwrap();
        assert!(
            !diagnostics.is_empty() || name == "1 MB string",
            "{name}: no diagnostics"
        );
        let symbols = session
            .request_raw("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}))
            .await;
        assert!(symbols.get("error").is_none(), "{name}: {symbols}");
    }
    // And once more from scratch: the same shapes through didOpen.
    for (index, (name, text)) in shapes().into_iter().enumerate() {
        let uri = format!("file:///work/hostile-{index}.asl.json");
        let published = session.open(&uri, &text).await;
        assert!(published["diagnostics"].is_array(), "{name}");
    }
    session.shutdown().await;
}
