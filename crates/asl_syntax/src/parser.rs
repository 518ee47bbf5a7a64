//! An error-tolerant, iterative JSON parser (RFC 8259) that keeps byte spans.
//!
//! Nesting is tracked on an explicit stack, so deep input cannot overflow the call stack. After
//! an error the parser resynchronises on `,`, a closing bracket, or a line that starts a new
//! key, so one mistake gives one error and the rest of the document is still read.

use crate::lexer::{Lexer, TokenKind};
use crate::scratch::take_from;
use crate::{CompactString, Key, Member, Node, Parse, TextRange, Value, excerpt};

/// Deepest nesting of arrays and objects that is parsed; deeper input is an error.
pub const MAX_DEPTH: usize = 512;

/// Parses JSON text. Never fails: see [`Parse`].
pub fn parse(text: &str) -> Parse {
    let mut lexer = Lexer::new(text);
    lexer.advance();
    // The scratch buffers hold the children of the open containers. Sized by the text (about
    // one member per 64 bytes of a definition), they rarely grow: each growth copies every
    // child read so far.
    let members = (text.len() / 64).clamp(8, 256);
    let mut parser = Parser {
        lexer,
        prev_end: 0,
        stack: Vec::with_capacity(16),
        items: Vec::with_capacity(members / 4),
        members: Vec::with_capacity(members),
        root: None,
    };
    let root = parser.root();
    Parse {
        root,
        errors: parser.lexer.errors.finish(),
    }
}

/// An open array or object. Its children so far sit at the end of the parser's `items` or
/// `members` from index `first` on, so each container is allocated once, at its final size.
enum Frame {
    Array { start: u32, first: usize },
    Object { start: u32, first: usize, key: Option<Key> },
}

impl Frame {
    fn closer(&self) -> TokenKind {
        match self {
            Frame::Array { .. } => TokenKind::RBracket,
            Frame::Object { .. } => TokenKind::RBrace,
        }
    }

    fn expected_after_item(&self) -> &'static str {
        match self {
            Frame::Array { .. } => "expected `,` or `]` after array element",
            Frame::Object { .. } => "expected `,` or `}` after object member",
        }
    }
}

enum State {
    /// A value is expected (array element, member value, or the root).
    Value,
    /// An object key is expected; `comma` is the comma just read, if any.
    Key { comma: Option<TextRange> },
    /// A value was just added to the innermost container: `,` or its closer is expected.
    AfterItem,
    /// The document is complete (in `Parser::root`).
    Done,
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// End of the last consumed token.
    prev_end: u32,
    stack: Vec<Frame>,
    items: Vec<Node>,
    members: Vec<Member>,
    /// The finished document.
    root: Option<Node>,
}

impl Parser<'_> {
    fn root(&mut self) -> Node {
        let mut state = State::Value;
        loop {
            state = match state {
                State::Value => self.value(),
                State::Key { comma } => self.key(comma),
                State::AfterItem => self.after_item(),
                State::Done => break,
            };
        }
        let root = self.root.take().unwrap_or(Node {
            value: Value::Error,
            range: TextRange::empty(0),
        });
        // After an invalid root, whatever follows is part of the same mistake.
        if self.lexer.token.kind != TokenKind::Eof && root.value != Value::Error {
            let message = format!(
                "unexpected {} after the end of the JSON document",
                self.describe_token()
            );
            self.error(message, self.lexer.token.range);
        }
        root
    }

    #[inline(always)]
    fn bump(&mut self) {
        self.prev_end = self.lexer.token.range.end;
        self.lexer.advance();
    }

    /// A structural error: until the parser is back in step, later errors are part of it.
    fn error(&mut self, message: impl Into<String>, range: TextRange) {
        self.lexer.errors.report_and_recover(message, range);
    }

    fn text(&self) -> &str {
        self.lexer.text()
    }

    fn describe_token(&self) -> String {
        match &self.lexer.token.kind {
            TokenKind::Eof => "end of file".into(),
            TokenKind::String(_) => "a string".into(),
            TokenKind::Number(_) | TokenKind::Invalid => "a number".into(),
            _ => format!("`{}`", excerpt(&self.text()[self.lexer.token.range.as_usize()])),
        }
    }

    /// Adds a finished value to the innermost container, or finishes the document. Inside a
    /// cascade of errors the value (and its key) is dropped: it is debris of the mistake, and
    /// a cascade can be as long as the file.
    #[inline]
    fn attach(&mut self, node: Node) -> State {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                State::Done
            }
            Some(Frame::Object { key, .. }) if self.lexer.errors.cascading() => {
                key.take();
                State::AfterItem
            }
            Some(Frame::Array { .. }) if self.lexer.errors.cascading() => State::AfterItem,
            Some(Frame::Array { .. }) => {
                self.items.push(node);
                State::AfterItem
            }
            Some(Frame::Object { key, .. }) => {
                if let Some(key) = key.take() {
                    self.members.push(Member { key, value: node });
                }
                State::AfterItem
            }
        }
    }

    /// Closes the innermost container at `end` and adds it to its parent.
    fn close(&mut self, end: u32) -> State {
        let node = match self.stack.pop() {
            Some(Frame::Array { start, first }) => Node {
                value: Value::Array(take_from(&mut self.items, first)),
                range: TextRange::new(start, end),
            },
            Some(Frame::Object { start, first, key }) => {
                // A key whose value never came (end of input) still shows up, with an error value.
                if let Some(key) = key {
                    let value = Node {
                        value: Value::Error,
                        range: TextRange::empty(end),
                    };
                    self.members.push(Member { key, value });
                }
                let members = take_from(&mut self.members, first);
                Node {
                    value: Value::Object(members),
                    range: TextRange::new(start, end),
                }
            }
            None => Node {
                value: Value::Error,
                range: TextRange::empty(end),
            },
        };
        self.attach(node)
    }

    /// Closes every open container at `end`; returns the finished document.
    fn close_all(&mut self, end: u32) -> State {
        loop {
            if let State::Done = self.close(end) {
                return State::Done;
            }
        }
    }

    /// Reports the end of input where more was expected, and closes everything.
    /// Not reported after a string that ran to the end of the file: that error says it all.
    fn unexpected_eof(&mut self, expected: &str) -> State {
        let end = self.text().len() as u32;
        if self.lexer.unterminated_string_end != Some(end) {
            self.error(format!("unexpected end of file: {expected}"), TextRange::empty(end));
        }
        self.close_all(end)
    }

    fn value(&mut self) -> State {
        let range = self.lexer.token.range;
        if matches!(self.stack.last(), Some(Frame::Object { .. })) && self.key_on_next_line() {
            // `"a":` followed by a line `"b": …`: the value of "a" is missing.
            let at = TextRange::empty(self.prev_end);
            self.error("expected a value after `:`", at);
            return self.attach(Node {
                value: Value::Error,
                range: at,
            });
        }
        let value = match &mut self.lexer.token.kind {
            TokenKind::String(text) => Value::String(std::mem::take(text)),
            TokenKind::LBrace | TokenKind::LBracket if self.stack.len() >= MAX_DEPTH => return self.too_deep(),
            TokenKind::LBrace => {
                self.stack.push(Frame::Object {
                    start: range.start,
                    first: self.members.len(),
                    key: None,
                });
                self.bump();
                return State::Key { comma: None };
            }
            TokenKind::LBracket => {
                self.stack.push(Frame::Array {
                    start: range.start,
                    first: self.items.len(),
                });
                self.bump();
                if self.lexer.token.kind == TokenKind::RBracket {
                    let end = self.lexer.token.range.end;
                    self.bump();
                    return self.close(end);
                }
                return State::Value;
            }
            TokenKind::Number(number) => Value::Number(*number),
            TokenKind::True => Value::Bool(true),
            TokenKind::False => Value::Bool(false),
            TokenKind::Null => Value::Null,
            TokenKind::Invalid => Value::Error,
            TokenKind::Word => {
                let word = excerpt(&self.text()[range.as_usize()]);
                let message = format!(
                    "unexpected `{word}`: expected a value (a string in double quotes, a number, an object, an array, `true`, `false` or `null`)"
                );
                self.error(message, range);
                Value::Error
            }
            TokenKind::Eof if self.stack.is_empty() => {
                self.error("expected a JSON value, found end of file", range);
                return self.attach(Node {
                    value: Value::Error,
                    range,
                });
            }
            TokenKind::Eof => return self.unexpected_eof("expected a value"),
            TokenKind::RBrace | TokenKind::RBracket | TokenKind::Comma | TokenKind::Colon => {
                let message = format!("expected a value, found {}", self.describe_token());
                self.error(message, range);
                if self.stack.is_empty() {
                    return self.attach(Node {
                        value: Value::Error,
                        range,
                    });
                }
                // Left for the container to handle.
                return self.attach(Node {
                    value: Value::Error,
                    range: TextRange::empty(range.start),
                });
            }
        };
        self.bump();
        self.attach(Node { value, range })
    }

    /// An array or object opened deeper than `MAX_DEPTH`: reported once and skipped.
    fn too_deep(&mut self) -> State {
        let open = self.lexer.token.range;
        self.error(format!("nesting deeper than {MAX_DEPTH} levels is not supported"), open);
        // The lexer stands right behind the opening bracket (the current token).
        let closed = self.lexer.skip_nested();
        let end = self.lexer.pos as u32;
        self.prev_end = end;
        self.lexer.advance();
        let node = Node {
            value: Value::Error,
            range: TextRange::new(open.start, end),
        };
        let state = self.attach(node);
        if closed {
            state
        } else {
            // Input ended inside the deep value: that is the same mistake, not a new one.
            self.close_all(end)
        }
    }

    /// Whether the current token is a string at the start of a later line than the last
    /// consumed token, directly followed by `:` — that is, a new object member.
    fn key_on_next_line(&self) -> bool {
        let bytes = self.text().as_bytes();
        let range = self.lexer.token.range;
        matches!(self.lexer.token.kind, TokenKind::String(_))
            && bytes[self.prev_end as usize..range.start as usize]
                .iter()
                .any(|&b| b == b'\n' || b == b'\r')
            && bytes[range.end as usize..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':')
    }

    /// Whether a line break separates the last consumed token and the current one.
    fn token_on_new_line(&self) -> bool {
        let between = &self.text().as_bytes()[self.prev_end as usize..self.lexer.token.range.start as usize];
        between.iter().any(|&b| b == b'\n' || b == b'\r')
    }

    fn key(&mut self, comma: Option<TextRange>) -> State {
        let range = self.lexer.token.range;
        let key = match &mut self.lexer.token.kind {
            TokenKind::String(text) => Key {
                text: std::mem::take(text),
                range,
            },
            TokenKind::Word => {
                let word = CompactString::new(&self.text()[range.as_usize()]);
                self.error(
                    format!(
                        "object keys must be strings in double quotes: write `\"{}\"`",
                        excerpt(&word)
                    ),
                    range,
                );
                Key { text: word, range }
            }
            TokenKind::RBrace => {
                if let Some(comma) = comma {
                    self.lexer
                        .error("trailing comma is not allowed in JSON; remove it", comma);
                }
                self.bump();
                return self.close(range.end);
            }
            TokenKind::Eof => return self.unexpected_eof("expected `}`"),
            TokenKind::Comma => {
                self.error("unexpected `,`: expected a key in double quotes", range);
                self.bump();
                return State::Key { comma: None };
            }
            _ => {
                let message = format!(
                    "expected a key in double quotes or `}}`, found {}",
                    self.describe_token()
                );
                self.error(message, range);
                return self.resync();
            }
        };
        self.bump();
        let unterminated_key = self.lexer.unterminated_string_end == Some(range.end);
        if let Some(Frame::Object { key: slot, .. }) = self.stack.last_mut() {
            *slot = Some(key);
        }
        match self.lexer.token.kind {
            TokenKind::Colon => {
                self.lexer.errors.back_in_step();
                self.bump();
                return State::Value;
            }
            TokenKind::Eof => return self.unexpected_eof("expected `:` and a value"),
            _ => {}
        }
        let value_follows = self.lexer.token.kind.starts_value() && !self.token_on_new_line();
        if !unterminated_key {
            let at = TextRange::empty(range.end);
            if value_follows {
                // Only the colon is missing: the parser is still in step.
                self.lexer.error("expected `:` after object key", at);
            } else {
                self.error("expected `:` after object key", at);
            }
        }
        if value_follows {
            return State::Value;
        }
        self.attach(Node {
            value: Value::Error,
            range: TextRange::empty(range.end),
        })
    }

    fn after_item(&mut self) -> State {
        let Some(frame) = self.stack.last() else {
            return self.attach(Node {
                value: Value::Error,
                range: TextRange::empty(self.prev_end),
            });
        };
        if self.lexer.token.kind == frame.closer() {
            self.lexer.errors.back_in_step();
            let end = self.lexer.token.range.end;
            self.bump();
            return self.close(end);
        }
        let is_object = matches!(frame, Frame::Object { .. });
        let expected = frame.expected_after_item();
        let range = self.lexer.token.range;
        match self.lexer.token.kind {
            TokenKind::Comma => {
                self.lexer.errors.back_in_step();
                self.bump();
                if is_object {
                    return State::Key { comma: Some(range) };
                }
                if self.lexer.token.kind == TokenKind::RBracket {
                    self.lexer
                        .error("trailing comma is not allowed in JSON; remove it", range);
                    let end = self.lexer.token.range.end;
                    self.bump();
                    return self.close(end);
                }
                State::Value
            }
            TokenKind::Eof => self.unexpected_eof(if is_object { "expected `}`" } else { "expected `]`" }),
            TokenKind::RBrace | TokenKind::RBracket => {
                let message = format!("{expected}, found {}", self.describe_token());
                self.error(message, range);
                if !self.close_inner_containers() {
                    // Closes nothing that is open: a stray bracket.
                    self.bump();
                }
                State::AfterItem
            }
            _ if self.lexer.token.kind.starts_value() => {
                // A missing comma. Not reported when the previous value already had an error,
                // or was a string that ran to the end of its line (the comma is likely inside it).
                let unterminated_before = self.lexer.unterminated_string_end == Some(self.prev_end);
                let next_item_starts = !is_object || matches!(self.lexer.token.kind, TokenKind::String(_));
                if !self.last_item_is_error() && !unterminated_before {
                    let at = TextRange::empty(self.prev_end);
                    if next_item_starts {
                        // The next item follows as it should: the parser is still in step.
                        self.lexer.error(expected, at);
                    } else {
                        self.error(expected, at);
                    }
                }
                if !is_object {
                    State::Value
                } else if matches!(self.lexer.token.kind, TokenKind::String(_) | TokenKind::Word) {
                    State::Key { comma: None }
                } else {
                    self.resync()
                }
            }
            _ => {
                let message = format!("{expected}, found {}", self.describe_token());
                self.error(message, range);
                self.resync()
            }
        }
    }

    /// Whether the last value added to the innermost container is an error node.
    fn last_item_is_error(&self) -> bool {
        let last = match self.stack.last() {
            Some(Frame::Array { first, .. }) => self.items[*first..].last(),
            Some(Frame::Object { first, .. }) => self.members[*first..].last().map(|m| &m.value),
            None => None,
        };
        last.is_some_and(|node| node.value == Value::Error)
    }

    /// If the current token (a closing bracket) closes an enclosing container, closes the
    /// containers inside that one (quietly) and returns true; the token is left for it.
    fn close_inner_containers(&mut self) -> bool {
        let Some(index) = self
            .stack
            .iter()
            .rposition(|frame| frame.closer() == self.lexer.token.kind)
        else {
            return false;
        };
        while self.stack.len() > index + 1 {
            let _ = self.close(self.prev_end);
        }
        true
    }

    /// After an error: skips tokens until a `,`, a closing bracket of an open container, or a
    /// line that starts with `"key":` inside an object, then continues from there.
    fn resync(&mut self) -> State {
        loop {
            match self.lexer.token.kind {
                TokenKind::Eof => return self.close_all(self.text().len() as u32),
                TokenKind::Comma => return State::AfterItem,
                TokenKind::RBrace | TokenKind::RBracket => {
                    if self.close_inner_containers() {
                        return State::AfterItem;
                    }
                    self.bump();
                }
                TokenKind::LBrace | TokenKind::LBracket => {
                    let _ = self.lexer.skip_nested();
                    self.prev_end = self.lexer.pos as u32;
                    self.lexer.advance();
                }
                TokenKind::String(_)
                    if matches!(self.stack.last(), Some(Frame::Object { .. })) && self.key_on_next_line() =>
                {
                    return State::Key { comma: None };
                }
                _ => self.bump(),
            }
        }
    }
}
