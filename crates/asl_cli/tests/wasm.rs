//! The playground's WebAssembly engine (crates/asl_wasm, built by `.ci/playground`) run under
//! Node gives the same diagnostics as this binary on every real-world definition.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{asl_lint_in, json_report};
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real")
}

fn files(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, root, out);
        } else {
            out.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned());
        }
    }
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
#[cfg_attr(not(has_node), ignore = "node is not installed")]
#[cfg_attr(
    not(has_playground_wasm),
    ignore = "the playground's WebAssembly is not built (.ci/playground)"
)]
fn wasm_engine_and_native_cli_give_identical_diagnostics_on_the_real_corpus() {
    let root = corpus();
    let mut names = Vec::new();
    files(&root, &root, &mut names);
    assert!(names.len() > 100, "only {} files in {}", names.len(), root.display());
    let args: Vec<&str> = names.iter().map(String::as_str).collect();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../editors/playground/scripts/lint-files.mjs");
    let output = Command::new("node")
        .arg(&script)
        .args(&args)
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let wasm: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();

    let mut native_args = vec!["check", "--no-config", "--format", "json"];
    native_args.extend(&args);
    let native = json_report(&asl_lint_in(&root, &native_args, None));
    let native = native["diagnostics"].as_array().unwrap();

    let mut compared = 0;
    for (name, report) in names.iter().zip(&wasm) {
        assert_eq!(report["files_checked"], 1);
        let expected: Vec<&Value> = native.iter().filter(|d| d["path"] == name.as_str()).collect();
        let found: Vec<&Value> = report["diagnostics"].as_array().unwrap().iter().collect();
        assert_eq!(found, expected, "{name}");
        compared += found.len();
    }
    assert_eq!(
        compared,
        native.len(),
        "the native check reports files the engine did not see"
    );
    assert!(
        compared > 0,
        "no diagnostics at all: the comparison would prove nothing"
    );
    eprintln!("{} files, {compared} diagnostics: identical", names.len());
}
