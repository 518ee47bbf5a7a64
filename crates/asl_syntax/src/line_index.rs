use crate::swar;

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

/// Converts between byte offsets and line/column positions.
///
/// Line breaks are `\n`, `\r\n` and a lone `\r` (as in LSP); U+2028/U+2029 are not. Only line
/// starts and the positions of non-ASCII characters are stored, so building is one pass and
/// ASCII lines need no character counting.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Offset where each line starts; the first is 0.
    line_starts: Vec<u32>,
    /// Offset where each line's content ends (before its line break).
    line_ends: Vec<u32>,
    /// Every character of two or more UTF-8 bytes, in order.
    wide_chars: Vec<WideChar>,
    len: u32,
}

#[derive(Debug, Clone, Copy)]
struct WideChar {
    offset: u32,
    /// Length in UTF-8 bytes (2 to 4).
    len: u8,
}

impl WideChar {
    fn units(self, encoding: PositionEncoding) -> u32 {
        match encoding {
            PositionEncoding::Utf8 => u32::from(self.len),
            PositionEncoding::Utf16 if self.len == 4 => 2,
            PositionEncoding::Utf16 | PositionEncoding::Utf32 => 1,
        }
    }

    fn end(self) -> u32 {
        self.offset + u32::from(self.len)
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut line_ends = Vec::new();
        let mut wide_chars = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            // Most bytes are ASCII and not line breaks: skip them eight at a time.
            if let Some(word) = swar::word_at(bytes, i) {
                let marks = (word & swar::HIGHS) | swar::equal_to(word, b'\n') | swar::equal_to(word, b'\r');
                if marks == 0 {
                    i += 8;
                    continue;
                }
                i += swar::first_marked(marks);
            }
            let byte = bytes[i];
            if byte.is_ascii() {
                if byte == b'\n' || byte == b'\r' {
                    line_ends.push(i as u32);
                    if byte == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                i += 1;
            } else {
                let len = utf8_len(byte);
                wide_chars.push(WideChar { offset: i as u32, len });
                i += usize::from(len);
            }
        }
        line_ends.push(bytes.len() as u32);
        LineIndex {
            line_starts,
            line_ends,
            wide_chars,
            len: bytes.len() as u32,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of `offset` (clamped to the text; inside a character, its start).
    pub fn line_col(&self, offset: u32, encoding: PositionEncoding) -> LineCol {
        let mut offset = offset.min(self.len);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line];
        let wide = self.wide_chars_between(line_start, offset);
        if let Some(last) = wide.last()
            && offset < last.end()
        {
            offset = last.offset;
        }
        let mut col = offset - line_start;
        if encoding != PositionEncoding::Utf8 {
            for w in wide.iter().filter(|w| w.end() <= offset) {
                col -= u32::from(w.len) - w.units(encoding);
            }
        }
        LineCol { line: line as u32, col }
    }

    /// The offset of a position. A column past the end of its line gives the line's end
    /// (before the break); a line past the end gives the text length.
    pub fn offset(&self, pos: LineCol, encoding: PositionEncoding) -> u32 {
        let line = pos.line as usize;
        let (Some(&line_start), Some(&line_end)) = (self.line_starts.get(line), self.line_ends.get(line)) else {
            return self.len;
        };
        let mut units = 0;
        let mut at = line_start;
        for &w in self.wide_chars_between(line_start, line_end) {
            let ascii_run = w.offset - at;
            if units + ascii_run >= pos.col {
                break;
            }
            units += ascii_run;
            at = w.offset;
            // A column inside the character (e.g. between UTF-16 surrogates) gives its start.
            if units + w.units(encoding) > pos.col {
                return at;
            }
            units += w.units(encoding);
            at = w.end();
        }
        at.saturating_add(pos.col - units).min(line_end)
    }

    fn wide_chars_between(&self, start: u32, end: u32) -> &[WideChar] {
        let from = self.wide_chars.partition_point(|w| w.offset < start);
        let to = self.wide_chars.partition_point(|w| w.offset < end);
        &self.wide_chars[from..to]
    }
}

/// Length of the UTF-8 sequence that starts with `lead` (a non-ASCII lead byte of valid UTF-8).
fn utf8_len(lead: u8) -> u8 {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}
