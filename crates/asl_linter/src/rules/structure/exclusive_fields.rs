use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::vocabulary::{ObjectType, StateType};

/// The groups of fields of which at most one may be present in an object of `kind`.
fn groups_of(kind: ObjectType) -> &'static [&'static [&'static str]] {
    match kind {
        ObjectType::State(StateType::Task) => &[
            &["TimeoutSeconds", "TimeoutSecondsPath"],
            &["HeartbeatSeconds", "HeartbeatSecondsPath"],
            &["Resource", "Resource.$"],
        ],
        ObjectType::State(StateType::Wait) => &[&["Seconds", "SecondsPath", "Timestamp", "TimestampPath"]],
        ObjectType::State(StateType::Fail) => &[&["Error", "ErrorPath"], &["Cause", "CausePath"]],
        ObjectType::State(StateType::Map) => &[
            &["MaxConcurrency", "MaxConcurrencyPath"],
            &["ToleratedFailureCount", "ToleratedFailureCountPath"],
            &["ToleratedFailurePercentage", "ToleratedFailurePercentagePath"],
            &["ItemProcessor", "Iterator"],
            &["ItemSelector", "Parameters"],
        ],
        ObjectType::ReaderConfig => &[&["MaxItems", "MaxItemsPath"]],
        ObjectType::ItemBatcher => &[
            &["MaxItemsPerBatch", "MaxItemsPerBatchPath"],
            &["MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"],
        ],
        ObjectType::Credentials => &[&["RoleArn", "RoleArn.$"]],
        _ => &[],
    }
}

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
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            for group in groups_of(site.kind) {
                // Fields of the other query language are reported by field-not-in-query-language.
                let mut present = site
                    .fields()
                    .filter(|(m, spec)| {
                        spec.is_some_and(|spec| spec.languages.allows(site.language))
                            && group.contains(&m.key.text.as_str())
                    })
                    .map(|(m, _)| m);
                let Some(first) = present.next() else {
                    continue;
                };
                for member in present.filter(|m| m.key.text != first.key.text) {
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
