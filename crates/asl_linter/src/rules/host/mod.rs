pub(crate) mod definition_not_checked;
pub(crate) mod undefined_substitution;
pub(crate) mod unresolved_sub_variable;
pub(crate) mod unused_substitution;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &undefined_substitution::UndefinedSubstitution,
    &unused_substitution::UnusedSubstitution,
    &unresolved_sub_variable::UnresolvedSubVariable,
    &definition_not_checked::DefinitionNotChecked,
];
