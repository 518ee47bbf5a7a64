use asl_semantic::model::QueryLanguage;

use crate::Findings;
use crate::helpers::choice_rules::is_jsonpath_condition;
use crate::helpers::field_sites::language_origin;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::vocabulary::{ObjectType, StateType};

declare_rule! {
    /// ## What it does
    /// Reports a JSONPath-only field in a JSONata state (`Parameters`, `InputPath`,
    /// `ResultPath`, `TimeoutSecondsPath`, Choice `Variable`, …) and a JSONata-only field in a
    /// JSONPath state (`Arguments`, `Output`, `Items`, `Condition`). The query languages of
    /// every field are listed under [Fields](unknown-field.md#fields) in `unknown-field`.
    ///
    /// ## Why is this bad?
    /// The spec disables the JSONPath fields in JSONata states and AWS rejects the
    /// definition. The message says which language the state uses, why, and what to use
    /// instead (`Arguments` instead of `Parameters`, `Output` instead of `ResultSelector`,
    /// `TimeoutSeconds` with a `{% %}` expression instead of `TimeoutSecondsPath`, …).
    ///
    /// Evidence: AWS returns "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only
    /// supported for the 'JSONPath' QueryLanguage at /States/A" (cdk-preflight real deploy, 2026-09-05)
    /// and "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the
    /// 'JSONata' QueryLanguage" (measured, floci-io/floci#2968).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "QueryLanguage": "JSONata",
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Parameters": {"FunctionName": "charge"},
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "QueryLanguage": "JSONata",
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Arguments": {"FunctionName": "charge"},
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct FieldNotInQueryLanguage {
        code: "ASL106",
        name: "field-not-in-query-language",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for FieldNotInQueryLanguage {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            let mut condition_reported = false;
            for (member, spec) in site.fields() {
                let key = member.key.text.as_str();
                let Some(spec) = spec else {
                    continue;
                };
                if spec.languages.allows(site.language) {
                    continue;
                }
                // A JSONPath condition (Variable with an operator) in a JSONata rule is one mistake.
                if site.language == QueryLanguage::Jsonata && is_jsonpath_condition(key) {
                    if condition_reported {
                        continue;
                    }
                    condition_reported = true;
                }
                let origin = language_origin(site, ctx.model);
                out.push(
                    self.meta()
                        .diagnostic(
                            member.key.range,
                            format!(
                                "field \"{key}\" is not allowed in {}, which uses {origin}",
                                site.description
                            ),
                        )
                        .with_help(replacement(site.kind, key, site.language)),
                );
            }
        }
    }
}

/// What to write instead of `key` in an object of `kind` whose language is `language`.
fn replacement(kind: ObjectType, key: &str, language: QueryLanguage) -> String {
    if language == QueryLanguage::Jsonata {
        if is_jsonpath_condition(key) {
            return format!(
                "JSONata Choice rules use \"Condition\": a JSONata expression such as \"{{% $states.input.x > 1 %}}\"; replace \"{key}\""
            );
        }
        return match key {
            "Parameters" if kind == ObjectType::State(StateType::Map) => {
                "use \"ItemSelector\" instead of \"Parameters\" in a JSONata Map state".to_owned()
            }
            "Parameters" => "use \"Arguments\" instead of \"Parameters\" in a JSONata state".to_owned(),
            "InputPath" => "remove \"InputPath\": JSONata expressions read the input as $states.input".to_owned(),
            "ResultSelector" | "OutputPath" => format!("use \"Output\" instead of \"{key}\" in a JSONata state"),
            "ResultPath" => "use \"Output\" or \"Assign\" instead of \"ResultPath\" in a JSONata state".to_owned(),
            "Result" => "use \"Output\" instead of \"Result\" in a JSONata Pass state".to_owned(),
            "ItemsPath" => "use \"Items\" instead of \"ItemsPath\" in a JSONata Map state".to_owned(),
            "Resource.$" | "RoleArn.$" => format!(
                "use \"{}\" with a JSONata expression \"{{% … %}}\"",
                key.trim_end_matches(".$")
            ),
            _ => match key.strip_suffix("Path") {
                Some(base) => format!("use \"{base}\" with a JSONata expression \"{{% … %}}\" instead of \"{key}\""),
                None => format!("remove \"{key}\", or set \"QueryLanguage\": \"JSONPath\" on the state"),
            },
        };
    }
    let switch = "or set \"QueryLanguage\": \"JSONata\" on the state";
    match key {
        "Arguments" => format!("use \"Parameters\" instead of \"Arguments\" in a JSONPath state, {switch}"),
        "Output" => format!(
            "use \"ResultSelector\", \"ResultPath\" or \"OutputPath\" instead of \"Output\" in a JSONPath state, {switch}"
        ),
        "Items" => format!("use \"ItemsPath\" instead of \"Items\" in a JSONPath Map state, {switch}"),
        "Condition" => format!(
            "JSONPath Choice rules use \"Variable\" with a comparison operator such as \"NumericEquals\", {switch}"
        ),
        _ => format!("remove \"{key}\", {switch}"),
    }
}
