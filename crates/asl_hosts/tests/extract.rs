//! Classification and definition text: what `extract` finds, and how offsets map back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use asl_hosts::{Definition, FileKind, NoFiles, Resolver, extract};
use asl_syntax::TextRange;

fn text_of(definition: &Definition) -> (&str, &asl_hosts::OffsetMap) {
    match definition {
        Definition::Text { text, map } => (text, map),
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn classifies_by_content_and_by_name() {
    let kind = |name: &str, text: &str| extract(Path::new(name), text, &NoFiles).kind;
    assert_eq!(
        kind("a.json", r#"{"StartAt": "A", "States": {}}"#),
        FileKind::Definition
    );
    assert_eq!(kind("flow.asl.json", "[]"), FileKind::Definition);
    assert_eq!(
        kind("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"),
        FileKind::CloudFormation
    );
    assert_eq!(
        kind("t.template", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"),
        FileKind::CloudFormation
    );
    assert_eq!(
        kind(
            "cdk.out/S.template.json",
            r#"{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}"#
        ),
        FileKind::Cdk
    );
    assert_eq!(
        kind("serverless.yml", "service: s\nprovider: {name: aws}\n"),
        FileKind::Serverless
    );
    assert_eq!(kind("package.json", r#"{"name": "x"}"#), FileKind::NotStateMachine);
}

#[test]
fn sub_placeholders_outside_strings_are_quoted_and_map_back() {
    let template = "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub\n        - |\n          {\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": ${Wait}, \"Comment\": \"${!Kept} in ${AWS::Region}\", \"End\": true}}}\n        - Wait: 5\n";
    let host = extract(Path::new("t.yaml"), template, &NoFiles);
    let machine = &host.machines[0];
    let (text, map) = text_of(&machine.definition);
    assert!(text.contains(r#""Seconds": "${Wait}","#), "{text}");
    assert!(text.contains(r#""${Kept} in ${AWS::Region}""#), "{text}");
    assert!(asl_syntax::parse(text).errors.is_empty());
    // Each placeholder maps to where it is written; the added quotes map next to it.
    let wait = text.find("${Wait}").unwrap() as u32;
    let mapped = map.range(TextRange::new(wait, wait + 7));
    assert_eq!(&template[mapped.range.as_usize()], "${Wait}");
    assert!(mapped.exact);
    let quoted = map.range(TextRange::new(wait - 1, wait + 8));
    assert_eq!(&template[quoted.range.as_usize()], "${Wait}");
    // And back, for an editor's cursor.
    let in_template = template.find("Seconds").unwrap() as u32;
    assert_eq!(
        map.definition_offset(in_template),
        Some(text.find("Seconds").unwrap() as u32)
    );
    let names: Vec<(&str, bool)> = machine
        .facts
        .references
        .iter()
        .map(|r| (r.name.as_str(), matches!(r.resolver, Resolver::Sub { .. })))
        .collect();
    assert_eq!(names, [("Wait", true), ("Kept", false), ("AWS::Region", true)]);
}

#[test]
fn join_fragments_and_intrinsics() {
    let template = r#"{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"StateMachineType": "EXPRESS", "DefinitionString": {"Fn::Join": ["\n", ["{\"StartAt\": \"A\",", "\"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"", {"Fn::GetAtt": ["Fn", "Arn"]}, "\", \"End\": true}}}"]]}}}}}"#;
    let host = extract(Path::new("t.json"), template, &NoFiles);
    let machine = &host.machines[0];
    assert_eq!(machine.facts.workflow_type, Some(asl_hosts::WorkflowType::Express));
    let (text, map) = text_of(&machine.definition);
    assert_eq!(
        text,
        "{\"StartAt\": \"A\",\n\"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"\n${Fn.Arn}\n\", \"End\": true}}}"
    );
    let placeholder = text.find("${Fn.Arn}").unwrap() as u32;
    let mapped = map.range(TextRange::new(placeholder, placeholder + 9));
    assert_eq!(&template[mapped.range.as_usize()], r#"{"Fn::GetAtt": ["Fn", "Arn"]}"#);
    assert!(!mapped.exact);
    // The delimiter maps to the end of the fragment before it.
    let newline = text.find('\n').unwrap() as u32;
    let at = map.offset(newline) as usize;
    assert!(template[..at].ends_with(r#"\"A\","#), "{}", &template[..at]);
}

#[test]
fn references_to_other_files_go_through_the_loader() {
    let template = "Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/m.asl.json\n";
    let host = extract(Path::new("app/template.yaml"), template, &NoFiles);
    match &host.machines[0].definition {
        Definition::Missing { range, reason } => {
            assert_eq!(&template[range.as_usize()], "DefinitionUri");
            assert!(reason.contains("statemachine/m.asl.json"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}
