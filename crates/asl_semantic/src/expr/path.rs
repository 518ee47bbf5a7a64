//! The JSONPath dialect of ASL `Path` fields (Jayway-like, as AWS accepts it).
//!
//! Accepted: `$` (input), `$$` (context object), `$name` (variable), `.member` (any
//! characters but `.`, `[`, `(` and white space; `\` escapes the next character, so
//! `$.store\.book` names the member `store.book`), `['quoted']`/`["quoted"]`, `*`,
//! `[0]`, `[-1]`, slices `[1:3]`/`[::2]`, unions `[0,1]`/`['a','b']`, filters
//! `[?(…)]` (also the RFC 9535 form `[?…]`), `..` recursive descent, Jayway scripts
//! `[(…)]` and function calls such as `.length()`. White space around the whole path
//! and inside brackets is ignored, as Jayway trims it.
//!
//! A filter whose body we cannot understand is kept as [`SegmentKind::Filter`] with no
//! expression rather than reported: only clearly broken input (unbalanced brackets or
//! quotes, a dangling `.`) is an error.

use std::ops::Range;

use asl_syntax::CompactString;

use super::scan::{Cursor, char_at, matching_close, resolve_escapes};
use super::{CompactRange, ExprError, ExprErrorKind, ValueType};

/// A syntax error in a path.
pub type PathError = ExprError;

/// A parsed path. All ranges are byte offsets into the string given to the parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub root: Root,
    pub segments: Vec<Segment>,
    /// The whole path, without surrounding white space.
    pub range: Range<usize>,
}

/// What a path starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// `$`: the state input (or the current value in a payload template).
    Input,
    /// `$$`: the context object.
    Context,
    /// `$name`: a workflow variable.
    Variable { name: String, range: Range<usize> },
}

/// One step of a path. A path may hold a step per two bytes of its text, so a step is kept
/// small: 32 bytes, the rarer kinds boxed, the range as two `u32`.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub kind: SegmentKind,
    span: CompactRange,
}

impl Segment {
    fn new(kind: SegmentKind, range: Range<usize>) -> Self {
        Self {
            kind,
            span: CompactRange::new(range),
        }
    }

    /// Where the step is, in bytes of the parsed string.
    pub fn range(&self) -> Range<usize> {
        self.span.get()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SegmentKind {
    /// `.name`, `['name']` or `["name"]`; a name of up to 24 bytes is kept inline.
    Member(CompactString),
    /// `.*` or `[*]`.
    Wildcard,
    /// `[3]` or `[-1]`.
    Index(i64),
    /// `[start:end:step]`, any part optional.
    Slice(Box<Slice>),
    /// `[0,1]`, `['a','b']`.
    Union(Box<[Selector]>),
    /// `[?(…)]`; `None` when the body was accepted without being understood.
    Filter(Option<Box<FilterExpr>>),
    /// Jayway script expression `[(…)]`, kept as its source text.
    Script(Box<str>),
    /// `..`: the following segment applies at any depth.
    Descendant,
    /// `.length()` and other Jayway functions.
    Function(Box<PathFunction>),
}

/// A Jayway function call ending a path: `.length()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathFunction {
    pub name: String,
    /// The text between the parentheses.
    pub args: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub step: Option<i64>,
}

/// One member of a union `[…, …]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Name(String),
    Wildcard,
    Index(i64),
    Slice(Slice),
}

/// A filter expression `?(…)`.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterExpr {
    /// `a || b || …`: two or more operands.
    Or(Vec<FilterExpr>),
    /// `a && b && …`: two or more operands.
    And(Vec<FilterExpr>),
    Not(Box<FilterExpr>),
    /// `left op right`, `op` being one of [`FILTER_OPERATORS`].
    Compare {
        left: Operand,
        op: &'static str,
        right: Operand,
    },
    /// An operand on its own, e.g. `@.isbn` (existence test).
    Test(Operand),
}

/// A value in a filter expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// `@…`: relative to the element being filtered.
    Current(Vec<Segment>),
    /// `$…`, `$$…` or `$name…`.
    Path(Path),
    String(String),
    Number(f64),
    Bool(bool),
    Null,
    /// `/pattern/flags`, kept as written.
    Regex(String),
    /// A JSON array or object literal (for `in`, `subsetof`, …), kept as written.
    Json(String),
}

/// Comparison operators of Jayway filters, longest symbols first.
pub const FILTER_OPERATORS: &[&str] = &[
    "==", "!=", "<=", ">=", "=~", "<", ">", "nin", "in", "subsetof", "anyof", "noneof", "size", "empty", "contains",
];

/// Jayway functions that may end a path (`$.items.length()`).
pub const PATH_FUNCTIONS: &[&str] = &[
    "min", "max", "avg", "stddev", "length", "sum", "keys", "concat", "append", "first", "last", "index",
];

/// Parses a whole string as a path.
pub fn parse_path(s: &str) -> Result<Path, PathError> {
    parse_path_in(s, 0..s.len(), 0)
}

/// Parses `src[span]` as a path; ranges stay relative to `src`. `depth` is the nesting the
/// path sits in (inside an intrinsic call, say), counted against [`super::MAX_NESTING_DEPTH`].
pub(crate) fn parse_path_in(src: &str, span: Range<usize>, depth: usize) -> Result<Path, PathError> {
    let text = src.get(span.clone()).unwrap_or_default();
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    if start >= end {
        return Err(ExprError::new("empty path: a path starts with `$`", start..start));
    }
    let mut parser = Parser::new(src, start..end);
    parser.depth = depth;
    let path = parser.path(false)?;
    match parser.peek() {
        None => Ok(path),
        Some(c) => Err(parser.unexpected(c)),
    }
}

impl Path {
    /// True for the Reference Path subset: only member and index segments, so the
    /// path identifies at most one node.
    pub fn is_reference_path(&self) -> bool {
        self.segments
            .iter()
            .all(|s| matches!(s.kind, SegmentKind::Member(_) | SegmentKind::Index(_)))
    }

    /// For a `$$` path, the range of the first member that is not a known context
    /// object field (see [`CONTEXT_OBJECT_FIELDS`]); `None` when all are known or the
    /// path is not a context path.
    pub fn unknown_context_field(&self) -> Option<Range<usize>> {
        if self.root != Root::Context {
            return None;
        }
        let members = self.segments.iter().map_while(|s| match &s.kind {
            SegmentKind::Member(name) => Some((name.as_str(), s.range())),
            _ => None,
        });
        unknown_context_member(members)
    }
}

/// The documented fields of the context object, with their types. Fields of type
/// object or any (`Execution.Input`, `Map.Item.Value`) may be followed by any member.
pub const CONTEXT_OBJECT_FIELDS: &[(&str, ValueType)] = &[
    ("Execution.Id", ValueType::String),
    ("Execution.Input", ValueType::Object),
    ("Execution.Name", ValueType::String),
    ("Execution.RoleArn", ValueType::String),
    ("Execution.StartTime", ValueType::String),
    ("Execution.RedriveCount", ValueType::Number),
    ("Execution.RedriveTime", ValueType::String),
    ("State.EnteredTime", ValueType::String),
    ("State.Name", ValueType::String),
    ("State.RetryCount", ValueType::Number),
    ("StateMachine.Id", ValueType::String),
    ("StateMachine.Name", ValueType::String),
    ("Task.Token", ValueType::String),
    ("Map.Item.Index", ValueType::Number),
    ("Map.Item.Value", ValueType::Any),
    ("Map.Item.Key", ValueType::String),
    ("Map.Item.Source", ValueType::String),
];

/// Checks a chain of member names read from the context object (the members after
/// `$$`, or after `$states.context` in JSONata) and returns the range of the first
/// one that is not a known field. An empty chain is fine.
pub fn unknown_context_member<'a>(members: impl IntoIterator<Item = (&'a str, Range<usize>)>) -> Option<Range<usize>> {
    let mut prefix = String::new();
    for (name, range) in members {
        let parent_is_open = CONTEXT_OBJECT_FIELDS
            .iter()
            .any(|(field, ty)| *field == prefix && matches!(ty, ValueType::Object | ValueType::Any));
        if parent_is_open {
            return None;
        }
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(name);
        let known = CONTEXT_OBJECT_FIELDS.iter().any(|(field, _)| {
            field
                .strip_prefix(prefix.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        });
        if !known {
            return Some(range);
        }
    }
    None
}

/// The path grammar is written as methods of the shared cursor.
type Parser<'a> = Cursor<'a>;

impl Parser<'_> {
    fn unexpected(&self, c: char) -> ExprError {
        let at = self.pos..self.pos + c.len_utf8();
        if c.is_whitespace() {
            ExprError::new(
                "unexpected white space in a path: use bracket notation ['a b'] for names with spaces",
                at,
            )
        } else {
            ExprError::new(format!("unexpected `{c}` in a path"), at)
        }
    }

    /// A path from its `$` to the last segment. Inside filters, member names also
    /// stop at operator characters.
    fn path(&mut self, in_filter: bool) -> Result<Path, ExprError> {
        let start = self.pos;
        if !self.eat('$') {
            return Err(self.error_here("a path must start with `$`"));
        }
        let root = if self.eat('$') {
            Root::Context
        } else if self.peek().is_some_and(is_variable_char) {
            let name_start = self.pos;
            while self.peek().is_some_and(is_variable_char) {
                self.bump();
            }
            Root::Variable {
                name: self.src[name_start..self.pos].to_owned(),
                range: name_start..self.pos,
            }
        } else {
            Root::Input
        };
        let segments = self.segments(in_filter)?;
        Ok(Path {
            root,
            segments,
            range: start..self.pos,
        })
    }

    fn segments(&mut self, in_filter: bool) -> Result<Vec<Segment>, ExprError> {
        let mut segments = Vec::new();
        loop {
            // White space may separate segments (`$ .a`, `$['a'] ['b']`).
            let before_ws = self.pos;
            self.skip_ws();
            if !matches!(self.peek(), Some('.' | '[')) {
                self.pos = before_ws;
            }
            let start = self.pos;
            match self.peek() {
                Some('.') if self.peek_at(1) == Some('.') => {
                    self.pos += 2;
                    segments.push(Segment::new(SegmentKind::Descendant, start..self.pos));
                    match self.peek() {
                        Some('[') => {}
                        None => {
                            return Err(ExprError::new("a path must not end with `..`", start..self.pos));
                        }
                        Some(_) => segments.push(self.dot_segment(self.pos, in_filter)?),
                    }
                }
                Some('.') => {
                    self.bump();
                    match self.peek() {
                        // Jayway accepts `$.a.['b']`.
                        Some('[') => {}
                        None => {
                            return Err(ExprError::new(
                                "a path must not end with `.`: add a member name or remove the dot",
                                start..self.pos,
                            ));
                        }
                        Some(_) => segments.push(self.dot_segment(start, in_filter)?),
                    }
                }
                Some('[') => segments.push(self.bracket()?),
                _ => return Ok(segments),
            }
        }
    }

    /// After a `.`: `*`, a member name, or a function call `name(…)`.
    fn dot_segment(&mut self, start: usize, in_filter: bool) -> Result<Segment, ExprError> {
        if self.eat('*') {
            return Ok(Segment::new(SegmentKind::Wildcard, start..self.pos));
        }
        let name_start = self.pos;
        let (name_end, escaped) = member_name_end(self.src, name_start, self.end, in_filter);
        self.pos = name_end;
        let raw = &self.src[name_start..self.pos];
        let name = if escaped {
            CompactString::from(resolve_escapes(raw, true))
        } else {
            CompactString::new(raw)
        };
        if name.is_empty() {
            return Err(match self.peek() {
                Some(c) if !c.is_whitespace() => self.unexpected(c),
                _ => self.error_here("expected a member name after `.`"),
            });
        }
        if self.peek() == Some('(') {
            let close = matching_close(self.src, self.pos, self.end)?;
            let args = self.src[self.pos + 1..close].to_owned();
            self.pos = close + 1;
            return Ok(Segment::new(
                SegmentKind::Function(Box::new(PathFunction {
                    name: name.into(),
                    args,
                })),
                start..self.pos,
            ));
        }
        Ok(Segment::new(SegmentKind::Member(name), start..self.pos))
    }

    fn bracket(&mut self) -> Result<Segment, ExprError> {
        let start = self.pos;
        self.bump();
        self.skip_ws();
        let kind = match self.peek() {
            Some('?') => {
                let close = matching_close(self.src, start, self.end)?;
                let body = self.pos + 1..close;
                let blank = |c: char| c.is_whitespace() || matches!(c, '(' | ')');
                if self.src[body.clone()].chars().all(blank) {
                    return Err(ExprError::new("empty filter expression", start..close + 1));
                }
                let filter = self.filter_in(body)?;
                self.pos = close + 1;
                SegmentKind::Filter(filter.map(Box::new))
            }
            Some('(') => {
                let close = matching_close(self.src, start, self.end)?;
                let script = self.src[self.pos..close].trim().into();
                self.pos = close + 1;
                SegmentKind::Script(script)
            }
            Some('\'' | '"' | '0'..='9' | '-' | ':' | '*') => {
                let mut selectors = vec![self.selector()?];
                self.skip_ws();
                while self.eat(',') {
                    self.skip_ws();
                    selectors.push(self.selector()?);
                    self.skip_ws();
                }
                self.close_bracket(start)?;
                match (selectors.pop(), selectors.is_empty()) {
                    (Some(Selector::Name(name)), true) => SegmentKind::Member(name.into()),
                    (Some(Selector::Wildcard), true) => SegmentKind::Wildcard,
                    (Some(Selector::Index(index)), true) => SegmentKind::Index(index),
                    (Some(Selector::Slice(slice)), true) => SegmentKind::Slice(Box::new(slice)),
                    (last, _) => {
                        selectors.extend(last);
                        SegmentKind::Union(selectors.into())
                    }
                }
            }
            None => {
                return Err(ExprError::new(
                    "`[` is never closed: add a matching `]`",
                    start..start + 1,
                ));
            }
            Some(_) => {
                return Err(
                    self.error_here("expected an index, a 'quoted name', `*`, a slice or a filter `?(…)` inside `[…]`")
                );
            }
        };
        Ok(Segment::new(kind, start..self.pos))
    }

    fn close_bracket(&mut self, open: usize) -> Result<(), ExprError> {
        self.skip_ws();
        match self.peek() {
            Some(']') => {
                self.bump();
                Ok(())
            }
            None => Err(ExprError::new(
                "`[` is never closed: add a matching `]`",
                open..open + 1,
            )),
            Some(_) => Err(self.error_here("expected `]` or `,`")),
        }
    }

    /// One entry of a bracket: a quoted name, an index or a slice.
    fn selector(&mut self) -> Result<Selector, ExprError> {
        if self.eat('*') {
            return Ok(Selector::Wildcard);
        }
        if let Some(quote @ ('\'' | '"')) = self.peek() {
            return self.quoted(quote).map(Selector::Name);
        }
        let start = self.integer()?;
        if self.peek() != Some(':') {
            return start
                .map(Selector::Index)
                .ok_or_else(|| self.error_here("expected an index, a 'quoted name' or a slice"));
        }
        self.bump();
        let end = self.integer()?;
        let step = if self.eat(':') { self.integer()? } else { None };
        Ok(Selector::Slice(Slice { start, end, step }))
    }

    fn integer(&mut self) -> Result<Option<i64>, ExprError> {
        self.skip_ws();
        let start = self.pos;
        self.eat('-');
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
        }
        let text = &self.src[start..self.pos];
        let value = match text {
            "" => None,
            "-" => return Err(ExprError::new("expected digits after `-`", start..self.pos)),
            _ => Some(
                text.parse::<i64>()
                    .map_err(|_| ExprError::new("index is out of range", start..self.pos))?,
            ),
        };
        self.skip_ws();
        Ok(value)
    }

    /// After reading `c`: if it is a `\\` with a character after it, consumes that character
    /// and says so.
    fn skip_escaped(&mut self, c: char) -> bool {
        let escapes = c == '\\' && self.peek().is_some();
        if escapes {
            self.bump();
        }
        escapes
    }

    /// A quoted string; `\` escapes the next character.
    fn quoted(&mut self, quote: char) -> Result<String, ExprError> {
        let start = self.pos;
        self.bump();
        let mut escaped = false;
        while let Some(c) = self.peek() {
            let end = self.pos;
            self.bump();
            if c == quote {
                return Ok(resolve_escapes(&self.src[start + 1..end], escaped));
            }
            escaped |= self.skip_escaped(c);
        }
        Err(ExprError::new(
            format!("unterminated string: add the closing {quote}"),
            start..self.pos,
        ))
    }
}

fn is_variable_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where a member name that starts at `start` ends (at the latest `end`), and whether it has
/// escapes: `\` takes the character after it into the name. ASCII bytes are told by a table,
/// as names are most of a path's text and mostly ASCII.
fn member_name_end(src: &str, start: usize, end: usize, in_filter: bool) -> (usize, bool) {
    let bytes = src.as_bytes();
    let stops = if in_filter {
        ENDS_NAME | ENDS_NAME_IN_FILTER
    } else {
        ENDS_NAME
    };
    let mut at = start;
    let mut escaped = false;
    while at < end {
        let byte = bytes[at];
        if byte.is_ascii() {
            if NAME_END[usize::from(byte)] & stops != 0 {
                break;
            }
            at += 1;
            if byte == b'\\'
                && let Some(next) = char_at(src, at).filter(|_| at < end)
            {
                at += next.len_utf8();
                escaped = true;
            }
        } else {
            match char_at(src, at) {
                Some(c) if !c.is_whitespace() => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    (at, escaped)
}

/// [`NAME_END`] bits: the byte ends a member name anywhere, or inside a filter.
const ENDS_NAME: u8 = 1;
const ENDS_NAME_IN_FILTER: u8 = 2;

/// For each ASCII byte, whether it ends a member name: `.`, `[`, `(` and white space anywhere;
/// inside a filter also the filter's operators and closing brackets.
static NAME_END: [u8; 128] = {
    let mut table = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        if (byte as u8 as char).is_whitespace() || matches!(byte as u8, b'.' | b'[' | b'(') {
            table[byte] = ENDS_NAME;
        } else if matches!(
            byte as u8,
            b')' | b']' | b',' | b'=' | b'!' | b'<' | b'>' | b'&' | b'|' | b'~'
        ) {
            table[byte] = ENDS_NAME_IN_FILTER;
        }
        byte += 1;
    }
    table
};

/// Why a filter body yields no expression.
enum Unread {
    /// Not a form we understand: the filter is kept without an expression.
    NotUnderstood,
    /// Nested deeper than [`super::MAX_NESTING_DEPTH`]: the whole path fails.
    TooDeep(ExprError),
}

impl From<ExprError> for Unread {
    fn from(error: ExprError) -> Self {
        match error.kind {
            ExprErrorKind::TooDeep => Unread::TooDeep(error),
            ExprErrorKind::Syntax => Unread::NotUnderstood,
        }
    }
}

type Filter<T> = Result<T, Unread>;

fn understood<T>(value: Option<T>) -> Filter<T> {
    value.ok_or(Unread::NotUnderstood)
}

impl Parser<'_> {
    /// Parses a filter body (after `?`), nested in this path; `None` when it is not understood.
    fn filter_in(&mut self, body: Range<usize>) -> Result<Option<FilterExpr>, ExprError> {
        let (end, depth) = (self.end, self.depth);
        self.pos = body.start;
        self.end = body.end;
        let expr = self.filter_or().and_then(|expr| {
            self.skip_ws();
            understood(self.peek().is_none().then_some(expr))
        });
        (self.end, self.depth) = (end, depth);
        match expr {
            Ok(expr) => Ok(Some(expr)),
            Err(Unread::NotUnderstood) => Ok(None),
            Err(Unread::TooDeep(error)) => Err(error),
        }
    }

    fn eat_str(&mut self, token: &str) -> bool {
        self.skip_ws();
        let found = self.rest().starts_with(token);
        if found {
            self.pos += token.len();
        }
        found
    }

    fn filter_or(&mut self) -> Filter<FilterExpr> {
        let first = self.filter_and()?;
        if !self.eat_str("||") {
            return Ok(first);
        }
        let mut operands = vec![first, self.filter_and()?];
        while self.eat_str("||") {
            operands.push(self.filter_and()?);
        }
        Ok(FilterExpr::Or(operands))
    }

    fn filter_and(&mut self) -> Filter<FilterExpr> {
        let first = self.filter_unary()?;
        if !self.eat_str("&&") {
            return Ok(first);
        }
        let mut operands = vec![first, self.filter_unary()?];
        while self.eat_str("&&") {
            operands.push(self.filter_unary()?);
        }
        Ok(FilterExpr::And(operands))
    }

    /// Every level of filter nesting (`!`, parentheses, a path with a filter) passes here.
    fn filter_unary(&mut self) -> Filter<FilterExpr> {
        self.skip_ws();
        self.enter()?;
        let unary = self.filter_unary_body();
        self.leave();
        unary
    }

    fn filter_unary_body(&mut self) -> Filter<FilterExpr> {
        if self.peek() == Some('!') && self.peek_at(1) != Some('=') {
            self.bump();
            return Ok(FilterExpr::Not(Box::new(self.filter_unary()?)));
        }
        if self.eat('(') {
            let inner = self.filter_or()?;
            return understood(self.eat_str(")").then_some(inner));
        }
        let left = self.operand()?;
        match self.filter_operator() {
            Some(op) => Ok(FilterExpr::Compare {
                left,
                op,
                right: self.operand()?,
            }),
            None => Ok(FilterExpr::Test(left)),
        }
    }

    fn filter_operator(&mut self) -> Option<&'static str> {
        self.skip_ws();
        let rest = self.rest();
        let op = FILTER_OPERATORS.iter().copied().find(|op| {
            rest.starts_with(op)
                && (!op.starts_with(char::is_alphabetic)
                    || !rest[op.len()..].starts_with(|c: char| c.is_alphanumeric()))
        })?;
        self.pos += op.len();
        Some(op)
    }

    fn operand(&mut self) -> Filter<Operand> {
        self.skip_ws();
        let start = self.pos;
        let operand = match understood(self.peek())? {
            '@' => {
                self.bump();
                Operand::Current(self.segments(true)?)
            }
            '$' => Operand::Path(self.path(true)?),
            quote @ ('\'' | '"') => Operand::String(self.quoted(quote)?),
            '/' => {
                self.bump();
                while let Some(c) = self.peek() {
                    self.bump();
                    match c {
                        '\\' => self.bump(),
                        '/' => break,
                        _ => {}
                    }
                }
                while self.peek().is_some_and(char::is_alphabetic) {
                    self.bump();
                }
                Operand::Regex(self.src[start..self.pos].to_owned())
            }
            '[' | '{' => {
                let close = matching_close(self.src, start, self.end)?;
                self.pos = close + 1;
                Operand::Json(self.src[start..self.pos].to_owned())
            }
            '-' | '0'..='9' => {
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
                {
                    self.bump();
                }
                Operand::Number(understood(self.src[start..self.pos].parse().ok())?)
            }
            _ => {
                while self.peek().is_some_and(char::is_alphabetic) {
                    self.bump();
                }
                match &self.src[start..self.pos] {
                    "true" => Operand::Bool(true),
                    "false" => Operand::Bool(false),
                    "null" => Operand::Null,
                    _ => return Err(Unread::NotUnderstood),
                }
            }
        };
        Ok(operand)
    }
}
