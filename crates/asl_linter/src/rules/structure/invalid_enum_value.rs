use asl_diagnostics::{Applicability, Fix};
use asl_semantic::model::QueryLanguage;

use crate::Findings;
use crate::helpers::field_sites::SiteName;
use crate::helpers::values::{is_jsonata, is_placeholder};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;
use asl_semantic::vocabulary::ObjectType;

const QUERY_LANGUAGES: &[&str] = &["JSONPath", "JSONata"];

/// The fields of an object of `kind` whose value is one of a closed set of strings.
fn enums_of(kind: ObjectType) -> &'static [(&'static str, &'static [&'static str])] {
    match kind {
        ObjectType::Machine => &[("Version", &["1.0"]), ("QueryLanguage", QUERY_LANGUAGES)],
        ObjectType::Branch | ObjectType::ItemProcessor | ObjectType::Iterator | ObjectType::State(_) => {
            &[("QueryLanguage", QUERY_LANGUAGES)]
        }
        ObjectType::Retrier => &[("JitterStrategy", &["FULL", "NONE"])],
        ObjectType::ProcessorConfig => &[
            ("Mode", &["INLINE", "DISTRIBUTED"]),
            ("ExecutionType", &["STANDARD", "EXPRESS"]),
        ],
        ObjectType::ReaderConfig => &[
            ("InputType", &["CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"]),
            ("Transformation", &["NONE", "LOAD_AND_FLATTEN"]),
            ("ManifestType", &["ATHENA_DATA", "S3_INVENTORY"]),
            ("CSVHeaderLocation", &["FIRST_ROW", "GIVEN"]),
            ("CSVDelimiter", &["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"]),
        ],
        ObjectType::WriterConfig => &[
            ("OutputType", &["JSON", "JSONL"]),
            ("Transformation", &["NONE", "COMPACT", "FLATTEN"]),
        ],
        _ => &[],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a value outside a closed set: `QueryLanguage` (`JSONPath`, `JSONata`),
    /// `Version` (`1.0`), `JitterStrategy` (`FULL`, `NONE`), `ProcessorConfig.Mode`
    /// (`INLINE`, `DISTRIBUTED`) and `ExecutionType` (`STANDARD`, `EXPRESS`), and the
    /// `ReaderConfig`/`WriterConfig` enumerations (`InputType`: `CSV`, `JSON`, `JSONL`,
    /// `MANIFEST`, `PARQUET`; `CSVHeaderLocation`: `FIRST_ROW`, `GIVEN`; …). A state's
    /// `Type` is checked by `unknown-state-type`.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition. The values are case-sensitive.
    ///
    /// Evidence: AWS answers a value outside a closed set with "The field 'Type' should have one of
    /// these values: [Task, Wait, …]" (LocalStack's AWS snapshots) and "Value should be one of the
    /// following: [STANDARD, EXPRESS]" for `ExecutionType` (cdk-preflight, rule
    /// `pf-sfn-asl-map-distributed`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONATA", "StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
    /// ```
    ///
    /// ## Fix
    /// When one allowed value is close to the text, a fix replaces it; it is safe when only
    /// the letter case differs.
    pub(crate) struct InvalidEnumValue {
        code: "ASL113",
        name: "invalid-enum-value",
        category: Structure,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for InvalidEnumValue {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let mut checks: Vec<(&asl_syntax::Member, &SiteName<'_>, QueryLanguage, &[&str])> = Vec::new();
        for site in ctx.field_sites() {
            for &(key, allowed) in enums_of(site.kind) {
                if let Some(member) = site.node.member(key) {
                    checks.push((member, &site.description, site.language, allowed));
                }
            }
        }
        for (member, owner, language, allowed) in checks {
            // Wrong types are reported by wrong-field-type.
            let Some(text) = member.value.as_str() else { continue };
            if allowed.contains(&text)
                || is_placeholder(text)
                || (language == QueryLanguage::Jsonata && is_jsonata(text))
            {
                continue;
            }
            let key = &member.key.text;
            let list = allowed
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let mut diagnostic = self
                .meta()
                .diagnostic(
                    member.value.range,
                    format!("\"{text}\" is not a valid \"{key}\" of {owner}"),
                )
                .with_help(format!("use one of {list}"));
            if let Some(suggestion) = closest(text, allowed) {
                let applicability = if suggestion.eq_ignore_ascii_case(text) {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                };
                diagnostic = diagnostic
                    .with_help(format!("did you mean \"{suggestion}\"?"))
                    .with_fix(Fix::replace(
                        format!("Replace with \"{suggestion}\""),
                        applicability,
                        member.value.range,
                        format!("\"{suggestion}\""),
                    ));
            }
            out.push(diagnostic);
        }
    }
}
