pub(crate) mod choice_operand_type;
pub(crate) mod choice_rule_form;
pub(crate) mod choice_rule_next;
pub(crate) mod definition_not_object;
pub(crate) mod deprecated_iterator;
pub(crate) mod deprecated_map_parameters;
pub(crate) mod distributed_only_field;
pub(crate) mod empty_array;
pub(crate) mod exclusive_fields;
pub(crate) mod field_not_in_query_language;
pub(crate) mod heartbeat_not_below_timeout;
pub(crate) mod invalid_enum_value;
pub(crate) mod invalid_map_label;
pub(crate) mod invalid_resource;
pub(crate) mod invalid_timestamp;
pub(crate) mod misplaced_query_language;
pub(crate) mod missing_required_field;
pub(crate) mod next_or_end;
pub(crate) mod query_language_downgrade;
pub(crate) mod quota_exceeded;
pub(crate) mod schema_violation;
pub(crate) mod state_not_object;
pub(crate) mod unknown_field;
pub(crate) mod unknown_state_type;
pub(crate) mod value_out_of_range;
pub(crate) mod wrong_field_type;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &definition_not_object::DefinitionNotObject,
    &missing_required_field::MissingRequiredField,
    &wrong_field_type::WrongFieldType,
    &unknown_state_type::UnknownStateType,
    &unknown_field::UnknownField,
    &field_not_in_query_language::FieldNotInQueryLanguage,
    &query_language_downgrade::QueryLanguageDowngrade,
    &misplaced_query_language::MisplacedQueryLanguage,
    &next_or_end::NextOrEnd,
    &exclusive_fields::ExclusiveFields,
    &value_out_of_range::ValueOutOfRange,
    &heartbeat_not_below_timeout::HeartbeatNotBelowTimeout,
    &invalid_enum_value::InvalidEnumValue,
    &invalid_timestamp::InvalidTimestamp,
    &choice_rule_form::ChoiceRuleForm,
    &choice_operand_type::ChoiceOperandType,
    &choice_rule_next::ChoiceRuleNext,
    &empty_array::EmptyArray,
    &distributed_only_field::DistributedOnlyField,
    &invalid_map_label::InvalidMapLabel,
    &invalid_resource::InvalidResource,
    &quota_exceeded::QuotaExceeded,
    &deprecated_iterator::DeprecatedIterator,
    &deprecated_map_parameters::DeprecatedMapParameters,
    &state_not_object::StateNotObject,
    &schema_violation::SchemaViolation,
];
