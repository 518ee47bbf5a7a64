//! Whole-analysis cost against machine size: 10× the states should cost about 10× the time.
//! `cargo bench -p asl_linter --bench scaling` prints the ratios after criterion's figures
//! (the 50,000-state machine, 7 MB, is past AWS's limit and past the CPU caches).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use asl_linter::{Settings, analyze};
use criterion::{Criterion, criterion_group, criterion_main};

/// A valid machine of about `states` states: groups of a Choice, a Wait, a Task with Retry
/// and Catch, a Parallel of two branches, a Map with a processor, a Pass and a Fail.
fn machine(states: usize) -> String {
    let groups = states / 10;
    let mut text = String::from("{\"StartAt\": \"G0_Choice\", \"States\": {");
    for g in 0..groups {
        let next = if g + 1 < groups {
            format!("G{}_Choice", g + 1)
        } else {
            "Done".to_owned()
        };
        let _ = write!(
            text,
            r#""G{g}_Choice": {{"Type": "Choice", "Choices": [{{"Variable": "$.kind", "StringEquals": "k{g}", "Next": "G{g}_Task"}}], "Default": "G{g}_Wait"}},
"G{g}_Wait": {{"Type": "Wait", "Seconds": 1, "Next": "G{g}_Task"}},
"G{g}_Task": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {{"FunctionName": "fn-{g}", "Payload.$": "$"}},
  "Retry": [{{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 2}}], "Catch": [{{"ErrorEquals": ["States.ALL"], "Next": "G{g}_Fail"}}], "Next": "G{g}_Par"}},
"G{g}_Par": {{"Type": "Parallel", "Branches": [
  {{"StartAt": "G{g}_B1", "States": {{"G{g}_B1": {{"Type": "Pass", "Next": "G{g}_B1b"}}, "G{g}_B1b": {{"Type": "Succeed"}}}}}},
  {{"StartAt": "G{g}_B2", "States": {{"G{g}_B2": {{"Type": "Pass", "End": true}}}}}}], "Next": "G{g}_Map"}},
"G{g}_Map": {{"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {{"StartAt": "G{g}_M1", "States": {{"G{g}_M1": {{"Type": "Pass", "End": true}}}}}}, "Next": "G{g}_Pass"}},
"G{g}_Pass": {{"Type": "Pass", "Next": "{next}"}},
"G{g}_Fail": {{"Type": "Fail", "Error": "Failed"}},
"#
        );
    }
    text.push_str("\"Done\": {\"Type\": \"Succeed\"}}}");
    text
}

fn fastest(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            black_box(analyze(black_box(text), &Settings::default()));
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn scaling(c: &mut Criterion) {
    // 5,000 states is about the largest definition AWS accepts (1 MiB).
    let sizes = [500, 5_000, 50_000];
    let machines: Vec<String> = sizes.iter().map(|&n| machine(n)).collect();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    for (size, text) in sizes.iter().zip(&machines).take(2) {
        group.bench_function(format!("{size} states"), |b| {
            b.iter(|| analyze(black_box(text), &Settings::default()))
        });
    }
    group.finish();
    let times: Vec<Duration> = machines.iter().map(|text| fastest(text, 5)).collect();
    for pair in [0, 1] {
        println!(
            "analyze: {} states {:?}, {} states {:?}: {:.1}x the time for 10x the states",
            sizes[pair],
            times[pair],
            sizes[pair + 1],
            times[pair + 1],
            times[pair + 1].as_secs_f64() / times[pair].as_secs_f64()
        );
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
