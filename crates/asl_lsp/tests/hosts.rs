//! The language server speaks only about state machines: a document that holds none gets an
//! empty diagnostics list and nothing else; a YAML definition is read as YAML; a template's
//! state machines get diagnostics, go to definition and rename inside each definition.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Session, position_of};
use serde_json::{Value, json};

/// A request at the first `needle` (+ `shift` characters) of `text` in `uri` (UTF-16).
fn at(uri: &str, text: &str, needle: &str, shift: usize) -> Value {
    let (line, character) = position_of(text, needle, shift, false);
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// `(code, line, character)` of each published diagnostic.
fn published(diagnostics: &Value) -> Vec<(String, u64, u64)> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn line_char(text: &str, needle: &str, shift: usize) -> (u64, u64) {
    let (line, character) = position_of(text, needle, shift, false);
    (u64::from(line), u64::from(character))
}

#[tokio::test]
async fn files_that_are_not_state_machines_get_nothing() {
    let (mut session, _) = Session::initialized(&[]).await;
    let package = r#"{"name": "app", "version": "1.0.0", "States": 1, "scripts": {"build": "tsc"}}"#;
    let uri = "file:///work/package.json";
    let diagnostics = session.open(uri, package).await;
    assert_eq!(diagnostics["diagnostics"], json!([]), "{diagnostics}");
    let hover = session
        .request("textDocument/hover", at(uri, package, "\"name\"", 2))
        .await;
    assert_eq!(hover, Value::Null);
    let symbols = session
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(symbols, json!([]));
    let workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [\n";
    let diagnostics = session.open("file:///work/.github/workflows/ci.yml", workflow).await;
    assert_eq!(
        diagnostics["diagnostics"],
        json!([]),
        "a broken YAML file that is no state machine"
    );
    session.shutdown().await;
}

#[tokio::test]
async fn yaml_definitions_are_read_as_yaml() {
    let (mut session, _) = Session::initialized(&[]).await;
    let text = "StartAt: Charge\nStates:\n  Charge:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Next: Notify\n  Notify:\n    Type: Passs\n    End: true\n";
    let uri = "file:///work/flow.asl.yaml";
    let diagnostics = session.open(uri, text).await;
    assert_eq!(published(&diagnostics), [("ASL104".to_owned(), 7, 10)], "{diagnostics}");
    let (line, character) = line_char(text, "Passs", 0);
    assert_eq!((line, character), (7, 10));
    let definition = session
        .request("textDocument/definition", at(uri, text, "Next: Notify", 7))
        .await;
    assert_eq!(
        definition["range"]["start"],
        json!({"line": 6, "character": 2}),
        "{definition}"
    );
    session.shutdown().await;
}

const TEMPLATE: &str = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Orders:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: Charge\n        States:\n          Charge:\n            Type: Task\n            Resource: arn:aws:states:::lambda:invoke\n            Next: Notify\n          Notify:\n            Type: Passs\n            End: true\n  Refunds:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {\n          \"StartAt\": \"Refund\",\n          \"States\": {\n            \"Refund\": {\"Type\": \"Pass\", \"Next\": \"Done\"},\n            \"Done\": {\"Type\": \"Succeed\"},\n            \"Gone\": {\"Type\": \"Succeed\"}\n          }\n        }\n";

#[tokio::test]
async fn templates_get_diagnostics_navigation_and_rename_in_each_definition() {
    let (mut session, _) = Session::initialized(&[]).await;
    let uri = "file:///work/template.yaml";
    let diagnostics = session.open(uri, TEMPLATE).await;
    let found = published(&diagnostics);
    let (line, character) = line_char(TEMPLATE, "Passs", 0);
    assert!(found.contains(&("ASL104".to_owned(), line, character)), "{found:?}");
    let (line, character) = line_char(TEMPLATE, "\"Gone\"", 0);
    assert!(found.contains(&("ASL202".to_owned(), line, character)), "{found:?}");
    let messages: Vec<&str> = diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages.iter().any(|m| m.starts_with("[Orders] ")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("[Refunds] ")), "{messages:?}");

    // Go to definition inside the object definition, and inside the DefinitionString.
    let definition = session
        .request("textDocument/definition", at(uri, TEMPLATE, "Next: Notify", 7))
        .await;
    let (line, character) = line_char(TEMPLATE, "Notify:", 0);
    assert_eq!(
        definition["range"]["start"],
        json!({"line": line, "character": character})
    );
    let definition = session
        .request("textDocument/definition", at(uri, TEMPLATE, "\"Next\": \"Done\"", 10))
        .await;
    let (line, character) = line_char(TEMPLATE, "\"Done\": {", 0);
    assert_eq!(
        definition["range"]["start"],
        json!({"line": line, "character": character}),
        "{definition}"
    );

    // Rename inside the DefinitionString: the edits land on the names in the YAML block.
    let mut params = at(uri, TEMPLATE, "\"Done\": {", 2);
    params["newName"] = json!("Finished");
    let rename = session.request("textDocument/rename", params).await;
    let edits = rename["changes"][uri].as_array().unwrap();
    assert_eq!(edits.len(), 2, "{rename}");
    for edit in edits {
        assert_eq!(edit["newText"], "Finished");
        let start = &edit["range"]["start"];
        let line = TEMPLATE.lines().nth(start["line"].as_u64().unwrap() as usize).unwrap();
        let from = start["character"].as_u64().unwrap() as usize;
        assert!(line[from..].starts_with("Done\""), "{line}");
    }
    // And in the object definition, where the YAML scalars are replaced.
    let mut params = at(uri, TEMPLATE, "Notify:", 1);
    params["newName"] = json!("Tell customer");
    let rename = session.request("textDocument/rename", params).await;
    assert_eq!(rename["changes"][uri].as_array().unwrap().len(), 2, "{rename}");

    // The outline has each state machine with its states.
    let symbols = session
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}))
        .await;
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Orders", "Refunds"]);
    assert_eq!(symbols[1]["children"].as_array().unwrap().len(), 3);
    session.shutdown().await;
}

const TERRAFORM: &str = "resource \"aws_sfn_state_machine\" \"orders\" {\n  name = \"orders\"\n  definition = <<-EOF\n    {\n      \"StartAt\": \"Charge\",\n      \"States\": {\n        \"Charge\": {\"Type\": \"Task\", \"Resource\": \"${aws_lambda_function.charge.arn}\", \"Next\": \"Notify\"},\n        \"Notify\": {\"Type\": \"Passs\", \"End\": true}\n      }\n    }\n    EOF\n}\n";

#[tokio::test]
async fn terraform_files_are_served_only_when_they_hold_a_state_machine() {
    let (mut session, _) = Session::initialized(&[]).await;
    let uri = "file:///work/infra/main.tf";
    let diagnostics = session.open(uri, TERRAFORM).await;
    assert_eq!(
        published(&diagnostics),
        [(
            "ASL104".to_owned(),
            line_char(TERRAFORM, "\"Passs\"", 0).0,
            line_char(TERRAFORM, "\"Passs\"", 0).1
        )],
        "{diagnostics}"
    );
    assert!(
        diagnostics["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("[aws_sfn_state_machine.orders] "),
        "{diagnostics}"
    );
    // Go to definition inside the heredoc.
    let definition = session
        .request(
            "textDocument/definition",
            at(uri, TERRAFORM, "\"Next\": \"Notify\"", 10),
        )
        .await;
    let (line, character) = line_char(TERRAFORM, "\"Notify\": {", 0);
    assert_eq!(
        definition["range"]["start"],
        json!({"line": line, "character": character}),
        "{definition}"
    );
    // Other Terraform files get nothing, broken or not.
    for (name, text) in [
        ("variables.tf", "variable \"region\" {\n  default = \"us-east-1\"\n}\n"),
        ("broken.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n"),
    ] {
        let uri = format!("file:///work/infra/{name}");
        let diagnostics = session.open(&uri, text).await;
        assert_eq!(diagnostics["diagnostics"], json!([]), "{name}: {diagnostics}");
        let symbols = session
            .request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}))
            .await;
        assert_eq!(symbols, json!([]), "{name}");
    }
    session.shutdown().await;
}
