//! `--statistics`: how many findings each rule made, most first, instead of the findings.

use std::collections::BTreeMap;

use asl_diagnostics::printable::json_safe;
use asl_diagnostics::render::FileReport;
use asl_diagnostics::{Applicability, Severity};
use serde::Serialize;

#[derive(Serialize)]
pub(crate) struct RuleCount {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    count: usize,
    /// How many of them `--fix` fixes.
    fixable: usize,
}

pub(crate) fn count(reports: &[FileReport<'_>]) -> Vec<RuleCount> {
    let mut counts: BTreeMap<(&'static str, &'static str, Severity), RuleCount> = BTreeMap::new();
    for diagnostic in reports.iter().flat_map(|report| report.diagnostics) {
        let entry = counts
            .entry((diagnostic.code, diagnostic.name, diagnostic.severity))
            .or_insert(RuleCount {
                code: diagnostic.code,
                name: diagnostic.name,
                severity: diagnostic.severity.as_str(),
                count: 0,
                fixable: 0,
            });
        entry.count += 1;
        if diagnostic
            .fix
            .as_ref()
            .is_some_and(|fix| fix.applicability == Applicability::Safe)
        {
            entry.fixable += 1;
        }
    }
    let mut counts: Vec<RuleCount> = counts.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

/// A table: count, code, name, severity, and `[*]` when `--fix` fixes some of them.
pub(crate) fn table(counts: &[RuleCount]) -> String {
    let width = counts.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let digits = counts.first().map_or(1, |c| c.count.to_string().len());
    counts
        .iter()
        .map(|c| {
            let fixable = if c.fixable > 0 { " [*]" } else { "" };
            format!(
                "{:>digits$}  {}  {:<width$}  {}{fixable}\n",
                c.count, c.code, c.name, c.severity
            )
        })
        .collect()
}

pub(crate) fn json(counts: &[RuleCount]) -> String {
    let mut out = json_safe(serde_json::to_string_pretty(counts).unwrap_or_default());
    out.push('\n');
    out
}
