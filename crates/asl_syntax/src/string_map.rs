use crate::TextRange;
use crate::escape::decode_escape;

/// Maps byte offsets in a decoded string back to byte offsets in the source, for every way a
/// string is written: a JSON string (through its escapes), and each YAML scalar style (double-
/// and single-quoted, plain, literal `|` and folded `>` block scalars), through escapes, line
/// folding and block indentation. Built on demand from the source.
#[derive(Debug, Clone)]
pub struct StringSourceMap {
    /// Where each piece of the decoded string starts, in order. The decoded bytes of a
    /// literal piece are the source bytes; every byte of any other piece (an escape, a folded
    /// line break) maps to where that piece is written.
    pieces: Vec<Piece>,
    decoded_len: usize,
    style: Style,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    decoded: usize,
    source: u32,
    literal: bool,
}

/// How the string is written, read from its first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `"…"`: a JSON string, or a YAML double-quoted scalar.
    DoubleQuoted,
    SingleQuoted,
    Plain,
    /// `|` or `>`.
    Block,
}

impl StringSourceMap {
    /// `string_range` is the range of a string token including its quotes (or, for a YAML
    /// block scalar, from its `|` or `>` indicator). The style is read from the first byte.
    pub fn new(source: &str, string_range: TextRange) -> Self {
        let bytes = source.as_bytes();
        let start = (string_range.start as usize).min(bytes.len());
        let end = (string_range.end as usize).clamp(start, bytes.len());
        let (style, pieces) = match bytes.get(start) {
            Some(b'"') => (Style::DoubleQuoted, flow(bytes, start, end, Some(b'"'))),
            Some(b'\'') => (Style::SingleQuoted, flow(bytes, start, end, Some(b'\''))),
            Some(b'|' | b'>') => (Style::Block, block(bytes, start, end)),
            _ => (Style::Plain, flow(bytes, start, end, None)),
        };
        let decoded_len = pieces.decoded;
        StringSourceMap {
            pieces: pieces.pieces,
            decoded_len,
            style,
        }
    }

    /// The length of the decoded string in bytes.
    pub fn decoded_len(&self) -> usize {
        self.decoded_len
    }

    /// The source offset of a byte offset in the decoded string (clamped to its end, which
    /// maps to the end of the string's text: its closing quote, if it has one).
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

    /// The source range of `decoded` when the source writes those bytes exactly as they
    /// decode (no escape, no folded line break inside), so that an edit can replace them there.
    pub fn exact_source_range(&self, decoded: std::ops::Range<usize>) -> Option<TextRange> {
        if decoded.start > decoded.end || decoded.end > self.decoded_len {
            return None;
        }
        // The literal piece holding the start; an empty range may also sit at a piece's end.
        let index = self.pieces.iter().rposition(|p| {
            p.literal && p.decoded <= decoded.start && {
                let piece_end = self.piece_end(p);
                decoded.end <= piece_end
            }
        })?;
        let piece = self.pieces[index];
        let start = piece.source + (decoded.start - piece.decoded) as u32;
        Some(TextRange::new(start, start + (decoded.end - decoded.start) as u32))
    }

    /// Where the decoded bytes of a piece end: at the next piece's start.
    fn piece_end(&self, piece: &Piece) -> usize {
        self.pieces
            .iter()
            .find(|p| p.decoded > piece.decoded)
            .map_or(self.decoded_len, |p| p.decoded)
    }

    /// `text` written the way this string is written, so that it decodes to `text` when put
    /// in place of an [exact](Self::exact_source_range) range; `None` when it cannot be
    /// written inline (a line break in a block or plain scalar, say). `at_start` says whether
    /// it goes at the very start of the string, where a plain scalar takes no indicator.
    pub fn encode(&self, text: &str, at_start: bool) -> Option<String> {
        let breaks = |c: char| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
        match self.style {
            Style::DoubleQuoted => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                        c => out.push(c),
                    }
                }
                Some(out)
            }
            Style::SingleQuoted => (!text.chars().any(breaks)).then(|| text.replace('\'', "''")),
            Style::Block => (!text.chars().any(breaks)).then(|| text.to_owned()),
            Style::Plain => {
                let unsafe_inside = text
                    .chars()
                    .any(|c| breaks(c) || matches!(c, '#' | ',' | '[' | ']' | '{' | '}' | '\t'))
                    || text.contains(": ")
                    || text.ends_with(':')
                    || text.ends_with(' ');
                let unsafe_start = at_start
                    && text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`".contains(c));
                (!unsafe_inside && !unsafe_start).then(|| text.to_owned())
            }
        }
    }
}

/// Collects the pieces of a decoded string.
struct Pieces {
    pieces: Vec<Piece>,
    decoded: usize,
    /// The source offset a literal byte must have to extend the last piece.
    literal_next: Option<usize>,
}

impl Pieces {
    fn new() -> Self {
        Pieces {
            pieces: Vec::new(),
            decoded: 0,
            literal_next: None,
        }
    }

    /// `len` source bytes at `source` that decode to themselves.
    fn literal(&mut self, source: usize, len: usize) {
        if len == 0 {
            return;
        }
        if self.literal_next != Some(source) {
            self.pieces.push(Piece {
                decoded: self.decoded,
                source: source as u32,
                literal: true,
            });
        }
        self.decoded += len;
        self.literal_next = Some(source + len);
    }

    /// `len` decoded bytes made by the source written at `source` (an escape, a line break).
    fn made(&mut self, source: usize, len: usize) {
        if len == 0 {
            return;
        }
        self.pieces.push(Piece {
            decoded: self.decoded,
            source: source as u32,
            literal: false,
        });
        self.decoded += len;
        self.literal_next = None;
    }

    /// Ends the map: the end of the decoded string maps to `end`.
    fn finish(mut self, end: usize) -> Self {
        self.pieces.push(Piece {
            decoded: self.decoded,
            source: end as u32,
            literal: true,
        });
        self
    }
}

fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The offset after the line break at `at` (`\r\n` counts as one).
fn skip_break(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => at + 2,
        Some(b'\r' | b'\n') => at + 1,
        _ => at,
    }
}

fn skip_blanks(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && is_blank(bytes[at]) {
        at += 1;
    }
    at
}

/// A quoted (`quote`) or plain (`None`) string, with YAML line folding: a line break between
/// two lines becomes a space, each empty line a line feed, and white space around breaks goes.
/// A JSON string has no raw line breaks, so this reads it exactly as the JSON lexer does.
fn flow(bytes: &[u8], start: usize, end: usize, quote: Option<u8>) -> Pieces {
    let content_start = (start + usize::from(quote.is_some())).min(end);
    // An unterminated string has no closing quote.
    let content_end = match quote {
        Some(q) if end > content_start && bytes[end - 1] == q => end - 1,
        _ => end,
    };
    let mut pieces = Pieces::new();
    let mut i = content_start;
    while i < content_end {
        let b = bytes[i];
        if quote == Some(b'"') && b == b'\\' {
            if bytes.get(i + 1).is_some_and(|b| is_break(*b)) && i + 1 < content_end {
                // An escaped line break joins the lines with nothing between them.
                i = skip_blanks(bytes, skip_break(bytes, i + 1), content_end);
                continue;
            }
            let (len, decoded) = escape(bytes, i);
            pieces.made(i, decoded);
            i += len;
        } else if quote == Some(b'\'') && b == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            pieces.made(i, 1);
            i += 2;
        } else if is_blank(b) {
            let run_end = skip_blanks(bytes, i, content_end);
            // White space before a line break is not part of the value.
            if !(run_end < content_end && is_break(bytes[run_end])) {
                pieces.literal(i, run_end - i);
            }
            i = run_end;
        } else if is_break(b) {
            let mut breaks = 0;
            let mut next = i;
            loop {
                breaks += 1;
                let after = skip_blanks(bytes, skip_break(bytes, next), content_end);
                next = after;
                if !(after < content_end && is_break(bytes[after])) {
                    break;
                }
            }
            // One break folds to a space; each further one is an empty line, a line feed.
            pieces.made(i, if breaks == 1 { 1 } else { breaks - 1 });
            i = next;
        } else {
            pieces.literal(i, 1);
            i += 1;
        }
    }
    pieces.finish(content_end)
}

/// The source length and decoded length of the escape at `bytes[at]` (a backslash): JSON's
/// escapes and YAML's additional ones (`\x41`, `\U0001F600`, `\e`, `\N`, …).
fn escape(bytes: &[u8], at: usize) -> (usize, usize) {
    let hex = |digits: usize| {
        let text = bytes.get(at + 2..at + 2 + digits)?;
        let code = text
            .iter()
            .try_fold(0u32, |acc, &b| Some(acc * 16 + char::from(b).to_digit(16)?))?;
        Some((2 + digits, char::from_u32(code)?.len_utf8()))
    };
    let yaml = match bytes.get(at + 1) {
        Some(b'0' | b'a' | b'v' | b'e' | b' ' | b'\t') => Some((2, 1)),
        Some(b'N' | b'_') => Some((2, 2)),
        Some(b'L' | b'P') => Some((2, 3)),
        Some(b'x') => hex(2),
        Some(b'U') => hex(8),
        _ => None,
    };
    yaml.unwrap_or_else(|| {
        let escape = decode_escape(bytes, at);
        (escape.len, escape.decoded.map_or(0, char::len_utf8))
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Chomping {
    Strip,
    Clip,
    Keep,
}

/// A literal (`|`) or folded (`>`) block scalar: its header, then lines indented by the
/// block's indentation, which is not part of the value.
fn block(bytes: &[u8], start: usize, end: usize) -> Pieces {
    let folded = bytes[start] == b'>';
    let mut chomping = Chomping::Clip;
    let mut indicator = None;
    let mut i = start + 1;
    while i < bytes.len() && !is_break(bytes[i]) && !is_blank(bytes[i]) {
        match bytes[i] {
            b'-' => chomping = Chomping::Strip,
            b'+' => chomping = Chomping::Keep,
            digit @ b'1'..=b'9' => indicator = Some(usize::from(digit - b'0')),
            _ => {}
        }
        i += 1;
    }
    // The rest of the header line is white space and perhaps a comment.
    while i < bytes.len() && !is_break(bytes[i]) {
        i += 1;
    }
    let first_line = skip_break(bytes, i);
    let indent = match indicator {
        Some(extra) => line_indent(bytes, start) + extra,
        None => detect_indent(bytes, first_line, end),
    };

    let mut pieces = Pieces::new();
    // Line breaks seen since the last content line: (where, count); `None` before the first.
    let mut pending_breaks: Vec<usize> = Vec::new();
    let mut last_spaced = false;
    let mut seen_content = false;
    let mut line = first_line;
    while line < end {
        let line_end = (line..bytes.len()).find(|&j| is_break(bytes[j])).unwrap_or(bytes.len());
        let spaces = (line..line_end).take_while(|&j| bytes[j] == b' ').count();
        let empty = spaces <= indent && (line + spaces == line_end);
        if empty {
            pending_breaks.push(line_end);
        } else {
            let text_start = line + spaces.min(indent);
            let spaced = text_start < line_end && is_blank(bytes[text_start]);
            if seen_content {
                // The break ending the previous content line comes first.
                let folds = folded && !last_spaced && !spaced;
                match pending_breaks.split_first() {
                    Some((first, rest)) if folds && rest.is_empty() => pieces.made(*first, 1),
                    Some((_, rest)) if folds => emit_breaks(bytes, &mut pieces, rest),
                    _ => emit_breaks(bytes, &mut pieces, &pending_breaks),
                }
            } else {
                emit_breaks(bytes, &mut pieces, &pending_breaks);
            }
            pending_breaks.clear();
            // The line break that ends this line is handled with the next line.
            pieces.literal(text_start, line_end - text_start);
            pending_breaks.push(line_end);
            seen_content = true;
            last_spaced = spaced;
        }
        line = skip_break(bytes, line_end);
    }
    // Trailing line breaks, by the chomping indicator. Under `+`, the empty lines after the
    // range belong to the value too; they map to the range's end.
    match chomping {
        Chomping::Strip => {}
        Chomping::Clip if seen_content => {
            emit_breaks(bytes, &mut pieces, &pending_breaks[..pending_breaks.len().min(1)])
        }
        Chomping::Clip => {}
        Chomping::Keep => {
            emit_breaks(bytes, &mut pieces, &pending_breaks);
            let mut after = line;
            let mut kept = 0;
            loop {
                let blank_end = after
                    + bytes[after.min(bytes.len())..]
                        .iter()
                        .take_while(|b| **b == b' ')
                        .count();
                if blank_end < bytes.len() && is_break(bytes[blank_end]) {
                    kept += 1;
                    after = skip_break(bytes, blank_end);
                } else {
                    break;
                }
            }
            pieces.made(end, kept);
        }
    }
    pieces.finish(end)
}

/// One line feed per line break, mapped to where each is written.
fn emit_breaks(bytes: &[u8], pieces: &mut Pieces, breaks: &[usize]) {
    for &at in breaks {
        // The end of the input counts as a line break, as saphyr reads it.
        if bytes.get(at) == Some(&b'\n') {
            pieces.literal(at, 1);
        } else {
            pieces.made(at.min(bytes.len()), 1);
        }
    }
}

/// The indentation of the line holding `at`.
fn line_indent(bytes: &[u8], at: usize) -> usize {
    let line_start = bytes[..at].iter().rposition(|b| is_break(*b)).map_or(0, |p| p + 1);
    bytes[line_start..].iter().take_while(|b| **b == b' ').count()
}

/// The indentation of the first line with content.
fn detect_indent(bytes: &[u8], mut line: usize, end: usize) -> usize {
    while line < end {
        let spaces = bytes[line..].iter().take_while(|b| **b == b' ').count();
        match bytes.get(line + spaces) {
            Some(b) if is_break(*b) => line = skip_break(bytes, line + spaces),
            _ => return spaces,
        }
    }
    0
}
