//! Extraction of the state machines of a 1 MB template, against a `serde_json` parse of the
//! same bytes (the least any tool reading the template does); of a 1 MB Terraform file; and
//! of a plain 800 KB definition, against the parse alone (what it cost before hosts existed).
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

/// A Terraform file of about 1 MB: 20 state machines, half heredocs (with interpolations),
/// half `jsonencode` objects.
fn terraform_file() -> String {
    let mut out = String::new();
    for m in 0..20 {
        let definition = definition(250, &format!("M{m}S"))
            .replace("${AWS::Partition}", "${data.aws_partition.current.partition}")
            .replace("${Worker}", "${aws_lambda_function.worker.arn}")
            .replace("${Timeout}", "30");
        let body = if m % 2 == 0 {
            format!("<<-EOF\n    {definition}\n    EOF")
        } else {
            // The same JSON as an HCL object: `:` becomes `=`, interpolations expressions.
            let object = definition.replace("\": ", "\" = ").replace(
                "\"${aws_lambda_function.worker.arn}\"",
                "aws_lambda_function.worker.arn",
            );
            format!("jsonencode({object})")
        };
        writeln!(
            out,
            "resource \"aws_sfn_state_machine\" \"m{m}\" {{\n  name = \"m{m}\"\n  definition = {body}\n}}\n"
        )
        .unwrap();
    }
    out
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

    let terraform = terraform_file();
    let path = Path::new("main.tf");
    let machines = asl_hosts::extract(path, &terraform, &asl_hosts::NoFiles).machines;
    assert_eq!(machines.len(), 20);
    assert!(
        machines
            .iter()
            .all(|m| !matches!(m.definition, asl_hosts::Definition::Missing { .. }))
    );
    println!(
        "terraform: {} bytes, {} state machines",
        terraform.len(),
        machines.len()
    );
    let mut group = c.benchmark_group("terraform");
    group.throughput(Throughput::Bytes(terraform.len() as u64));
    group.bench_function("asl_hosts::extract (tf)", |b| {
        b.iter(|| asl_hosts::extract(path, black_box(&terraform), &asl_hosts::NoFiles))
    });
    group.finish();

    let plain = definition(4_000, "S").replace("${Timeout}", "30");
    let path = Path::new("flow.asl.json");
    println!("definition: {} bytes", plain.len());
    let mut group = c.benchmark_group("definition");
    group.throughput(Throughput::Bytes(plain.len() as u64));
    group.bench_function("asl_hosts::extract (asl.json)", |b| {
        b.iter(|| asl_hosts::extract(path, black_box(&plain), &asl_hosts::NoFiles))
    });
    group.bench_function("asl_syntax::parse", |b| b.iter(|| asl_syntax::parse(black_box(&plain))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
