use asl_diagnostics::Diagnostic;

use crate::helpers::field_sites::{FieldSpec, SiteKind};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// Groups of fields of which at most one may be present.
const GROUPS: &[(SiteKind, &[&str])] = &[
    (SiteKind::State("Task"), &["TimeoutSeconds", "TimeoutSecondsPath"]),
    (SiteKind::State("Task"), &["HeartbeatSeconds", "HeartbeatSecondsPath"]),
    (SiteKind::State("Task"), &["Resource", "Resource.$"]),
    (
        SiteKind::State("Wait"),
        &["Seconds", "SecondsPath", "Timestamp", "TimestampPath"],
    ),
    (SiteKind::State("Fail"), &["Error", "ErrorPath"]),
    (SiteKind::State("Fail"), &["Cause", "CausePath"]),
    (SiteKind::State("Map"), &["MaxConcurrency", "MaxConcurrencyPath"]),
    (
        SiteKind::State("Map"),
        &["ToleratedFailureCount", "ToleratedFailureCountPath"],
    ),
    (
        SiteKind::State("Map"),
        &["ToleratedFailurePercentage", "ToleratedFailurePercentagePath"],
    ),
    (SiteKind::State("Map"), &["ItemProcessor", "Iterator"]),
    (SiteKind::State("Map"), &["ItemSelector", "Parameters"]),
    (SiteKind::ReaderConfig, &["MaxItems", "MaxItemsPath"]),
    (SiteKind::ItemBatcher, &["MaxItemsPerBatch", "MaxItemsPerBatchPath"]),
    (
        SiteKind::ItemBatcher,
        &["MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"],
    ),
    (SiteKind::Credentials, &["RoleArn", "RoleArn.$"]),
];

declare_rule! {
    /// ## What it does
    /// Reports two fields that exclude each other: a value and its `…Path` variant
    /// (`TimeoutSeconds`/`TimeoutSecondsPath`, `Error`/`ErrorPath`, `MaxConcurrency`/…,
    /// `MaxItems`/…, the `ItemBatcher` limits), more than one of Wait's `Seconds`,
    /// `SecondsPath`, `Timestamp` and `TimestampPath`, and a Map's `ItemProcessor` with
    /// `Iterator` or `ItemSelector` with `Parameters`.
    ///
    /// ## Why is this bad?
    /// The spec allows only one of each group and AWS rejects the definition; it is not clear
    /// which value the author meant.
    ///
    /// Evidence: AWS returns "There should only be one of the following fields: [TimeoutSeconds,
    /// TimeoutSecondsPath] at /States/A" and, for Wait, "… [SecondsPath, Seconds, TimestampPath,
    /// Timestamp]" (cdk-preflight real deploys, 2026-09-05).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 5, "SecondsPath": "$.delay", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}}
    /// ```
    pub(crate) struct ExclusiveFields {
        code: "ASL110",
        name: "exclusive-fields",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for ExclusiveFields {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        for site in ctx.field_sites() {
            for (kind, group) in GROUPS {
                if *kind != site.kind {
                    continue;
                }
                // Fields of the other query language are reported by field-not-in-query-language.
                let present: Vec<_> = site
                    .members
                    .iter()
                    .filter(|m| group.contains(&m.key.text.as_str()))
                    .filter(|m| {
                        FieldSpec::find(site.kind, &m.key.text).is_some_and(|spec| spec.lang.allows(site.language))
                    })
                    .collect();
                let Some((first, rest)) = present.split_first() else {
                    continue;
                };
                for member in rest.iter().filter(|m| m.key.text != first.key.text) {
                    let names = group.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
                    let help = if group.len() > 2 {
                        format!("use exactly one of {names}")
                    } else {
                        format!("keep either \"{}\" or \"{}\"", first.key.text, member.key.text)
                    };
                    out.push(
                        self.meta()
                            .diagnostic(
                                member.key.range,
                                format!(
                                    "\"{}\" and \"{}\" cannot both be set in {}",
                                    first.key.text, member.key.text, site.description
                                ),
                            )
                            .with_label(first.key.range, format!("\"{}\" is set here", first.key.text))
                            .with_help(help),
                    );
                }
            }
        }
    }
}
