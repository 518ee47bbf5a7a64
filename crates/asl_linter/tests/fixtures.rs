//! Per-rule fixtures: `tests/fixtures/<rule-name>/{valid,invalid}*.{json,yaml}` (definitions,
//! or templates for the host rules), each checked as the command line checks a file named on
//! it, with the rule's rendered diagnostics snapshotted beside it as `<file>.snap`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use asl_linter::{all_rules, find_rule};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    entries
}

#[test]
fn every_rule_has_valid_and_invalid_fixtures() {
    for rule in all_rules() {
        let dir = fixtures_dir().join(rule.meta().name);
        let names: Vec<String> = if dir.is_dir() {
            sorted_entries(&dir)
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        } else {
            Vec::new()
        };
        let has = |prefix: &str| {
            names
                .iter()
                .any(|n| n.starts_with(prefix) && (n.ends_with(".json") || n.ends_with(".yaml")))
        };
        assert!(
            has("valid") && has("invalid"),
            "rule {} needs valid* and invalid* fixtures (.json or .yaml) in {}",
            rule.meta().name,
            dir.display()
        );
    }
}

#[test]
fn fixtures() {
    // `FIXTURE_RULE=<rule-name>` runs the fixtures of one rule only.
    let only = std::env::var("FIXTURE_RULE").ok();
    let mut failures = Vec::new();
    for dir in sorted_entries(&fixtures_dir()) {
        let rule_name = dir.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_ref().is_some_and(|only| *only != rule_name) {
            continue;
        }
        let rule = find_rule(&rule_name).unwrap_or_else(|| panic!("fixture folder {rule_name} names no rule"));
        for file in sorted_entries(&dir) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".snap") {
                continue;
            }
            let expect_findings = if name.starts_with("invalid") {
                true
            } else if name.starts_with("valid") {
                false
            } else {
                panic!("fixture {} must be named valid* or invalid*", file.display());
            };
            let source = std::fs::read_to_string(&file).unwrap();
            let analysis = common::analyze_file(&name, &source);
            let own: Vec<_> = analysis
                .diagnostics
                .iter()
                .filter(|d| d.code == rule.meta().code)
                .cloned()
                .collect();
            if own.is_empty() == expect_findings {
                failures.push(format!(
                    "{rule_name}/{name}: expected {} diagnostics of this rule, got {}",
                    if expect_findings { "some" } else { "no" },
                    own.len()
                ));
            }
            if analysis.syntax_errors() == 0 {
                for fix in own.iter().filter_map(|d| d.fix.as_ref()) {
                    let fixed = asl_linter::fix::apply_edits(&source, fix.edits.clone());
                    if common::analyze_file(&name, &fixed).syntax_errors() > 0 {
                        failures.push(format!(
                            "{rule_name}/{name}: fix \"{}\" leaves invalid JSON:\n{fixed}",
                            fix.title
                        ));
                    }
                }
            }
            let rendered = common::render_root(&format!("{rule_name}/{name}"), &source, &analysis.parse.root, &own);
            insta::with_settings!({
                snapshot_path => dir.clone(),
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(name.clone(), rendered);
            });
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
