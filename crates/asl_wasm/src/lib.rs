//! The asl-lint engine for the browser (`wasm32-unknown-unknown`, through wasm-bindgen): the
//! playground in `editors/playground` calls these functions on every edit.
//!
//! A file is read as `asl-lint check` reads a file named on its command line: `file_name`
//! decides JSON or YAML and which host (a standalone definition, a CloudFormation, SAM, CDK or
//! Serverless template) it is; files that a template names are not read. `lint` answers with
//! the JSON document of `asl-lint check --format json`.

use std::path::Path;

use asl_diagnostics::render::{FileReport, json};
use asl_hosts::{NoFiles, extract};
use asl_linter::{AnalysedBody, FileAnalysis, RuleLevel, Settings, WorkflowType, analyze_host, fix_file};
use asl_semantic::graph::{StateGraph, node_id, to_dot, to_mermaid};
use asl_syntax::{LineIndex, PositionEncoding, SourceFormat, decode_source};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;

/// The diagnostics of `text`, the file `file_name`, as the JSON document of
/// `asl-lint check --format json`. `options` is JSON with the keys of `asl-lint.toml`:
/// `{"workflow-type": "express", "rules": {"ASL408": "off"}}` (both optional).
#[wasm_bindgen]
pub fn lint(text: &str, file_name: &str, options: &str) -> Result<String, String> {
    let settings = settings(options)?;
    let (text, analysis) = analyze(text, file_name, &settings);
    Ok(json(&[FileReport {
        path: file_name,
        source: Some(&text),
        root: Some(&analysis.parse.root),
        diagnostics: &analysis.diagnostics,
    }]))
}

/// `text` with every safe fix applied, as `asl-lint check --fix` writes it. Fixes are JSON
/// edits: YAML comes back unchanged.
#[wasm_bindgen]
pub fn fix(text: &str, file_name: &str, options: &str) -> Result<String, String> {
    let settings = settings(options)?;
    let path = Path::new(file_name);
    if extract(path, text, &NoFiles).format != SourceFormat::Json {
        return Ok(text.to_owned());
    }
    Ok(fix_file(path, text, &NoFiles, &settings, false).text)
}

/// The picture of state machine number `machine` of the file (`0` for a definition), as
/// `asl-lint graph` draws it: `format` is `mermaid` or `dot`. Node ids are those of
/// [`outline`].
#[wasm_bindgen]
pub fn graph(text: &str, file_name: &str, machine: usize, format: &str) -> Result<String, String> {
    let host = host_file(text, file_name);
    let machine = host
        .machines
        .get(machine)
        .ok_or_else(|| format!("the file holds {} state machines", host.machines.len()))?;
    let parse = machine.definition_tree(&host.parse).map_err(str::to_owned)?;
    let model = asl_semantic::model::build(&parse.root);
    let graph = StateGraph::build(&model);
    match format {
        "mermaid" => Ok(to_mermaid(&model, &graph)),
        "dot" => Ok(to_dot(&model, &graph)),
        other => Err(format!("unknown picture format {other:?}: use \"mermaid\" or \"dot\"")),
    }
}

/// What an editor needs beside the diagnostics, as JSON: the state machines of the file (name,
/// and each state's picture node and place in the file) and the quick fixes, every position as
/// in `lint` (1-based line and column in characters).
#[wasm_bindgen]
pub fn outline(text: &str, file_name: &str, options: &str) -> Result<String, String> {
    let settings = settings(options)?;
    let (text, analysis) = analyze(text, file_name, &settings);
    let index = LineIndex::new(&text);
    let span = |start: u32, end: u32| Span {
        start: position(&index, start),
        end: position(&index, end),
    };
    let machines = analysis
        .machines
        .iter()
        .map(|machine| {
            let states = match machine.definition(&text) {
                Some((checked, _)) if machine.file.is_none() => {
                    let model = checked.model();
                    let in_file = |offset: u32| match &machine.body {
                        AnalysedBody::Text { map, .. } => map.offset(offset),
                        _ => offset,
                    };
                    model
                        .states
                        .iter()
                        .filter(|state| state.is_object())
                        .map(|state| OutlineState {
                            node: node_id(state.id),
                            name: state.name.to_owned(),
                            span: span(in_file(state.name_range.start), in_file(state.node.range.end)),
                        })
                        .collect()
                }
                _ => Vec::new(),
            };
            OutlineMachine {
                name: machine.facts.name.clone(),
                states,
            }
        })
        .collect();
    let fixes = analysis
        .diagnostics
        .iter()
        .filter_map(|diagnostic| {
            let fix = diagnostic.fix.as_ref()?;
            Some(QuickFix {
                code: diagnostic.code,
                title: fix.title.clone(),
                span: span(diagnostic.range.start, diagnostic.range.end),
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| QuickEdit {
                        span: span(edit.range.start, edit.range.end),
                        text: edit.replacement.clone(),
                    })
                    .collect(),
            })
        })
        .collect();
    serde_json::to_string(&Outline { machines, fixes }).map_err(|error| error.to_string())
}

#[derive(Serialize)]
struct Outline {
    machines: Vec<OutlineMachine>,
    fixes: Vec<QuickFix>,
}

#[derive(Serialize)]
struct OutlineMachine {
    /// The logical id or Serverless key; `null` for a standalone definition.
    name: Option<String>,
    /// Empty when the definition is not written in this file.
    states: Vec<OutlineState>,
}

#[derive(Serialize)]
struct OutlineState {
    node: String,
    name: String,
    #[serde(flatten)]
    span: Span,
}

#[derive(Serialize)]
struct QuickFix {
    code: &'static str,
    title: String,
    /// The finding it fixes.
    #[serde(flatten)]
    span: Span,
    edits: Vec<QuickEdit>,
}

#[derive(Serialize)]
struct QuickEdit {
    #[serde(flatten)]
    span: Span,
    text: String,
}

#[derive(Serialize)]
struct Span {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
}

fn position(index: &LineIndex, offset: u32) -> Position {
    let at = index.line_col(offset, PositionEncoding::Utf32);
    Position {
        line: at.line + 1,
        column: at.col + 1,
    }
}

/// The file as `asl-lint check` reads one named on its command line: a file that holds no
/// state machine is read as a definition.
fn host_file(text: &str, file_name: &str) -> asl_hosts::HostFile {
    let host = extract(Path::new(file_name), text, &NoFiles);
    if host.is_state_machine() {
        host
    } else {
        host.into_definition()
    }
}

fn analyze(text: &str, file_name: &str, settings: &Settings) -> (String, FileAnalysis) {
    let text = decode_source(text.as_bytes().to_vec()).text;
    let host = host_file(&text, file_name);
    let analysis = analyze_host(Path::new(file_name), host, &text, settings);
    (text, analysis)
}

/// Reads the options of [`lint`].
fn settings(options: &str) -> Result<Settings, String> {
    let mut settings = Settings::default();
    if options.trim().is_empty() {
        return Ok(settings);
    }
    let options: Value = serde_json::from_str(options).map_err(|error| format!("options: {error}"))?;
    let Value::Object(options) = options else {
        return Err("options: expected a JSON object".to_owned());
    };
    for (key, value) in &options {
        match (key.as_str(), value) {
            ("workflow-type", Value::String(kind)) => {
                settings.workflow_type = Some(match kind.to_ascii_lowercase().as_str() {
                    "standard" => WorkflowType::Standard,
                    "express" => WorkflowType::Express,
                    _ => {
                        return Err(format!(
                            "options: workflow-type {kind:?} is not \"standard\" or \"express\""
                        ));
                    }
                });
            }
            ("rules", Value::Object(rules)) => {
                for (rule, level) in rules {
                    let level = level.as_str().and_then(RuleLevel::from_name).ok_or_else(|| {
                        format!("options: rules.{rule} is not \"off\", \"error\", \"warning\" or \"info\"")
                    })?;
                    if !settings.set_level(rule, level) {
                        return Err(format!(
                            "options: rules.{rule} is not a rule code or name (`asl-lint rule` lists them)"
                        ));
                    }
                }
            }
            _ => return Err(format!("options: unknown key or wrong type at {key:?}")),
        }
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn options_name_rules_by_code_or_name_and_refuse_unknown_ones() {
        let chosen = settings(r#"{"rules": {"asl408": "off", "unreachable-state": "info"}}"#).unwrap();
        let levels: Vec<(&str, RuleLevel)> = chosen
            .rule_levels
            .iter()
            .map(|(rule, level)| (rule.code, *level))
            .collect();
        assert_eq!(
            levels,
            [
                ("ASL408", RuleLevel::Off),
                ("ASL202", RuleLevel::On(asl_diagnostics::Severity::Info))
            ]
        );
        let refused = settings(r#"{"rules": {"ASL999": "off"}}"#).unwrap_err();
        assert!(refused.contains("rules.ASL999 is not a rule code or name"), "{refused}");
    }
}
