use asl_syntax::Member;
use rustc_hash::FxHashMap;

use crate::Findings;
use crate::helpers::SMALL_OBJECT;
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
        for site in ctx.template_sites() {
            site.for_each_object(|members| {
                // The first member of each key so far, by field name and whether it ends in
                // `.$`: only `name` and `name.$` produce the field `name`.
                let mut first: FxHashMap<(&str, bool), &Member> = FxHashMap::default();
                for (index, member) in members.iter().enumerate() {
                    let key = member.key.text.as_str();
                    let (name, dynamic) = key.strip_suffix(".$").map_or((key, false), |name| (name, true));
                    // Most objects are small: looking back is cheaper than hashing.
                    let earlier = if members.len() <= SMALL_OBJECT {
                        members[..index].iter().find(|m| {
                            let other = m.key.text.as_str();
                            if dynamic {
                                other == name
                            } else {
                                other.strip_suffix(".$") == Some(name)
                            }
                        })
                    } else {
                        first.entry((name, dynamic)).or_insert(member);
                        first.get(&(name, !dynamic)).copied()
                    };
                    let Some(earlier) = earlier else {
                        continue;
                    };
                    let field = site.field_of_object(members);
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
            });
        }
    }
}
