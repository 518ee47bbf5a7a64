//! Mutation tests for the flow and error-handling rules: take valid definitions from
//! `test-corpus`, inject one defect by editing the JSON text, and expect a finding of the
//! right rule on the line of the defect.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

/// One injected defect: replace `find` (which must occur exactly once) with `replace`; the
/// finding must be on the line where `marker` (a part of `replace`) lands.
struct Mutation {
    name: &'static str,
    find: &'static str,
    replace: &'static str,
    marker: &'static str,
    code: &'static str,
}

const FULFILMENT: &str = "test-corpus/flow/fulfilment.asl.json";

const MUTATIONS: &[Mutation] = &[
    Mutation {
        name: "dangling Next",
        find: r#""Next": "Notify customer""#,
        replace: r#""Next": "Notify custmer""#,
        marker: "custmer",
        code: "ASL201",
    },
    Mutation {
        name: "dangling Default",
        find: r#""Default": "Wait for batch""#,
        replace: r#""Default": "Wait for bach""#,
        marker: "bach",
        code: "ASL201",
    },
    Mutation {
        name: "dangling Catch Next",
        find: r#""Next": "Reject order""#,
        replace: r#""Next": "Reject""#,
        marker: "Reject",
        code: "ASL201",
    },
    Mutation {
        name: "dangling StartAt",
        find: r#""StartAt": "Validate order""#,
        replace: r#""StartAt": "Validate""#,
        marker: "Validate",
        code: "ASL201",
    },
    Mutation {
        name: "transition out of a Parallel branch",
        find: "\"Result\": \"label printed\",\n              \"End\": true",
        replace: "\"Result\": \"label printed\",\n              \"Next\": \"Notify customer\"",
        marker: "Notify customer",
        code: "ASL201",
    },
    Mutation {
        name: "transition out of a Map processor",
        find: r#""Next": "Item reserved""#,
        replace: r#""Next": "Notify customer""#,
        marker: "Notify customer",
        code: "ASL201",
    },
    Mutation {
        name: "unreachable state",
        find: r#""Reject order": {"#,
        replace: "\"Orphan\": {\"Type\": \"Succeed\"},\n    \"Reject order\": {",
        marker: "Orphan",
        code: "ASL202",
    },
    Mutation {
        name: "loop with no exit",
        find: "\"Wait for batch\": {\n      \"Type\": \"Wait\",\n      \"Seconds\": 3600,\n      \"Next\": \"Ship\"\n    }",
        replace: r#""Wait for batch": {"Type": "Wait", "Seconds": 3600, "Next": "Wait for batch"}"#,
        marker: "Wait for batch",
        code: "ASL204",
    },
    Mutation {
        name: "States.ALL first in Retry",
        find: "\"States.Timeout\"\n          ],\n          \"MaxAttempts\": 2",
        replace: "\"States.ALL\"\n          ],\n          \"MaxAttempts\": 2",
        marker: "States.ALL",
        code: "ASL401",
    },
    Mutation {
        name: "States.ALL not alone in Retry",
        find: r#""Lambda.TooManyRequestsException""#,
        replace: r#""Lambda.TooManyRequestsException", "States.ALL""#,
        marker: "States.ALL",
        code: "ASL401",
    },
    Mutation {
        name: "States.ALL first in Catch",
        find: "\"InvalidOrder\"\n          ],",
        replace: "\"States.ALL\"\n          ],",
        marker: "States.ALL",
        code: "ASL401",
    },
    Mutation {
        name: "States.ALL not alone in Catch",
        find: "\"States.ALL\"\n          ],\n          \"Next\": \"Fulfilment failed\"",
        replace: "\"InvalidInput\", \"States.ALL\"\n          ],\n          \"Next\": \"Fulfilment failed\"",
        marker: "States.ALL",
        code: "ASL401",
    },
    Mutation {
        name: "misspelt States.* name",
        find: r#""States.Timeout""#,
        replace: r#""States.Timout""#,
        marker: "States.Timout",
        code: "ASL403",
    },
    Mutation {
        name: "shadowed catcher",
        find: "\"States.TaskFailed\"\n          ],\n          \"Next\": \"Fulfilment failed\"\n        }",
        replace: "\"States.TaskFailed\"\n          ],\n          \"Next\": \"Fulfilment failed\"\n        },\n        {\"ErrorEquals\": [\"Lambda.ServiceException\"], \"Next\": \"Reject order\"}",
        marker: "Lambda.ServiceException",
        code: "ASL402",
    },
];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(repo_root().join(relative)).unwrap()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Applies the mutation; returns the mutated text and the expected line.
fn apply(source: &str, mutation: &Mutation) -> (String, usize) {
    assert_eq!(
        source.matches(mutation.find).count(),
        1,
        "{}: the text to replace must occur once",
        mutation.name
    );
    let start = source.find(mutation.find).unwrap();
    let mutated = source.replacen(mutation.find, mutation.replace, 1);
    let marker = mutation
        .replace
        .find(mutation.marker)
        .expect("the marker is part of the replacement");
    (mutated.clone(), line_of(&mutated, start + marker))
}

fn has_errors(source: &str) -> Vec<String> {
    let analysis = common::analyze_default(source);
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == asl_diagnostics::Severity::Error)
        .map(|d| d.code.to_owned())
        .collect()
}

#[test]
fn the_unmutated_file_is_clean() {
    let source = read(FULFILMENT);
    assert_eq!(common::codes_with_lines(&source), Vec::<String>::new());
}

#[test]
fn each_defect_is_found_on_its_line() {
    let source = read(FULFILMENT);
    let mut failures = Vec::new();
    for mutation in MUTATIONS {
        let (mutated, line) = apply(&source, mutation);
        let expected = format!("{}@{line}", mutation.code);
        let found = common::codes_with_lines(&mutated);
        if !found.contains(&expected) {
            failures.push(format!("{}: expected {expected}, found {found:?}", mutation.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_removed_end_is_found_once_on_the_state() {
    let source = read(FULFILMENT);
    let mutation = Mutation {
        name: "removed End",
        find: "\"Message.$\": \"$.order.id\"\n      },\n      \"End\": true",
        replace: "\"Message.$\": \"$.order.id\"\n      }",
        marker: "}",
        code: "",
    };
    let (mutated, _) = apply(&source, &mutation);
    let state_line = line_of(&mutated, mutated.find("\"Notify customer\": {").unwrap());
    let found = common::codes_with_lines(&mutated);
    // Reported by the structure rule that checks Next/End, at the state; the flow rules
    // (no terminal state, loops) must not report the same problem again.
    let flow: Vec<&String> = found.iter().filter(|f| f.starts_with("ASL2")).collect();
    assert!(flow.is_empty(), "flow rules repeat the missing End: {found:?}");
    assert!(
        found.iter().any(|f| f.ends_with(&format!("@{state_line}"))),
        "no finding on line {state_line}: {found:?}"
    );
}

/// Every valid definition in test-corpus: a dangling `StartAt` is found on its line, and
/// the file itself has no error.
#[test]
fn dangling_start_at_in_every_valid_corpus_file() {
    let mut checked = 0;
    for folder in ["test-corpus/flow", "test-corpus/examples"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            if !has_errors(&source).is_empty() {
                continue; // a deliberately broken example
            }
            let start = source.find("\"StartAt\": \"").unwrap() + "\"StartAt\": \"".len();
            let mutated = format!("{}Missing{}", &source[..start], &source[start..]);
            let expected = format!("ASL201@{}", line_of(&mutated, start));
            let found = common::codes_with_lines(&mutated);
            assert!(
                found.contains(&expected),
                "{}: expected {expected}, found {found:?}",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} valid files in test-corpus");
}
