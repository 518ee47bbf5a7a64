//! Edits end in the findings that opening the final text gives, at the same positions: edits
//! typed inside strings (each analysed before the next, as an editor sends keystrokes), and
//! several changes in one notification.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Session, URI, position_of};
use serde_json::{Value, json};

const MACHINE: &str = r#"{
  "Comment": "a machine",
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Comment": "é😀 typed", "Next": "Second"},
    "Second": {"Type": "Pass", "Next": "Third"},
    "Third": {"Type": "Succeed"}
  }
}"#;

/// Replaces `len` characters at `needle` (plus `shift` characters) with `inserted`, in the
/// document and in `text`; returns the diagnostics published for the new version.
async fn type_at(
    session: &mut Session,
    text: &mut String,
    version: i64,
    (needle, shift, len): (&str, usize, usize),
    inserted: &str,
) -> Value {
    let (line, character) = position_of(text, needle, shift, false);
    let (end_line, end_character) = position_of(text, needle, shift + len, false);
    let range =
        json!({"start": {"line": line, "character": character}, "end": {"line": end_line, "character": end_character}});
    let start = text.find(needle).unwrap();
    let from = start + text[start..].chars().take(shift).map(char::len_utf8).sum::<usize>();
    let to = from + text[from..].chars().take(len).map(char::len_utf8).sum::<usize>();
    text.replace_range(from..to, inserted);
    let change = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"range": range, "text": inserted}]});
    session.notify("textDocument/didChange", change).await;
    session.diagnostics(URI).await
}

#[tokio::test]
async fn typing_inside_strings_gives_the_findings_of_the_final_text() {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    let opened = session.open(URI, MACHINE).await;
    assert_eq!(opened["diagnostics"], json!([]));
    let mut text = MACHINE.to_owned();
    let edits = [
        // Longer and shorter texts before later findings, after a non-ASCII character.
        (("typed", 0, 0), "well "),
        (("a machine", 2, 7), "new machine, edited"),
        // A target that names no state, then a state renamed so the target exists again.
        (("\"Next\": \"Third\"", 13, 1), "X"),
        (("\"Third\": {", 1, 5), "ThirX"),
        (("\"Second\"}", 2, 1), ""),
        (("typed", 2, 0), "😀"),
    ];
    for (version, (at, inserted)) in (2..).zip(edits) {
        let published = type_at(&mut session, &mut text, version, at, inserted).await;
        assert_eq!(published["version"], version);
        let fresh = fresh_diagnostics(&mut session, &format!("fresh-{version}"), &text).await;
        assert_eq!(published["diagnostics"], fresh, "after {inserted:?}:\n{text}");
    }
    // The last edits left findings to compare: an unknown target and unreachable states.
    assert!(
        text.contains("\"Next\": \"Scond\"") && text.contains("\"ThirX\": {"),
        "{text}"
    );
    session.shutdown().await;
}

/// The diagnostics of `text` opened as a new document, as if published for [`URI`].
async fn fresh_diagnostics(session: &mut Session, name: &str, text: &str) -> Value {
    let fresh_uri = format!("file:///work/{name}.asl.json");
    let fresh = session.open(&fresh_uri, text).await["diagnostics"].to_string();
    // Related information names the document it points into.
    serde_json::from_str(&fresh.replace(&fresh_uri, URI)).unwrap()
}

#[tokio::test]
async fn several_changes_in_one_notification_apply_in_order() {
    let (mut session, _) = Session::initialized(&["utf-16"]).await;
    session.open(URI, "{}").await;
    let range = |line: u32, from: u32, to: u32| json!({"start": {"line": line, "character": from}, "end": {"line": line, "character": to}});
    let changes = json!([
        {"text": MACHINE},
        // Line 5 is `"Second": {"Type": "Pass", "Next": "Third"},`: a line break inside the
        // target, then a rename of the state below it, now on line 7.
        {"range": range(5, 41, 42), "text": "i\r\nr"},
        {"range": range(7, 5, 10), "text": "Thi"},
        {"range": range(2, 13, 13), "text": "😀\n"},
    ]);
    session
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": changes}),
        )
        .await;
    let published = session.diagnostics(URI).await;
    let mut text = MACHINE.to_owned();
    let mut replace = |line: usize, from: usize, to: usize, inserted: &str| {
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum::<usize>();
        let line_text = &text[start..];
        let byte = |column: usize| {
            line_text
                .char_indices()
                .map(|(i, _)| i)
                .chain([line_text.len()])
                .nth(column)
                .unwrap()
        };
        let (from, to) = (start + byte(from), start + byte(to));
        text.replace_range(from..to, inserted);
    };
    replace(5, 41, 42, "i\r\nr");
    replace(7, 5, 10, "Thi");
    replace(2, 13, 13, "😀\n");
    assert!(
        text.contains("\"Next\": \"Ti\r\nrird\"") && text.contains("\"Thi\": {"),
        "{text}"
    );
    assert_eq!(
        published["diagnostics"],
        fresh_diagnostics(&mut session, "several", &text).await,
        "{text}"
    );
    session.shutdown().await;
}
