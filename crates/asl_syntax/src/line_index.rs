use crate::TextRange;

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
/// starts and the positions of non-ASCII characters are stored, so building is a search for
/// line breaks (and a pass over non-ASCII text) and ASCII lines need no character counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Offset where each line starts; the first is 0.
    line_starts: Vec<u32>,
    /// Offset where each line's content ends (before its line break).
    line_ends: Vec<u32>,
    /// Every character of two or more UTF-8 bytes, in order.
    wide_chars: Vec<WideChar>,
    len: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        let mut index = LineIndex {
            line_starts: Vec::new(),
            line_ends: Vec::new(),
            wide_chars: Vec::new(),
            len: text.len() as u32,
        };
        index.read_lines(text, 0, index.len);
        index.line_ends.push(index.len);
        index
    }

    /// The index of `text`, which is the indexed text after an edit replaced its bytes
    /// `deleted` with `inserted_len` bytes: the lines around the edit are read again and the
    /// others moved, instead of reading the whole text for every keystroke.
    pub fn edited(&self, text: &str, deleted: TextRange, inserted_len: u32) -> LineIndex {
        let deleted = TextRange::new(deleted.start.min(self.len), deleted.end.min(self.len));
        // From the line before the edit's to the line after it: an edit next to a line break
        // may make or split a `\r\n`.
        let first = self.line_of(deleted.start).saturating_sub(1);
        let after = self.line_of(deleted.end) + 2;
        let moved = |at: u32| at - deleted.end + deleted.start + inserted_len;
        let from = self.line_starts[first];
        // The lines from `after` on are kept, unless only an empty last line is left.
        let kept = self
            .line_starts
            .get(after..)
            .filter(|starts| starts.first().is_some_and(|&start| start < self.len));
        let (old_to, to) = match kept {
            Some(starts) => (starts[0], moved(starts[0])),
            None => (self.len, text.len() as u32),
        };
        let wide_before = self.wide_chars.partition_point(|wide| wide.offset < from);
        let mut index = LineIndex {
            line_starts: self.line_starts[..first].to_vec(),
            line_ends: self.line_ends[..first].to_vec(),
            wide_chars: self.wide_chars[..wide_before].to_vec(),
            len: text.len() as u32,
        };
        index.read_lines(text, from, to);
        match kept {
            Some(starts) => {
                index.line_starts.extend(starts.iter().map(|&start| moved(start)));
                index
                    .line_ends
                    .extend(self.line_ends[after..].iter().map(|&end| moved(end)));
            }
            None => index.line_ends.push(index.len),
        }
        let wide_after = self.wide_chars.partition_point(|wide| wide.offset < old_to);
        index
            .wide_chars
            .extend(self.wide_chars[wide_after..].iter().map(|wide| WideChar {
                offset: moved(wide.offset),
                len: wide.len,
            }));
        index
    }

    /// Indexes the lines of `text` that start in `from..to` (`from` is a line start; so is
    /// `to`, unless it is the end of the text): their starts, the ends of all but a last one
    /// that runs to the end, and their non-ASCII characters.
    fn read_lines(&mut self, text: &str, from: u32, to: u32) {
        let bytes = text.as_bytes();
        let (from, to) = (from as usize, to as usize);
        self.line_starts.push(from as u32);
        // memchr's SIMD search: the index is kept up to date for every change a client sends.
        for at in memchr::memchr2_iter(b'\n', b'\r', &bytes[from..to]).map(|at| from + at) {
            // The `\n` of `\r\n` was handled with its `\r`.
            if bytes[at] == b'\n' && at > 0 && bytes[at - 1] == b'\r' {
                continue;
            }
            self.line_ends.push(at as u32);
            let next = at + if bytes[at..].starts_with(b"\r\n") { 2 } else { 1 };
            if next < to || to == bytes.len() {
                self.line_starts.push(next as u32);
            }
        }
        let lines = &text[from..to];
        if !lines.is_ascii() {
            self.wide_chars.extend(
                lines
                    .char_indices()
                    .filter(|(_, c)| !c.is_ascii())
                    .map(|(offset, c)| WideChar {
                        offset: (from + offset) as u32,
                        len: c.len_utf8() as u8,
                    }),
            );
        }
    }

    /// The line `offset` is on.
    fn line_of(&self, offset: u32) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of `offset` (clamped to the text; inside a character, its start).
    pub fn line_col(&self, offset: u32, encoding: PositionEncoding) -> LineCol {
        let mut offset = offset.min(self.len);
        let line = self.line_of(offset);
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
