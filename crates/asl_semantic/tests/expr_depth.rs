//! Deep expressions: nesting and operator chains beyond the limits are refused with a
//! "nested too deep" error where the limit is crossed, and expressions just inside the limits
//! go through every walk (checks, references, drop) on a 2 MiB thread, the stack size of
//! rayon's and tokio's worker threads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_semantic::expr::intrinsic::{check_intrinsic, parse_intrinsic};
use asl_semantic::expr::jsonata::{check_jsonata, parse_jsonata, references};
use asl_semantic::expr::path::parse_path;
use asl_semantic::expr::{ExprError, ExprErrorKind, MAX_NESTING_DEPTH, MAX_TREE_DEPTH};

const STACK: usize = 2 << 20;

/// Runs `f` on a thread with a 2 MiB stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow")
}

/// A shape: its name, and its text `levels` deep.
type Shape = (&'static str, fn(usize) -> String);

/// JSONata shapes that nest (recursion in the parser).
const JSONATA_NESTED: &[Shape] = &[
    ("brackets", |n| format!("{}1{}", "[".repeat(n - 1), "]".repeat(n - 1))),
    ("parentheses", |n| {
        format!("{}1{}", "(".repeat(n - 1), ")".repeat(n - 1))
    }),
    ("negation", |n| format!("{}1", "-".repeat(n - 1))),
    ("conditions", |n| format!("{}$c", "$a ? $b : ".repeat(n - 1))),
    ("calls", |n| format!("{}1{}", "$f(".repeat(n - 1), ")".repeat(n - 1))),
    ("objects", |n| {
        format!("{}1{}", "{'a': ".repeat(n - 1), "}".repeat(n - 1))
    }),
    ("lambdas", |n| {
        format!("{}1{}", "function($x){".repeat(n - 1), "}".repeat(n - 1))
    }),
];

/// JSONata chains (a loop in the parser, a deep tree).
const JSONATA_CHAINS: &[Shape] = &[
    ("path", |n| vec!["a"; n].join(".")),
    ("sum", |n| vec!["$a"; n].join(" + ")),
    ("concatenation", |n| vec!["'x'"; n].join(" & ")),
    ("predicates", |n| format!("$a{}", "[0]".repeat(n - 1))),
];

/// Path shapes; a filter `[?(…)]` with its parentheses is two levels.
const PATH_NESTED: &[Shape] = &[
    ("filters", |n| {
        format!("$.a{}{}", "[?(@.b".repeat(n / 2), ")]".repeat(n / 2))
    }),
    ("negations", |n| format!("$[?({}@.a)]", "!".repeat(n - 2))),
    ("parentheses", |n| {
        format!("$[?({}@.a{})]", "(".repeat(n - 2), ")".repeat(n - 2))
    }),
];

/// Path shapes that are flat however long they are.
const PATH_FLAT: &[Shape] = &[
    ("or chain", |n| format!("$[?({})]", vec!["@.a"; n].join(" || "))),
    ("and chain", |n| format!("$[?({})]", vec!["@.a == 1"; n].join(" && "))),
    ("members", |n| format!("${}", ".a".repeat(n))),
];

const INTRINSIC_NESTED: &[Shape] = &[
    ("calls", |n| format!("{}{}", "States.Array(".repeat(n), ")".repeat(n))),
    ("path argument", |n| {
        format!(
            "States.Array($.a{}{})",
            "[?(@.b".repeat(n / 2 - 1),
            ")]".repeat(n / 2 - 1)
        )
    }),
];

fn assert_too_deep(what: &str, text: &str, result: Result<(), ExprError>) {
    let error = result.expect_err(what);
    assert_eq!(error.kind, ExprErrorKind::TooDeep, "{what}: {error}");
    assert!(error.message.contains("nested too deep"), "{what}: {error}");
    assert!(error.range.end <= text.len(), "{what}: {error}");
}

#[test]
fn ten_times_the_limits_are_refused_without_overflow() {
    on_small_stack(|| {
        for (name, shape) in JSONATA_NESTED {
            let text = shape(10 * MAX_NESTING_DEPTH);
            assert_too_deep(&format!("jsonata {name}"), &text, parse_jsonata(&text).map(drop));
        }
        let unclosed = "[".repeat(10 * MAX_NESTING_DEPTH);
        assert_too_deep("jsonata unclosed", &unclosed, parse_jsonata(&unclosed).map(drop));
        for (name, shape) in JSONATA_CHAINS {
            let text = shape(10 * MAX_TREE_DEPTH);
            let result = parse_jsonata(&text).map(drop);
            assert_too_deep(&format!("jsonata {name}"), &text, result.clone());
            // Parsed in a loop: the error is at the operator that crosses the limit, far in.
            assert!(result.unwrap_err().range.start > MAX_TREE_DEPTH, "jsonata {name}");
        }
        for (name, shape) in PATH_NESTED {
            let text = shape(10 * MAX_NESTING_DEPTH);
            assert_too_deep(&format!("path {name}"), &text, parse_path(&text).map(drop));
        }
        for (name, shape) in PATH_FLAT {
            let text = shape(10 * MAX_TREE_DEPTH);
            assert!(parse_path(&text).is_ok(), "path {name} is flat, any length parses");
        }
        for (name, shape) in INTRINSIC_NESTED {
            let text = shape(10 * MAX_NESTING_DEPTH);
            assert_too_deep(&format!("intrinsic {name}"), &text, parse_intrinsic(&text).map(drop));
        }
        let unclosed = "States.Array(".repeat(10 * MAX_NESTING_DEPTH);
        assert_too_deep("intrinsic unclosed", &unclosed, parse_intrinsic(&unclosed).map(drop));
    });
}

#[test]
fn the_limits_themselves_parse_and_every_walk_is_safe() {
    on_small_stack(|| {
        let jsonata = JSONATA_NESTED
            .iter()
            .map(|(name, shape)| (name, shape(MAX_NESTING_DEPTH)))
            .chain(JSONATA_CHAINS.iter().map(|(name, shape)| (name, shape(MAX_TREE_DEPTH))));
        for (name, text) in jsonata {
            let expr = parse_jsonata(&text).unwrap_or_else(|e| panic!("jsonata {name}: {e}"));
            assert!(expr.depth() <= MAX_TREE_DEPTH, "jsonata {name}");
            let references = references(&expr);
            let _ = check_jsonata(&expr, &references);
            drop(expr);
        }
        for (name, shape) in PATH_NESTED {
            let path = parse_path(&shape(MAX_NESTING_DEPTH)).unwrap_or_else(|e| panic!("path {name}: {e}"));
            drop(path);
        }
        for (name, shape) in INTRINSIC_NESTED {
            let text = shape(MAX_NESTING_DEPTH);
            let call = parse_intrinsic(&text).unwrap_or_else(|e| panic!("intrinsic {name}: {e}"));
            let _ = check_intrinsic(&call);
            drop(call);
        }
    });
}

#[test]
fn one_level_past_each_limit_is_refused() {
    for (name, shape) in JSONATA_NESTED {
        let text = shape(MAX_NESTING_DEPTH + 1);
        assert_too_deep(&format!("jsonata {name}"), &text, parse_jsonata(&text).map(drop));
    }
    for (name, shape) in JSONATA_CHAINS {
        let text = shape(MAX_TREE_DEPTH + 1);
        assert_too_deep(&format!("jsonata {name}"), &text, parse_jsonata(&text).map(drop));
    }
    let too_long = vec!["$a"; MAX_TREE_DEPTH + 1].join(" & ");
    let error = parse_jsonata(&too_long).unwrap_err();
    // At the `&` that makes the tree one level too deep.
    assert_eq!(&too_long[error.range.clone()], "&");
    for (name, shape) in PATH_NESTED {
        let text = shape(MAX_NESTING_DEPTH + 2);
        assert_too_deep(&format!("path {name}"), &text, parse_path(&text).map(drop));
    }
    for (name, shape) in INTRINSIC_NESTED {
        let text = shape(MAX_NESTING_DEPTH + 2);
        assert_too_deep(&format!("intrinsic {name}"), &text, parse_intrinsic(&text).map(drop));
    }
}
