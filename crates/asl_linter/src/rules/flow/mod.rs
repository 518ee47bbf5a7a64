pub(crate) mod choice_without_default;
pub(crate) mod duplicate_state_name;
pub(crate) mod loop_without_exit;
pub(crate) mod no_terminal_state;
pub(crate) mod unknown_transition_target;
pub(crate) mod unreachable_choice_rule;
pub(crate) mod unreachable_state;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[
    &unknown_transition_target::UnknownTransitionTarget,
    &unreachable_state::UnreachableState,
    &no_terminal_state::NoTerminalState,
    &loop_without_exit::LoopWithoutExit,
    &choice_without_default::ChoiceWithoutDefault,
    &unreachable_choice_rule::UnreachableChoiceRule,
    &duplicate_state_name::DuplicateStateName,
];
