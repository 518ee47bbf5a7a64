//! Parsers for the expression languages embedded in ASL strings.
