//! The state graph and its analyses on generated machines of 5,000 and 50,000 states with
//! nested scopes; prints the time ratio, which should be about 10 (linear).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use asl_semantic::graph::StateGraph;
use criterion::{Criterion, criterion_group};

/// A machine of about `states` states: a chain of blocks, each a Choice, a polling loop
/// with an exit, a Task with a Catch and a Parallel state with two branches of three states.
fn generate(states: usize) -> String {
    let blocks = states / 12;
    let mut out = String::from("{\"StartAt\": \"C0\", \"States\": {");
    for i in 0..blocks {
        let next = if i + 1 == blocks {
            "\"End\": true".to_owned()
        } else {
            format!("\"Next\": \"C{}\"", i + 1)
        };
        let _ = write!(
            out,
            r#""C{i}": {{"Type": "Choice", "Choices": [{{"Variable": "$.done", "BooleanEquals": true, "Next": "T{i}"}}], "Default": "W{i}"}},
"W{i}": {{"Type": "Wait", "Seconds": 1, "Next": "C{i}"}},
"T{i}": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "P{i}", "Catch": [{{"ErrorEquals": ["States.ALL"], "Next": "F{i}"}}]}},
"F{i}": {{"Type": "Fail"}},
"P{i}": {{"Type": "Parallel", {next}, "Branches": [
  {{"StartAt": "A{i}", "States": {{"A{i}": {{"Type": "Pass", "Next": "B{i}"}}, "B{i}": {{"Type": "Pass", "Next": "D{i}"}}, "D{i}": {{"Type": "Succeed"}}}}}},
  {{"StartAt": "X{i}", "States": {{"X{i}": {{"Type": "Pass", "Next": "Y{i}"}}, "Y{i}": {{"Type": "Pass", "Next": "Z{i}"}}, "Z{i}": {{"Type": "Succeed"}}}}}}
]}},"#
        );
    }
    out.pop();
    out.push_str("}}");
    out
}

fn bench(c: &mut Criterion) {
    for states in [5_000, 50_000] {
        let text = generate(states);
        let parse = asl_syntax::parse(&text);
        assert!(parse.errors.is_empty());
        let model = asl_semantic::model::build(&parse.root);
        c.bench_function(&format!("graph {} states", model.states.len()), |b| {
            b.iter(|| StateGraph::build(black_box(&model)))
        });
    }
}

/// Median time of `run` over 15 runs.
fn median(mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// States, graph time, and the time of one plain pass reading every transition of the
/// model (the least any analysis must do): past the CPU cache both grow alike.
fn measure(states: usize) -> (usize, Duration, Duration) {
    let text = generate(states);
    let parse = asl_syntax::parse(&text);
    let model = asl_semantic::model::build(&parse.root);
    let graph = median(|| {
        black_box(StateGraph::build(black_box(&model)));
    });
    let pass = median(|| {
        black_box(model.state_ids().map(|id| model.transitions(id).count()).sum::<usize>());
    });
    (model.states.len(), graph, pass)
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    let (small, small_graph, small_pass) = measure(5_000);
    let (large, large_graph, large_pass) = measure(50_000);
    let ratio = |large: Duration, small: Duration| large.as_secs_f64() / small.as_secs_f64();
    println!(
        "graph: {small} states {small_graph:?}, {large} states {large_graph:?}: {:.1}x the time for {:.1}x the states",
        ratio(large_graph, small_graph),
        large as f64 / small as f64
    );
    println!(
        "plain pass over the transitions: {small_pass:?} vs {large_pass:?}: {:.1}x; graph / plain pass: {:.1} vs {:.1}",
        ratio(large_pass, small_pass),
        ratio(small_graph, small_pass),
        ratio(large_graph, large_pass)
    );
}
