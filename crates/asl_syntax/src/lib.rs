//! Source text, byte spans, a line index and an error-tolerant JSON parser.
//!
//! `parse` never fails: it returns a tree (with [`Value::Error`] where input could not be
//! understood) plus the syntax errors it met. This crate knows nothing about ASL.

mod escape;
mod lexer;
mod line_index;
mod parser;
mod pointer;
mod source;
mod string_map;
mod swar;
mod text_range;
mod tree;

pub use line_index::{LineCol, LineIndex, PositionEncoding};
pub use parser::{MAX_DEPTH, parse};
pub use pointer::pointer_at;
pub use source::{SourceText, decode_source};
pub use string_map::StringSourceMap;
pub use text_range::TextRange;
pub use tree::{Key, Member, Node, Number, Parse, SyntaxError, Value};
