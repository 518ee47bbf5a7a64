use crate::Rule;

pub(crate) static RULES: &[&dyn Rule] = &[];
