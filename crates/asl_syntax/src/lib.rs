//! Source text, byte spans, a line index, an error-tolerant JSON parser and a YAML reader that
//! builds the same tree.
//!
//! `parse` never fails: it returns a tree (with [`Value::Error`] where input could not be
//! understood) plus the syntax errors it met. This crate knows nothing about ASL.

mod error_log;
mod escape;
mod excerpt;
mod format;
mod json_value;
mod lexer;
mod line_index;
mod parser;
mod pointer;
mod reparse;
mod scratch;
mod source;
mod string_map;
mod swar;
mod text_range;
mod tree;
mod yaml;

/// The syntax tree's string type: short strings are stored inline.
pub use compact_str::CompactString;
pub use error_log::MAX_SYNTAX_ERRORS;
pub use excerpt::{MAX_EXCERPT_CHARS, excerpt, shorten};
pub use format::SourceFormat;
pub use json_value::DuplicateKeys;
pub use line_index::{LineCol, LineIndex, PositionEncoding};
pub use parser::{MAX_DEPTH, parse};
pub use pointer::pointer_at;
pub use reparse::reparse_in_string;
pub use source::{SourceText, decode_source};
pub use string_map::StringSourceMap;
pub use text_range::TextRange;
pub use tree::{Key, Member, Node, Number, Parse, SyntaxError, Value};
pub use yaml::parse_yaml;
