use asl_semantic::vocabulary::{ObjectType, StateType};

use crate::Findings;
use crate::helpers::values::accepts;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// The largest value of the timeout-style integers (statelint, the AWS editor's schema).
const MAX_SECONDS: f64 = 99_999_999.0;

/// Numeric fields with their inclusive bounds.
const RANGES: &[(ObjectType, &str, f64, f64)] = &[
    // The machine timeout: statelint wants it positive, the AWS editor accepts 0; only the maximum is certain.
    (ObjectType::Machine, "TimeoutSeconds", 0.0, MAX_SECONDS),
    (ObjectType::State(StateType::Task), "TimeoutSeconds", 1.0, MAX_SECONDS),
    (ObjectType::State(StateType::Task), "HeartbeatSeconds", 1.0, MAX_SECONDS),
    (ObjectType::State(StateType::Wait), "Seconds", 0.0, MAX_SECONDS),
    (ObjectType::State(StateType::Map), "MaxConcurrency", 0.0, f64::INFINITY),
    (
        ObjectType::State(StateType::Map),
        "ToleratedFailureCount",
        0.0,
        f64::INFINITY,
    ),
    (
        ObjectType::State(StateType::Map),
        "ToleratedFailurePercentage",
        0.0,
        100.0,
    ),
    // AWS accepts 0 (measured with ValidateStateMachineDefinition), though statelint wants it positive.
    (ObjectType::Retrier, "IntervalSeconds", 0.0, MAX_SECONDS),
    (ObjectType::Retrier, "MaxAttempts", 0.0, MAX_SECONDS),
    (ObjectType::Retrier, "BackoffRate", 1.0, f64::INFINITY),
    (ObjectType::Retrier, "MaxDelaySeconds", 1.0, 31_622_400.0),
    // 0 is accepted: AWS's own Distributed Map sample (aws-stepfunctions-examples,
    // monte-carlo-simulation) deploys `"MaxItems": 0`.
    (ObjectType::ReaderConfig, "MaxItems", 0.0, 100_000_000.0),
    (ObjectType::ItemBatcher, "MaxItemsPerBatch", 1.0, f64::INFINITY),
    (ObjectType::ItemBatcher, "MaxInputBytesPerBatch", 1.0, 262_144.0),
];

declare_rule! {
    /// ## What it does
    /// Reports a number outside its allowed range: a Task's `TimeoutSeconds` and
    /// `HeartbeatSeconds` must be positive and at most 99999999, Wait `Seconds`,
    /// `IntervalSeconds` and `MaxAttempts` non-negative, `BackoffRate` at least 1.0, `MaxDelaySeconds` at most
    /// 31622400 (a year), `ToleratedFailurePercentage` between 0 and 100, `MaxItems` at most
    /// 100,000,000 and `MaxInputBytesPerBatch` at most 256 KiB (262144).
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition, or fails the state when it runs.
    ///
    /// Evidence: AWS returns "Minimum value is 1 at /States/A/TimeoutSeconds" (cdk-preflight real
    /// deploy, 2026-09-05); a `ToleratedFailurePercentage` over 100 fails the state with
    /// `States.Runtime` "ToleratedFailurePercentage must be between 0 and 100." (LocalStack's AWS
    /// snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 1.5}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct ValueOutOfRange {
        code: "ASL111",
        name: "value-out-of-range",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for ValueOutOfRange {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            // Numbers are few among the members: the table is read only for one.
            for (index, (member, spec)) in site.fields().enumerate() {
                let Some(number) = member.value.as_number() else {
                    continue;
                };
                let key = member.key.text.as_str();
                let Some(&(_, _, min, max)) = RANGES
                    .iter()
                    .find(|&&(kind, name, ..)| kind == site.kind && name == key)
                else {
                    continue;
                };
                // Wrong types and JSONata expressions are not numbers to compare.
                if !spec.is_some_and(|spec| accepts(spec.kind, &member.value, site.language))
                    || !site.is_first_of_its_key(index)
                {
                    continue;
                }
                let value = number.as_f64();
                if (min..=max).contains(&value) {
                    continue;
                }
                let bound = if value < min {
                    if min == 0.0 {
                        "must not be negative".to_owned()
                    } else {
                        format!("must be at least {}", display(min))
                    }
                } else {
                    format!("must be at most {}", display(max))
                };
                let range_text = if max.is_infinite() {
                    format!("at least {}", display(min))
                } else {
                    format!("between {} and {}", display(min), display(max))
                };
                out.push(
                    self.meta()
                        .diagnostic(
                            member.value.range,
                            format!(
                                "\"{key}\" of {} {bound}, but it is {}",
                                site.description,
                                display(value)
                            ),
                        )
                        .with_help(format!("use a value {range_text}")),
                );
            }
        }
    }
}

fn display(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e16 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
