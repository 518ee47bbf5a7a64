use asl_semantic::model::StateKind;

use crate::Findings;
use crate::helpers::values::is_placeholder;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// Characters AWS does not allow in names and labels, besides whitespace and control characters.
const FORBIDDEN: &[char] = &[
    '?', '*', '<', '>', '{', '}', '[', ']', ':', ';', ',', '\\', '|', '^', '~', '$', '#', '%', '&', '`', '"',
];

declare_rule! {
    /// ## What it does
    /// Reports a Distributed Map `Label` that is empty, longer than 40 characters, or
    /// contains whitespace, a control character or one of `? * < > { } [ ] : ; , \ | ^ ~ $ # % & \` "`.
    ///
    /// ## Why is this bad?
    /// The label names the Map Run and its child executions; AWS rejects labels outside these
    /// limits ("Label cannot exceed 40 characters").
    ///
    /// Evidence: AWS refuses an invalid label with the diagnostic code `INVALID_LABEL_NAME` ("You have
    /// provided an invalid label name", ValidateStateMachineDefinition API reference); the 40-character
    /// limit and the forbidden characters are the Step Functions name quotas for Map Run labels.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {
    ///       "Type": "Map",
    ///       "Label": "process orders",
    ///       "ItemProcessor": {
    ///         "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
    ///         "StartAt": "Work",
    ///         "States": {"Work": {"Type": "Pass", "End": true}}
    ///       },
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Each",
    ///   "States": {
    ///     "Each": {
    ///       "Type": "Map",
    ///       "Label": "process-orders",
    ///       "ItemProcessor": {
    ///         "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
    ///         "StartAt": "Work",
    ///         "States": {"Work": {"Type": "Pass", "End": true}}
    ///       },
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct InvalidMapLabel {
        code: "ASL120",
        name: "invalid-map-label",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidMapLabel {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Map(map) = &state.kind else { continue };
            let Some(label) = &map.label else { continue };
            let Some(text) = label.value else { continue };
            if is_placeholder(text) {
                continue;
            }
            let length = text.chars().count();
            let problem = if length == 0 {
                "is empty".to_owned()
            } else if length > 40 {
                format!("is {length} characters long; the limit is 40")
            } else if let Some(bad) = text
                .chars()
                .find(|&c| c.is_whitespace() || c.is_control() || FORBIDDEN.contains(&c))
            {
                format!("contains the character {bad:?}, which is not allowed")
            } else {
                continue;
            };
            out.push(
                self.meta()
                    .diagnostic(label.value_range(), format!("\"Label\" of Map state \"{}\" {problem}", state.name))
                    .with_help("use 1 to 40 characters without whitespace or any of ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & ` \""),
            );
        }
    }
}
