use crate::Findings;
use crate::helpers::variables::{assign_objects, assigned_name, name_problem};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

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
    /// Evidence: AWS returns "INVALID_VARIABLE_NAME: Invalid variable name '…': the variable name
    /// contains invalid characters." and "RESERVED_VARIABLE_NAME: Cannot assign to reserved variable
    /// '$states'." (cdk-preflight, rule `pf-sfn-asl-jsonpath-syntax`).
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
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
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
