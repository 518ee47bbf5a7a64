//! Small character-level helpers shared by the expression parsers.

use super::{ExprError, MAX_NESTING_DEPTH};

/// Byte offset of the closing delimiter that balances the opener at `open`, skipping
/// nested `()`/`[]`/`{}` pairs and quoted strings (`'…'`, `"…"`, with backslash
/// escapes). Returns an error pointing at the unbalanced character.
pub(crate) fn matching_close(src: &str, open: usize, end: usize) -> Result<usize, ExprError> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut chars = src[open..end].char_indices().map(|(i, c)| (i + open, c));
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' | '{' => stack.push((c, i)),
            ')' | ']' | '}' => {
                let Some((opener, _)) = stack.pop() else {
                    return Err(ExprError::new(format!("unexpected `{c}`"), i..i + 1));
                };
                if closer_of(opener) != c {
                    return Err(ExprError::new(
                        format!("expected `{}` but found `{c}`", closer_of(opener)),
                        i..i + 1,
                    ));
                }
                if stack.is_empty() {
                    return Ok(i);
                }
            }
            '\'' | '"' => skip_quoted(&mut chars, c, i, end)?,
            _ => {}
        }
    }
    let (opener, at) = stack.last().copied().unwrap_or(('(', open));
    Err(ExprError::new(
        format!("`{opener}` is never closed: add a matching `{}`", closer_of(opener)),
        at..at + opener.len_utf8(),
    ))
}

/// Consumes a quoted string whose opening quote `quote` was at `start`.
fn skip_quoted(
    chars: &mut impl Iterator<Item = (usize, char)>,
    quote: char,
    start: usize,
    end: usize,
) -> Result<(), ExprError> {
    while let Some((_, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == quote {
            return Ok(());
        }
    }
    Err(ExprError::new(
        format!("unterminated string: add the closing {quote}"),
        start..end,
    ))
}

fn closer_of(opener: char) -> char {
    match opener {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// The text of a name or string read up to its end: with `escaped` (it holds an escape), each
/// `\\` is replaced by the character after it. Most have no escape and are copied whole.
pub(crate) fn resolve_escapes(raw: &str, escaped: bool) -> String {
    if !escaped {
        return raw.to_owned();
    }
    let mut text = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        text.push(if c == '\\' { chars.next().unwrap_or(c) } else { c });
    }
    text
}

/// The character at byte offset `i`, if any.
pub(crate) fn char_at(src: &str, i: usize) -> Option<char> {
    // Expressions are mostly ASCII: read such a byte without decoding the rest.
    match src.as_bytes().get(i) {
        Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
        _ => src.get(i..).and_then(|rest| rest.chars().next()),
    }
}

/// A position in a string being parsed, never beyond `end`. The parsers wrap it and
/// reach its methods through `Deref`.
pub(crate) struct Cursor<'a> {
    pub(crate) src: &'a str,
    pub(crate) pos: usize,
    pub(crate) end: usize,
    /// How many nested constructs the parser has open (see [`Cursor::enter`]).
    pub(crate) depth: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a str, span: std::ops::Range<usize>) -> Self {
        Self {
            src,
            pos: span.start,
            end: span.end.min(src.len()),
            depth: 0,
        }
    }

    /// Opens one more level of nesting, or fails at the current character when that would
    /// exceed [`MAX_NESTING_DEPTH`]. Every successful `enter` is matched by a [`Cursor::leave`].
    pub(crate) fn enter(&mut self) -> Result<(), ExprError> {
        if self.depth >= MAX_NESTING_DEPTH {
            let width = self.peek().map_or(0, char::len_utf8);
            return Err(ExprError::nested_too_deep(self.pos..self.pos + width));
        }
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    /// The character `offset` bytes after the current position.
    pub(crate) fn peek_at(&self, offset: usize) -> Option<char> {
        let i = self.pos + offset;
        if i < self.end { char_at(self.src, i) } else { None }
    }

    pub(crate) fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    pub(crate) fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.bump();
        }
        found
    }

    pub(crate) fn skip_ws(&mut self) {
        self.take_while(char::is_whitespace);
    }

    pub(crate) fn take_while(&mut self, keep: impl Fn(char) -> bool) -> std::ops::Range<usize> {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
        start..self.pos
    }

    /// The rest of the input.
    pub(crate) fn rest(&self) -> &'a str {
        self.src.get(self.pos..self.end).unwrap_or_default()
    }

    /// An error covering the current character (or empty at the end).
    pub(crate) fn error_here(&self, message: impl Into<String>) -> ExprError {
        let width = self.peek().map_or(0, char::len_utf8);
        ExprError::new(message, self.pos..self.pos + width)
    }
}
