#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_semantic::expr::ExprIssue;
use asl_semantic::expr::intrinsic::{
    Argument, ArgumentKind, ERROR_PATH_FUNCTIONS, INTRINSIC_FUNCTIONS, check_intrinsic, intrinsic_spec,
    is_intrinsic_call, parse_intrinsic,
};

fn issues(s: &str) -> Vec<ExprIssue> {
    let call = parse_intrinsic(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"));
    check_intrinsic(&call).into_iter().map(|d| d.issue).collect()
}

#[test]
fn valid_calls_have_no_findings() {
    let valid = [
        "States.UUID()",
        "States.Format('Hello, {}!', $.name)",
        "States.Format('{} and {}', $.a, $$.Execution.Id)",
        "States.Format('literal \\{\\} braces')",
        "States.Format('{}', $myVar.x)",
        "States.Array(1, 'two', $.three, null, true, States.UUID())",
        "States.Array()",
        "States.ArrayPartition($.items, 4)",
        "States.ArrayRange(1, 9, 2)",
        "States.ArrayGetItem($.a, 0)",
        "States.ArrayLength(States.StringSplit($.s, ','))",
        "States.Hash($.data, 'SHA-256')",
        "States.JsonMerge($.a, $.b, false)",
        "States.MathRandom(1, 999)",
        "States.MathRandom(1, 999, 42)",
        "States.MathAdd($.x, -1)",
        "States.JsonToString($.a[0,1])",
        "States.StringToJson('{\"a\":1}')",
        "  States.Base64Encode( $.text )  ",
        "States.Format('{}', $.a[?(@.x == ',')])",
    ];
    for s in valid {
        assert_eq!(issues(s), [], "{s}");
    }
}

#[test]
fn syntax_errors_point_at_the_fault() {
    let invalid = [
        ("States.Format('abc", 14),
        ("States.Format('abc\\", 18),
        ("States.Format(\"abc\")", 14),
        ("States.Format('a' $.b)", 18),
        ("States.Format('a', foo)", 19),
        ("States.Format('a', $.)", 20),
        ("States.Format('a'", 13),
        ("States.UUID() x", 14),
        ("States.UUID", 11),
        ("(", 0),
        ("States.Array($.a[0)", 18),
        // Only \' \{ \} \\ are escapes: the backslash of any other is the fault.
        ("States.StringToJson('{\\\"a\\\":1}')", 22),
        ("States.Format('a\\nb')", 16),
    ];
    for (s, at) in invalid {
        match parse_intrinsic(s) {
            Ok(c) => panic!("{s:?} should fail, parsed as {c:?}"),
            Err(e) => assert_eq!(e.range.start, at, "{s:?}: {e}"),
        }
    }
}

#[test]
fn checks_report_the_expected_issue() {
    use ExprIssue::*;
    let cases: &[(&str, &[ExprIssue])] = &[
        (
            "States.Formatt('x')",
            &[UnknownFunction {
                suggestion: Some("States.Format"),
            }],
        ),
        (
            "states.format('x')",
            &[UnknownFunction {
                suggestion: Some("States.Format"),
            }],
        ),
        (
            "State.Format('x')",
            &[UnknownFunction {
                suggestion: Some("States.Format"),
            }],
        ),
        ("States.Nope($.a)", &[UnknownFunction { suggestion: None }]),
        ("States.UUID(1)", &[ArgumentCount]),
        ("States.MathRandom(1)", &[ArgumentCount]),
        ("States.MathRandom(1, 2, 3, 4)", &[ArgumentCount]),
        ("States.Format()", &[ArgumentCount]),
        ("States.ArrayRange(1.5, 3, 1)", &[InvalidArgument]),
        ("States.ArrayRange(1, 3, 0)", &[InvalidArgument]),
        ("States.ArrayRange(0, 5000, 1)", &[InvalidArgument]),
        ("States.ArrayPartition($.a, 0)", &[InvalidArgument]),
        ("States.MathAdd('1', 2)", &[InvalidArgument]),
        ("States.Hash($.a, 'SHA256')", &[InvalidArgument]),
        ("States.JsonToString('x')", &[InvalidArgument]),
        ("States.JsonToString(States.UUID())", &[InvalidArgument]),
        ("States.JsonMerge($.a, $.b, true)", &[InvalidArgument]),
        ("States.Format('{} {}', $.a)", &[PlaceholderCount]),
        ("States.Format('{}')", &[PlaceholderCount]),
        ("States.Format(States.UUID())", &[InvalidArgument]),
        ("States.Format('{}', States.Array(1))", &[InvalidArgument]),
        ("States.ArrayLength(States.UUID())", &[InvalidArgument]),
        (
            "States.ArrayLength(States.Formatt('x'))",
            &[UnknownFunction {
                suggestion: Some("States.Format"),
            }],
        ),
    ];
    for (s, expected) in cases {
        assert_eq!(issues(s), *expected, "{s}");
    }
}

#[test]
fn diagnostics_name_the_function_and_point_at_the_argument() {
    let call = parse_intrinsic("States.Hash($.a, 'SHA256')").unwrap();
    let found = check_intrinsic(&call);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].range, 17..25);
    assert!(found[0].message.contains("States.Hash"), "{}", found[0].message);
    assert!(found[0].message.contains("SHA-256"), "{}", found[0].message);
}

#[test]
fn long_base64_literal_is_reported() {
    let long = format!("States.Base64Encode('{}')", "a".repeat(10_001));
    assert_eq!(issues(&long), [ExprIssue::InvalidArgument]);
    let ok = format!("States.Base64Encode('{}')", "a".repeat(10_000));
    assert_eq!(issues(&ok), []);
}

#[test]
fn nesting_deeper_than_ten_is_reported() {
    let nest = |n: usize| format!("{}$.a{}", "States.Array(".repeat(n), ")".repeat(n));
    assert_eq!(issues(&nest(10)), []);
    let call = parse_intrinsic(&nest(11)).unwrap();
    let found = check_intrinsic(&call);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].issue, ExprIssue::NestingTooDeep);
    assert_eq!(found[0].range, 130..142);
}

#[test]
fn strings_are_decoded_and_placeholders_counted() {
    let call = parse_intrinsic("States.Format('it\\'s {} \\{\\} {x} {}', 1, 2)").unwrap();
    let ArgumentKind::String(string) = &call.args[0].kind else {
        panic!("expected a string");
    };
    assert_eq!(string.value, "it's {} {} {x} {}");
    assert_eq!(string.placeholders, 2);
    assert_eq!(call.name_range, 0..13);
    assert_eq!(call.args[1].range(), 38..39);

    let call = parse_intrinsic("States.Format('\\\\ \\' \\{ \\}')").unwrap();
    let ArgumentKind::String(string) = &call.args[0].kind else {
        panic!("expected a string");
    };
    assert_eq!(string.value, "\\ ' { }");
}

/// A call may have an argument per two bytes of its text.
#[test]
fn an_argument_takes_24_bytes() {
    assert_eq!(std::mem::size_of::<Argument>(), 24);
}

#[test]
fn intrinsic_lookalikes() {
    for s in [
        "States.Format('x')",
        "states.format(",
        "State.Format(",
        "States.UUID ()",
        "Format('x')",
    ] {
        assert!(is_intrinsic_call(s), "{s}");
    }
    for s in ["$.a", "hello", "States.Format", "foo.bar(", "'x'"] {
        assert!(!is_intrinsic_call(s), "{s}");
    }
}

#[test]
fn tables_are_complete() {
    assert_eq!(INTRINSIC_FUNCTIONS.len(), 18);
    for name in ERROR_PATH_FUNCTIONS {
        let spec = intrinsic_spec(name).unwrap();
        assert!(
            matches!(
                spec.returns,
                asl_semantic::expr::ValueType::String | asl_semantic::expr::ValueType::Any
            ),
            "{name}"
        );
    }
    assert_eq!(intrinsic_spec("States.MathRandom").unwrap().max_args(), Some(3));
    assert_eq!(intrinsic_spec("States.Array").unwrap().max_args(), None);
}
