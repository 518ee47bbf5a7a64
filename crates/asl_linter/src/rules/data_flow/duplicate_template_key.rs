use asl_syntax::Member;
use rustc_hash::FxHashMap;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a payload template that has both `name` and `name.$` in the same object.
    ///
    /// ## Why is this bad?
    /// Step Functions strips the `.$` suffix when it builds the object, so both keys produce the field
    /// `name` and one of them is lost. The specification forbids this; AWS's answer is not recorded, so
    /// this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "x", "id.$": "$.id"}, "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id.$": "$.id"}, "End": true}}}
    /// ```
    pub(crate) struct DuplicateTemplateKey {
        code: "ASL311",
        name: "duplicate-template-key",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for DuplicateTemplateKey {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let mut dynamic_key = String::new();
        for site in ctx.template_sites() {
            for (members, field) in site.objects() {
                // The first member of each key so far; only `name` and `name.$` produce the
                // field `name`, so the other spelling of a key is the one to look up.
                let mut first: FxHashMap<&str, &Member> = FxHashMap::default();
                for member in members {
                    let key = member.key.text.as_str();
                    first.entry(key).or_insert(member);
                    let (name, other_key) = match key.strip_suffix(".$") {
                        Some(name) => (name, name),
                        None => {
                            dynamic_key.clear();
                            dynamic_key.push_str(key);
                            dynamic_key.push_str(".$");
                            (key, dynamic_key.as_str())
                        }
                    };
                    let Some(earlier) = first.get(other_key) else {
                        continue;
                    };
                    out.push(
                        self.meta()
                            .diagnostic(
                                member.key.range,
                                format!(
                                    "\"{field}\" of state \"{}\" has both \"{}\" and \"{key}\", which both produce the field \"{name}\"",
                                    site.state.name, earlier.key.text
                                ),
                            )
                            .with_label(member.key.range, "duplicate once `.$` is removed")
                            .with_label(earlier.key.range, "first defined here")
                            .with_help("keep one of the two keys"),
                    );
                }
            }
        }
    }
}
