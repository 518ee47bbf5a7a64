use crate::TextRange;
use crate::escape::decode_escape;

/// Maps byte offsets in a decoded JSON string back to byte offsets in the source, through
/// escapes (`\"`, `\n`, `\u00e9`, surrogate pairs…). Built on demand from the source.
#[derive(Debug, Clone)]
pub struct StringSourceMap {
    /// Where each piece of the decoded string starts, in order. The decoded bytes of a
    /// literal piece map one to one; every byte an escape produced maps to its backslash.
    pieces: Vec<Piece>,
    decoded_len: usize,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    decoded: usize,
    source: u32,
    literal: bool,
}

impl StringSourceMap {
    /// `string_range` is the range of a string token including its quotes. A YAML scalar
    /// without double quotes maps one to one (close enough inside a folded or `''` scalar).
    pub fn new(source: &str, string_range: TextRange) -> Self {
        let bytes = source.as_bytes();
        let start = (string_range.start as usize).min(bytes.len());
        let end = (string_range.end as usize).clamp(start, bytes.len());
        let quote = bytes.get(start).copied().filter(|b| matches!(b, b'"' | b'\''));
        let content_start = (start + usize::from(quote.is_some())).min(end);
        // An unterminated string has no closing quote.
        let content_end = if quote.is_some() && end > content_start && bytes.get(end - 1).copied() == quote {
            end - 1
        } else {
            end
        };
        let mut pieces = Vec::new();
        let mut decoded = 0;
        let mut i = content_start;
        let mut literal_open = false;
        while i < content_end {
            if bytes[i] == b'\\' && quote == Some(b'"') {
                let escape = decode_escape(bytes, i);
                pieces.push(Piece {
                    decoded,
                    source: i as u32,
                    literal: false,
                });
                decoded += escape.decoded.map_or(0, char::len_utf8);
                i += escape.len;
                literal_open = false;
            } else {
                if !literal_open {
                    pieces.push(Piece {
                        decoded,
                        source: i as u32,
                        literal: true,
                    });
                    literal_open = true;
                }
                decoded += 1;
                i += 1;
            }
        }
        pieces.push(Piece {
            decoded,
            source: content_end as u32,
            literal: true,
        });
        StringSourceMap {
            pieces,
            decoded_len: decoded,
        }
    }

    /// The source offset of a byte offset in the decoded string (clamped to its end, which
    /// maps to the closing quote).
    pub fn source_offset(&self, decoded_offset: usize) -> u32 {
        let decoded_offset = decoded_offset.min(self.decoded_len);
        let index = self
            .pieces
            .partition_point(|p| p.decoded <= decoded_offset)
            .saturating_sub(1);
        match self.pieces.get(index) {
            Some(piece) if piece.literal => piece.source + (decoded_offset - piece.decoded) as u32,
            Some(piece) => piece.source,
            None => 0,
        }
    }

    pub fn source_range(&self, decoded: std::ops::Range<usize>) -> TextRange {
        TextRange::new(self.source_offset(decoded.start), self.source_offset(decoded.end))
    }
}
