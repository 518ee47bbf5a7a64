use crate::Findings;
use crate::helpers::variables::Variables;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports an `Assign` inside a Parallel branch or a Map iteration of a variable that
    /// an enclosing scope also assigns.
    ///
    /// ## Why is this bad?
    /// The specification says names MUST be unique across nested scopes: branches and iterations may
    /// read outer variables but not assign them. AWS accepts such a definition and the execution
    /// succeeds, so this is a warning; the inner assignment is easy to mistake for one that changes the
    /// outer variable. To return a value, put it in the branch's output and assign it after the
    /// Parallel or Map state.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Init", "States": {
    ///   "Init": {"Type": "Pass", "Assign": {"count": 0}, "Next": "Each"},
    ///   "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Add", "States": {
    ///     "Add": {"Type": "Pass", "Assign": {"count": 1}, "End": true}}}, "Next": "Done"},
    ///   "Done": {"Type": "Pass", "Parameters": {"count.$": "$count"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Each", "States": {
    ///   "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Add", "States": {
    ///     "Add": {"Type": "Pass", "End": true}}}, "Assign": {"count.$": "States.ArrayLength($)"}, "Next": "Done"},
    ///   "Done": {"Type": "Pass", "Parameters": {"count.$": "$count"}, "End": true}}}
    /// ```
    pub(crate) struct OuterVariableAssigned {
        code: "ASL344",
        name: "outer-variable-assigned",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for OuterVariableAssigned {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let variables = ctx.variables();
        for assignment in &variables.assignments {
            let scope = model.state(assignment.state).scope;
            let enclosing = Variables::enclosing_scopes(model, scope);
            let Some(outer) = variables.first_assignment_in(&assignment.name, &enclosing) else {
                continue;
            };
            let owner = model.scope(scope).parent().map_or("", |p| model.state(p).name);
            let range = assignment.member.key.range;
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "state \"{}\" inside \"{owner}\" assigns \"{}\", a variable of an enclosing scope",
                            model.state(assignment.state).name,
                            assignment.name
                        ),
                    )
                    .with_label(range, "assigns an outer variable")
                    .with_label(outer.member.key.range, "assigned in the enclosing scope here")
                    .with_help(format!(
                        "use another name inside \"{owner}\", or return the value in the output and assign \"{}\" after \"{owner}\"",
                        assignment.name
                    )),
            );
        }
    }
}
