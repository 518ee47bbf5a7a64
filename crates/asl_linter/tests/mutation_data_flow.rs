//! Data-flow defects injected by text edits into valid definitions: each must be reported
//! at the faulty token inside the string, counted through JSON escapes (`\"`, `\u00e9`)
//! that come before it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use asl_diagnostics::Severity;
use asl_syntax::{LineIndex, PositionEncoding};

const JSONPATH: &str = include_str!("../../../test-corpus/data-flow/orders-jsonpath.asl.json");
const JSONATA: &str = include_str!("../../../test-corpus/data-flow/orders-jsonata.asl.json");

/// One injected defect: replace `from` by `to` in `source`; the finding must start at the
/// first occurrence of `token` inside `to` (as written in the JSON source).
struct Mutation {
    name: &'static str,
    source: &'static str,
    from: &'static str,
    to: &'static str,
    token: &'static str,
    /// The expected rule code; `None`: any error-severity finding.
    code: Option<&'static str>,
}

const MUTATIONS: &[Mutation] = &[
    Mutation {
        name: "bad path syntax after escapes",
        source: JSONPATH,
        from: r#""InputPath": "$.order""#,
        to: r#""InputPath": "$.caf\u00e9.\"x\" y""#,
        token: " y",
        code: Some("ASL301"),
    },
    Mutation {
        name: "wildcard in ResultPath",
        source: JSONPATH,
        from: r#""ResultPath": "$.payment""#,
        to: r#""ResultPath": "$.payment[*]""#,
        token: "[*]",
        code: Some("ASL302"),
    },
    Mutation {
        name: "`.$` value that is not a path",
        source: JSONPATH,
        from: r#""orderId.$": "$.orderId""#,
        to: r#""orderId.$": "order\u00e9Id""#,
        token: r"order\u00e9Id",
        code: Some("ASL310"),
    },
    Mutation {
        name: "wrong intrinsic arity",
        source: JSONPATH,
        from: "States.MathAdd($.count, 1)",
        to: "States.MathAdd($.count)",
        token: "States.MathAdd",
        code: Some("ASL322"),
    },
    Mutation {
        name: "misspelt intrinsic after escapes",
        source: JSONPATH,
        from: "States.UUID()",
        to: "States.UUDI()",
        token: "States.UUDI",
        code: Some("ASL321"),
    },
    Mutation {
        name: "States.Format placeholder count",
        source: JSONPATH,
        from: r#"States.Format('Hello {} from caf\u00e9 \"Bleu\"', $.customer.name)"#,
        to: r#"States.Format('Hello {} from caf\u00e9 \"Bleu\" {}', $.customer.name)"#,
        token: "'Hello",
        code: Some("ASL324"),
    },
    Mutation {
        name: "JSONata syntax error after escapes",
        source: JSONATA,
        from: r#""Output": "{% $states.input.items %}""#,
        to: r#""Output": "{% '\u00e9\"' & $states.input.items) %}""#,
        token: ")",
        code: Some("ASL330"),
    },
    Mutation {
        name: "$states.result in Arguments",
        source: JSONATA,
        from: "'amount': $total,",
        to: r#"'caf\u00e9 \"a\"': $states.result,"#,
        token: "$states.result",
        code: Some("ASL332"),
    },
    Mutation {
        name: "$states.errorOutput outside a Catch",
        source: JSONATA,
        from: r#""Output": "{% $states.result.Payload %}""#,
        to: r#""Output": "{% $states.errorOutput %}""#,
        token: "$states.errorOutput",
        code: Some("ASL332"),
    },
    Mutation {
        name: "JSONPath field in a JSONata state",
        source: JSONATA,
        from: r#""Type": "Pass",
      "Assign""#,
        to: r#""Type": "Pass",
      "InputPath": "$.order",
      "Assign""#,
        token: r#""InputPath""#,
        code: None,
    },
    Mutation {
        name: "variable read before it is assigned",
        source: JSONATA,
        from: r#""Output": "{% $states.input.items %}""#,
        to: r#""Output": "{% '\u00e9\"' & $receipt %}""#,
        token: "$receipt",
        code: Some("ASL342"),
    },
];

#[test]
fn the_unmutated_files_have_no_data_flow_findings() {
    for source in [JSONPATH, JSONATA] {
        let analysis = common::analyze_default(source);
        assert!(analysis.diagnostics.is_empty(), "{}", common::check(source));
    }
}

#[test]
fn each_defect_is_reported_at_its_token() {
    let mut failures = Vec::new();
    for mutation in MUTATIONS {
        assert_eq!(
            mutation.source.matches(mutation.from).count(),
            1,
            "{}: `from` must occur once",
            mutation.name
        );
        let mutated = mutation.source.replacen(mutation.from, mutation.to, 1);
        let edit_at = mutation.source.find(mutation.from).unwrap();
        let expected = edit_at + mutation.to.find(mutation.token).unwrap();
        let analysis = common::analyze_default(&mutated);
        let found = analysis.diagnostics.iter().any(|d| {
            let code_matches = match mutation.code {
                Some(code) => d.code == code,
                None => d.severity == Severity::Error,
            };
            code_matches && d.range.start as usize == expected
        });
        if !found {
            let index = LineIndex::new(&mutated);
            let at = index.line_col(expected as u32, PositionEncoding::Utf8);
            failures.push(format!(
                "{}: expected {} at {}:{} (offset {expected}), got:\n{}",
                mutation.name,
                mutation.code.unwrap_or("an error"),
                at.line + 1,
                at.col + 1,
                common::check(&mutated)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn columns_count_characters_not_escape_sequences() {
    // `\"` is two source bytes, `\u00e9` six: the column is in the source, past them.
    let mutation = &MUTATIONS[0];
    let mutated = mutation.source.replacen(mutation.from, mutation.to, 1);
    let analysis = common::analyze_default(&mutated);
    let diagnostic = analysis.diagnostics.iter().find(|d| d.code == "ASL301").unwrap();
    let index = LineIndex::new(&mutated);
    let at = index.line_col(diagnostic.range.start, PositionEncoding::Utf16);
    let line = mutated.lines().nth(at.line as usize).unwrap();
    assert_eq!(&line[at.col as usize..at.col as usize + 2], " y", "{line}");
}
