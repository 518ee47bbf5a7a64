//! Mutation test for the structure rules: each case breaks a valid definition of
//! `test-corpus/structure/` with a text edit and expects an error of the given rule on the
//! line of the defect.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use asl_diagnostics::Severity;
use asl_syntax::{LineIndex, PositionEncoding};

/// `test-corpus/structure/` files.
const JSONPATH: &str = "orders-jsonpath.asl.json";
const JSONATA: &str = "orders-jsonata.asl.json";
const DISTRIBUTED: &str = "distributed-map.asl.json";

struct Case {
    name: &'static str,
    file: &'static str,
    /// Text replacements, applied in order, each to the only occurrence of its needle.
    edits: &'static [(&'static str, &'static str)],
    /// The rule expected to report the defect.
    code: &'static str,
    /// Where the defect is: a text that occurs once in the mutated file, plus a line offset.
    /// An empty text means the first edit's replacement.
    at: (&'static str, i32),
}

const fn case(
    name: &'static str,
    file: &'static str,
    edits: &'static [(&'static str, &'static str)],
    code: &'static str,
) -> Case {
    Case {
        name,
        file,
        edits,
        code,
        at: ("", 0),
    }
}

const fn case_at(
    name: &'static str,
    file: &'static str,
    edits: &'static [(&'static str, &'static str)],
    code: &'static str,
    at: (&'static str, i32),
) -> Case {
    Case {
        name,
        file,
        edits,
        code,
        at,
    }
}

const LONG_NAME: &str = "\"A state name of eighty-one characters, one more than the longest AWS accepts.....\": {";

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Fields per state type.
    case("unknown field", JSONPATH, &[("\"TimeoutSeconds\": 30,", "\"TimeoutSecond\": 30,")], "ASL105"),
    case("unknown root field", JSONPATH, &[("\"TimeoutSeconds\": 3600,", "\"TimeoutSeconds\": 3600, \"Timeout\": 5,")], "ASL105"),
    case("Result in a Task", JSONPATH, &[("\"ResultPath\": \"$.validation\",", "\"ResultPath\": \"$.validation\", \"Result\": {},")], "ASL105"),
    case("Retry in a Pass", JSONPATH, &[("\"ResultPath\": \"$.label\",", "\"ResultPath\": \"$.label\", \"Retry\": [],")], "ASL105"),
    case("misspelt operator", JSONPATH, &[("\"StringEquals\": \"DE\"", "\"StringEqual\": \"DE\"")], "ASL105"),
    case("Assign in a Succeed", JSONATA, &[("\"Type\": \"Succeed\"", "\"Type\": \"Succeed\", \"Assign\": {}")], "ASL105"),
    case("unknown state type", JSONPATH, &[("\"Type\": \"Wait\",\n      \"Timestamp\"", "\"Type\": \"Wiat\",\n      \"Timestamp\"")], "ASL104"),
    // Types.
    case("string for an integer", JSONPATH, &[("\"TimeoutSeconds\": 30,", "\"TimeoutSeconds\": \"30\",")], "ASL103"),
    case("string MaxAttempts", JSONPATH, &[("\"MaxAttempts\": 3,", "\"MaxAttempts\": \"3\",")], "ASL103"),
    case_at("string End", JSONPATH, &[("\"ResultPath\": \"$.label\",\n              \"End\": true", "\"ResultPath\": \"$.label\",\n              \"End\": \"yes\"")], "ASL103", ("\"End\": \"yes\"", 0)),
    case("null ItemsPath", JSONPATH, &[("\"ItemsPath\": \"$.validation.order.items\",", "\"ItemsPath\": null,")], "ASL103"),
    case("string ResultSelector", JSONPATH, &[("\"ResultPath\": \"$.shipping\",", "\"ResultPath\": \"$.shipping\", \"ResultSelector\": \"x\",")], "ASL103"),
    case("plain string for a JSONata number", JSONATA, &[("\"TimeoutSeconds\": \"{% $states.input.timeout %}\",", "\"TimeoutSeconds\": \"soon\",")], "ASL103"),
    // Required fields.
    case_at("Task without Resource", JSONPATH, &[("\"Resource\": \"arn:aws:states:us-east-1:123456789012:activity:review\",", "")], "ASL102", ("\"Review\": {", 0)),
    case_at("Retrier without ErrorEquals", JSONPATH, &[("\"ErrorEquals\": [\"Lambda.TooManyRequestsException\"],", "")], "ASL102", ("\"Retry\": [", 1)),
    case_at("Catcher without Next", JSONPATH, &[("\"Next\": \"Rejected\"", "\"Comment\": \"no next\"")], "ASL102", ("\"Comment\": \"no next\"", -3)),
    case("Credentials without RoleArn", JSONPATH, &[("\"TimeoutSecondsPath\": \"$.reviewTimeout\",", "\"TimeoutSecondsPath\": \"$.reviewTimeout\", \"Credentials\": {},")], "ASL102"),
    case_at("Wait without duration", JSONPATH, &[("\"Timestamp\": \"2026-01-01T00:00:00Z\",", "")], "ASL102", ("\"Hold\": {", 0)),
    case_at("JSONata rule without Condition", JSONATA, &[("\"Condition\": \"{% $states.input.total > 1000 %}\",", "\"Comment\": \"none\",")], "ASL102", ("\"Comment\": \"none\",", -1)),
    case_at("ItemBatcher without limit", DISTRIBUTED, &[("\"MaxItemsPerBatch\": 100,\n        \"MaxInputBytesPerBatch\": 65536", "\"BatchInput\": {}")], "ASL102", ("\"ItemBatcher\"", 0)),
    // Query languages.
    case("JSONPath field in a JSONata state", JSONATA, &[("\"Output\": \"{% $states.result.Payload %}\",", "\"ResultSelector\": {\"a\": 1},")], "ASL106"),
    case("JSONata field in a JSONPath state", JSONPATH, &[("\"ResultPath\": \"$.validation\",", "\"Output\": \"{% $states.result %}\",")], "ASL106"),
    case("Variable in a JSONata Choice", JSONATA, &[("\"Condition\": \"{% $states.input.total > 1000 %}\",", "\"Variable\": \"$.total\", \"NumericGreaterThan\": 1000,")], "ASL106"),
    case("ItemsPath in JSONata", JSONATA, &[("\"Items\": \"{% $states.input.items %}\",", "\"ItemsPath\": \"$.items\",")], "ASL106"),
    case("SecondsPath in JSONata", JSONATA, &[("\"Seconds\": 60,", "\"SecondsPath\": \"$.s\",")], "ASL106"),
    case("JSONPath state in a JSONata machine", JSONATA, &[("\"Type\": \"Succeed\"", "\"Type\": \"Succeed\", \"QueryLanguage\": \"JSONPath\"")], "ASL107"),
    // Next and End.
    case("Next and End", JSONPATH, &[("\"Next\": \"Route\"", "\"Next\": \"Route\", \"End\": true")], "ASL109"),
    case_at("neither Next nor End", JSONPATH, &[("\"TimeoutSecondsPath\": \"$.reviewTimeout\",\n      \"Next\": \"Ship\"", "\"TimeoutSecondsPath\": \"$.reviewTimeout\"")], "ASL109", ("\"Review\": {", 0)),
    case("End on a Succeed", JSONPATH, &[("\"OutputPath\": \"$.shipping\"", "\"OutputPath\": \"$.shipping\", \"End\": true")], "ASL109"),
    case("Next on a Fail", JSONPATH, &[("\"Error\": \"OrderRejected\",", "\"Error\": \"OrderRejected\", \"Next\": \"Done\",")], "ASL109"),
    case("Next on a Choice", JSONPATH, &[("\"Default\": \"Ship\"", "\"Default\": \"Ship\", \"Next\": \"Ship\"")], "ASL109"),
    // Exclusive fields.
    case("HeartbeatSeconds and its Path", JSONPATH, &[("\"HeartbeatSeconds\": 10,", "\"HeartbeatSeconds\": 10, \"HeartbeatSecondsPath\": \"$.hb\",")], "ASL110"),
    case("Cause and CausePath", JSONPATH, &[("\"CausePath\": \"$.error.Cause\"", "\"CausePath\": \"$.error.Cause\", \"Cause\": \"x\"")], "ASL110"),
    case("two Wait durations", JSONPATH, &[("\"Timestamp\": \"2026-01-01T00:00:00Z\",", "\"Timestamp\": \"2026-01-01T00:00:00Z\", \"Seconds\": 5,")], "ASL110"),
    case("ItemProcessor and Iterator", JSONPATH, &[("\"ResultPath\": null,", "\"ResultPath\": null, \"Iterator\": {\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Succeed\"}}},")], "ASL110"),
    case("ItemSelector and Parameters", JSONPATH, &[("\"MaxConcurrency\": 4,", "\"MaxConcurrency\": 4, \"Parameters\": {},")], "ASL110"),
    case("tolerated percentage and its Path", DISTRIBUTED, &[("\"ToleratedFailurePercentage\": 5,", "\"ToleratedFailurePercentage\": 5, \"ToleratedFailurePercentagePath\": \"$.p\",")], "ASL110"),
    // Ranges.
    case("zero TimeoutSeconds", JSONPATH, &[("\"TimeoutSeconds\": 30,", "\"TimeoutSeconds\": 0,")], "ASL111"),
    case("root TimeoutSeconds too large", JSONPATH, &[("\"TimeoutSeconds\": 3600,", "\"TimeoutSeconds\": 100000000,")], "ASL111"),
    case("BackoffRate below one", JSONPATH, &[("\"BackoffRate\": 2.0,", "\"BackoffRate\": 0.5,")], "ASL111"),
    case("MaxDelaySeconds too large", JSONPATH, &[("\"MaxDelaySeconds\": 60,", "\"MaxDelaySeconds\": 99999999,")], "ASL111"),
    case("negative MaxConcurrency", JSONPATH, &[("\"MaxConcurrency\": 4,", "\"MaxConcurrency\": -1,")], "ASL111"),
    case("negative MaxItems", DISTRIBUTED, &[("\"MaxItems\": 1000", "\"MaxItems\": -1")], "ASL111"),
    case("batch over 256 KiB", DISTRIBUTED, &[("\"MaxInputBytesPerBatch\": 65536", "\"MaxInputBytesPerBatch\": 300000")], "ASL111"),
    case("tolerated percentage over 100", DISTRIBUTED, &[("\"ToleratedFailurePercentage\": 5,", "\"ToleratedFailurePercentage\": 101,")], "ASL111"),
    case("heartbeat not below timeout", JSONPATH, &[("\"HeartbeatSeconds\": 10,", "\"HeartbeatSeconds\": 30,")], "ASL112"),
    // Enumerations.
    case("lowercase JitterStrategy", JSONPATH, &[("\"JitterStrategy\": \"FULL\"", "\"JitterStrategy\": \"full\"")], "ASL113"),
    case("unknown Version", JSONPATH, &[("\"TimeoutSeconds\": 3600,", "\"TimeoutSeconds\": 3600, \"Version\": \"2.0\",")], "ASL113"),
    case("unknown Mode", DISTRIBUTED, &[("\"Mode\": \"DISTRIBUTED\",", "\"Mode\": \"Distributed\",")], "ASL113"),
    case("unknown ExecutionType", DISTRIBUTED, &[("\"ExecutionType\": \"EXPRESS\"", "\"ExecutionType\": \"EXPRES\"")], "ASL113"),
    case("unknown InputType", DISTRIBUTED, &[("\"InputType\": \"CSV\",", "\"InputType\": \"XLSX\",")], "ASL113"),
    case("unknown CSVHeaderLocation", DISTRIBUTED, &[("\"CSVHeaderLocation\": \"FIRST_ROW\",", "\"CSVHeaderLocation\": \"FIRST\",")], "ASL113"),
    // Timestamps.
    case("Wait timestamp with a month 13", JSONPATH, &[("\"Timestamp\": \"2026-01-01T00:00:00Z\",", "\"Timestamp\": \"2026-13-01T00:00:00Z\",")], "ASL114"),
    case("Choice timestamp without T", JSONPATH, &[("\"TimestampLessThan\": \"2026-01-01T00:00:00Z\"", "\"TimestampLessThan\": \"2026-01-01 00:00:00Z\"")], "ASL114"),
    // Choice rules.
    case("two operators in one rule", JSONPATH, &[("\"NumericGreaterThan\": 1000,", "\"NumericGreaterThan\": 1000, \"NumericLessThan\": 5000,")], "ASL115"),
    case("string for a numeric operator", JSONPATH, &[("\"NumericGreaterThan\": 1000,", "\"NumericGreaterThan\": \"1000\",")], "ASL116"),
    case("Variable not a string", JSONPATH, &[("\"Variable\": \"$.validation.order.total\",", "\"Variable\": 7,")], "ASL116"),
    // A path without `$` is reported by the data-flow rules.
    case("Variable without $", JSONPATH, &[("\"Variable\": \"$.validation.order.total\",", "\"Variable\": \"validation.order.total\",")], "ASL301"),
    case("Next in a nested rule", JSONPATH, &[("\"StringEquals\": \"DE\"", "\"StringEquals\": \"DE\", \"Next\": \"Hold\"")], "ASL117"),
    // Map modes.
    case_at("Distributed fields in an inline Map", DISTRIBUTED, &[("\"Mode\": \"DISTRIBUTED\",", "\"Mode\": \"INLINE\",")], "ASL119", ("\"Label\"", 0)),
    case("tolerated failures in an inline Map", JSONPATH, &[("\"MaxConcurrency\": 4,", "\"MaxConcurrency\": 4, \"ToleratedFailureCount\": 1,")], "ASL119"),
    case("Label of 41 characters", DISTRIBUTED, &[("\"Label\": \"process-rows\",", "\"Label\": \"abcdefghijabcdefghijabcdefghijabcdefghijk\",")], "ASL120"),
    case("Label with a space", DISTRIBUTED, &[("\"Label\": \"process-rows\",", "\"Label\": \"process rows\",")], "ASL120"),
    // Task resources.
    case("integration with two colons", JSONPATH, &[("\"Resource\": \"arn:aws:states:::sns:publish\",", "\"Resource\": \"arn:aws:states::sns:publish\",")], "ASL121"),
    case("unknown integration pattern", JSONATA, &[("\"Resource\": \"arn:aws:states:::lambda:invoke\",", "\"Resource\": \"arn:aws:states:::lambda:invoke.sink\",")], "ASL121"),
    case("unknown partition", JSONPATH, &[("\"Resource\": \"arn:aws:states:::sns:publish\",", "\"Resource\": \"arn:aws-mars:states:::sns:publish\",")], "ASL121"),
    case("not an ARN", JSONPATH, &[("\"Resource\": \"arn:aws:states:us-east-1:123456789012:activity:review\",", "\"Resource\": \"review\",")], "ASL121"),
    case("unclosed placeholder", DISTRIBUTED, &[("\"Resource\": \"arn:aws:states:::lambda:invoke\",", "\"Resource\": \"${HandleFunctionArn\",")], "ASL121"),
    // Quotas.
    case("state name of 81 characters", JSONPATH, &[("\"Hold\": {", LONG_NAME)], "ASL122"),
    // Schema long tail.
    case("empty error name", JSONPATH, &[("\"ErrorEquals\": [\"States.ALL\"],", "\"ErrorEquals\": [\"\"],")], "ASL127"),
    // Names are unique across scopes (the flow rules report it).
    case_at("duplicate state name across scopes", JSONPATH, &[("\"StartAt\": \"Label\",", "\"StartAt\": \"Hold\","), ("\"Label\": {", "\"Hold\": {")], "ASL207", ("\"Hold\": {\n              \"Type\": \"Pass\"", 0)),
];

fn corpus(file: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../test-corpus/structure")
            .join(file),
    )
    .unwrap()
}

fn only_occurrence(text: &str, needle: &str, what: &str) -> usize {
    let mut found = text.match_indices(needle).map(|(i, _)| i);
    let first = found.next().unwrap_or_else(|| panic!("{what}: {needle:?} not found"));
    assert!(found.next().is_none(), "{what}: {needle:?} occurs more than once");
    first
}

#[test]
fn corpus_files_are_valid() {
    for file in [JSONPATH, JSONATA, DISTRIBUTED] {
        let errors: Vec<String> = common::analyze_default(&corpus(file))
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn each_injected_defect_is_reported_on_its_line() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut text = corpus(case.file);
        for (needle, replacement) in case.edits {
            let at = only_occurrence(&text, needle, case.name);
            text.replace_range(at..at + needle.len(), replacement);
        }
        let (anchor, offset) = match case.at {
            ("", offset) => (case.edits[0].1, offset),
            other => other,
        };
        let index = LineIndex::new(&text);
        let line_of = |offset: usize| index.line_col(offset as u32, PositionEncoding::Utf32).line as i64;
        let expected_line = line_of(only_occurrence(&text, anchor, case.name)) + i64::from(offset);
        let analysis = common::analyze_default(&text);
        let on_line: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| line_of(d.range.start as usize) == expected_line)
            .collect();
        if !on_line.iter().any(|d| d.code == case.code) {
            let all: Vec<String> = analysis
                .diagnostics
                .iter()
                .map(|d| format!("{}@{} {}", d.code, line_of(d.range.start as usize) + 1, d.message))
                .collect();
            failures.push(format!(
                "{}: expected {} on line {}, got {all:#?}",
                case.name,
                case.code,
                expected_line + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
