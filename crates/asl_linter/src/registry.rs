use crate::Rule;
use crate::rules;

/// Every rule, in code order.
pub fn all_rules() -> &'static [&'static dyn Rule] {
    rules::all()
}

/// The rule with this code (`ASL001`, case-insensitive) or kebab name (`invalid-json`).
pub fn find_rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    all_rules().iter().copied().find(|rule| {
        let meta = rule.meta();
        meta.code.eq_ignore_ascii_case(code_or_name) || meta.name == code_or_name
    })
}
