use crate::{SyntaxError, TextRange};

/// Source text ready for parsing, decoded from raw bytes.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The text. Bytes that were not valid UTF-8 are each replaced by one `?`, so byte
    /// offsets into `text` equal byte offsets into the original file.
    pub text: String,
    /// Set when the bytes were not valid UTF-8: the error is at the first bad byte.
    pub error: Option<SyntaxError>,
}

/// Decodes raw file bytes as UTF-8, replacing each invalid byte with `?` so that offsets are
/// kept and the rest of the file can still be parsed. A BOM is kept (the parser skips it).
pub fn decode_source(bytes: Vec<u8>) -> SourceText {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return SourceText { text, error: None },
        Err(error) => error.into_bytes(),
    };
    let mut text = String::with_capacity(bytes.len());
    let mut first_bad = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(text.len() as u32);
            text.extend(std::iter::repeat_n('?', chunk.invalid().len()));
        }
    }
    let error = first_bad.map(|at| {
        SyntaxError::new(
            format!("invalid UTF-8 byte at offset {at}: the file must be UTF-8 encoded"),
            TextRange::new(at, at + 1),
        )
    });
    SourceText { text, error }
}
