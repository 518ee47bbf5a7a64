pub(crate) mod duplicate_key;
pub(crate) mod invalid_json;

use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[&invalid_json::InvalidJson, &duplicate_key::DuplicateKey];
