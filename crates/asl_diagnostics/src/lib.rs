//! The one `Diagnostic` type every part of asl-lint produces, and its renderers.
//!
//! Rules create diagnostics with byte ranges; the renderers in [`render`] turn them into
//! terminal output, one-line output or the stable JSON format. The language server converts
//! the same type into LSP diagnostics.

mod diagnostic;
pub mod printable;
mod quotation;
pub mod render;

pub use asl_syntax::{MAX_EXCERPT_CHARS, excerpt};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use quotation::MAX_MESSAGE_CHARS;
