//! An error-tolerant, iterative JSON parser (RFC 8259) that keeps byte spans.
//!
//! Nesting is tracked on an explicit stack, so deep input cannot overflow the call stack. After
//! an error the parser resynchronises on `,`, a closing bracket, or a line that starts a new
//! key, so one mistake gives one error and the rest of the document is still read.

use crate::lexer::{Lexer, Token, TokenKind};
use crate::{Key, Member, Node, Parse, TextRange, Value};

/// Deepest nesting of arrays and objects that is parsed; deeper input is an error.
pub const MAX_DEPTH: usize = 512;

/// Parses JSON text. Never fails: see [`Parse`].
pub fn parse(text: &str) -> Parse {
    let mut parser = Parser {
        lexer: Lexer::new(text),
        lookahead: [None, None],
        prev_end: 0,
    };
    let root = parser.root();
    Parse {
        root,
        errors: parser.lexer.errors,
    }
}

enum Frame {
    Array {
        start: u32,
        items: Vec<Node>,
    },
    Object {
        start: u32,
        members: Vec<Member>,
        key: Option<Key>,
    },
}

impl Frame {
    fn closer(&self) -> TokenKind {
        match self {
            Frame::Array { .. } => TokenKind::RBracket,
            Frame::Object { .. } => TokenKind::RBrace,
        }
    }

    fn into_node(self, end: u32) -> Node {
        match self {
            Frame::Array { start, items } => Node {
                value: Value::Array(items),
                range: TextRange::new(start, end),
            },
            Frame::Object {
                start,
                mut members,
                key,
            } => {
                // A key whose value never came (end of input) still shows up, with an error value.
                if let Some(key) = key {
                    members.push(Member {
                        key,
                        value: Node {
                            value: Value::Error,
                            range: TextRange::empty(end),
                        },
                    });
                }
                Node {
                    value: Value::Object(members),
                    range: TextRange::new(start, end),
                }
            }
        }
    }

    /// Whether the last value added here is an error node (its error is already reported).
    fn last_is_error(&self) -> bool {
        let last = match self {
            Frame::Array { items, .. } => items.last(),
            Frame::Object { members, .. } => members.last().map(|m| &m.value),
        };
        last.is_some_and(|node| matches!(node.value, Value::Error))
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
    Key {
        comma: Option<TextRange>,
    },
    /// A value was just added to the innermost container: `,` or its closer is expected.
    AfterItem,
    Done(Node),
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// Up to two tokens read ahead.
    lookahead: [Option<Token>; 2],
    /// End of the last token taken.
    prev_end: u32,
}

impl Parser<'_> {
    fn root(&mut self) -> Node {
        let mut stack = Vec::new();
        let mut state = State::Value;
        let root = loop {
            state = match state {
                State::Value => self.value(&mut stack),
                State::Key { comma } => self.key(&mut stack, comma),
                State::AfterItem => self.after_item(&mut stack),
                State::Done(node) => break node,
            };
        };
        let rest = self.next();
        // After an invalid root, whatever follows is part of the same mistake.
        if rest.kind != TokenKind::Eof && root.value != Value::Error {
            let message = format!("unexpected {} after the end of the JSON document", self.describe(&rest));
            self.lexer.error(message, rest.range);
        }
        root
    }

    fn peek(&mut self) -> &Token {
        let lexer = &mut self.lexer;
        self.lookahead[0].get_or_insert_with(|| lexer.next_token())
    }

    fn peek_second(&mut self) -> &Token {
        self.peek();
        let lexer = &mut self.lexer;
        self.lookahead[1].get_or_insert_with(|| lexer.next_token())
    }

    fn next(&mut self) -> Token {
        let token = match self.lookahead[0].take() {
            Some(token) => {
                self.lookahead[0] = self.lookahead[1].take();
                token
            }
            None => self.lexer.next_token(),
        };
        self.prev_end = token.range.end;
        token
    }

    /// Puts back a token taken with `next` (only when nothing else is buffered behind it).
    fn unread(&mut self, token: Token) {
        self.lookahead[1] = self.lookahead[0].take();
        self.lookahead[0] = Some(token);
    }

    fn error(&mut self, message: impl Into<String>, range: TextRange) {
        self.lexer.error(message, range);
    }

    fn describe(&self, token: &Token) -> String {
        match &token.kind {
            TokenKind::Eof => "end of file".into(),
            TokenKind::String(_) => "a string".into(),
            TokenKind::Number(_) | TokenKind::Invalid => "a number".into(),
            _ => format!("`{}`", &self.lexer.text()[token.range.as_usize()]),
        }
    }

    /// Adds a finished value to the innermost container, or finishes the document.
    fn attach(stack: &mut [Frame], node: Node) -> State {
        match stack.last_mut() {
            None => State::Done(node),
            Some(Frame::Array { items, .. }) => {
                items.push(node);
                State::AfterItem
            }
            Some(Frame::Object { members, key, .. }) => {
                if let Some(key) = key.take() {
                    members.push(Member { key, value: node });
                }
                State::AfterItem
            }
        }
    }

    /// Closes the innermost container at `end` and adds it to its parent.
    fn close(stack: &mut Vec<Frame>, end: u32) -> State {
        match stack.pop() {
            Some(frame) => Self::attach(stack, frame.into_node(end)),
            None => State::Done(Node {
                value: Value::Error,
                range: TextRange::empty(end),
            }),
        }
    }

    /// Closes every open container at `end`; returns the finished document.
    fn close_all(stack: &mut Vec<Frame>, end: u32) -> State {
        loop {
            if let State::Done(node) = Self::close(stack, end) {
                return State::Done(node);
            }
        }
    }

    /// Reports the end of input where more was expected, and closes everything.
    fn unexpected_eof(&mut self, stack: &mut Vec<Frame>, expected: &str) -> State {
        let end = self.lexer.text().len() as u32;
        self.error(format!("unexpected end of file: {expected}"), TextRange::empty(end));
        Self::close_all(stack, end)
    }

    fn value(&mut self, stack: &mut Vec<Frame>) -> State {
        if matches!(stack.last(), Some(Frame::Object { .. })) && self.key_on_next_line() {
            // `"a":` followed by a line `"b": …`: the value of "a" is missing.
            let at = TextRange::empty(self.prev_end);
            self.error("expected a value after `:`", at);
            return Self::attach(
                stack,
                Node {
                    value: Value::Error,
                    range: at,
                },
            );
        }
        let token = self.next();
        let range = token.range;
        let value = match token.kind {
            TokenKind::LBrace | TokenKind::LBracket if stack.len() >= MAX_DEPTH => {
                return self.too_deep(stack, range);
            }
            TokenKind::LBrace => {
                stack.push(Frame::Object {
                    start: range.start,
                    members: Vec::new(),
                    key: None,
                });
                return State::Key { comma: None };
            }
            TokenKind::LBracket => {
                stack.push(Frame::Array {
                    start: range.start,
                    items: Vec::new(),
                });
                if self.peek().kind == TokenKind::RBracket {
                    let end = self.next().range.end;
                    return Self::close(stack, end);
                }
                return State::Value;
            }
            TokenKind::String(text) => Value::String(text),
            TokenKind::Number(number) => Value::Number(number),
            TokenKind::True => Value::Bool(true),
            TokenKind::False => Value::Bool(false),
            TokenKind::Null => Value::Null,
            TokenKind::Invalid => Value::Error,
            TokenKind::Word => {
                let word = &self.lexer.text()[range.as_usize()];
                let message = format!(
                    "unexpected `{word}`: expected a value (a string in double quotes, a number, an object, an array, `true`, `false` or `null`)"
                );
                self.error(message, range);
                Value::Error
            }
            TokenKind::Eof if stack.is_empty() => {
                self.error("expected a JSON value, found end of file", range);
                Value::Error
            }
            TokenKind::Eof => {
                return self.unexpected_eof(stack, "expected a value");
            }
            TokenKind::RBrace | TokenKind::RBracket | TokenKind::Comma | TokenKind::Colon => {
                let message = format!("expected a value, found {}", self.describe(&token));
                self.error(message, range);
                let at = TextRange::empty(range.start);
                if stack.is_empty() {
                    return State::Done(Node {
                        value: Value::Error,
                        range,
                    });
                }
                self.unread(token);
                return Self::attach(
                    stack,
                    Node {
                        value: Value::Error,
                        range: at,
                    },
                );
            }
        };
        Self::attach(stack, Node { value, range })
    }

    /// An array or object opened deeper than `MAX_DEPTH`: reported once and skipped.
    fn too_deep(&mut self, stack: &mut Vec<Frame>, open: TextRange) -> State {
        self.error(format!("nesting deeper than {MAX_DEPTH} levels is not supported"), open);
        // The lexer is right behind the bracket: `value` only reads ahead past strings.
        let closed = self.lexer.skip_nested();
        let end = self.lexer.pos as u32;
        self.prev_end = end;
        let node = Node {
            value: Value::Error,
            range: TextRange::new(open.start, end),
        };
        if !closed {
            // Input ended inside the deep value: that is the same mistake, not a new one.
            let _ = Self::attach(stack, node);
            return Self::close_all(stack, end);
        }
        Self::attach(stack, node)
    }

    /// Whether the next tokens are `"key":` at the start of a later line than the last token.
    fn key_on_next_line(&mut self) -> bool {
        let start = self.peek().range.start;
        matches!(self.peek().kind, TokenKind::String(_))
            && self.lexer.text().as_bytes()[self.prev_end as usize..start as usize].contains(&b'\n')
            && self.peek_second().kind == TokenKind::Colon
    }

    fn key(&mut self, stack: &mut Vec<Frame>, comma: Option<TextRange>) -> State {
        let token = self.next();
        let key = match token.kind {
            TokenKind::String(text) => Key {
                text,
                range: token.range,
            },
            TokenKind::Word => {
                let word = &self.lexer.text()[token.range.as_usize()];
                let message = format!("object keys must be strings in double quotes: write `\"{word}\"`");
                let key = Key {
                    text: word.to_owned(),
                    range: token.range,
                };
                self.error(message, token.range);
                key
            }
            TokenKind::RBrace => {
                if let Some(comma) = comma {
                    self.error("trailing comma is not allowed in JSON; remove it", comma);
                }
                return Self::close(stack, token.range.end);
            }
            TokenKind::Eof => return self.unexpected_eof(stack, "expected `}`"),
            TokenKind::Comma => {
                self.error("unexpected `,`: expected a key in double quotes", token.range);
                return State::Key { comma: None };
            }
            _ => {
                let message = format!(
                    "expected a key in double quotes or `}}`, found {}",
                    self.describe(&token)
                );
                self.error(message, token.range);
                self.unread(token);
                return self.resync(stack);
            }
        };
        let key_end = key.range.end;
        let unterminated_key = self.lexer.unterminated_string_end == Some(key_end);
        if let Some(Frame::Object { key: slot, .. }) = stack.last_mut() {
            *slot = Some(key);
        }
        let next = self.peek();
        let (starts_value, next_start) = (next.kind.starts_value(), next.range.start);
        match next.kind {
            TokenKind::Colon => {
                self.next();
                return State::Value;
            }
            TokenKind::Eof => return self.unexpected_eof(stack, "expected `:` and a value"),
            _ => {}
        }
        let value_on_same_line = starts_value && !self.on_new_line(next_start);
        if !unterminated_key {
            self.error("expected `:` after object key", TextRange::empty(key_end));
        }
        if value_on_same_line {
            return State::Value;
        }
        Self::attach(
            stack,
            Node {
                value: Value::Error,
                range: TextRange::empty(key_end),
            },
        )
    }

    /// Whether a line break separates the last token taken and `offset`.
    fn on_new_line(&self, offset: u32) -> bool {
        let between = &self.lexer.text().as_bytes()[self.prev_end as usize..offset as usize];
        between.iter().any(|&b| b == b'\n' || b == b'\r')
    }

    fn after_item(&mut self, stack: &mut Vec<Frame>) -> State {
        let Some(frame) = stack.last() else {
            return State::Done(Node {
                value: Value::Error,
                range: TextRange::empty(self.prev_end),
            });
        };
        let is_object = matches!(frame, Frame::Object { .. });
        let closer = frame.closer();
        let expected = frame.expected_after_item();
        let last_is_error = frame.last_is_error();
        let token = self.peek();
        let kind = token.kind.clone_shallow();
        let token_range = token.range;
        match kind {
            TokenKind::Comma => {
                let comma = self.next().range;
                if is_object {
                    return State::Key { comma: Some(comma) };
                }
                if self.peek().kind == TokenKind::RBracket {
                    self.error("trailing comma is not allowed in JSON; remove it", comma);
                    let end = self.next().range.end;
                    return Self::close(stack, end);
                }
                State::Value
            }
            _ if kind == closer => {
                self.next();
                Self::close(stack, token_range.end)
            }
            TokenKind::Eof => {
                let closer = if is_object { "expected `}`" } else { "expected `]`" };
                self.unexpected_eof(stack, closer)
            }
            TokenKind::RBrace | TokenKind::RBracket => {
                let message = format!("{expected}, found {}", self.describe_kind(&kind, token_range));
                self.error(message, token_range);
                if !self.close_up_to(stack, &kind) {
                    // Closes nothing that is open: a stray bracket.
                    self.next();
                }
                State::AfterItem
            }
            _ if kind.starts_value() => {
                // A missing comma. Not reported when the previous value already had an error,
                // or was a string that ran to the end of its line (the comma is likely inside it).
                let unterminated_before = self.lexer.unterminated_string_end == Some(self.prev_end);
                if !last_is_error && !unterminated_before {
                    self.error(expected, TextRange::empty(self.prev_end));
                }
                match kind {
                    _ if !is_object => State::Value,
                    TokenKind::String(_) | TokenKind::Word => State::Key { comma: None },
                    _ => self.resync(stack),
                }
            }
            _ => {
                let message = format!("{expected}, found {}", self.describe_kind(&kind, token_range));
                self.error(message, token_range);
                self.resync(stack)
            }
        }
    }

    fn describe_kind(&self, kind: &TokenKind, range: TextRange) -> String {
        self.describe(&Token {
            kind: kind.clone_shallow(),
            range,
        })
    }

    /// If `closer` closes an enclosing container, closes the containers inside it (quietly)
    /// and returns true; the closer itself is left for that container.
    fn close_up_to(&mut self, stack: &mut Vec<Frame>, closer: &TokenKind) -> bool {
        let Some(index) = stack.iter().rposition(|frame| frame.closer() == *closer) else {
            return false;
        };
        while stack.len() > index + 1 {
            let _ = Self::close(stack, self.prev_end);
        }
        true
    }

    /// After an error: skips tokens until a `,`, a closing bracket of an open container, or a
    /// line that starts with `"key":` inside an object, then continues from there.
    fn resync(&mut self, stack: &mut Vec<Frame>) -> State {
        loop {
            let kind = self.peek().kind.clone_shallow();
            match kind {
                TokenKind::Eof => return Self::close_all(stack, self.lexer.text().len() as u32),
                TokenKind::Comma => return State::AfterItem,
                TokenKind::RBrace | TokenKind::RBracket => {
                    if self.close_up_to(stack, &kind) {
                        return State::AfterItem;
                    }
                    self.next();
                }
                TokenKind::LBrace | TokenKind::LBracket => {
                    self.next();
                    let _ = self.lexer.skip_nested();
                    self.prev_end = self.lexer.pos as u32;
                }
                TokenKind::String(_)
                    if matches!(stack.last(), Some(Frame::Object { .. })) && self.key_on_next_line() =>
                {
                    return State::Key { comma: None };
                }
                _ => {
                    self.next();
                }
            }
        }
    }
}

impl TokenKind {
    /// A copy without the string payload, for matching while the token stays buffered.
    fn clone_shallow(&self) -> TokenKind {
        match self {
            TokenKind::String(_) => TokenKind::String(String::new()),
            TokenKind::LBrace => TokenKind::LBrace,
            TokenKind::RBrace => TokenKind::RBrace,
            TokenKind::LBracket => TokenKind::LBracket,
            TokenKind::RBracket => TokenKind::RBracket,
            TokenKind::Colon => TokenKind::Colon,
            TokenKind::Comma => TokenKind::Comma,
            TokenKind::Number(n) => TokenKind::Number(*n),
            TokenKind::True => TokenKind::True,
            TokenKind::False => TokenKind::False,
            TokenKind::Null => TokenKind::Null,
            TokenKind::Invalid => TokenKind::Invalid,
            TokenKind::Word => TokenKind::Word,
            TokenKind::Eof => TokenKind::Eof,
        }
    }
}
