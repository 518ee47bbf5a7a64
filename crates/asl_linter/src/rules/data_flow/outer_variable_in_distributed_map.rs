use crate::Findings;
use crate::helpers::expressions::string_range;
use crate::helpers::variables::Visibility;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a read, inside a Distributed Map's item processor, of a variable assigned
    /// outside that Map.
    ///
    /// ## Why is this bad?
    /// Each iteration of a Distributed Map is a child execution that cannot see the parent's variables
    /// (AWS's agent toolkit guidance), so the read has no value. AWS's exact behaviour is not recorded,
    /// so this is a warning. Pass the value in through `ItemSelector`, which is evaluated in the
    /// parent.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
    ///   "Init": {"Type": "Pass", "Assign": {"bucket": "b"}, "Next": "Each"},
    ///   "Each": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
    ///     "StartAt": "Use", "States": {"Use": {"Type": "Pass", "Output": "{% $bucket %}", "End": true}}}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
    ///   "Init": {"Type": "Pass", "Assign": {"bucket": "b"}, "Next": "Each"},
    ///   "Each": {"Type": "Map", "ItemSelector": {"bucket": "{% $bucket %}", "item": "{% $states.context.Map.Item.Value %}"},
    ///     "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
    ///     "StartAt": "Use", "States": {"Use": {"Type": "Pass", "Output": "{% $states.input.bucket %}", "End": true}}}, "End": true}}}
    /// ```
    pub(crate) struct OuterVariableInDistributedMap {
        code: "ASL345",
        name: "outer-variable-in-distributed-map",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for OuterVariableInDistributedMap {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let variables = ctx.variables();
        for read in &variables.reads {
            let Visibility::BeyondDistributedMap(map) = variables.visibility(ctx.model, read) else {
                continue;
            };
            let map = ctx.model.state(map);
            let range = string_range(ctx.source, read.node, read.range.clone());
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" reads `${}`, a variable from outside the Distributed Map \"{}\", which its iterations cannot see",
                            read.field,
                            ctx.model.state(read.state).name,
                            read.name,
                            map.name
                        ),
                    )
                    .with_label(range, "not visible in a child execution")
                    .with_help(format!(
                        "pass the value through the \"ItemSelector\" of \"{}\" and read it from the iteration's input",
                        map.name
                    )),
            );
        }
    }
}
