//! Decoding of one backslash escape. Shared by the lexer and `StringSourceMap` so both agree on
//! how many source bytes an escape covers and what it decodes to.

/// The result of decoding the escape that starts at a backslash.
pub(crate) struct Escape {
    /// The character it stands for; `None` for a backslash at the end of a line or the input
    /// (the string is unterminated there, which is reported separately).
    pub decoded: Option<char>,
    /// Source bytes covered, including the backslash.
    pub len: usize,
    pub error: Option<String>,
}

/// Decodes the escape starting at `bytes[at]` (a backslash). Invalid escapes still decode to
/// something (the escaped character, or U+FFFD) so parsing can continue.
pub(crate) fn decode_escape(bytes: &[u8], at: usize) -> Escape {
    let simple = |c: char| Escape {
        decoded: Some(c),
        len: 2,
        error: None,
    };
    match bytes.get(at + 1) {
        Some(b'"') => simple('"'),
        Some(b'\\') => simple('\\'),
        Some(b'/') => simple('/'),
        Some(b'b') => simple('\u{8}'),
        Some(b'f') => simple('\u{c}'),
        Some(b'n') => simple('\n'),
        Some(b'r') => simple('\r'),
        Some(b't') => simple('\t'),
        Some(b'u') => unicode_escape(bytes, at),
        None | Some(b'\n' | b'\r') => Escape {
            decoded: None,
            len: 1,
            error: None,
        },
        Some(_) => {
            let rest = &bytes[at + 1..];
            let ch = rest
                .utf8_chunks()
                .next()
                .and_then(|chunk| chunk.valid().chars().next())
                .unwrap_or('\u{FFFD}');
            Escape {
                decoded: Some(ch),
                len: 1 + ch.len_utf8(),
                error: Some(format!(
                    "invalid escape `\\{}` in string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                    ch.escape_debug()
                )),
            }
        }
    }
}

/// `\uXXXX`, combining a surrogate pair `\uD83D\uDE00` into one character.
fn unicode_escape(bytes: &[u8], at: usize) -> Escape {
    let Some(unit) = hex4(bytes, at + 2) else {
        let digits = bytes[at + 2..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        return Escape {
            decoded: Some('\u{FFFD}'),
            len: 2 + digits,
            error: Some("invalid unicode escape: `\\u` must be followed by four hex digits".into()),
        };
    };
    let lone = |len: usize| Escape {
        decoded: Some('\u{FFFD}'),
        len,
        error: Some(format!(
            "lone surrogate `\\u{unit:04x}` in string: a `\\uD800`–`\\uDBFF` escape must be followed by a `\\uDC00`–`\\uDFFF` escape"
        )),
    };
    match unit {
        0xD800..=0xDBFF => {
            let low = if bytes.get(at + 6..at + 8) == Some(b"\\u") {
                hex4(bytes, at + 8)
            } else {
                None
            };
            match low {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    Escape {
                        decoded: char::from_u32(code),
                        len: 12,
                        error: None,
                    }
                }
                _ => lone(6),
            }
        }
        0xDC00..=0xDFFF => lone(6),
        _ => Escape {
            decoded: char::from_u32(unit),
            len: 6,
            error: None,
        },
    }
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits
        .iter()
        .try_fold(0u32, |acc, &b| Some(acc * 16 + char::from(b).to_digit(16)?))
}
