/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionEncoding {
    Utf8,
    Utf16,
    /// Unicode scalar values ("characters").
    Utf32,
}

/// A 0-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Converts between byte offsets and line/column positions (STUB).
#[derive(Debug, Clone)]
pub struct LineIndex {
    text: String,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        Self { text: text.to_owned() }
    }

    pub fn line_col(&self, offset: u32, _encoding: PositionEncoding) -> LineCol {
        let before = &self.text[..(offset as usize).min(self.text.len())];
        let line = before.matches('\n').count() as u32;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
        LineCol { line, col }
    }

    pub fn offset(&self, _pos: LineCol, _encoding: PositionEncoding) -> u32 {
        0
    }
}
