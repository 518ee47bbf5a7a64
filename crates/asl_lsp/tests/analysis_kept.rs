//! Requests answer from the analysis the server keeps for the document's revision: they
//! build no model. Alone in its test binary, because it reads a process-wide count of built
//! models that other tests running at the same time would move.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use asl_semantic::model::builds;
use common::{Session, URI, at};
use serde_json::json;

const MACHINE: &str = r#"{
  "StartAt": "Charge",
  "States": {
    "Charge": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Next": "Notify"
    },
    "Notify": {
      "Type": "Pass",
      "Next": "Missing"
    }
  }
}
"#;

#[tokio::test]
async fn requests_build_no_model() {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    let opened = session.open(URI, MACHINE).await;
    assert!(
        opened["diagnostics"].as_array().is_some_and(|found| !found.is_empty()),
        "{opened}"
    );
    let built = builds();

    // On `"Notify"` after `"Next": ` (line 6) and on the missing target (line 10).
    let definition = session.request("textDocument/definition", at(6, 16)).await;
    assert_eq!(
        definition["range"]["start"],
        json!({"line": 8, "character": 4}),
        "{definition}"
    );
    let mut params = at(6, 16);
    params["context"] = json!({"includeDeclaration": true});
    let references = session.request("textDocument/references", params).await;
    assert_eq!(references.as_array().map(Vec::len), Some(2), "{references}");
    let highlights = session.request("textDocument/documentHighlight", at(6, 16)).await;
    assert_eq!(highlights.as_array().map(Vec::len), Some(2), "{highlights}");
    let prepared = session.request("textDocument/prepareRename", at(6, 16)).await;
    assert!(prepared.is_object(), "{prepared}");
    let mut params = at(6, 16);
    params["newName"] = json!("Tell");
    let renamed = session.request("textDocument/rename", params).await;
    assert_eq!(renamed["changes"][URI].as_array().map(Vec::len), Some(2), "{renamed}");
    let hover = session.request("textDocument/hover", at(5, 9)).await;
    assert!(hover["contents"]["value"].is_string(), "{hover}");
    let completion = session.request("textDocument/completion", at(6, 15)).await;
    assert!(
        completion.as_array().is_some_and(|items| !items.is_empty()),
        "{completion}"
    );
    let symbols = session
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}))
        .await;
    assert_eq!(symbols.as_array().map(Vec::len), Some(2), "{symbols}");
    let range = json!({"start": {"line": 10, "character": 14}, "end": {"line": 10, "character": 14}});
    let actions = session
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": range, "context": {"diagnostics": []}}),
        )
        .await;
    assert!(actions.as_array().is_some_and(|found| !found.is_empty()), "{actions}");
    assert_eq!(builds(), built, "a request built a model");

    // A change is analysed again: the count is live.
    let change = json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": MACHINE}]});
    session.notify("textDocument/didChange", change).await;
    session.diagnostics(URI).await;
    assert!(builds() > built, "the changed document was not analysed");
    session.shutdown().await;
}
