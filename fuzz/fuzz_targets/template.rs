//! The template front ends (CloudFormation, SAM, CDK, Serverless; JSON and YAML) on any text,
//! then the analysis of what they find: no panic, every span inside the text.
#![no_main]

use std::path::Path;

use asl_linter::{Settings, analyze_host};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &str)| {
    let (yaml, text) = input;
    let path = Path::new(if yaml { "template.yaml" } else { "template.json" });
    let host = asl_hosts::extract(path, text, &asl_hosts::NoFiles);
    let analysis = analyze_host(path, host, text, &Settings::default());
    for diagnostic in &analysis.diagnostics {
        assert!(
            text.get(diagnostic.range.as_usize()).is_some(),
            "{:?}",
            diagnostic.range
        );
    }
});
