//! Splits JSON text into tokens, reporting lexical errors (bad strings, numbers, comments) as
//! it goes. Works on bytes; every token carries its byte range.

use crate::error_log::ErrorLog;
use crate::escape::{Escape, decode_escape};
use crate::swar;
use crate::{CompactString, Number, TextRange, excerpt};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TokenKind {
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Colon,
    Comma,
    /// A decoded string (double- or, after an error, single-quoted).
    String(CompactString),
    Number(Number),
    True,
    False,
    Null,
    /// A value-like token that is invalid (bad number, `NaN`, …); its error is already reported.
    Invalid,
    /// Unquoted text such as `foo`. Not reported yet: the parser knows whether it was meant as a
    /// key or a value.
    Word,
    Eof,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub range: TextRange,
}

impl TokenKind {
    /// Whether this token can begin a value.
    pub(crate) fn starts_value(&self) -> bool {
        !matches!(
            self,
            TokenKind::RBrace | TokenKind::RBracket | TokenKind::Colon | TokenKind::Comma | TokenKind::Eof
        )
    }
}

/// Bytes that end an unquoted word: JSON whitespace, punctuation, quotes and `/`.
const fn word_end_table() -> [bool; 256] {
    let mut table = [false; 256];
    let ends = b" \t\n\r{}[]:,\"'/";
    let mut i = 0;
    while i < ends.len() {
        table[ends[i] as usize] = true;
        i += 1;
    }
    table
}
static WORD_END: [bool; 256] = word_end_table();

pub(crate) struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub pos: usize,
    /// The token read last.
    pub token: Token,
    pub errors: ErrorLog,
    /// End offset of the last string that ran to the end of its line (already reported), so the
    /// parser does not also report the comma that is most likely inside that string.
    pub unterminated_string_end: Option<u32>,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let pos = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        Lexer {
            text,
            bytes,
            pos,
            token: Token {
                kind: TokenKind::Eof,
                range: TextRange::empty(0),
            },
            errors: ErrorLog::default(),
            unterminated_string_end: None,
        }
    }

    pub(crate) fn error(&mut self, message: impl Into<String>, range: TextRange) {
        self.errors.report(message, range);
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Reads the next token into `self.token` (in place: tokens are not moved around).
    #[inline(always)]
    pub(crate) fn advance(&mut self) {
        self.skip_trivia();
        let start = self.pos;
        let Some(&byte) = self.bytes.get(start) else {
            self.token = Token {
                kind: TokenKind::Eof,
                range: range(start, start),
            };
            return;
        };
        let punctuation = match byte {
            b'{' => TokenKind::LBrace,
            b'}' => TokenKind::RBrace,
            b'[' => TokenKind::LBracket,
            b']' => TokenKind::RBracket,
            b':' => TokenKind::Colon,
            b',' => TokenKind::Comma,
            b'"' => return self.string(b'"'),
            b'\'' => {
                self.string(b'\'');
                self.error(
                    "strings must use double quotes in JSON, not single quotes",
                    self.token.range,
                );
                return;
            }
            _ => return self.word(),
        };
        self.pos += 1;
        self.token = Token {
            kind: punctuation,
            range: range(start, start + 1),
        };
    }

    /// Skips whitespace and (reporting them) comments. Most tokens follow no white space or
    /// one space (`"Type": "Task"`): those return here, without a call.
    #[inline]
    fn skip_trivia(&mut self) {
        let starts_token = |byte: Option<&u8>| byte.is_some_and(|&b| b > b' ' && b != b'/');
        if starts_token(self.bytes.get(self.pos)) {
            return;
        }
        if self.bytes.get(self.pos) == Some(&b' ') && starts_token(self.bytes.get(self.pos + 1)) {
            self.pos += 1;
            return;
        }
        self.skip_trivia_run();
    }

    /// Skips a run of whitespace and comments (see [`Lexer::skip_trivia`]).
    #[inline(never)]
    fn skip_trivia_run(&mut self) {
        loop {
            loop {
                match self.bytes.get(self.pos) {
                    // Indentation: a run of spaces is skipped up to eight at a time.
                    Some(b' ') => self.pos += swar::leading_spaces(self.bytes, self.pos),
                    Some(b'\t' | b'\n' | b'\r') => self.pos += 1,
                    _ => break,
                }
            }
            if self.bytes.get(self.pos) != Some(&b'/') {
                return;
            }
            let start = self.pos;
            match self.bytes.get(start + 1) {
                Some(b'/') => {
                    self.pos = self.bytes[start..]
                        .iter()
                        .position(|&b| b == b'\n' || b == b'\r')
                        .map_or(self.bytes.len(), |i| start + i);
                }
                Some(b'*') => match find(&self.bytes[start + 2..], b"*/") {
                    Some(i) => self.pos = start + 2 + i + 2,
                    None => {
                        self.pos = self.bytes.len();
                        self.error("unterminated comment: add `*/`", range(start, self.pos));
                        continue;
                    }
                },
                _ => return,
            }
            self.error("comments are not allowed in JSON; remove it", range(start, self.pos));
        }
    }

    /// A string starting at the current position (which holds `quote`). A string that reaches
    /// the end of its line is reported as unterminated and ends there.
    fn string(&mut self, quote: u8) {
        let start = self.pos;
        let content_start = start + 1;
        let mut i = skip_plain(self.bytes, content_start, quote);
        if self.bytes.get(i) == Some(&quote) {
            self.pos = i + 1;
            let text = CompactString::new(&self.text[content_start..i]);
            self.token = Token {
                kind: TokenKind::String(text),
                range: range(start, i + 1),
            };
            return;
        }
        let mut decoded = String::with_capacity(i - content_start + 16);
        decoded.push_str(&self.text[content_start..i]);
        let end = loop {
            match self.bytes.get(i) {
                None | Some(b'\n' | b'\r') => {
                    // What follows on the line was probably meant to be outside the string.
                    self.errors
                        .report_and_recover("unterminated string: add the closing `\"`", range(start, i));
                    self.unterminated_string_end = Some(i as u32);
                    break i;
                }
                Some(&b) if b == quote => break i + 1,
                Some(b'\\') => {
                    let Escape {
                        decoded: ch,
                        len,
                        error,
                    } = decode_escape(self.bytes, i);
                    if let Some(message) = error {
                        self.error(message, range(i, i + len));
                    }
                    if let Some(ch) = ch {
                        decoded.push(ch);
                    }
                    i += len;
                }
                Some(&b) if b < 0x20 => {
                    self.error(
                        format!("control character U+{b:04X} must be escaped in a string (for example `\\t` or `\\u{b:04x}`)"),
                        range(i, i + 1),
                    );
                    decoded.push(char::from(b));
                    i += 1;
                }
                Some(_) => {
                    let run_end = skip_plain(self.bytes, i + 1, quote);
                    decoded.push_str(&self.text[i..run_end]);
                    i = run_end;
                }
            }
        };
        self.pos = end;
        self.token = Token {
            kind: TokenKind::String(decoded.into()),
            range: range(start, end),
        };
    }

    /// An unquoted run: a number, `true`/`false`/`null`, or something invalid.
    fn word(&mut self) {
        let start = self.pos;
        // The first byte always belongs to the word, even `/` (a lone slash is not a comment).
        let mut end = start + 1;
        while end < self.bytes.len() && !WORD_END[usize::from(self.bytes[end])] {
            end += 1;
        }
        // Keep whole characters: a word may start with a non-ASCII byte.
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        self.pos = end;
        let word = &self.text[start..end];
        let token_range = range(start, end);
        let kind = match word {
            "true" => TokenKind::True,
            "false" => TokenKind::False,
            "null" => TokenKind::Null,
            _ => match self.bytes[start] {
                b'-' | b'0'..=b'9' | b'+' | b'.' => self.number(word, token_range),
                _ if matches!(word, "NaN" | "Infinity") => {
                    self.error(format!("`{word}` is not a valid JSON number"), token_range);
                    TokenKind::Invalid
                }
                _ => TokenKind::Word,
            },
        };
        self.token = Token {
            kind,
            range: token_range,
        };
    }

    fn number(&mut self, word: &str, token_range: TextRange) -> TokenKind {
        match parse_number(word) {
            Ok(number) => TokenKind::Number(number),
            Err(message) => {
                self.error(message, token_range);
                TokenKind::Invalid
            }
        }
    }

    /// Skips the rest of an array or object whose opening bracket was just read, counting
    /// brackets without building anything. Returns whether the matching bracket was found.
    pub(crate) fn skip_nested(&mut self) -> bool {
        let mut depth = 1usize;
        while let Some(&byte) = self.bytes.get(self.pos) {
            self.pos += 1;
            match byte {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                }
                b'"' => self.skip_raw_string(),
                _ => {}
            }
        }
        false
    }

    /// Moves past a string's content and closing quote (or to the end of its line), quietly.
    fn skip_raw_string(&mut self) {
        while let Some(&byte) = self.bytes.get(self.pos) {
            match byte {
                b'"' => {
                    self.pos += 1;
                    return;
                }
                b'\n' | b'\r' => return,
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(start as u32, end as u32)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The first index at or after `from` holding `quote`, `\` or a control character.
fn skip_plain(bytes: &[u8], from: usize, quote: u8) -> usize {
    let mut i = from;
    while let Some(word) = swar::word_at(bytes, i) {
        let marks = swar::less_than(word, 0x20) | swar::equal_to(word, quote) | swar::equal_to(word, b'\\');
        if marks != 0 {
            return i + swar::first_marked(marks);
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == quote || b == b'\\' || b < 0x20 {
            return i;
        }
        i += 1;
    }
    i
}

/// Parses a JSON number strictly (RFC 8259) and classifies it like `serde_json`: a
/// non-negative integer that fits `u64`, a negative one that fits `i64`, else `f64`.
pub(crate) fn parse_number(word: &str) -> Result<Number, String> {
    let shown = excerpt(word);
    let bytes = word.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut i = usize::from(negative);
    let digits = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    match bytes.get(i) {
        Some(b'0') => {
            i += 1;
            if bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(format!("leading zeros are not allowed in JSON numbers: `{shown}`"));
            }
        }
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        Some(b'+') if i == 0 => return Err(format!("JSON numbers cannot start with `+`: `{shown}`")),
        Some(b'.') => {
            return Err(format!("JSON numbers need a digit before the decimal point: `{shown}`"));
        }
        _ if &word[i..] == "Infinity" => return Err(format!("`{shown}` is not a valid JSON number")),
        _ => return Err(format!("invalid number `{shown}`")),
    }
    let integer_end = i;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return Err(format!("expected a digit after the decimal point in `{shown}`"));
        }
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = bytes.get(i) {
            i += 1;
        }
        if !digits(&mut i) {
            return Err(format!("expected a digit in the exponent of `{shown}`"));
        }
    }
    if i != bytes.len() {
        return Err(format!("invalid number `{shown}`"));
    }
    if integer_end == bytes.len() {
        let magnitude = word[usize::from(negative)..].parse::<u64>();
        match (negative, magnitude) {
            (false, Ok(n)) => return Ok(Number::PosInt(n)),
            // `-0` and anything below `i64::MIN` become floats, as in serde_json.
            (true, Ok(n)) if n != 0 && n <= 1 << 63 => return Ok(Number::NegInt((n as i64).wrapping_neg())),
            _ => {}
        }
    }
    match word.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok(Number::Float(f)),
        _ => Err(format!("number `{shown}` is out of range")),
    }
}
