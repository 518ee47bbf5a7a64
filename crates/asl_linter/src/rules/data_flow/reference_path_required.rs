use asl_semantic::expr::path::SegmentKind;

use crate::Findings;
use crate::helpers::expressions::{JsonPathPlace, Parsed, string_range};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a wildcard, filter, slice, union, `..` or function call in a field that
    /// needs a Reference Path (`ResultPath`, `ItemsPath`, `…SecondsPath`, `ErrorPath`, …).
    ///
    /// ## Why is this bad?
    /// A Reference Path must identify exactly one node, so AWS allows only member names
    /// and indexes there (`$.a.b`, `$.items[0]`, `$['a b']`) and rejects the definition.
    ///
    /// Evidence: AWS returns "Value is not a Reference Path" (cdk-preflight, rule
    /// `pf-sfn-asl-jsonpath-syntax`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.items[*].result", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.items[0].result", "End": true}}}
    /// ```
    pub(crate) struct ReferencePathRequired {
        code: "ASL302",
        name: "reference-path-required",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for ReferencePathRequired {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for expr in ctx.jsonpath_exprs() {
            let JsonPathPlace::Path(kind) = expr.place else {
                continue;
            };
            let Parsed::Path(Ok(path)) = expr.parse() else { continue };
            if !kind.requires_reference_path() {
                continue;
            }
            let Some(segment) = path
                .segments
                .iter()
                .find(|s| !matches!(s.kind, SegmentKind::Member(_) | SegmentKind::Index(_)))
            else {
                continue;
            };
            let what = match &segment.kind {
                SegmentKind::Wildcard => "a wildcard",
                SegmentKind::Slice(_) => "a slice",
                SegmentKind::Union(_) => "a union",
                SegmentKind::Filter(_) => "a filter",
                SegmentKind::Script(_) => "a script expression",
                SegmentKind::Descendant => "`..`",
                SegmentKind::Function(_) => "a function call",
                SegmentKind::Member(_) | SegmentKind::Index(_) => continue,
            };
            let range = string_range(ctx.source, expr.node, segment.range());
            out.push(
                self.meta()
                    .diagnostic(
                        range,
                        format!(
                            "\"{}\" of state \"{}\" must be a Reference Path, which cannot contain {what}",
                            expr.field, expr.state.name
                        ),
                    )
                    .with_label(range, format!("{what} selects any number of nodes"))
                    .with_help("use member names and indexes only, such as `$.items[0].result`"),
            );
        }
    }
}
