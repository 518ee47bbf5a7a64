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

/// Decodes raw file bytes (STUB: to be completed in the parser work).
pub fn decode_source(bytes: Vec<u8>) -> SourceText {
    match String::from_utf8(bytes) {
        Ok(text) => SourceText { text, error: None },
        Err(e) => {
            let at = e.utf8_error().valid_up_to() as u32;
            SourceText {
                text: String::new(),
                error: Some(SyntaxError {
                    message: "invalid UTF-8".into(),
                    range: TextRange::new(at, at + 1),
                }),
            }
        }
    }
}
