//! The one answer to "is this a state machine, and what kind of file holds it?".

use std::path::Path;

use asl_syntax::{Node, Value};

use crate::FileKind;

/// Names that make a file a definition whatever it holds.
const DEFINITION_SUFFIXES: [&str; 4] = [".asl.json", ".asl", ".asl.yaml", ".asl.yml"];

/// Extensions whose files may hold a state machine: read and classified by content.
const CANDIDATE_EXTENSIONS: [&str; 5] = ["json", "yaml", "yml", "template", "tf"];

/// Whether a file's name makes it a definition (`*.asl.json`, `*.asl`, `*.asl.yaml`, `*.asl.yml`).
pub(crate) fn has_definition_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    DEFINITION_SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

/// Whether a file found while walking a directory is worth reading: a definition by name, or
/// a `.json`, `.yaml`, `.yml`, `.template` or `.tf` file that its content may make one.
pub fn is_candidate(path: &Path) -> bool {
    has_definition_name(path)
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| CANDIDATE_EXTENSIONS.iter().any(|c| e.eq_ignore_ascii_case(c)))
}

/// The cheap test before parsing a candidate: the text names something only a state machine
/// or its host has. A file without any of these holds no state machine.
pub fn may_hold_state_machine(bytes: &[u8]) -> bool {
    const MARKERS: [&[u8]; 4] = [
        b"StartAt",
        b"::StateMachine",
        b"stateMachines",
        b"aws_sfn_state_machine",
    ];
    MARKERS.iter().any(|marker| memchr_find(bytes, marker))
}

fn memchr_find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// What a parsed file is, from its content.
pub(crate) fn classify(path: &Path, root: &Node, text: &str) -> FileKind {
    let Value::Object(_) = root.value else {
        return sniff(text);
    };
    if root.get("StartAt").is_some() && root.get("States").is_some() {
        return FileKind::Definition;
    }
    if is_template(root) {
        return if is_cdk(path, root) {
            FileKind::Cdk
        } else {
            FileKind::CloudFormation
        };
    }
    if root.get("service").is_some() && (root.get("stepFunctions").is_some() || root.get("provider").is_some()) {
        return FileKind::Serverless;
    }
    FileKind::NotStateMachine
}

/// A CloudFormation template: `AWSTemplateFormatVersion`, or `Resources` with typed resources.
fn is_template(root: &Node) -> bool {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    root.get("Resources")
        .and_then(Node::as_object)
        .is_some_and(|resources| {
            resources.iter().any(|resource| {
                resource
                    .value
                    .get("Type")
                    .and_then(Node::as_str)
                    .is_some_and(|t| t.contains("::"))
            })
        })
}

/// Written by the CDK: under `cdk.out`, or with the metadata the CDK adds.
fn is_cdk(path: &Path, root: &Node) -> bool {
    if path.components().any(|c| c.as_os_str() == "cdk.out") {
        return true;
    }
    root.get("Resources")
        .and_then(Node::as_object)
        .is_some_and(|resources| {
            resources.iter().any(|resource| {
                resource.key.text == "CDKMetadata"
                    || resource
                        .value
                        .get("Metadata")
                        .is_some_and(|metadata| metadata.get("aws:cdk:path").is_some())
            })
        })
}

/// A file whose content could not be read into a tree: what its text suggests, so that its
/// syntax errors are reported when it is most likely a state machine or its host.
fn sniff(text: &str) -> FileKind {
    if text.contains("StartAt") && text.contains("States") {
        FileKind::Definition
    } else if text.contains("AWS::StepFunctions::StateMachine") || text.contains("AWS::Serverless::StateMachine") {
        FileKind::CloudFormation
    } else if text.contains("stateMachines") && text.contains("service") {
        FileKind::Serverless
    } else {
        FileKind::NotStateMachine
    }
}
