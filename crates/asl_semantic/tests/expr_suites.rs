//! Public test suites in `shared/corpus/expressions`: the jsonata-js test suite
//! (parses / syntax error) and the RFC 9535 JSONPath compliance suite (robustness and
//! agreement). Ignored when ../shared is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use asl_semantic::expr::jsonata::parse_jsonata;
use asl_semantic::expr::path::parse_path;
use serde_json::Value;

const SUITES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/expressions");

/// The JSON lines of a suite file. Lines that serde_json cannot decode (lone UTF-16
/// surrogates) are left out.
fn lines(file: &str) -> Vec<Value> {
    let path = Path::new(SUITES).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

/// Syntax errors of jsonata-js that this parser does not report: function signatures
/// are skipped, not validated (S0401).
const KNOWN_MISSED_SYNTAX_ERRORS: &[&str] = &["λ($arg)<n<n>>{$arg}(5)"];

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn jsonata_suite_verdicts_match_the_reference_parser() {
    let cases = lines("jsonata-cases.jsonl");
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    for case in &cases {
        let expr = case["expr"].as_str().unwrap();
        let expect_error = case["expect"] == "syntax-error";
        match (parse_jsonata(expr), expect_error) {
            (Ok(_), false) | (Err(_), true) => {}
            (Ok(_), true) if KNOWN_MISSED_SYNTAX_ERRORS.contains(&expr) => missed.push(expr),
            (Ok(_), true) => wrong.push(format!("{} {}: should fail: {expr:?}", case["group"], case["case"])),
            (Err(e), false) => wrong.push(format!("{} {}: {e}: {expr:?}", case["group"], case["case"])),
        }
    }
    eprintln!(
        "jsonata suite: {} cases, {} agree, {} known misses",
        cases.len(),
        cases.len() - wrong.len() - missed.len(),
        missed.len()
    );
    assert!(cases.len() > 1600);
    assert!(wrong.is_empty(), "{} disagreements:\n{}", wrong.len(), wrong.join("\n"));
}

/// RFC 9535 rules that the AWS (Jayway) dialect does not share, so that a different
/// verdict is expected: we accept what the RFC rejects in these areas.
fn deliberate_difference(name: &str, selector: &str) -> bool {
    let lenient_areas = [
        "whitespace",    // Jayway trims and tolerates white space the RFC forbids
        "functions",     // filter functions are accepted without RFC well-typedness
        "filter",        // filters we cannot understand are accepted, not rejected
        "index",         // leading zeros / `-0` / out-of-range integers
        "slice",         // idem in slices
        "name selector", // escape rules of quoted names
        "basic",         // dot members: Jayway accepts any character but `.`, `[`, `(`
    ];
    lenient_areas.iter().any(|area| name.starts_with(area)) || selector.contains("$$")
}

#[test]
#[cfg_attr(not(has_shared), ignore = "../shared is absent")]
fn jsonpath_suite_never_panics_and_mostly_agrees() {
    let tests = lines("jsonpath-rfc9535-cts.jsonl");
    let (mut valid, mut valid_accepted, mut invalid, mut invalid_rejected) = (0, 0, 0, 0);
    let mut unexplained = Vec::new();
    for test in &tests {
        let name = test["name"].as_str().unwrap();
        let selector = test["selector"].as_str().unwrap();
        let accepted = parse_path(selector).is_ok();
        if test["invalid"] == true {
            invalid += 1;
            invalid_rejected += usize::from(!accepted);
            if accepted && !deliberate_difference(name, selector) {
                unexplained.push(format!("accepted {name}: {selector:?}"));
            }
        } else {
            valid += 1;
            valid_accepted += usize::from(accepted);
            if !accepted && !selector.contains(", ?") {
                unexplained.push(format!("rejected {name}: {selector:?}"));
            }
        }
    }
    let agreement = (valid_accepted + invalid_rejected) as f64 / (valid + invalid) as f64;
    eprintln!(
        "RFC 9535 suite: valid accepted {valid_accepted}/{valid}, invalid rejected {invalid_rejected}/{invalid}, agreement {:.1}%",
        agreement * 100.0
    );
    // Every RFC-valid selector must be accepted: the AWS dialect is a superset for
    // the syntax the suite uses (a false error would be worse than a missed one).
    // Only the RFC union that mixes a filter with other selectors is refused.
    assert!(valid - valid_accepted <= 1, "{}", unexplained.join("\n"));
    assert!(agreement > 0.70);
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}
