use crate::Findings;
use crate::helpers::expressions::string_range;
use crate::helpers::variables::Visibility;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::{NameIndex, Suggestion, SuggestionBudget};

declare_rule! {
    /// ## What it does
    /// Reports a variable read (`$name` in a JSONata expression or a JSONPath path) that
    /// no `Assign` in the state's scope or an enclosing scope ever assigns.
    ///
    /// ## Why is this bad?
    /// The variable never has a value there: an expression that yields it alone fails at run time
    /// (`States.QueryEvaluationError` in JSONata), though one that only tests it (`$exists($name)`)
    /// does not. Variables of another Parallel branch or Map iteration are not visible. Often the name
    /// is misspelt, or the value was meant to come from `$states.input`. Since the failure is not
    /// certain, this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
    ///   "A": {"Type": "Pass", "Assign": {"total": 3}, "Next": "B"},
    ///   "B": {"Type": "Pass", "Output": "{% $totl %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
    ///   "A": {"Type": "Pass", "Assign": {"total": 3}, "Next": "B"},
    ///   "B": {"Type": "Pass", "Output": "{% $total %}", "End": true}}}
    /// ```
    pub(crate) struct UndefinedVariable {
        code: "ASL341",
        name: "undefined-variable",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UndefinedVariable {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let variables = ctx.variables();
        let mut names = NameIndex::new(variables.assignments.iter().map(|a| a.name.as_str()));
        let mut budget = SuggestionBudget::per_file();
        for read in &variables.reads {
            if variables.visibility(ctx.model, read) != Visibility::Unassigned {
                continue;
            }
            let state = ctx.model.state(read.state);
            let range = string_range(ctx.source, read.node, read.range.clone());
            let mut diagnostic = self
                .meta()
                .diagnostic(
                    range,
                    format!(
                        "\"{}\" of state \"{}\" reads the variable `${}`, which is never assigned where this state can see it",
                        read.field, state.name, read.name
                    ),
                )
                .with_label(range, "never assigned");
            let suggestion = names.closest(&read.name, &mut budget);
            diagnostic = match suggestion {
                Suggestion::Found(name) => diagnostic.with_help(format!("did you mean `${name}`?")),
                Suggestion::NoneClose | Suggestion::Skipped => diagnostic.with_help(format!(
                    "assign \"{}\" in an \"Assign\" of an earlier state of this scope or an enclosing one",
                    read.name
                )),
            };
            if suggestion == Suggestion::Skipped {
                diagnostic = diagnostic.with_suggestion_skipped();
            }
            out.push(diagnostic);
        }
    }
}
