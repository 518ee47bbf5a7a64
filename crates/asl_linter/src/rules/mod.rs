//! Every rule, one file each, grouped by category. Each category's `mod.rs` lists its rules.

pub(crate) mod data_flow;
pub(crate) mod directives;
pub(crate) mod flow;
pub(crate) mod host;
pub(crate) mod resilience;
pub(crate) mod structure;
pub(crate) mod syntax;

use std::sync::OnceLock;

use crate::Rule;

/// Every rule, in code order.
pub(crate) fn all() -> &'static [&'static dyn Rule] {
    static ALL: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut rules: Vec<&'static dyn Rule> = [
            syntax::RULES,
            structure::RULES,
            flow::RULES,
            data_flow::RULES,
            resilience::RULES,
            host::RULES,
            directives::RULES,
        ]
        .concat();
        rules.sort_by_key(|rule| rule.meta().code);
        rules
    })
}
