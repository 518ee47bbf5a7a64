//! The typed ASL model built from the syntax tree, the expression parsers (JSONPath,
//! intrinsic functions, JSONata) and the state graph.
//!
//! Nothing here fails on bad input and nothing here does I/O: what cannot be understood
//! is recorded in the model so that rules in `asl_linter` can report it.

pub mod errors;
pub mod expr;
pub mod graph;
pub mod model;
pub mod suggest;
pub mod vocabulary;
