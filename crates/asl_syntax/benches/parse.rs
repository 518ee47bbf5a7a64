//! Parser throughput against `serde_json::from_slice::<serde_json::Value>`.
//!
//! Prints a quick MB/s comparison first, then runs the criterion groups:
//! `cargo bench -p asl_syntax --bench parse -- --quick`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A pretty-printed ASL definition of about 1 MB: 5,000 states with Parameters, Choice rules,
/// and some Parallel and Map states with nested state machines.
fn generated_definition() -> String {
    const STATES: usize = 5_000;
    let mut out =
        String::from("{\n  \"Comment\": \"Generated for benchmarking\",\n  \"StartAt\": \"S0\",\n  \"States\": {\n");
    for i in 0..STATES {
        let next = if i + 1 < STATES {
            format!("\"Next\": \"S{}\"", i + 1)
        } else {
            "\"End\": true".into()
        };
        let retry = if i % 3 == 0 {
            "\n      \"Retry\": [ { \"ErrorEquals\": [\"States.ALL\"] } ],"
        } else {
            ""
        };
        let state = match i % 10 {
            0 => format!(
                "\"Type\": \"Choice\",\n      \"Choices\": [\n        {{ \"Variable\": \"$.count\", \"NumericGreaterThan\": {i}, \"Next\": \"S{n}\" }},\n        {{ \"And\": [ {{ \"Variable\": \"$.name\", \"StringEquals\": \"item-{i}\" }}, {{ \"Variable\": \"$.ok\", \"BooleanEquals\": true }} ], \"Next\": \"S{n}\" }}\n      ],\n      \"Default\": \"S{n}\"",
                n = (i + 1).min(STATES - 1)
            ),
            5 => format!(
                "\"Type\": \"Parallel\",\n      \"Branches\": [\n        {{ \"StartAt\": \"B{i}\", \"States\": {{ \"B{i}\": {{ \"Type\": \"Pass\", \"Result\": {{ \"x\": 1.5, \"y\": [1, 2, 3] }}, \"End\": true }} }} }}\n      ],\n      {next}"
            ),
            7 => format!(
                "\"Type\": \"Map\",\n      \"ItemsPath\": \"$.items\",\n      \"MaxConcurrency\": 10,\n      \"ItemProcessor\": {{ \"ProcessorConfig\": {{ \"Mode\": \"INLINE\" }}, \"StartAt\": \"M{i}\", \"States\": {{ \"M{i}\": {{ \"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true }} }} }},\n      {next}"
            ),
            _ => format!(
                "\"Type\": \"Task\",\n      \"Resource\": \"arn:aws:states:::lambda:invoke\",\n      \"Parameters\": {{\n        \"FunctionName\": \"worker-{i}\",\n        \"Note\": \"caf\\u00e9 \\\"{i}\\\"\"\n      }},{retry}\n      {next}"
            ),
        };
        let comma = if i + 1 < STATES { "," } else { "" };
        write!(out, "    \"S{i}\": {{\n      {state}\n    }}{comma}\n").unwrap();
    }
    out.push_str("  }\n}\n");
    out
}

/// The real corpus files (`../shared/corpus/real`), if present.
fn corpus_files() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let mut files = Vec::new();
    let mut pending = vec![dir];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json")
                && let Ok(text) = std::fs::read_to_string(&path)
                && serde_json::from_str::<serde_json::Value>(&text).is_ok()
            {
                files.push(text);
            }
        }
    }
    files
}

fn parse_ours(files: &[String]) {
    for text in files {
        black_box(asl_syntax::parse(black_box(text)));
    }
}

fn parse_serde(files: &[String]) {
    for text in files {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(text.as_bytes())).unwrap());
    }
}

/// How long one run of `run` over `files` takes.
fn time_once(files: &[String], run: fn(&[String])) -> Duration {
    let started = Instant::now();
    run(files);
    started.elapsed()
}

/// Prints both parsers' MB/s. Runs alternate and the fastest run of each counts, so load from
/// other processes on the machine disturbs the ratio as little as possible.
fn print_ratio(name: &str, files: &[String]) {
    let bytes: usize = files.iter().map(String::len).sum();
    let (mut ours, mut serde) = (Duration::MAX, Duration::MAX);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(4) {
        ours = ours.min(time_once(files, parse_ours));
        serde = serde.min(time_once(files, parse_serde));
    }
    let mb_per_s = |time: Duration| bytes as f64 / time.as_secs_f64() / 1e6;
    println!(
        "{name} ({} files, {bytes} bytes): asl_syntax {:.0} MB/s, serde_json {:.0} MB/s, ratio {:.2}",
        files.len(),
        mb_per_s(ours),
        mb_per_s(serde),
        serde.as_secs_f64() / ours.as_secs_f64()
    );
}

fn bench(c: &mut Criterion) {
    let generated = vec![generated_definition()];
    assert!(asl_syntax::parse(&generated[0]).errors.is_empty());
    let corpus = corpus_files();
    print_ratio("generated", &generated);
    if !corpus.is_empty() {
        print_ratio("corpus", &corpus);
    }
    for (name, files) in [("generated", &generated), ("corpus", &corpus)] {
        if files.is_empty() {
            continue;
        }
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(files.iter().map(|f| f.len() as u64).sum()));
        group.bench_function("asl_syntax", |b| b.iter(|| parse_ours(files)));
        group.bench_function("serde_json", |b| b.iter(|| parse_serde(files)));
        group.finish();
    }
    let mut group = c.benchmark_group("line_index");
    group.throughput(Throughput::Bytes(generated[0].len() as u64));
    group.bench_function("new", |b| {
        b.iter(|| asl_syntax::LineIndex::new(black_box(&generated[0])))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
