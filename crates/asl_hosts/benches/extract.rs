//! Extraction of the state machines of a 1 MB template, against a `serde_json` parse of the
//! same bytes (the least any tool reading the template does), and against the YAML form.
//!
//! `cargo bench -p asl_hosts --bench extract -- --quick`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A definition of `states` Task states, as JSON text.
fn definition(states: usize, prefix: &str) -> String {
    let mut out = format!("{{\"StartAt\": \"{prefix}0\", \"States\": {{");
    for i in 0..states {
        let next = if i + 1 < states {
            format!("\"Next\": \"{prefix}{}\"", i + 1)
        } else {
            "\"End\": true".into()
        };
        let comma = if i + 1 < states { ", " } else { "" };
        write!(
            out,
            "\"{prefix}{i}\": {{\"Type\": \"Task\", \"Resource\": \"arn:${{AWS::Partition}}:states:::lambda:invoke\", \"Parameters\": {{\"FunctionName\": \"${{Worker}}\", \"Payload.$\": \"$.items[{i}]\"}}, \"TimeoutSeconds\": ${{Timeout}}, {next}}}{comma}"
        )
        .unwrap();
    }
    out.push_str("}}");
    out
}

/// A CloudFormation JSON template of about 1 MB: 20 state machines, half `Fn::Sub`
/// `DefinitionString`s (JSON in a JSON string), half `Definition` objects.
fn json_template() -> String {
    let mut resources = Vec::new();
    for m in 0..20 {
        let definition = definition(250, &format!("M{m}S"));
        let resource = if m % 2 == 0 {
            let string = serde_json::to_string(&definition).unwrap();
            format!(
                "\"Machine{m}\": {{\"Type\": \"AWS::StepFunctions::StateMachine\", \"Properties\": {{\"DefinitionString\": {{\"Fn::Sub\": [{string}, {{\"Worker\": {{\"Ref\": \"Fn\"}}, \"Timeout\": 30}}]}}}}}}"
            )
        } else {
            let object = definition.replace("${Timeout}", "30");
            format!(
                "\"Machine{m}\": {{\"Type\": \"AWS::StepFunctions::StateMachine\", \"Properties\": {{\"DefinitionSubstitutions\": {{\"Worker\": \"w\"}}, \"Definition\": {object}}}}}"
            )
        };
        resources.push(resource);
    }
    format!(
        "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Parameters\": {{\"Fn\": {{\"Type\": \"String\"}}}}, \"Resources\": {{{}}}}}",
        resources.join(",\n")
    )
}

fn bench(c: &mut Criterion) {
    let template = json_template();
    let path = Path::new("template.json");
    let machines = asl_hosts::extract(path, &template, &asl_hosts::NoFiles).machines.len();
    assert_eq!(machines, 20);
    println!("template: {} bytes, {machines} state machines", template.len());
    let mut group = c.benchmark_group("template");
    group.throughput(Throughput::Bytes(template.len() as u64));
    group.bench_function("asl_hosts::extract (json)", |b| {
        b.iter(|| asl_hosts::extract(path, black_box(&template), &asl_hosts::NoFiles))
    });
    group.bench_function("serde_json::from_str::<Value>", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&template)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
