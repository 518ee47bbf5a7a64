//! Grammar-aware mutants of definitions, for the schema oracle and the property tests: a few
//! edits of the JSON tree (a field removed, added or renamed, a value replaced with one of
//! the wrong type, an empty one or a long one), written back as JSON. Deterministic for a seed.

use serde_json::{Map, Value, json};

/// Field names the edits add or rename to: real fields in the wrong place, and near misses.
const FIELDS: &[&str] = &[
    "Type",
    "Next",
    "End",
    "Resource",
    "Parameters",
    "Arguments",
    "Output",
    "Assign",
    "ResultPath",
    "InputPath",
    "ItemsPath",
    "Retry",
    "Catch",
    "ErrorEquals",
    "MaxAttempts",
    "BackoffRate",
    "Choices",
    "Default",
    "Variable",
    "StringEquals",
    "Condition",
    "Seconds",
    "Timestamp",
    "TimeoutSeconds",
    "HeartbeatSeconds",
    "Branches",
    "ItemProcessor",
    "ItemReader",
    "ResultWriter",
    "Credentials",
    "Label",
    "QueryLanguage",
    "States",
    "StartAt",
    "Comment",
    "Error",
    "Cause",
    "Unknown",
];

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A value of the wrong type, an empty one, a boundary number or a long or odd string.
fn replacement(rng: &mut Rng) -> Value {
    match rng.below(20) {
        0 => json!(""),
        1 => json!([]),
        2 => json!({}),
        3 => json!([""]),
        4 => json!(0),
        5 => json!(-1),
        6 => json!(1.5),
        7 => json!(99_999_999_999u64),
        8 => json!(true),
        9 => Value::Null,
        10 => json!("x"),
        11 => json!("$"),
        12 => json!("{% %}"),
        13 => json!("a".repeat(81)),
        14 => json!({"Ref": "Fn"}),
        15 => json!("States.ALL"),
        16 => json!("$.a[?(@.b"),
        17 => json!("States.Format('{}')"),
        18 => json!({"StartAt": "", "States": {}}),
        _ => json!([{}]),
    }
}

/// The JSON Pointer-like paths of every object and array in `value`.
fn containers(value: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match value {
        Value::Object(members) => {
            out.push(path.clone());
            for (key, child) in members {
                path.push(PathStep::Key(key.clone()));
                containers(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            out.push(path.clone());
            for (index, child) in items.iter().enumerate() {
                path.push(PathStep::Index(index));
                containers(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at<'v>(value: &'v mut Value, path: &[PathStep]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |value, step| match step {
        PathStep::Key(key) => value.get_mut(key.as_str()),
        PathStep::Index(index) => value.get_mut(*index),
    })
}

/// One edit of the container at a random place.
fn mutate_once(document: &mut Value, rng: &mut Rng) {
    let mut places = Vec::new();
    containers(document, &mut Vec::new(), &mut places);
    if places.is_empty() {
        *document = replacement(rng);
        return;
    }
    let place = rng.pick(&places).clone();
    let Some(target) = at(document, &place) else { return };
    match target {
        Value::Object(members) => edit_object(members, rng),
        Value::Array(items) => match rng.below(3) {
            0 if !items.is_empty() => {
                let index = rng.below(items.len());
                items.remove(index);
            }
            1 if !items.is_empty() => {
                let index = rng.below(items.len());
                items[index] = replacement(rng);
            }
            _ => items.push(replacement(rng)),
        },
        _ => {}
    }
}

fn edit_object(members: &mut Map<String, Value>, rng: &mut Rng) {
    let keys: Vec<String> = members.keys().cloned().collect();
    match rng.below(4) {
        0 if !keys.is_empty() => {
            members.remove(rng.pick(&keys));
        }
        1 if !keys.is_empty() => {
            let key = rng.pick(&keys).clone();
            members.insert(key, replacement(rng));
        }
        2 if !keys.is_empty() => {
            let key = rng.pick(&keys).clone();
            if let Some(value) = members.remove(&key) {
                let renamed = match rng.below(3) {
                    0 => format!("{key}s"),
                    1 => key.to_lowercase(),
                    _ => (*rng.pick(FIELDS)).to_owned(),
                };
                members.insert(renamed, value);
            }
        }
        _ => {
            members.insert((*rng.pick(FIELDS)).to_owned(), replacement(rng));
        }
    }
}

/// `text` (JSON) with one to three edits, pretty-printed; `None` when it is not JSON.
pub fn mutant(text: &str, seed: u64) -> Option<String> {
    let mut document: Value = serde_json::from_str(text).ok()?;
    let mut rng = Rng::new(seed);
    for _ in 0..1 + rng.below(3) {
        mutate_once(&mut document, &mut rng);
    }
    serde_json::to_string_pretty(&document).ok()
}
