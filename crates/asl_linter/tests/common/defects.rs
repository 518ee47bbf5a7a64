//! Machines in which every state has the same defect, for the defect-scaling test and
//! benchmarks: one generator per rule family (its most common defect), and the shapes that
//! once made the analysis quadratic. Every generator writes indented JSON, a state a line.
#![allow(dead_code)]

use std::fmt::Write as _;

/// A generator: the number of states (or keys, or characters) to the document.
pub type Generator = fn(usize) -> String;

/// Each rule family with the machine of its most common defect.
pub const FAMILIES: [(&str, Generator); 4] = [
    ("structure", misspelt_fields),
    ("flow", misspelt_targets),
    ("data-flow", misspelt_variables),
    ("resilience", misspelt_errors),
];

/// The shapes that were quadratic; see each generator for what its `n` counts.
pub const SHAPES: [(&str, Generator); 6] = [
    ("missing-targets", missing_targets),
    ("unreachable", all_unreachable),
    ("parameters", parameters_keys),
    ("assign", assign_variables),
    ("long-names", long_names),
    ("cut-key", cut_key),
];

/// A state name of fixed width, so that every name has the same length.
fn name(prefix: &str, i: usize) -> String {
    format!("{prefix}{i:05}")
}

/// `{"StartAt": first, "States": {…}}` with one state per line from `state(i)`.
fn machine(states: usize, state: impl Fn(usize) -> String) -> String {
    let mut text = format!("{{\n  \"StartAt\": \"{}\",\n  \"States\": {{\n", name("Step", 0));
    for i in 0..states {
        let separator = if i + 1 == states { "" } else { "," };
        let _ = writeln!(text, "    \"{}\": {}{separator}", name("Step", i), state(i));
    }
    text.push_str("  }\n}\n");
    text
}

/// `"Next": "Step…"` to the following state, or `"End": true` for the last.
fn next(i: usize, states: usize) -> String {
    if i + 1 == states {
        "\"End\": true".to_owned()
    } else {
        format!("\"Next\": \"{}\"", name("Step", i + 1))
    }
}

/// Structure: a Task with a misspelt field (`TimeoutSecond`).
pub fn misspelt_fields(states: usize) -> String {
    machine(states, |i| {
        format!(
            "{{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {{\"FunctionName\": \"fn-{i}\", \"Payload.$\": \"$\"}}, \"TimeoutSecond\": 30, {}}}",
            next(i, states)
        )
    })
}

/// Flow: every `Next` names a misspelt state, so every state after the first is unreachable.
pub fn misspelt_targets(states: usize) -> String {
    machine(states, |i| {
        if i + 1 == states {
            "{\"Type\": \"Pass\", \"End\": true}".to_owned()
        } else {
            format!("{{\"Type\": \"Pass\", \"Next\": \"{}\"}}", name("Stpe", i + 1))
        }
    })
}

/// Data flow: each state assigns a variable, reads the previous state's one misspelt, and
/// passes a path in a key without `.$`.
pub fn misspelt_variables(states: usize) -> String {
    machine(states, |i| {
        format!(
            "{{\"Type\": \"Pass\", \"Parameters\": {{\"id\": \"$.id\", \"previous.$\": \"${}\"}}, \"Assign\": {{\"{}.$\": \"$.n\"}}, {}}}",
            name("totl", i.saturating_sub(1)),
            name("total", i),
            next(i, states)
        )
    })
}

/// Resilience: a Task whose retriers put `States.ALL` first and name a misspelt predefined
/// error.
pub fn misspelt_errors(states: usize) -> String {
    machine(states, |i| {
        format!(
            "{{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {{\"FunctionName\": \"fn-{i}\"}}, \"TimeoutSeconds\": 30, \"Retry\": [{{\"ErrorEquals\": [\"States.ALL\"]}}, {{\"ErrorEquals\": [\"States.Timout\"]}}], {}}}",
            next(i, states)
        )
    })
}

/// Pass states whose every `Next` names a state that does not exist.
pub fn missing_targets(states: usize) -> String {
    machine(states, |i| {
        format!("{{\"Type\": \"Pass\", \"Next\": \"{}\"}}", name("Missing", i))
    })
}

/// The first state ends the machine; no state leads to any other.
pub fn all_unreachable(states: usize) -> String {
    machine(states, |_| "{\"Type\": \"Pass\", \"End\": true}".to_owned())
}

/// One Pass state whose `Parameters` has `keys` keys.
pub fn parameters_keys(keys: usize) -> String {
    object_state("Parameters", keys, |i| format!("\"k{i}\": {i}"))
}

/// One Pass state whose `Assign` has `variables` variables.
pub fn assign_variables(variables: usize) -> String {
    object_state("Assign", variables, |i| format!("\"v{i}\": {i}"))
}

fn object_state(field: &str, members: usize, member: impl Fn(usize) -> String) -> String {
    let mut text = format!(
        "{{\n  \"StartAt\": \"A\",\n  \"States\": {{\n    \"A\": {{\"Type\": \"Pass\", \"End\": true, \"{field}\": {{\n"
    );
    for i in 0..members {
        let separator = if i + 1 == members { "" } else { "," };
        let _ = writeln!(text, "      {}{separator}", member(i));
    }
    text.push_str("    }}\n  }\n}\n");
    text
}

/// A state named by `chars` characters whose `Next` names a missing state of as many.
pub fn long_names(chars: usize) -> String {
    let (from, to) = ("A".repeat(chars), "B".repeat(chars));
    format!(
        "{{\n  \"StartAt\": \"{from}\",\n  \"States\": {{\n    \"{from}\": {{\"Type\": \"Pass\", \"Next\": \"{to}\"}}\n  }}\n}}\n"
    )
}

/// A key string cut open, followed by `{"a":` repeated.
pub fn cut_key(repeats: usize) -> String {
    let mut text = String::from("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Parameters\": {\"ab");
    text.push_str(&"{\"a\":".repeat(repeats));
    text
}

/// The generator's document at about `bytes` bytes (never below one state).
pub fn of_size(generator: Generator, bytes: usize) -> String {
    let base = generator(1_000).len();
    let per_unit = (generator(2_000).len() - base).div_ceil(1_000).max(1);
    generator((bytes.saturating_sub(base) / per_unit + 1_000).max(1))
}
