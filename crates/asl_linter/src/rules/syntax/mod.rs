pub(crate) mod duplicate_key;
pub(crate) mod invalid_json;
