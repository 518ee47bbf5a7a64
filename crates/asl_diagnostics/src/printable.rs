//! Text copied from the input (state names, quoted values, file names, source lines) made safe
//! to print: control characters, ANSI escape sequences and line or direction overrides are
//! shown as visible escapes, so that they can never drive a terminal or a CI log, nor split one
//! finding over two lines.

use std::borrow::Cow;
use std::fmt::Write as _;

use asl_syntax::TextRange;

/// Whether a character must not reach a terminal or a log as it is: C0 and C1 controls (ESC,
/// BEL, CR, LF, NEL, CSI, …), DEL, the Unicode line and paragraph separators, and the
/// bidirectional controls that reorder what is shown.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every unsafe character escaped: `\n`, `\r`, `\t`, else `\u{1b}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    // Printable ASCII, the usual text, is proven so by a quick scan.
    if is_printable_ascii(text) || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `text` is printable ASCII throughout (no control character, tab or line break).
pub(crate) fn is_printable_ascii(text: &str) -> bool {
    all_bytes(text.as_bytes(), |b| matches!(b, 0x20..=0x7e))
}

/// Serialized JSON with the unsafe characters that JSON allows raw in strings (DEL, C1
/// controls, line separators, bidirectional controls) written as `\uXXXX` escapes: the same
/// data for a program, and nothing that drives the terminal or the log it is printed to.
pub fn json_safe(json: String) -> String {
    // Below DEL every character is safe (the serializer escapes the C0 controls): most
    // outputs are proven safe by one vectorized scan.
    if all_bytes(json.as_bytes(), |b| b < 0x7f) || !json.chars().any(is_unsafe_in_json) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe_in_json(c) {
            // Every such character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Unsafe characters that a JSON serializer leaves raw: it escapes the C0 controls itself, and
/// the line breaks between values are its own.
fn is_unsafe_in_json(c: char) -> bool {
    is_unsafe(c) && u32::from(c) > 0x1f
}

/// Whether every byte is `plain`: a scan without early exits or look-ahead inside each chunk,
/// which the compiler vectorizes, so that it costs a fraction of a check per character.
fn all_bytes(bytes: &[u8], plain: impl Fn(u8) -> bool) -> bool {
    bytes
        .chunks(256)
        .all(|chunk| chunk.iter().fold(true, |all, &b| all & plain(b)))
}

/// A quick byte scan that proves `source` holds nothing [`PrintableSource`] replaces: printable
/// ASCII, line feeds, tabs, CRLF pairs, and UTF-8 sequences whose lead byte starts no unsafe
/// character (those all begin with 0xC2, 0xD8 or 0xE2). `false` only means "look closer".
fn is_plainly_safe(source: &str) -> bool {
    let bytes = source.as_bytes();
    // Most sources are printable ASCII, line feeds and tabs.
    if all_bytes(bytes, |b| matches!(b, 0x20..=0x7e | b'\n' | b'\t')) {
        return true;
    }
    bytes.iter().enumerate().all(|(i, &b)| match b {
        0x20..=0x7e | b'\n' | b'\t' => true,
        b'\r' => bytes.get(i + 1) == Some(&b'\n'),
        0xc2 | 0xd8 | 0xe2 => false,
        b => b >= 0x80,
    })
}

/// A source text prepared for excerpts: each unsafe character other than line breaks and tabs
/// is replaced by one visible character (the Unicode control picture, `␛` for ESC, or `�`),
/// so the excerpt keeps its columns; byte offsets into the original map through [`Self::range`].
pub struct PrintableSource<'a> {
    pub text: Cow<'a, str>,
    /// `(original offset, growth in bytes so far)` after each replaced character, in order.
    shifts: Vec<(u32, i64)>,
}

impl<'a> PrintableSource<'a> {
    pub fn new(source: &'a str) -> Self {
        let needs_replacing = |i: usize, c: char| match c {
            '\n' | '\t' => false,
            '\r' => source.as_bytes().get(i + 1) != Some(&b'\n'),
            c => is_unsafe(c),
        };
        if is_plainly_safe(source) || !source.char_indices().any(|(i, c)| needs_replacing(i, c)) {
            return Self {
                text: Cow::Borrowed(source),
                shifts: Vec::new(),
            };
        }
        let mut text = String::with_capacity(source.len() + 16);
        let mut shifts = Vec::new();
        let mut growth = 0i64;
        for (i, c) in source.char_indices() {
            if !needs_replacing(i, c) {
                text.push(c);
                continue;
            }
            let picture = match u32::from(c) {
                code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
                0x7f => '\u{2421}',
                _ => '\u{fffd}',
            };
            text.push(picture);
            growth += picture.len_utf8() as i64 - c.len_utf8() as i64;
            shifts.push(((i + c.len_utf8()) as u32, growth));
        }
        Self {
            text: Cow::Owned(text),
            shifts,
        }
    }

    /// The offset in [`Self::text`] of an offset in the original source.
    pub fn offset(&self, offset: u32) -> usize {
        let replaced_before = self.shifts.partition_point(|&(end, _)| end <= offset);
        let growth = replaced_before.checked_sub(1).map_or(0, |last| self.shifts[last].1);
        (i64::from(offset) + growth).max(0) as usize
    }

    pub fn range(&self, range: TextRange) -> std::ops::Range<usize> {
        self.offset(range.start)..self.offset(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_keeps_everything_else() {
        assert_eq!(printable("Fetch \"User\" ünïcode"), "Fetch \"User\" ünïcode");
        assert_eq!(
            printable("a\n::error file=x::\u{1b}[31m\u{7}b"),
            "a\\n::error file=x::\\u{1b}[31m\\u{7}b"
        );
        assert_eq!(
            printable("\u{85}\u{9b}\u{2028}\u{202e}"),
            "\\u{85}\\u{9b}\\u{2028}\\u{202e}"
        );
    }

    #[test]
    fn json_keeps_its_data_and_escapes_what_it_left_raw() {
        let value = "a\u{1b}\u{7f}\u{9b}\u{2028}\u{202e}b";
        let json = json_safe(serde_json::to_string(&serde_json::json!({ "name": value })).unwrap_or_default());
        assert_eq!(json, r#"{"name":"a\u001b\u007f\u009b\u2028\u202eb"}"#);
        let back: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back["name"], value);
    }

    #[test]
    fn source_keeps_line_breaks_and_moves_offsets_past_replacements() {
        let source = "ab\u{1b}c\r\nd\re";
        let printable = PrintableSource::new(source);
        assert_eq!(printable.text, "ab\u{241b}c\r\nd\u{240d}e");
        assert_eq!(printable.offset(2), 2, "a replaced character starts where it did");
        assert_eq!(printable.offset(3), 5, "␛ is 3 bytes where ESC was 1");
        assert_eq!(&printable.text[printable.range(TextRange::new(3, 4))], "c");
        assert_eq!(&printable.text[printable.range(TextRange::new(7, 8))], "\u{240d}");
        assert_eq!(&printable.text[printable.range(TextRange::new(8, 9))], "e");
        assert!(matches!(PrintableSource::new("plain\r\n").text, Cow::Borrowed(_)));
        assert!(matches!(PrintableSource::new("é ü – ©\t\r\n").text, Cow::Borrowed(_)));
        for unsafe_char in ["\u{85}", "\u{9b}", "\u{2028}", "\u{202e}", "\u{61c}", "\u{7f}", "\r"] {
            let source = format!("a{unsafe_char}b");
            assert!(
                !PrintableSource::new(&source).text.contains(unsafe_char),
                "{unsafe_char:?} is replaced"
            );
        }
    }
}
