//! The generated rule docs are up to date, and their examples behave as documented.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use asl_diagnostics::Severity;
use asl_linter::{all_rules, docs};

/// `UPDATE_DOCS=1 cargo test -p asl_linter --test rule_docs` rewrites `docs/rules/`.
#[test]
fn generated_docs_are_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let mut pages = vec![("README.md".to_owned(), docs::index_page())];
    pages.extend(
        all_rules()
            .iter()
            .map(|rule| (format!("{}.md", rule.meta().name), docs::rule_page(*rule))),
    );
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for (name, expected) in &pages {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, expected).unwrap();
            } else {
                stale.push(name.clone());
            }
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !pages.iter().any(|(page, _)| *page == name) {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale docs in docs/rules: {stale:?}; run UPDATE_DOCS=1 cargo test -p asl_linter --test rule_docs"
    );
}

#[test]
fn doc_examples_behave_as_documented() {
    let mut failures = Vec::new();
    for rule in all_rules() {
        let meta = rule.meta();
        let examples = docs::examples(*rule);
        if !examples.iter().any(|e| e.invalid) || !examples.iter().any(|e| !e.invalid) {
            failures.push(format!("{}: docs need an invalid and a valid example", meta.name));
        }
        for docs::Example {
            invalid,
            file_name,
            source,
        } in examples
        {
            let analysis = common::analyze_file(file_name, &source);
            let own = analysis.diagnostics.iter().filter(|d| d.code == meta.code).count();
            let errors = analysis
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            if invalid && own == 0 {
                failures.push(format!(
                    "{}: invalid example gives no {} diagnostic:\n{source}",
                    meta.name, meta.code
                ));
            }
            if !invalid && (own > 0 || errors > 0) {
                failures.push(format!(
                    "{}: valid example gives diagnostics:\n{}",
                    meta.name,
                    common::check_file(file_name, &source)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// An error fails CI gates, so it is never a guess: every error-level rule cites what AWS
/// answers (or the runtime error of a state certain to fail) on a line starting `Evidence:`.
#[test]
fn error_rules_cite_their_evidence() {
    let missing: Vec<&str> = all_rules()
        .iter()
        .map(|rule| rule.meta())
        .filter(|meta| meta.default_severity == Severity::Error)
        .filter(|meta| {
            !meta.docs.lines().any(|line| {
                line.trim_start()
                    .strip_prefix("Evidence:")
                    .is_some_and(|evidence| evidence.trim().len() > 20)
            })
        })
        .map(|meta| meta.name)
        .collect();
    assert!(
        missing.is_empty(),
        "error-level rules without an `Evidence:` line in their docs: {missing:?}"
    );
}
