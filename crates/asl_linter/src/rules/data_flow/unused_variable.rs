use asl_diagnostics::Diagnostic;
use asl_semantic::model::{Model, ScopeId};

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
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        let model = ctx.model;
        let variables = ctx.variables();
        let mut reported: Vec<(&str, ScopeId)> = Vec::new();
        for assignment in &variables.assignments {
            let scope = model.state(assignment.state).scope;
            // An invalid name is reported by invalid-variable-name.
            if reported.contains(&(assignment.name.as_str(), scope)) || name_problem(&assignment.name).is_some() {
                continue;
            }
            let read = variables
                .reads
                .iter()
                .any(|read| read.name == assignment.name && is_nested_in(model, model.state(read.state).scope, scope));
            if read {
                continue;
            }
            reported.push((assignment.name.as_str(), scope));
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

/// Whether `inner` is `outer` or nested in it at any depth (Distributed Maps included).
fn is_nested_in(model: &Model<'_>, inner: ScopeId, outer: ScopeId) -> bool {
    let mut current = Some(inner);
    while let Some(scope) = current {
        if scope == outer {
            return true;
        }
        current = model.scope(scope).parent().map(|parent| model.state(parent).scope);
    }
    false
}
