use std::collections::HashSet;

use asl_semantic::model::ScopeId;

use crate::Findings;
use crate::helpers::variables::name_problem;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a variable that is assigned but never read, neither in its scope nor in
    /// the Parallel branches and Map iterations nested in it.
    ///
    /// ## Why is this bad?
    /// The assignment has no effect except to use some of the execution's 10 MiB of
    /// variable storage; often a read was forgotten or its name is misspelt.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"orderId.$": "$.id"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"orderId.$": "$.id"}, "Next": "B"},
    ///   "B": {"Type": "Pass", "Parameters": {"id.$": "$orderId"}, "End": true}}}
    /// ```
    pub(crate) struct UnusedVariable {
        code: "ASL343",
        name: "unused-variable",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UnusedVariable {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let variables = ctx.variables();
        let mut reported: HashSet<(&str, ScopeId)> = HashSet::new();
        for assignment in &variables.assignments {
            let scope = model.state(assignment.state).scope;
            // An invalid name is reported by invalid-variable-name.
            if reported.contains(&(assignment.name.as_str(), scope))
                || name_problem(&assignment.name).is_some()
                || variables.is_read_within(&assignment.name, scope)
            {
                continue;
            }
            reported.insert((assignment.name.as_str(), scope));
            let state = model.state(assignment.state);
            let range = assignment.member.key.range;
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "variable \"{}\" assigned in state \"{}\" is never read",
                            assignment.name, state.name
                        ),
                    )
                    .with_label(range, "assigned here, never read")
                    .with_help("remove the assignment, or read the variable where it was meant to be used"),
            );
        }
    }
}
