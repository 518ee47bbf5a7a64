pub(crate) mod definition_not_object;
pub(crate) mod missing_required_field;
pub(crate) mod state_not_object;
pub(crate) mod unknown_state_type;
pub(crate) mod wrong_field_type;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &definition_not_object::DefinitionNotObject,
    &missing_required_field::MissingRequiredField,
    &wrong_field_type::WrongFieldType,
    &unknown_state_type::UnknownStateType,
    &state_not_object::StateNotObject,
];
