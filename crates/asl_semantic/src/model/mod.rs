//! The typed ASL model.
