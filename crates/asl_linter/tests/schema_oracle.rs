//! The published JSON Schema (`schemas/asl.schema.json`) as a test oracle: asl-lint does not
//! run it, so every violation it finds must be reported by a hand-written rule, at the value
//! the violation is about (see [`reports`] for exactly where). Checked on every definition of the
//! shared corpus (real definitions, the peers' fixtures, the definitions inside templates), on
//! our own fixtures and examples, and on grammar-aware mutants of the real definitions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use asl_diagnostics::Diagnostic;
use asl_linter::{AnalysedBody, Settings, analyze_as};
use asl_syntax::{DuplicateKeys, Node, Parse, SourceFormat, TextRange, Value as NodeValue};
use jsonschema::paths::{Location, LocationSegment};
use serde_json::Value;

const SCHEMA: &str = include_str!("../../../schemas/asl.schema.json");

/// Mutants per real definition; with about 150 definitions, a few thousand documents.
const MUTANTS_PER_FILE: u64 = 12;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// Where a violation is, and where a finding may report it.
struct Place {
    /// The value at the violation's path, from its key (when it has one) to its end.
    value: TextRange,
    /// The object or array holding that value, from its key.
    parent: TextRange,
    /// The keys of every object member on the way to it.
    keys: Vec<TextRange>,
    /// For a state name where it is referenced (`StartAt`, `Next`, `Default`): the keys of
    /// the states with that name, where `quota-exceeded` reports the name once.
    named_states: Vec<TextRange>,
}

fn place(root: &Node, path: &Location) -> Option<Place> {
    let mut node = root;
    let mut start = root.range.start;
    let mut parent = root.range;
    let mut keys = Vec::new();
    let mut last_key = None;
    for segment in path {
        let container = TextRange::new(start, node.range.end);
        match (segment, &node.value) {
            (LocationSegment::Property(name), NodeValue::Object(members)) => {
                let member = members.iter().find(|m| m.key.text == *name)?;
                start = member.key.range.start;
                keys.push(member.key.range);
                last_key = Some(member.key.text.as_str());
                node = &member.value;
            }
            (LocationSegment::Index(index), NodeValue::Array(items)) => {
                node = items.get(index)?;
                start = node.range.start;
                last_key = None;
            }
            _ => return None,
        }
        parent = container;
    }
    let named_states = match (last_key, node.as_str()) {
        (Some("StartAt" | "Next" | "Default"), Some(name)) => keys_named(root, name),
        _ => Vec::new(),
    };
    Some(Place {
        value: TextRange::new(start, node.range.end),
        parent,
        keys,
        named_states,
    })
}

/// The ranges of every object key in the tree whose text is `name`.
fn keys_named(node: &Node, name: &str) -> Vec<TextRange> {
    let mut found = Vec::new();
    let mut pending = vec![node];
    while let Some(node) = pending.pop() {
        match &node.value {
            NodeValue::Object(members) => {
                for member in members {
                    if member.key.text == name {
                        found.push(member.key.range);
                    }
                    pending.push(&member.value);
                }
            }
            NodeValue::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    found
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// Whether `finding` reports the violation at `place`: it overlaps the value; or it is a
/// structure finding (ASL1xx, about the form of an object) inside the object or array that
/// holds the value, or on the key of a member on the way to it; or, for a state name where it
/// is referenced, it is on the key of the state of that name.
fn reports(finding: &Diagnostic, place: &Place) -> bool {
    let structure = finding.code.starts_with("ASL1");
    overlaps(finding.range, place.value)
        || (structure && place.parent.contains_range(finding.range))
        || (structure && place.keys.iter().any(|key| overlaps(finding.range, *key)))
        || place.named_states.iter().any(|key| overlaps(finding.range, *key))
}

/// The violations of the definition `root` that no finding reports, one line each.
fn unreported(validator: &jsonschema::Validator, root: &Node, findings: &[Diagnostic]) -> Vec<String> {
    // Of duplicate keys the first counts, as in the model.
    let instance = root.to_json_value(DuplicateKeys::KeepFirst);
    if validator.is_valid(&instance) {
        return Vec::new();
    }
    validator
        .iter_errors(&instance)
        .filter(|error| {
            let Some(place) = place(root, error.instance_path()) else {
                return findings.is_empty();
            };
            !findings.iter().any(|finding| reports(finding, &place))
        })
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// Checks one standalone definition; syntax errors stop the schema (the syntax rules report).
fn check_definition(
    validator: &jsonschema::Validator,
    name: &str,
    text: &str,
    format: SourceFormat,
    failures: &mut Vec<String>,
) {
    let analysis = analyze_as(text, format, &Settings::default());
    if !analysis.parse.errors.is_empty() || analysis.parse.root.as_object().is_none() {
        return;
    }
    let missed = unreported(validator, &analysis.parse.root, &analysis.diagnostics);
    if !missed.is_empty() {
        failures.push(failure(name, &missed, &analysis.diagnostics));
    }
}

/// The document, what no finding reports, and the findings there are.
fn failure(name: &str, missed: &[String], findings: &[Diagnostic]) -> String {
    let found: Vec<String> = findings
        .iter()
        .map(|finding| format!("{}@{:?}", finding.code, finding.range))
        .collect();
    format!(
        "{name}\n    {}\n    findings: {}",
        missed.join("\n    "),
        found.join(" ")
    )
}

fn is_definition_file(path: &Path) -> bool {
    let name = path.to_string_lossy();
    [".json", ".asl", ".yaml", ".yml"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(name)
}

fn assert_all_reported(failures: &[String], checked: usize) {
    assert!(checked > 0, "nothing was checked");
    assert!(
        failures.is_empty(),
        "schema violations no rule reports ({} of {checked} documents):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Checks every definition file under `dirs` as a standalone definition.
fn check_definition_files(dirs: &[PathBuf]) {
    let validator = validator();
    let mut failures = Vec::new();
    let mut checked = 0;
    for dir in dirs {
        for path in common::files_under(dir).into_iter().filter(|p| is_definition_file(p)) {
            let text = std::fs::read_to_string(&path).unwrap();
            checked += 1;
            let name = path.display().to_string();
            check_definition(&validator, &name, &text, SourceFormat::from_path(&path), &mut failures);
        }
    }
    assert_all_reported(&failures, checked);
}

#[test]
fn our_fixtures_and_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check_definition_files(&[root.join("tests/fixtures"), root.join("../../test-corpus")]);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn real_definitions_and_peer_fixtures() {
    check_definition_files(&[shared("real"), shared("peers-fixtures")]);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn definitions_inside_templates() {
    let validator = validator();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in common::files_under(&shared("templates")) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let analysis = common::analyze_file(&path.to_string_lossy(), &text);
        for machine in &analysis.machines {
            let AnalysedBody::Tree(definition) = &machine.body else {
                continue;
            };
            let Parse { root, errors } = definition.parse();
            if machine.file.is_some() || !errors.is_empty() || root.as_object().is_none() {
                continue;
            }
            checked += 1;
            let missed = unreported(&validator, root, &analysis.diagnostics);
            if !missed.is_empty() {
                failures.push(failure(&path.display().to_string(), &missed, &analysis.diagnostics));
            }
        }
    }
    assert_all_reported(&failures, checked);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn mutants_of_real_definitions() {
    let validator = validator();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in common::files_under(&shared("real")) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for seed in 0..MUTANTS_PER_FILE {
            let Some(mutant) = common::mutants::mutant(&text, seed) else {
                continue;
            };
            checked += 1;
            let name = format!("{} (mutant {seed})", path.display());
            check_definition(&validator, &name, &mutant, SourceFormat::Json, &mut failures);
        }
    }
    assert_all_reported(&failures, checked);
}
