#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_semantic::expr::ExprIssue;
use asl_semantic::expr::jsonata::{
    Binding, ExprKind, ImplicitInputKind, check_jsonata, jsonata_body, parse_jsonata, references,
};

#[test]
fn valid_expressions_parse() {
    let valid = [
        "$states.input.items[price > 10].name",
        "$states.input.items[$.price > 10]",
        "'single' & \"double\\n\"",
        "`weird name`.x",
        "$$.a",
        "1 + 2 * 3 / 4 % 5 - -6",
        "a = b and c != d or e < f and g <= h and i > j and k >= l and m in [1, 2]",
        "[1..5]",
        "$map([1, 2], function($v, $i) { $v * $i })",
        "λ($x)<n:n>{ $x + 1 }(2)",
        "$substring(?, 0, 2)",
        "$x ~> $uppercase()",
        "$x ? 'yes' : 'no'",
        "$x ?: 'default'",
        "$x ?? 'default'",
        "($a := 1; $b := $a + 1; $b)",
        "/* comment */ $match($s, /a(b+)/i)",
        "$s / 2",
        "Account.Order^(>Price, <Name)",
        "Account.Order{Product: $sum(Price)}",
        "Account.Order#$i[$i < 2]",
        "Account.Order@$o.Product",
        "Product.%.OrderID",
        "**.Price",
        "*.a",
        "{ 'a': 1, 'b': [true, false, null] }",
        "| Account | {'x': 1}, ['y'] |",
        "$states.context.Execution.Id",
    ];
    for expr in valid {
        if let Err(e) = parse_jsonata(expr) {
            panic!("{expr:?} should parse: {e}");
        }
    }
}

#[test]
fn syntax_errors_point_at_the_fault() {
    let invalid = [
        ("", 0),
        ("1 +", 3),
        ("(1; 2", 5),
        ("[1, 2)", 5),
        ("'open", 0),
        ("`open", 0),
        ("/* open", 0),
        ("\"\\y\"", 1),
        ("\"\\u12\"", 1),
        ("1e999", 0),
        ("$x := ", 6),
        ("a := 1", 0),
        ("function(x){ $x }", 9),
        ("a@b", 2),
        ("a 1", 2),
        ("1 ! 2", 2),
        ("$.7", 2),
        ("%", 0),
        ("$match($s, //)", 11),
    ];
    for (expr, at) in invalid {
        match parse_jsonata(expr) {
            Ok(e) => panic!("{expr:?} should fail, parsed as {e:?}"),
            Err(e) => assert_eq!(e.range.start, at, "{expr:?}: {e}"),
        }
    }
}

#[test]
fn regex_or_division_depends_on_the_previous_token() {
    let division = parse_jsonata("a / b / c").unwrap();
    assert!(matches!(division.kind, ExprKind::Binary { op: "/", .. }));
    let call = parse_jsonata("$replace(s, /x/, 'y')").unwrap();
    let ExprKind::Call { args, .. } = call.kind else {
        panic!()
    };
    assert_eq!(args[1].kind, ExprKind::Regex("/x/".into()));
    assert_eq!(args[1].range, 12..15);
}

#[test]
fn variables_are_classified_by_scope() {
    let expr = parse_jsonata(
        "($total := $sum($orders.price); $f := function($o) { $o.qty * $rate }; $f($total) ~> $round(2))",
    )
    .unwrap();
    let refs = references(&expr);
    let found: Vec<(&str, Binding)> = refs.variables.iter().map(|v| (v.name.as_str(), v.binding)).collect();
    assert_eq!(
        found,
        [
            ("sum", Binding::Builtin),
            ("orders", Binding::Free),
            ("o", Binding::Local),
            ("rate", Binding::Free),
            ("f", Binding::Local),
            ("total", Binding::Local),
            ("round", Binding::Builtin),
        ]
    );
    assert_eq!(refs.variables[1].range, 16..23);

    // The right side of `:=` reads the outer variable.
    let shadow = references(&parse_jsonata("($x := $x + 1; $x)").unwrap());
    let bindings: Vec<Binding> = shadow.variables.iter().map(|v| v.binding).collect();
    assert_eq!(bindings, [Binding::Free, Binding::Local]);

    let bound = references(&parse_jsonata("items@$i[$i.ok].($i.name & $j)").unwrap());
    let bindings: Vec<(&str, Binding)> = bound.variables.iter().map(|v| (v.name.as_str(), v.binding)).collect();
    assert_eq!(
        bindings,
        [("i", Binding::Local), ("i", Binding::Local), ("j", Binding::Free)]
    );
}

#[test]
fn states_accesses_are_listed() {
    let expr = parse_jsonata("$states.input.a & $states.context.Execution.Id & $count($states.result[0])").unwrap();
    let refs = references(&expr);
    let members: Vec<(Option<&str>, Vec<&str>)> = refs
        .states
        .iter()
        .map(|s| {
            (
                s.member.as_ref().map(|(m, _)| m.as_str()),
                s.path.iter().map(|(n, _)| n.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        members,
        [
            (Some("input"), vec!["a"]),
            (Some("context"), vec!["Execution", "Id"]),
            (Some("result"), vec![]),
        ]
    );
    assert_eq!(refs.states[1].range, 18..25);
    assert_eq!(refs.states[1].member.as_ref().unwrap().1, 26..33);
    assert!(refs.variables.iter().all(|v| v.name != "states"));
}

#[test]
fn implicit_input_reads_are_found_only_at_the_top_level() {
    let kinds = |s: &str| -> Vec<ImplicitInputKind> {
        references(&parse_jsonata(s).unwrap())
            .implicit_input
            .into_iter()
            .map(|r| r.kind)
            .collect()
    };
    assert_eq!(kinds("$states.input.items[$.price > 10].name"), []);
    assert_eq!(kinds("$states.input.{ 'n': name }"), []);
    assert_eq!(kinds("$"), [ImplicitInputKind::Dollar]);
    assert_eq!(kinds("$.a"), [ImplicitInputKind::Dollar]);
    assert_eq!(kinds("$$.a"), [ImplicitInputKind::DoubleDollar]);
    assert_eq!(kinds("$states.input[$$.x]"), [ImplicitInputKind::DoubleDollar]);
    assert_eq!(kinds("$count(items)"), [ImplicitInputKind::Field("items".into())]);
    assert_eq!(kinds("a.b"), [ImplicitInputKind::Field("a".into())]);
    assert_eq!(kinds("$x.b"), []);
    let refs = references(&parse_jsonata("1 + price").unwrap());
    assert_eq!(refs.implicit_input[0].range, 4..9);
}

#[test]
fn calls_are_checked_unless_shadowed() {
    let issues = |s: &str| -> Vec<ExprIssue> {
        {
            let expr = parse_jsonata(s).unwrap();
            check_jsonata(&expr, &references(&expr))
        }
        .into_iter()
        .map(|d| d.issue)
        .collect()
    };
    assert_eq!(issues("$uppercase($states.input.a)"), []);
    assert_eq!(issues("$states.input.a ~> $substring(0, 2)"), []);
    assert_eq!(
        issues("$uuid() & $hash('a', 'SHA-256') & $string($partition([1], 1))"),
        []
    );
    assert_eq!(issues("$eval('1')"), [ExprIssue::ForbiddenFunction]);
    assert_eq!(issues("$substring()"), [ExprIssue::ArgumentCount]);
    assert_eq!(issues("$uuid(1)"), [ExprIssue::ArgumentCount]);
    assert_eq!(
        issues("$upercase('a')"),
        [ExprIssue::UnknownFunction {
            suggestion: Some("uppercase")
        }]
    );
    assert_eq!(issues("($eval := function($x){ $x }; $eval(1, 2, 3))"), []);
    assert_eq!(issues("($count := function(){ 1 }; $count())"), []);

    let expr = parse_jsonata("$uuid(1)").unwrap();
    let found = check_jsonata(&expr, &references(&expr));
    assert_eq!(found[0].range, 0..8);
    assert!(found[0].message.contains("$uuid"), "{}", found[0].message);
}

#[test]
fn jsonata_strings_need_both_delimiters() {
    assert_eq!(jsonata_body("{% $x %}"), Some((2, " $x ")));
    assert_eq!(jsonata_body("{%$x%}"), Some((2, "$x")));
    assert_eq!(jsonata_body("{%%}"), Some((2, "")));
    assert_eq!(jsonata_body(" {% $x %}"), None);
    assert_eq!(jsonata_body("{% $x %} "), None);
    assert_eq!(jsonata_body("{%}"), None);
    assert_eq!(jsonata_body("{% $x"), None);
}
