use asl_semantic::model::{QueryLanguage, jsonata_expression};
use asl_syntax::{Node, TextRange, Value};
use rustc_hash::FxHashSet;

use crate::Findings;
use crate::helpers::expressions::for_each_string;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// Members whose strings are free text.
const SKIPPED: &[&str] = &["Comment", "Label"];

declare_rule! {
    /// ## What it does
    /// Reports a JSONata expression (`{% … %}`) in a state whose query language is
    /// JSONPath.
    ///
    /// ## Why is this bad?
    /// JSONPath states do not evaluate JSONata: the text is passed on as a plain string.
    /// Set `"QueryLanguage": "JSONata"` on the state (or the whole machine) and use
    /// `Arguments`/`Output` instead of the JSONPath fields. `Comment` fields are free text
    /// and are not checked.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"total": "{% $states.input.a + 1 %}"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"total": "{% $states.input.a + 1 %}"}, "End": true}}}
    /// ```
    pub(crate) struct JsonataNotEvaluated {
        code: "ASL331",
        name: "jsonata-not-evaluated",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for JsonataNotEvaluated {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        if !ctx.may_hold_jsonata() {
            return;
        }
        let sites = ctx.field_sites();
        // Sub-objects such as catchers and Choice rules are sites of their own (and branches
        // whole machines): they are passed over before their strings are looked at.
        let mut site_ranges = FxHashSet::with_capacity_and_hasher(sites.len(), Default::default());
        site_ranges.extend(sites.iter().map(|site| site.node.range));
        let mut field = String::new();
        for site in sites.iter().filter(|site| site.language == QueryLanguage::JsonPath) {
            let Some(state) = site.state else { continue };
            let mut found = Vec::new();
            for (member, spec) in site.fields() {
                let name = member.key.text.as_str();
                // Unknown fields and JSONata-only fields are reported by the structure rules.
                let evaluated_here = spec.is_some_and(|spec| spec.languages.allows(QueryLanguage::JsonPath));
                if !evaluated_here || SKIPPED.contains(&name) {
                    continue;
                }
                if is_site(&site_ranges, &member.value) || !holds_jsonata(&member.value) {
                    continue;
                }
                field.clear();
                field.push_str(name);
                for_each_string(
                    &member.value,
                    &mut field,
                    &|key| key == "Comment",
                    &mut |node, text, field| {
                        if jsonata_expression(text).is_some() {
                            found.push((node, field.to_owned()));
                        }
                    },
                );
            }
            for (node, field) in found {
                out.push(
                    self.meta()
                        .diagnostic(
                            node.range,
                            format!(
                                "\"{field}\" of state \"{}\" holds a JSONata expression, but the state uses JSONPath: it will not be evaluated",
                                state.name
                            ),
                        )
                        .with_label(node.range, "passed on as a plain string")
                        .with_help("set \"QueryLanguage\": \"JSONata\" on the state (with Arguments/Output instead of Parameters/ResultSelector), or write a JSONPath expression"),
                );
            }
        }
    }
}

/// Whether `node` is a JSONata string or holds one outside a `Comment`, told without naming
/// the fields on the way (most members hold none).
fn holds_jsonata(node: &Node) -> bool {
    match &node.value {
        Value::String(text) => jsonata_expression(text).is_some(),
        Value::Object(members) => members
            .iter()
            .any(|member| member.key.text != "Comment" && holds_jsonata(&member.value)),
        Value::Array(items) => items.iter().any(holds_jsonata),
        _ => false,
    }
}

/// Whether `node` is a site, or an array of them (`Retry`, `Catch`, `Choices`).
fn is_site(site_ranges: &FxHashSet<TextRange>, node: &Node) -> bool {
    match &node.value {
        Value::Object(_) => site_ranges.contains(&node.range),
        Value::Array(items) => items.iter().any(|item| site_ranges.contains(&item.range)),
        _ => false,
    }
}
