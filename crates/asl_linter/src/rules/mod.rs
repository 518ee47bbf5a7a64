//! Every rule, one file each, grouped by category. Add a new rule to `RULES` in code order.

mod structure;
mod syntax;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &syntax::invalid_json::InvalidJson,
    &syntax::duplicate_key::DuplicateKey,
    &structure::definition_not_object::DefinitionNotObject,
    &structure::missing_required_field::MissingRequiredField,
    &structure::wrong_field_type::WrongFieldType,
    &structure::unknown_state_type::UnknownStateType,
];
