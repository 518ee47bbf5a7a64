use crate::TextRange;

/// Maps byte offsets in a decoded JSON string back to byte offsets in the source (STUB).
#[derive(Debug, Clone)]
pub struct StringSourceMap {
    content_start: u32,
}

impl StringSourceMap {
    /// `string_range` is the range of a string token including its quotes.
    pub fn new(_source: &str, string_range: TextRange) -> Self {
        Self { content_start: string_range.start + 1 }
    }

    pub fn source_offset(&self, decoded_offset: usize) -> u32 {
        self.content_start + decoded_offset as u32
    }

    pub fn source_range(&self, decoded: std::ops::Range<usize>) -> TextRange {
        TextRange::new(self.source_offset(decoded.start), self.source_offset(decoded.end))
    }
}
