use asl_semantic::expr::jsonata::ImplicitInputKind;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a JSONata expression that reads an input document at its top level: `$`,
    /// `$$`, or a bare field name such as `{% orderId %}`.
    ///
    /// ## Why is this bad?
    /// In Step Functions a JSONata expression has no input document: the specification
    /// forbids `$` and field names at the top level and `$$` anywhere. Read the state's
    /// input with `$states.input` (`{% $states.input.orderId %}`). `$` stays fine inside
    /// a path step or predicate, as in `$states.input.items[$.price > 10]`.
    ///
    /// Evidence: AWS returns "UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is
    /// not supported. at /States/E/Output/v" (measured, floci-io/floci#2670).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% orderId %}", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.orderId %}", "End": true}}}
    /// ```
    pub(crate) struct JsonataImplicitInput {
        code: "ASL334",
        name: "jsonata-implicit-input",
        category: DataFlow,
        severity: Error,
        fix: None,
    }
}

impl Rule for JsonataImplicitInput {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.jsonata_sites() {
            let Some(references) = site.references() else { continue };
            for read in &references.implicit_input {
                let range = site.source_range(ctx.source, read.range.clone());
                let (what, help) = match &read.kind {
                    ImplicitInputKind::Dollar => ("`$` at the top level".to_owned(), "use `$states.input` for the state's input".to_owned()),
                    ImplicitInputKind::DoubleDollar => ("`$$`".to_owned(), "use `$states.input` for the state's input and `$states.context` for the context object".to_owned()),
                    ImplicitInputKind::Field(name) if name == "States" => (
                        "`States`, as if it were an intrinsic function".to_owned(),
                        "intrinsic functions do not exist in JSONata: use JSONata functions such as $string, $join, $uuid, $parse, $hash, $partition or $range".to_owned(),
                    ),
                    ImplicitInputKind::Field(name) => (
                        format!("the field `{name}` of an input document"),
                        format!("read the state's input as `$states.input.{name}`, or a variable as `${name}`"),
                    ),
                };
                out.push(
                    self.meta()
                        .diagnostic(
                            range,
                            format!(
                                "\"{}\" of state \"{}\" reads {what}, but JSONata expressions have no input document",
                                site.field, site.state.name
                            ),
                        )
                        .with_label(range, "no input document here")
                        .with_help(help),
                );
            }
        }
    }
}
