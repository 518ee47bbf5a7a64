use asl_syntax::TextRange;

use crate::Findings;
use crate::helpers::MAX_DEFINITION_BYTES;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// The longest state name AWS accepts, in characters.
const MAX_NAME: usize = 80;
/// The payload quota: state input and output are at most 256 KiB.
const MAX_PAYLOAD_BYTES: u32 = 262_144;
/// Fields whose value becomes a state's input, result or output as written.
const PAYLOAD_FIELDS: &[&str] = &[
    "Result",
    "Parameters",
    "Arguments",
    "ItemSelector",
    "ResultSelector",
    "Output",
];

declare_rule! {
    /// ## What it does
    /// Reports what exceeds a Step Functions quota: a state name that is empty or longer than
    /// 80 characters, a definition larger than 1 MiB (1,048,576 bytes), and a static payload
    /// larger than 256 KiB (262,144 bytes): a Pass `Result`, or a `Parameters`, `Arguments`,
    /// `ItemSelector`, `ResultSelector` or `Output` template as written.
    ///
    /// ## Why is this bad?
    /// AWS rejects a definition with a name or size over the quota. A payload over 256 KiB
    /// fails the state with `States.DataLimitExceeded`, which no `Catch` can handle.
    ///
    /// Evidence: AWS returns "INVALID_STATE_NAME: Invalid State name: …" for an 81-character state name
    /// (cdk-preflight real deploy, 2026-09-13); the API refuses a definition longer than 1,048,576
    /// characters; an oversized payload fails the state with `States.DataLimitExceeded` ("… returned a
    /// result with a size exceeding the maximum number of bytes service limit", LocalStack's AWS
    /// snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Check the credit score of the customer before approving the order, then notify them",
    ///   "States": {"Check the credit score of the customer before approving the order, then notify them": {"Type": "Succeed"}}
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Check credit score", "States": {"Check credit score": {"Type": "Succeed"}}}
    /// ```
    pub(crate) struct QuotaExceeded {
        code: "ASL122",
        name: "quota-exceeded",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for QuotaExceeded {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let size = ctx.definition_len();
        if size > MAX_DEFINITION_BYTES {
            out.push(
                self.meta()
                    .diagnostic(
                        TextRange::empty(ctx.parse.root.range.start),
                        format!("the definition is {size} bytes; the limit is {MAX_DEFINITION_BYTES} bytes (1 MiB)"),
                    )
                    .with_help("move large static data to S3, or split the workflow into nested state machines"),
            );
        }
        for state in &ctx.model.states {
            // A non-object member is reported by state-not-object.
            if !state.is_object() {
                continue;
            }
            let length = state.name.chars().count();
            let message = if length == 0 {
                Some("a state name cannot be empty".to_owned())
            } else if length > MAX_NAME {
                let start: String = state.name.chars().take(20).collect();
                Some(format!(
                    "state name \"{start}…\" is {length} characters long; the limit is {MAX_NAME}"
                ))
            } else {
                None
            };
            if let Some(message) = message {
                out.push(
                    self.meta()
                        .diagnostic(state.name_range, message)
                        .with_help("use a name of 1 to 80 characters, and update the \"Next\", \"Default\" and \"StartAt\" fields that refer to it"),
                );
            }
            for member in state.node.as_object().unwrap_or(&[]) {
                let key = member.key.text.as_str();
                let payload = member.value.range.end - member.value.range.start;
                if PAYLOAD_FIELDS.contains(&key) && payload > MAX_PAYLOAD_BYTES {
                    out.push(
                        self.meta()
                            .diagnostic(
                                member.key.range,
                                format!("\"{key}\" of state \"{}\" is {payload} bytes; state payloads are limited to {MAX_PAYLOAD_BYTES} bytes (256 KiB)", state.name),
                            )
                            .with_help("store the data in S3 and read it in a Task, or pass only a reference through the state"),
                    );
                }
            }
        }
    }
}
