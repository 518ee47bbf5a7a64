//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! The run describes every rule (code, name, descriptions, documentation link, default level);
//! each result carries its rule, level, message, region, the JSON Pointer of the node at fault
//! and the state machine (in a template: also `properties.stateMachine`) as logical locations, the secondary labels as related locations, a fingerprint that
//! survives line moves, and the rule's fix when it has one. A file that could not be read, or a
//! rule that failed on a file, is a tool execution notification and makes the invocation
//! unsuccessful, as the exit code 2 does.

use std::collections::BTreeMap;
use std::path::Path;

use asl_diagnostics::printable::{json_safe, printable};
use asl_diagnostics::render::FileReport;
use asl_diagnostics::{Applicability, Diagnostic, Severity};
use asl_linter::{Rule, all_rules, docs};
use asl_syntax::TextRange;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_sarif::sarif;

use super::fingerprint::Fingerprints;
use super::{Located, repository_path};

/// The `partialFingerprints` key; the suffix changes if the way fingerprints are computed does.
const FINGERPRINT_KEY: &str = "aslLintFingerprint/v1";

const TOOL_URI: &str = "https://github.com/asl-lint/asl-lint";

/// The official schema the log follows (SARIF 2.1.0 with its errata).
const SCHEMA_URI: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Characters that a path segment of a URI reference must percent-encode.
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Renders the SARIF log of one run. `successful` is false when the run could not do its job.
pub(crate) fn render(reports: &[FileReport<'_>], successful: bool) -> String {
    let rules: Vec<sarif::ReportingDescriptor> = all_rules().iter().map(|&rule| descriptor(rule)).collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    let mut fingerprints = Fingerprints::default();
    for report in reports {
        let located = Located::new(report);
        for diagnostic in report.diagnostics {
            if Located::is_failure(diagnostic) {
                notifications.push(notification(&located, diagnostic));
            } else {
                results.push(result(&located, diagnostic, &mut fingerprints));
            }
        }
    }
    let mut invocation = sarif::Invocation::builder().execution_successful(successful).build();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }
    let driver = sarif::ToolComponent::builder()
        .name("asl-lint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(TOOL_URI)
        .rules(rules)
        .build();
    let run = sarif::Run::builder()
        .tool(driver)
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .invocations(vec![invocation])
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .schema(SCHEMA_URI)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = json_safe(serde_json::to_string_pretty(&log).unwrap_or_default());
    out.push('\n');
    out
}

/// The description of one rule.
fn descriptor(rule: &dyn Rule) -> sarif::ReportingDescriptor {
    let meta = rule.meta();
    let what = docs::section(meta, "What it does").unwrap_or_default();
    let why = docs::section(meta, "Why is this bad?").unwrap_or_default();
    let short = what.split("\n\n").next().unwrap_or_default().to_owned();
    let full = [what.as_str(), why.as_str()]
        .iter()
        .filter(|text| !text.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n\n");
    let page = docs::rule_page(rule);
    sarif::ReportingDescriptor::builder()
        .id(meta.code)
        .name(meta.name)
        .short_description(sarif::MultiformatMessageString::builder().text(short).build())
        .full_description(sarif::MultiformatMessageString::builder().text(full).build())
        .help(
            sarif::MultiformatMessageString::builder()
                .text(page.clone())
                .markdown(page)
                .build(),
        )
        .help_uri(docs::rule_url(meta.name))
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(serde_json::json!(level(meta.default_severity)))
                .build(),
        )
        .properties(
            sarif::PropertyBag::builder()
                .tags(vec![meta.category.as_str().to_owned()])
                .build(),
        )
        .build()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(located: &Located<'_, '_>, diagnostic: &Diagnostic, fingerprints: &mut Fingerprints) -> sarif::Result {
    let path = located.report.path;
    let pointer = located.pointer(diagnostic);
    let fingerprint = fingerprints.next(path, pointer.as_deref(), diagnostic);
    let mut location = sarif::Location::builder()
        .physical_location(physical_location(located, diagnostic.range))
        .build();
    let mut logical = Vec::new();
    if let Some(machine) = &diagnostic.state_machine {
        logical.push(
            sarif::LogicalLocation::builder()
                .name(printable(machine))
                .kind("resource")
                .build(),
        );
    }
    if let Some(pointer) = &pointer {
        logical.push(
            sarif::LogicalLocation::builder()
                .fully_qualified_name(printable(pointer))
                .kind("member")
                .build(),
        );
    }
    if !logical.is_empty() {
        location.logical_locations = Some(logical);
    }
    let related: Vec<sarif::Location> = diagnostic
        .labels
        .iter()
        .enumerate()
        .map(|(id, label)| {
            sarif::Location::builder()
                .id(id as i64)
                .physical_location(physical_location(located, label.range))
                .message(text(&label.message))
                .build()
        })
        .collect();
    let mut result = sarif::Result::builder()
        .rule_id(diagnostic.code)
        .level(result_level(diagnostic.severity))
        .message(text(&diagnostic.message))
        .locations(vec![location])
        .partial_fingerprints(BTreeMap::from([(FINGERPRINT_KEY.to_owned(), fingerprint)]))
        .build();
    result.rule_index = all_rules()
        .iter()
        .position(|rule| rule.meta().code == diagnostic.code)
        .map(|index| index as i64);
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    if let Some(fix) = &diagnostic.fix {
        result.fixes = Some(vec![self::fix(located, fix)]);
    }
    if let Some(machine) = &diagnostic.state_machine {
        result.properties = Some(
            sarif::PropertyBag::builder()
                .additional_properties(BTreeMap::from([(
                    "stateMachine".to_owned(),
                    serde_json::json!(printable(machine)),
                )]))
                .build(),
        );
    }
    result
}

fn result_level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn fix(located: &Located<'_, '_>, fix: &asl_diagnostics::Fix) -> sarif::Fix {
    let replacements: Vec<sarif::Replacement> = fix
        .edits
        .iter()
        .map(|edit| {
            sarif::Replacement::builder()
                .deleted_region(region(located, edit.range))
                .inserted_content(sarif::ArtifactContent::builder().text(edit.replacement.clone()).build())
                .build()
        })
        .collect();
    let change = sarif::ArtifactChange::builder()
        .artifact_location(artifact_location(located.report.path))
        .replacements(replacements)
        .build();
    let safety = match fix.applicability {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
    };
    sarif::Fix::builder()
        .description(text(&fix.title))
        .artifact_changes(vec![change])
        .properties(
            sarif::PropertyBag::builder()
                .additional_properties(BTreeMap::from([(
                    "applicability".to_owned(),
                    serde_json::json!(safety),
                )]))
                .build(),
        )
        .build()
}

/// A file that could not be read, or a rule that failed on it.
fn notification(located: &Located<'_, '_>, diagnostic: &Diagnostic) -> sarif::Notification {
    let location = sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(artifact_location(located.report.path))
                .build(),
        )
        .build();
    sarif::Notification::builder()
        .descriptor(
            sarif::ReportingDescriptorReference::builder()
                .id(diagnostic.code)
                .build(),
        )
        .level(serde_json::json!(level(diagnostic.severity)))
        .message(text(&diagnostic.message))
        .locations(vec![location])
        .build()
}

fn physical_location(located: &Located<'_, '_>, range: TextRange) -> sarif::PhysicalLocation {
    let mut location = sarif::PhysicalLocation::builder()
        .artifact_location(artifact_location(located.report.path))
        .build();
    if located.report.source.is_some() {
        location.region = Some(region(located, range));
    }
    location
}

/// A region by lines and columns (Unicode characters, as the run's `columnKind` says) and by
/// bytes; an empty range is an insertion point.
fn region(located: &Located<'_, '_>, range: TextRange) -> sarif::Region {
    let mut region = sarif::Region::builder()
        .byte_offset(i64::from(range.start))
        .byte_length(i64::from(range.len()))
        .build();
    if let Some((start, end)) = located.span(range) {
        region.start_line = Some(i64::from(start.line));
        region.start_column = Some(i64::from(start.column));
        region.end_line = Some(i64::from(end.line));
        region.end_column = Some(i64::from(end.column));
    }
    region
}

/// A relative path is relative to the source root (`%SRCROOT%`), as code scanning expects; an
/// absolute one becomes a `file:` URI.
fn artifact_location(path: &str) -> sarif::ArtifactLocation {
    let absolute = Path::new(path).is_absolute();
    let path = repository_path(path);
    let encoded = path
        .split('/')
        .map(|segment| utf8_percent_encode(segment, PATH_SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    if absolute {
        sarif::ArtifactLocation::builder()
            .uri(format!("file:///{}", encoded.trim_start_matches('/')))
            .build()
    } else {
        sarif::ArtifactLocation::builder()
            .uri(encoded)
            .uri_base_id("%SRCROOT%")
            .build()
    }
}

/// A message: input text shown through `printable`, as in every output meant to be read.
fn text(message: &str) -> sarif::Message {
    sarif::Message::builder().text(printable(message).into_owned()).build()
}
