#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_semantic::expr::path::{
    FilterExpr, Operand, PathFunction, Root, Segment, SegmentKind, Selector, Slice, parse_path, unknown_context_member,
};

#[test]
fn valid_paths_parse() {
    let valid = [
        "$",
        "$$",
        "$.a",
        "$.store.book",
        "$.store\\.book",
        "$.a-b",
        "$.&Ж中.\u{10346}",
        "$.${DynamoDBTable_Attribute1}",
        "$['a b']",
        "$[\"x\"]['y']",
        "$.a[*]",
        "$.a.*",
        "$.a[0]",
        "$.a[-1]",
        "$.a[1:3]",
        "$.a[-1:]",
        "$.a[::2]",
        "$.a[0,1]",
        "$['a','b']",
        "$.a[?(@.price > 10 && @.x == 'y')]",
        "$.a[?(@.tags in ['a', 'b'])]",
        "$.a[?(@.name =~ /foo.*/i)]",
        "$.a[?(!(@.x) || @.y != null)]",
        "$..x",
        "$..*",
        "$..[0]",
        "$.a.length()",
        "$.a.concat(\"x\", @.y)",
        "$.a[(@.length-1)]",
        "$$.Execution.Id",
        "$$.Map.Item.Value",
        "$myVar",
        "$myVar.field[0]",
        "  $.a  ",
        "$[ 'a' ]",
        "$.a.['b']",
    ];
    for path in valid {
        if let Err(e) = parse_path(path) {
            panic!("{path:?} should parse: {e}");
        }
    }
}

#[test]
fn invalid_paths_report_the_faulty_character() {
    // (path, start of the error range)
    let invalid = [
        ("", 0),
        ("a.b", 0),
        ("$.", 1),
        ("$.a.", 3),
        ("$..", 1),
        ("$.a b", 3),
        ("$[", 1),
        ("$.a[0", 3),
        ("$.a[?(@.x > 1]", 13),
        ("$['a", 2),
        ("$.a [0] b", 7),
        ("$.a[x]", 4),
        ("$.a[-]", 4),
        ("$.a[99999999999999999999]", 4),
        ("$-a", 1),
        ("$$Execution", 2),
        ("$.a[?()]", 3),
        ("$.a.length(", 10),
    ];
    for (path, at) in invalid {
        match parse_path(path) {
            Ok(p) => panic!("{path:?} should fail, parsed as {p:?}"),
            Err(e) => assert_eq!(e.range.start, at, "{path:?}: {e}"),
        }
    }
}

#[test]
fn structure_and_ranges() {
    let path = parse_path("$.a['b c'][2]").unwrap();
    assert_eq!(path.root, Root::Input);
    let kinds: Vec<_> = path.segments.iter().map(|s| s.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            SegmentKind::Member("a".into()),
            SegmentKind::Member("b c".into()),
            SegmentKind::Index(2)
        ]
    );
    assert_eq!(path.segments[1].range(), 3..10);
    assert!(path.is_reference_path());

    let var = parse_path("$total.sum").unwrap();
    assert_eq!(
        var.root,
        Root::Variable {
            name: "total".into(),
            range: 1..6
        }
    );

    let escaped = parse_path("$.store\\.book").unwrap();
    assert_eq!(escaped.segments[0].kind, SegmentKind::Member("store.book".into()));

    let slice = parse_path("$.a[1:]").unwrap();
    assert_eq!(
        slice.segments[1].kind,
        SegmentKind::Slice(Box::new(Slice {
            start: Some(1),
            end: None,
            step: None
        }))
    );
    let union = parse_path("$['a','b']").unwrap();
    assert_eq!(
        union.segments[0].kind,
        SegmentKind::Union([Selector::Name("a".into()), Selector::Name("b".into())].into())
    );
}

/// A path may hold a step per two bytes of its text.
#[test]
fn a_step_takes_32_bytes() {
    assert_eq!(std::mem::size_of::<Segment>(), 32);
}

#[test]
fn reference_path_classification() {
    for path in ["$", "$.a.b[0]", "$['a']", "$$.Execution.Id", "$v.x"] {
        assert!(parse_path(path).unwrap().is_reference_path(), "{path}");
    }
    for path in ["$.a[*]", "$..a", "$.a[0,1]", "$.a[1:]", "$.a[?(@.x)]", "$.a.length()"] {
        assert!(!parse_path(path).unwrap().is_reference_path(), "{path}");
    }
}

#[test]
fn filters_are_parsed_or_accepted_leniently() {
    let path = parse_path("$.a[?(@.price > 10 && @.x == 'y')]").unwrap();
    let SegmentKind::Filter(Some(filter)) = &path.segments[1].kind else {
        panic!("expected a filter: {:?}", path.segments[1]);
    };
    let FilterExpr::And(operands) = &**filter else {
        panic!("expected an && filter: {:?}", path.segments[1]);
    };
    let [left, right] = operands.as_slice() else {
        panic!("expected two operands: {operands:?}");
    };
    assert!(matches!(
        left,
        FilterExpr::Compare {
            op: ">",
            right: Operand::Number(10.0),
            ..
        }
    ));
    assert!(matches!(right, FilterExpr::Compare { op: "==", right: Operand::String(s), .. } if s == "y"));

    let function = parse_path("$.items.length()").unwrap();
    assert_eq!(
        function.segments[1].kind,
        SegmentKind::Function(Box::new(PathFunction {
            name: "length".into(),
            args: String::new()
        }))
    );
    assert_eq!(function.segments[1].range(), 7..16);

    // Not understood (a function call with an odd operand) but balanced: accepted.
    let odd = parse_path("$.a[?(@.x ~~ 3)]").unwrap();
    assert_eq!(odd.segments[1].kind, SegmentKind::Filter(None));
}

#[test]
fn context_object_fields() {
    let unknown = |s: &str| parse_path(s).unwrap().unknown_context_field();
    assert_eq!(unknown("$$"), None);
    assert_eq!(unknown("$$.Execution.Id"), None);
    assert_eq!(unknown("$$.Execution.Input.anything.deeper"), None);
    assert_eq!(unknown("$$.Map.Item.Value.x"), None);
    assert_eq!(unknown("$$.Execution"), None);
    assert_eq!(unknown("$$.Execution.Foo"), Some(12..16));
    assert_eq!(unknown("$$.Executions"), Some(2..13));
    assert_eq!(unknown("$$.Execution.Id.x"), Some(15..17));
    assert_eq!(unknown("$$['Task']['Tokens']"), Some(10..20));
    assert_eq!(unknown("$.Execution.Foo"), None);
    assert_eq!(unknown_context_member([("Task", 0..4), ("Token", 5..10)]), None);
}
