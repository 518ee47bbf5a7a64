pub(crate) mod express_unsupported_integration;
pub(crate) mod max_attempts_zero;
pub(crate) mod misplaced_states_all;
pub(crate) mod reserved_error_name;
pub(crate) mod retry_timeout_without_timeout;
pub(crate) mod shadowed_error_handler;
pub(crate) mod task_token_not_passed;
pub(crate) mod uncatchable_error;
pub(crate) mod unknown_integration_action;
pub(crate) mod unknown_service_integration;
pub(crate) mod unknown_states_error;
pub(crate) mod unsupported_integration_pattern;
pub(crate) mod wait_for_task_token_without_timeout;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &misplaced_states_all::MisplacedStatesAll,
    &shadowed_error_handler::ShadowedErrorHandler,
    &unknown_states_error::UnknownStatesError,
    &reserved_error_name::ReservedErrorName,
    &uncatchable_error::UncatchableError,
    &max_attempts_zero::MaxAttemptsZero,
    &retry_timeout_without_timeout::RetryTimeoutWithoutTimeout,
    &wait_for_task_token_without_timeout::WaitForTaskTokenWithoutTimeout,
    &task_token_not_passed::TaskTokenNotPassed,
    &express_unsupported_integration::ExpressUnsupportedIntegration,
    &unknown_service_integration::UnknownServiceIntegration,
    &unsupported_integration_pattern::UnsupportedIntegrationPattern,
    &unknown_integration_action::UnknownIntegrationAction,
];
