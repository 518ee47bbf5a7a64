//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use asl_syntax::{LineIndex, Node, Number, PositionEncoding, Value, parse};

/// Errors as `line:col: message` (1-based, columns in characters), then a compact tree.
pub fn check(input: &str) -> String {
    let parsed = parse(input);
    let index = LineIndex::new(input);
    let mut out = String::new();
    for error in &parsed.errors {
        let pos = index.line_col(error.range.start, PositionEncoding::Utf32);
        out.push_str(&format!("{}:{}: {}\n", pos.line + 1, pos.col + 1, error.message));
    }
    out.push_str(&dump(&parsed.root));
    out
}

/// A compact one-line rendering of a tree; error nodes show as `<error>`.
pub fn dump(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n {
            Number::PosInt(n) => n.to_string(),
            Number::NegInt(n) => n.to_string(),
            Number::Float(f) => format!("{f:?}"),
        },
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => format!("[{}]", items.iter().map(dump).collect::<Vec<_>>().join(", ")),
        Value::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|m| format!("{:?}: {}", m.key.text, dump(&m.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Error => "<error>".into(),
    }
}

/// Equality where floats may differ slightly: serde_json's default float parsing is not always
/// correctly rounded (ours is), and loses more precision among subnormal numbers.
pub fn json_eq(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => match (x.as_u64(), y.as_u64(), x.as_i64(), y.as_i64()) {
            (Some(p), Some(q), _, _) => p == q,
            (_, _, Some(p), Some(q)) if !x.is_f64() && !y.is_f64() => p == q,
            _ if x.is_f64() && y.is_f64() => {
                let (p, q) = (x.as_f64().unwrap(), y.as_f64().unwrap());
                let difference = (p - q).abs();
                difference <= p.abs().max(q.abs()) * 1e-15 || difference < 1e-300
            }
            _ => false,
        },
        (J::Array(x), J::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q)),
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// A folder of the corpus shared next to the repository. Tests that read it carry
/// `#[cfg_attr(not(has_shared), ignore = "../shared is absent")]`.
pub fn corpus_dir(sub: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(sub);
    assert!(dir.is_dir(), "{} is absent", dir.display());
    dir
}

/// Every `.json` file under `dir`, recursively, sorted.
pub fn json_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
