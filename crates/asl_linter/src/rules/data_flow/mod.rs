//! Data-flow rules (`ASL3xx`): paths, payload templates, intrinsic functions, JSONata and
//! workflow variables.

pub(crate) mod context_field_unavailable;
pub(crate) mod dollar_key_in_jsonata;
pub(crate) mod duplicate_template_key;
pub(crate) mod expression_too_deep;
pub(crate) mod format_placeholder_mismatch;
pub(crate) mod intrinsic_argument_count;
pub(crate) mod intrinsic_nesting_too_deep;
pub(crate) mod intrinsic_not_allowed;
pub(crate) mod invalid_intrinsic_argument;
pub(crate) mod invalid_intrinsic_syntax;
pub(crate) mod invalid_jsonata_syntax;
pub(crate) mod invalid_path;
pub(crate) mod invalid_result_path_root;
pub(crate) mod invalid_template_value;
pub(crate) mod invalid_variable_name;
pub(crate) mod jsonata_argument_count;
pub(crate) mod jsonata_implicit_input;
pub(crate) mod jsonata_not_evaluated;
pub(crate) mod malformed_jsonata_delimiters;
pub(crate) mod misplaced_states_field;
pub(crate) mod outer_variable_assigned;
pub(crate) mod outer_variable_in_distributed_map;
pub(crate) mod path_in_static_result;
pub(crate) mod path_without_dollar_key;
pub(crate) mod reference_path_required;
pub(crate) mod undefined_variable;
pub(crate) mod unknown_context_field;
pub(crate) mod unknown_intrinsic_function;
pub(crate) mod unknown_jsonata_function;
pub(crate) mod unknown_states_field;
pub(crate) mod unused_variable;
pub(crate) mod variable_maybe_unassigned;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &invalid_path::InvalidPath,
    &reference_path_required::ReferencePathRequired,
    &invalid_result_path_root::InvalidResultPathRoot,
    &unknown_context_field::UnknownContextField,
    &context_field_unavailable::ContextFieldUnavailable,
    &invalid_template_value::InvalidTemplateValue,
    &duplicate_template_key::DuplicateTemplateKey,
    &path_without_dollar_key::PathWithoutDollarKey,
    &path_in_static_result::PathInStaticResult,
    &dollar_key_in_jsonata::DollarKeyInJsonata,
    &invalid_intrinsic_syntax::InvalidIntrinsicSyntax,
    &unknown_intrinsic_function::UnknownIntrinsicFunction,
    &intrinsic_argument_count::IntrinsicArgumentCount,
    &invalid_intrinsic_argument::InvalidIntrinsicArgument,
    &format_placeholder_mismatch::FormatPlaceholderMismatch,
    &intrinsic_nesting_too_deep::IntrinsicNestingTooDeep,
    &intrinsic_not_allowed::IntrinsicNotAllowed,
    &invalid_jsonata_syntax::InvalidJsonataSyntax,
    &jsonata_not_evaluated::JsonataNotEvaluated,
    &misplaced_states_field::MisplacedStatesField,
    &unknown_states_field::UnknownStatesField,
    &jsonata_implicit_input::JsonataImplicitInput,
    &unknown_jsonata_function::UnknownJsonataFunction,
    &jsonata_argument_count::JsonataArgumentCount,
    &malformed_jsonata_delimiters::MalformedJsonataDelimiters,
    &invalid_variable_name::InvalidVariableName,
    &undefined_variable::UndefinedVariable,
    &variable_maybe_unassigned::VariableMaybeUnassigned,
    &unused_variable::UnusedVariable,
    &outer_variable_assigned::OuterVariableAssigned,
    &outer_variable_in_distributed_map::OuterVariableInDistributedMap,
    &expression_too_deep::ExpressionTooDeep,
];
