use asl_semantic::expr::path::unknown_context_member;

use crate::Findings;
use crate::helpers::expressions::string_range;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a context-object path (`$$.…`) that names a field the context object does
    /// not have, such as `$$.Execution.Arn` or `$$.State.Id`.
    ///
    /// ## Why is this bad?
    /// The context object has a fixed set of fields (`Execution.Id`, `Execution.Input`,
    /// `Execution.Name`, `Execution.StartTime`, `State.Name`, `State.EnteredTime`,
    /// `State.RetryCount`, `StateMachine.Id`, `StateMachine.Name`, `Task.Token`,
    /// `Map.Item.Index`, `Map.Item.Value`, …). A path to any other field finds nothing and
    /// the state fails at run time. It is a warning because AWS may add fields before this
    /// list learns them.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$$.Execution.Arn"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$$.Execution.Id"}, "End": true}}}
    /// ```
    pub(crate) struct UnknownContextField {
        code: "ASL305",
        name: "unknown-context-field",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for UnknownContextField {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for read in ctx.context_reads() {
            let members = read.members.iter().map(|(name, range)| (name.as_str(), range.clone()));
            let Some(unknown) = unknown_context_member(members) else {
                continue;
            };
            let name = read
                .members
                .iter()
                .find(|(_, r)| *r == unknown)
                .map_or("", |(n, _)| n.as_str());
            let range = string_range(ctx.source, read.node, unknown);
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" reads `{name}`, which is not a field of the context object",
                            read.field, read.state.name
                        ),
                    )
                    .with_label(range, "unknown context-object field")
                    .with_help(CONTEXT_HELP),
            );
        }
    }
}

/// The documented context-object fields, for help texts.
pub(crate) const CONTEXT_HELP: &str = "the context object has Execution.{Id, Input, Name, RoleArn, StartTime, RedriveCount, RedriveTime}, State.{EnteredTime, Name, RetryCount}, StateMachine.{Id, Name}, Task.Token and Map.Item.{Index, Value, Key, Source}";
