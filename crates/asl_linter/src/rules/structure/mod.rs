pub(crate) mod definition_not_object;
pub(crate) mod missing_required_field;
pub(crate) mod unknown_state_type;
pub(crate) mod wrong_field_type;
