//! The fixtures of other ASL validators (`../shared/corpus/peers-fixtures`): no error on a
//! valid one, at least one finding naming the field at fault on an invalid one (an error, or a
//! warning where AWS's answer is not recorded). Exceptions are listed, with reasons, in
//! `test-corpus/README.md`, each with the errors AWS gives it. Ignored when the shared corpus
//! is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use asl_diagnostics::{Diagnostic, Severity};

fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/peers-fixtures")
}

/// How `test-corpus/README.md` lists a fixture.
enum Listed {
    /// Wrong by today's spec: a valid fixture may give errors of these codes only; an invalid
    /// one must give none.
    WrongBySpec(Vec<String>),
}

fn listed_fixtures() -> HashMap<String, Listed> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-corpus/README.md")).unwrap();
    let mut listed = HashMap::new();
    let mut section = "";
    for line in readme.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading;
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, fixture, second, ..] = cells.as_slice() else {
            continue;
        };
        if !fixture.ends_with(".json") {
            continue;
        }
        let entry = if section.starts_with("Peer fixtures that are wrong") {
            Listed::WrongBySpec(
                second
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        } else {
            continue;
        };
        listed.insert((*fixture).to_owned(), entry);
    }
    listed
}

/// The fixtures of one peer folder (`statelint/valid`, …), as `(name relative to peers-fixtures, source)`.
fn fixtures(folder: &str) -> Vec<(String, String)> {
    let dir = peers_dir().join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = format!("{folder}/{}", p.file_name().unwrap().to_string_lossy());
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn errors(source: &str) -> Vec<Diagnostic> {
    findings(source)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// Errors and warnings: what a peer calls invalid may be a warning here when AWS's answer is
/// not recorded (an error is never a guess).
fn findings(source: &str) -> Vec<Diagnostic> {
    common::analyze_default(source)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity != Severity::Info)
        .collect()
}

/// The field names a peer expects in its message (`"Parameters"`, `may have only one of
/// ["Cause", "CausePath"]`, `/States/X/InputPath is invalid`), from its EXPECTED.tsv.
fn expected_fields(peer: &str) -> HashMap<String, Vec<String>> {
    let tsv = std::fs::read_to_string(peers_dir().join(peer).join("EXPECTED.tsv")).unwrap();
    let mut expected = HashMap::new();
    for line in tsv.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [file, _, _, message] = columns.as_slice() else {
            continue;
        };
        let mut fields: Vec<String> = message.split('"').skip(1).step_by(2).map(str::to_owned).collect();
        if let Some(pointer) = message.split(" is invalid").next().filter(|p| p.starts_with('/')) {
            fields.extend(pointer.rsplit('/').next().map(str::to_owned));
        }
        if !fields.is_empty() {
            expected.insert(format!("{peer}/{file}"), fields);
        }
    }
    expected
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn valid_peer_fixtures_have_no_errors() {
    let listed = listed_fixtures();
    let mut failures = Vec::new();
    for folder in ["asl-validator/valid", "statelint/valid"] {
        for (name, source) in fixtures(folder) {
            let allowed: &[String] = match listed.get(&name) {
                Some(Listed::WrongBySpec(codes)) => codes,
                _ => &[],
            };
            let found = errors(&source);
            for error in found.iter().filter(|e| !allowed.iter().any(|code| code == e.code)) {
                failures.push(format!("{name}: {} {}", error.code, error.message));
            }
            // The list holds only what AWS decides: a listed rule that no longer fires is stale.
            for code in allowed
                .iter()
                .filter(|code| !found.iter().any(|e| e.code == code.as_str()))
            {
                failures.push(format!(
                    "{name}: listed with {code} in test-corpus/README.md, which gives no error"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "errors on valid peer fixtures:\n{}",
        failures.join("\n")
    );
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn invalid_peer_fixtures_have_a_finding_naming_the_field() {
    let listed = listed_fixtures();
    let mut expected = expected_fields("statelint");
    expected.extend(expected_fields("asl-validator"));
    let (mut failures, mut total, mut detected, mut as_errors) = (Vec::new(), 0, 0, 0);
    for folder in ["asl-validator/invalid", "statelint/invalid"] {
        for (name, source) in fixtures(folder) {
            let found = findings(&source);
            match listed.get(&name) {
                Some(Listed::WrongBySpec(_)) => {
                    if let Some(error) = found.iter().find(|d| d.severity == Severity::Error) {
                        failures.push(format!(
                            "{name} is valid today (test-corpus/README.md) but gives {} {}",
                            error.code, error.message
                        ));
                    }
                    continue;
                }
                None => {}
            }
            total += 1;
            if found.is_empty() {
                failures.push(format!("{name}: no finding"));
                continue;
            }
            detected += 1;
            if found.iter().any(|d| d.severity == Severity::Error) {
                as_errors += 1;
            }
            // The message names a field or state: a quoted name, and the peer's field if it gives one.
            let names_something = found.iter().any(|e| e.message.contains('"'));
            let says = |e: &Diagnostic, text: &str| {
                e.message.contains(text) || e.help.as_deref().is_some_and(|h| h.contains(text))
            };
            let names_expected = expected
                .get(&name)
                .is_none_or(|fields| fields.iter().any(|f| found.iter().any(|e| says(e, f))));
            if !names_something || !names_expected {
                let messages: Vec<&str> = found.iter().map(|e| e.message.as_str()).collect();
                failures.push(format!(
                    "{name}: no finding names the field {:?}: {messages:?}",
                    expected.get(&name)
                ));
            }
        }
    }
    eprintln!("invalid peer fixtures detected: {detected}/{total}, {as_errors} of them with an error");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
