use asl_diagnostics::Diagnostic;

use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use crate::rules::data_flow::variables::{assign_objects, assigned_name};

/// The longest variable name, in characters.
const MAX_NAME_LENGTH: usize = 80;

declare_rule! {
    /// ## What it does
    /// Reports an `Assign` key that is not a valid variable name: empty, longer than 80
    /// characters, `states`, starting with a digit, or containing characters such as
    /// `.`, `[`, `-` or spaces.
    ///
    /// ## Why is this bad?
    /// Variable names are identifiers (Unicode UAX #31) of at most 80 characters, and
    /// `states` is reserved for `$states`. An `Assign` key cannot write into part of a
    /// variable (`"order.id"`): assign the whole value instead. AWS rejects such names.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"order-id": 1}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"orderId": 1}, "Next": "B"},
    ///   "B": {"Type": "Pass", "Parameters": {"id.$": "$orderId"}, "End": true}}}
    /// ```
    pub(crate) struct InvalidVariableName {
        code: "ASL340",
        name: "invalid-variable-name",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidVariableName {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        for state in &ctx.model.states {
            for (_, members) in assign_objects(state) {
                for member in members {
                    let name = assigned_name(state, &member.key.text);
                    let Some(problem) = name_problem(&name) else { continue };
                    out.push(
                        self.meta()
                            .diagnostic(
                                member.key.range,
                                format!("\"{name}\" assigned in state \"{}\" is not a valid variable name: {problem}", state.name),
                            )
                            .with_label(member.key.range, problem)
                            .with_help("use a name made of letters, digits and `_` that does not start with a digit, such as \"orderId\""),
                    );
                }
            }
        }
    }
}

/// Why `name` cannot name a variable. Only ASCII characters are judged: non-ASCII
/// letters and marks may be valid identifier characters.
pub(crate) fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("the name is empty".to_owned());
    }
    if name == "states" {
        return Some("`states` is reserved for `$states`".to_owned());
    }
    let length = name.chars().count();
    if length > MAX_NAME_LENGTH {
        return Some(format!(
            "it is {length} characters long; the limit is {MAX_NAME_LENGTH}"
        ));
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Some("it starts with a digit".to_owned());
    }
    let bad = name
        .chars()
        .find(|&c| c.is_whitespace() || (c.is_ascii() && !c.is_ascii_alphanumeric() && c != '_'))?;
    Some(format!("it contains `{bad}`"))
}
