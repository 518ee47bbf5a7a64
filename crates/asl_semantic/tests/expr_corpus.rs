//! The no-false-positive bar: every expression in the deployed definitions of
//! `shared/corpus/real` must parse and pass the checks. Ignored when the corpus is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use asl_semantic::expr::intrinsic::{check_intrinsic, is_intrinsic_call, parse_intrinsic};
use asl_semantic::expr::jsonata::{check_jsonata, jsonata_body, parse_jsonata, references};
use asl_semantic::expr::path::parse_path;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/real");

/// ASL fields whose string value is a path (or, for ErrorPath/CausePath, an intrinsic).
const PATH_FIELDS: &[&str] = &[
    "InputPath",
    "OutputPath",
    "ResultPath",
    "ItemsPath",
    "Variable",
    "TimeoutSecondsPath",
    "HeartbeatSecondsPath",
    "SecondsPath",
    "TimestampPath",
    "MaxConcurrencyPath",
    "ToleratedFailureCountPath",
    "ToleratedFailurePercentagePath",
    "MaxItemsPath",
    "MaxItemsPerBatchPath",
    "MaxInputBytesPerBatchPath",
    "ErrorPath",
    "CausePath",
];

fn is_comparison_path(key: &str) -> bool {
    key.ends_with("Path")
        && ["String", "Numeric", "Boolean", "Timestamp"]
            .iter()
            .any(|prefix| key.starts_with(prefix))
}

#[derive(Default)]
struct Tally {
    paths: usize,
    intrinsics: usize,
    jsonata: usize,
    failures: Vec<String>,
}

impl Tally {
    fn path_or_intrinsic(&mut self, file: &Path, key: &str, value: &str) {
        if is_intrinsic_call(value) {
            self.intrinsics += 1;
            match parse_intrinsic(value) {
                Ok(call) => {
                    for d in check_intrinsic(&call) {
                        self.fail(file, key, value, &d.message);
                    }
                }
                Err(e) => self.fail(file, key, value, &e.to_string()),
            }
        } else {
            self.paths += 1;
            if let Err(e) = parse_path(value) {
                self.fail(file, key, value, &e.to_string());
            }
        }
    }

    fn jsonata(&mut self, file: &Path, key: &str, value: &str) {
        let Some((offset, body)) = jsonata_body(value) else {
            return;
        };
        self.jsonata += 1;
        match parse_jsonata(body) {
            Ok(expr) => {
                let references = references(&expr);
                for read in &references.implicit_input {
                    let why = format!("reads the input document at {:?}", read.range);
                    self.fail(file, key, value, &why);
                }
                for d in check_jsonata(&expr, &references) {
                    self.fail(file, key, value, &format!("{} (+{offset})", d.message));
                }
            }
            Err(e) => self.fail(file, key, value, &format!("{e} (+{offset})")),
        }
    }

    fn fail(&mut self, file: &Path, key: &str, value: &str, why: &str) {
        self.failures
            .push(format!("{}: {key}: {value:?}: {why}", file.display()));
    }

    fn walk(&mut self, file: &Path, key: &str, value: &Value) {
        match value {
            Value::Object(members) => {
                for (k, v) in members {
                    self.walk(file, k, v);
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.walk(file, key, item);
                }
            }
            Value::String(s) if s.trim_start().starts_with("{%") => self.jsonata(file, key, s),
            Value::String(s) if key.ends_with(".$") || PATH_FIELDS.contains(&key) || is_comparison_path(key) => {
                self.path_or_intrinsic(file, key, s);
            }
            _ => {}
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json" || e == "asl") {
            out.push(path);
        }
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn every_expression_in_real_definitions_is_accepted() {
    let root = Path::new(CORPUS);
    assert!(root.is_dir(), "{CORPUS} is absent");
    let mut paths = Vec::new();
    files(root, &mut paths);
    paths.sort();
    let mut tally = Tally::default();
    for file in &paths {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        if let Ok(json) = serde_json::from_str::<Value>(&text) {
            tally.walk(file, "", &json);
        }
    }
    eprintln!(
        "{} files: {} paths, {} intrinsic calls, {} JSONata expressions",
        paths.len(),
        tally.paths,
        tally.intrinsics,
        tally.jsonata
    );
    assert!(tally.paths > 500, "the corpus walk found too few paths");
    assert!(tally.intrinsics > 10, "the corpus walk found too few intrinsics");
    assert!(tally.jsonata > 50, "the corpus walk found too few JSONata expressions");
    assert!(
        tally.failures.is_empty(),
        "{} false positives:\n{}",
        tally.failures.len(),
        tally.failures.join("\n")
    );
}
