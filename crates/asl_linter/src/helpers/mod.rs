//! What several rules share, in one place: message phrasing, the walks over the objects and
//! expressions of a definition, the variable analysis, error handlers and integrations. A
//! rule file imports from here and from `crate::rule`, never from another rule file.
//!
//! Only [`reports`] uses the rule framework (`RuleContext`, `RuleMeta`); the other modules
//! are plain functions of the model, so `rule.rs` can cache what they derive.

pub(crate) mod choice_rules;
pub(crate) mod error_handlers;
pub(crate) mod expressions;
pub(crate) mod field_sites;
pub(crate) mod integrations;
pub(crate) mod messages;
pub(crate) mod reports;
pub(crate) mod values;
pub(crate) mod variables;

/// The hard quota on the size of a state machine definition, in bytes.
pub(crate) const MAX_DEFINITION_BYTES: usize = 1_048_576;

/// Objects of at most this many members are checked for duplicate keys by comparing keys,
/// larger ones by hashing.
pub(crate) const SMALL_OBJECT: usize = 16;
