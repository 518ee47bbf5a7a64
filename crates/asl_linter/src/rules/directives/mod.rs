pub(crate) mod unknown_rule_in_directive;
pub(crate) mod unused_suppression;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &unknown_rule_in_directive::UnknownRuleInDirective,
    &unused_suppression::UnusedSuppression,
];
