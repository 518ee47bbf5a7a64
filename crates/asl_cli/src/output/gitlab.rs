//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues), shown in merge
//! requests. Each issue has the rule, a printable description, a fingerprint that survives
//! line moves, a severity on GitLab's scale and the lines at fault.

use asl_diagnostics::Severity;
use asl_diagnostics::printable::{json_safe, printable};
use asl_diagnostics::render::FileReport;
use serde::Serialize;

use super::fingerprint::Fingerprints;
use super::{Located, repository_path};

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

pub(crate) fn render(reports: &[FileReport<'_>]) -> String {
    let mut fingerprints = Fingerprints::default();
    let mut issues = Vec::new();
    for report in reports {
        let located = Located::new(report);
        for diagnostic in report.diagnostics {
            let pointer = located.pointer(diagnostic);
            let (begin, end) = located
                .span(diagnostic.range)
                .map_or((1, 1), |(start, end)| (start.line, end.line));
            issues.push(Issue {
                description: format!(
                    "{} {}: {}",
                    diagnostic.code,
                    diagnostic.name,
                    printable(&diagnostic.message)
                ),
                check_name: diagnostic.name.to_owned(),
                fingerprint: fingerprints.next(report.path, pointer.as_deref(), diagnostic),
                severity: severity(diagnostic.severity),
                location: Location {
                    path: repository_path(report.path),
                    lines: Lines { begin, end },
                },
            });
        }
    }
    let mut out = json_safe(serde_json::to_string_pretty(&issues).unwrap_or_default());
    out.push('\n');
    out
}

/// GitLab's scale is info, minor, major, critical, blocker.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "minor",
    }
}
