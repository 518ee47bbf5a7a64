use asl_diagnostics::{Applicability, Fix};

use asl_semantic::vocabulary::{ObjectType, StateType};

use crate::Findings;
use crate::helpers::field_sites::field_names;
use crate::helpers::messages::or_list;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports a field that the object it is in never allows: a misspelt field, or a field of
    /// another state type (`Parameters` in a Choice state, `Seconds` in a Task state, …).
    ///
    /// ## Why is this bad?
    /// AWS rejects a definition with an unknown field. A typo such as `TimeoutSecond` would
    /// otherwise silently drop the setting the author meant.
    ///
    /// Fields that exist in the state type but belong to the other query language are
    /// reported by `field-not-in-query-language` instead.
    ///
    /// Evidence: AWS returns "Field 'Retry' is not supported at /States/A" for a `Pass` state
    /// (cdk-preflight real deploy, 2026-09-05) and "Field 'TimeoutSeconds' is not supported" on a Map
    /// or Parallel state (measured, floci-io/floci#2735).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "TimeoutSecond": 30,
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "TimeoutSeconds": 30,
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// When exactly one allowed field is close to the key and not already present, a safe fix
    /// renames the key.
    ///
    /// ## Fields
    /// The fields of each object, with the query languages they belong to and the values they
    /// take (`Next` and `End` only where a state moves on; `next-or-end` reports them elsewhere).
    ///
    /// <!-- vocabulary: fields -->
    pub(crate) struct UnknownField {
        code: "ASL105",
        name: "unknown-field",
        category: Structure,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for UnknownField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            if site.kind.is_open() {
                continue;
            }
            for (member, spec) in site.fields() {
                let key = member.key.text.as_str();
                if spec.is_some() || reported_elsewhere(site.kind, key) {
                    continue;
                }
                let mut diagnostic = self.meta().diagnostic(
                    member.key.range,
                    format!("field \"{key}\" is not allowed in {}", site.description),
                );
                if let ObjectType::State(state_type) = site.kind
                    && let Some(other_types) = other_state_types(key)
                {
                    diagnostic = diagnostic.with_help(format!(
                        "\"{key}\" belongs to {other_types} states, not to {} states; remove it",
                        state_type.name()
                    ));
                } else {
                    let allowed = field_names(site.kind, site.language);
                    let present = |name: &str| site.members.iter().any(|m| m.key.text == name);
                    match closest(key, &allowed) {
                        Some(suggestion) if !present(suggestion) => {
                            diagnostic = diagnostic
                                .with_help(format!("did you mean \"{suggestion}\"?"))
                                .with_fix(Fix::replace(
                                    format!("Rename to \"{suggestion}\""),
                                    Applicability::Safe,
                                    member.key.range,
                                    format!("\"{suggestion}\""),
                                ));
                        }
                        _ => {
                            diagnostic = diagnostic.with_help(format!("allowed fields: {}", allowed.join(", ")));
                        }
                    }
                }
                out.push(diagnostic);
            }
        }
    }
}

/// The state types that allow `key`, when some do ("Task, Parallel or Map").
fn other_state_types(key: &str) -> Option<String> {
    let types: Vec<&str> = StateType::all()
        .filter(|state_type| state_type.allows(key))
        .map(StateType::name)
        .collect();
    (!types.is_empty()).then(|| or_list(&types))
}

/// `Next` and `End` where the object cannot have them: next-or-end and choice-rule-next report
/// them and say why.
fn reported_elsewhere(kind: ObjectType, key: &str) -> bool {
    match kind {
        ObjectType::State(_) => matches!(key, "Next" | "End"),
        ObjectType::NestedChoiceRule => key == "Next",
        _ => false,
    }
}
