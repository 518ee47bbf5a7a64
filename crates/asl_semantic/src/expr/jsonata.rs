//! JSONata expressions (the inside of `{% … %}` strings in JSONata states).
//!
//! A Pratt parser following the grammar of the reference implementation
//! (jsonata-js 2.x, with `?:` and `??`), including the static checks it runs after
//! parsing (lambda parameters, `:=` targets, `@`/`#` bindings, literal path steps,
//! predicates after group-by, `%` that has no parent). Function signatures `<…>` are
//! skipped, not validated.
//!
//! On top of the tree: [`references`] lists variable reads (local or not), `$states`
//! accesses and reads of the implicit input document; [`check_jsonata`] checks calls
//! of the built-in functions.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::scan::Cursor;
use super::{ExprDiagnostic, ExprError, ExprIssue, MAX_NESTING_DEPTH, MAX_TREE_DEPTH};
use crate::suggest::closest;

/// A node of a parsed JSONata expression; `range` covers its source text.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonataExpr {
    pub kind: ExprKind,
    pub range: Range<usize>,
    /// Levels of this tree: 1 for a leaf; at most [`MAX_TREE_DEPTH`] in a parsed expression.
    depth: usize,
}

impl JsonataExpr {
    /// Levels of this tree: 1 for a leaf.
    pub fn depth(&self) -> usize {
        self.depth
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    String(String),
    Number(f64),
    Bool(bool),
    Null,
    /// `/pattern/flags`, as written.
    Regex(String),
    /// A field name (`a` or `` `a b` ``).
    Name(String),
    /// `$name`; `$` is the empty name and `$$` the name `$`.
    Variable(String),
    /// `*`
    Wildcard,
    /// `**`
    Descendants,
    /// `%`
    Parent,
    /// `-x`
    Negate(Box<JsonataExpr>),
    /// Infix operators, including the path step `.`, `~>`, `:=`, `@`, `#`, `?:`, `??`
    /// and the range `..` inside array constructors.
    Binary {
        op: &'static str,
        lhs: Box<JsonataExpr>,
        rhs: Box<JsonataExpr>,
    },
    /// `lhs[predicate]`; no predicate for `lhs[]` (keep singleton arrays).
    Predicate {
        lhs: Box<JsonataExpr>,
        predicate: Option<Box<JsonataExpr>>,
    },
    /// `lhs{key: value, …}`
    Group {
        lhs: Box<JsonataExpr>,
        pairs: Vec<(JsonataExpr, JsonataExpr)>,
    },
    /// `lhs^(<a, >b)`; `true` marks a descending term.
    OrderBy {
        lhs: Box<JsonataExpr>,
        terms: Vec<(bool, JsonataExpr)>,
    },
    Array(Vec<JsonataExpr>),
    Object(Vec<(JsonataExpr, JsonataExpr)>),
    /// `(a; b; c)`
    Block(Vec<JsonataExpr>),
    /// `f(args)`; a `?` argument makes a partial application.
    Call {
        function: Box<JsonataExpr>,
        args: Vec<JsonataExpr>,
    },
    /// `?` as an argument.
    Placeholder,
    /// `function($a, $b) { body }` or `λ(…){…}`.
    Lambda {
        params: Vec<(String, Range<usize>)>,
        body: Box<JsonataExpr>,
    },
    /// `condition ? then : else`
    Condition {
        condition: Box<JsonataExpr>,
        then: Box<JsonataExpr>,
        otherwise: Option<Box<JsonataExpr>>,
    },
    /// `| pattern | update, delete |`
    Transform {
        pattern: Box<JsonataExpr>,
        update: Box<JsonataExpr>,
        delete: Option<Box<JsonataExpr>>,
    },
}

/// Returns the inner text of a JSONata expression string and its byte offset in `s`.
///
/// The string must start with `{%` and end with `%}` exactly, as the AWS language
/// server's pattern `^{%(.*)%}$` requires; with white space outside the delimiters
/// it is a plain string (AWS's own tolerance is unconfirmed). White space inside the
/// delimiters is part of the expression and is allowed.
pub fn jsonata_body(s: &str) -> Option<(usize, &str)> {
    let inner = s.strip_prefix("{%")?.strip_suffix("%}")?;
    Some((2, inner))
}

/// Parses a JSONata expression.
pub fn parse_jsonata(s: &str) -> Result<JsonataExpr, ExprError> {
    let mut parser = Parser {
        lexer: Lexer(Cursor::new(s, 0..s.len())),
        token: Token::end(0),
        nesting: 0,
    };
    parser.advance(true)?;
    if parser.token.kind == Tok::End {
        return Err(ExprError::new("empty JSONata expression", 0..s.len()));
    }
    let expr = parser.expression(0)?;
    if parser.token.kind != Tok::End {
        return Err(ExprError::new(
            format!("unexpected {} after the end of the expression", parser.token.describe()),
            parser.token.range.clone(),
        ));
    }
    validate(&expr, false)?;
    Ok(expr)
}

// ---------------------------------------------------------------------------
// Lexer

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Op(&'static str),
    Str(String),
    Num(f64),
    Bool(bool),
    Null,
    Regex,
    Name(String),
    Variable(String),
    End,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Tok,
    range: Range<usize>,
}

impl Token {
    fn end(at: usize) -> Self {
        Token {
            kind: Tok::End,
            range: at..at,
        }
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.kind, Tok::Op(o) if o == op)
    }

    fn describe(&self) -> String {
        match &self.kind {
            Tok::Op(op) => format!("`{op}`"),
            Tok::End => "end of expression".to_owned(),
            Tok::Name(name) => format!("name `{name}`"),
            Tok::Variable(name) => format!("variable `${name}`"),
            _ => "value".to_owned(),
        }
    }
}

/// Operators, longest first so that `..` wins over `.`.
const OPERATORS: &[&str] = &[
    "..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??", ".", "[", "]", "{", "}", "(", ")", ",", "@", "#", ";", ":",
    "?", "+", "-", "*", "/", "%", "|", "=", "<", ">", "^", "&", "!", "~",
];

/// Binding power of an operator in infix position (0: it does not continue an expression).
fn left_binding_power(token: &Token) -> u8 {
    let Tok::Op(op) = token.kind else { return 0 };
    match op {
        "[" | "(" | "@" | "#" => 80,
        "." => 75,
        "{" => 70,
        "*" | "/" | "%" => 60,
        "+" | "-" | "&" => 50,
        "=" | "<" | ">" | "!=" | "<=" | ">=" | "^" | "~>" | "in" | "?:" | "??" => 40,
        "and" => 30,
        "or" => 25,
        "?" => 20,
        ":=" => 10,
        _ => 0,
    }
}

/// The ASCII characters that are an operator on their own, from [`OPERATORS`].
const SINGLE_CHARACTER_OPERATORS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < OPERATORS.len() {
        if let [byte] = OPERATORS[i].as_bytes() {
            table[*byte as usize] = true;
        }
        i += 1;
    }
    table
};

// The lexer looks for an operator only at a character of SINGLE_CHARACTER_OPERATORS.
const _: () = {
    let mut i = 0;
    while i < OPERATORS.len() {
        assert!(SINGLE_CHARACTER_OPERATORS[OPERATORS[i].as_bytes()[0] as usize]);
        i += 1;
    }
};

/// Whether an operator may start with `c`: every operator starts with one that stands alone.
fn is_operator_start(c: char) -> bool {
    c.is_ascii() && SINGLE_CHARACTER_OPERATORS[c as usize]
}

/// The operator at the start of `rest`, whose first character is `first`.
fn operator_at(rest: &str, first: char) -> Option<&'static str> {
    if !is_operator_start(first) {
        return None;
    }
    OPERATORS
        .iter()
        .copied()
        .find(|op| op.starts_with(first) && rest.starts_with(op))
}

fn is_name_char(c: char) -> bool {
    !is_operator_start(c) && !c.is_whitespace()
}

struct Lexer<'a>(Cursor<'a>);

impl Lexer<'_> {
    /// The next token; `/` starts a regex when `regex_allowed` (operand position).
    fn next(&mut self, regex_allowed: bool) -> Result<Token, ExprError> {
        let c = &mut self.0;
        loop {
            c.skip_ws();
            if !c.rest().starts_with("/*") {
                break;
            }
            let start = c.pos;
            match c.rest().find("*/") {
                Some(end) => c.pos += end + 2,
                None => {
                    return Err(ExprError::new("comment is never closed: add `*/`", start..start + 2));
                }
            }
        }
        let start = c.pos;
        let Some(first) = c.peek() else {
            return Ok(Token::end(start));
        };
        let kind = if regex_allowed && first == '/' {
            self.regex()?
        } else if let Some(op) = operator_at(c.rest(), first) {
            c.pos += op.len();
            Tok::Op(op)
        } else if first == '"' || first == '\'' {
            Tok::Str(self.string(first)?)
        } else if first.is_ascii_digit() {
            self.number()?
        } else if first == '`' {
            c.bump();
            match c.rest().find('`') {
                Some(len) => {
                    let name = c.rest()[..len].to_owned();
                    c.pos += len + 1;
                    Tok::Name(name)
                }
                None => {
                    return Err(ExprError::new(
                        "quoted name is never closed: add a closing backtick",
                        start..c.end,
                    ));
                }
            }
        } else {
            let word = c.take_while(is_name_char);
            let word = &c.src[word];
            match word.strip_prefix('$') {
                Some(variable) => Tok::Variable(variable.to_owned()),
                None => match word {
                    "and" => Tok::Op("and"),
                    "or" => Tok::Op("or"),
                    "in" => Tok::Op("in"),
                    "true" => Tok::Bool(true),
                    "false" => Tok::Bool(false),
                    "null" => Tok::Null,
                    _ => Tok::Name(word.to_owned()),
                },
            }
        };
        Ok(Token {
            kind,
            range: start..self.0.pos,
        })
    }

    fn string(&mut self, quote: char) -> Result<String, ExprError> {
        let c = &mut self.0;
        let start = c.pos;
        c.bump();
        let mut value = String::new();
        loop {
            let Some(ch) = c.peek() else {
                return Err(ExprError::new(
                    format!("string is never closed: add the closing {quote}"),
                    start..c.pos,
                ));
            };
            let at = c.pos;
            c.bump();
            if ch == quote {
                return Ok(value);
            }
            if ch != '\\' {
                value.push(ch);
                continue;
            }
            let escaped = c.peek();
            c.bump();
            match escaped {
                Some('"') => value.push('"'),
                Some('\\') => value.push('\\'),
                Some('/') => value.push('/'),
                Some('b') => value.push('\u{8}'),
                Some('f') => value.push('\u{c}'),
                Some('n') => value.push('\n'),
                Some('r') => value.push('\r'),
                Some('t') => value.push('\t'),
                Some('u') => {
                    let hex = c.rest().get(..4).filter(|h| h.chars().all(|d| d.is_ascii_hexdigit()));
                    let Some(hex) = hex else {
                        return Err(ExprError::new(
                            "`\\u` must be followed by 4 hexadecimal digits",
                            at..c.pos,
                        ));
                    };
                    let code = u32::from_str_radix(hex, 16).unwrap_or_default();
                    value.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    c.pos += 4;
                }
                other => {
                    let shown = other.map(String::from).unwrap_or_default();
                    return Err(ExprError::new(
                        format!("unsupported escape sequence `\\{shown}` in a string"),
                        at..c.pos,
                    ));
                }
            }
        }
    }

    fn number(&mut self) -> Result<Tok, ExprError> {
        let c = &mut self.0;
        let start = c.pos;
        let digits = |c: &mut Cursor<'_>| c.take_while(|d| d.is_ascii_digit()).len();
        if !c.eat('0') {
            digits(c);
        }
        if c.peek() == Some('.') && c.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
            c.bump();
            digits(c);
        }
        if matches!(c.peek(), Some('e' | 'E')) {
            let mark = c.pos;
            c.bump();
            if matches!(c.peek(), Some('+' | '-')) {
                c.bump();
            }
            if digits(c) == 0 {
                c.pos = mark;
            }
        }
        let text = &c.src[start..c.pos];
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Tok::Num(n)),
            _ => Err(ExprError::new(format!("number `{text}` is out of range"), start..c.pos)),
        }
    }

    /// A regex literal, the opening `/` not yet consumed. It ends at the first `/`
    /// that is not escaped and not inside brackets or parentheses.
    fn regex(&mut self) -> Result<Tok, ExprError> {
        let c = &mut self.0;
        let start = c.pos;
        c.bump();
        let body = c.pos;
        let mut depth = 0i32;
        let mut previous = '/';
        loop {
            let Some(ch) = c.peek() else {
                return Err(ExprError::new(
                    "regular expression is never closed: add the closing `/`",
                    start..c.pos,
                ));
            };
            let escaped = previous == '\\';
            if ch == '/' && !escaped && depth == 0 {
                if c.pos == body {
                    return Err(ExprError::new("empty regular expression", start..c.pos + 1));
                }
                c.bump();
                c.take_while(|f| f == 'i' || f == 'm');
                return Ok(Tok::Regex);
            }
            if !escaped {
                match ch {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    _ => {}
                }
            }
            previous = ch;
            c.bump();
        }
    }
}

// ---------------------------------------------------------------------------
// Parser

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// The look-ahead token.
    token: Token,
    /// How many `expression` calls are open: bounds the parser's own recursion before any
    /// node (and its depth) exists.
    nesting: usize,
}

type Parsed = Result<JsonataExpr, ExprError>;

fn node(kind: ExprKind, range: Range<usize>) -> JsonataExpr {
    let mut deepest = 0;
    for_each_child(&kind, |child| deepest = deepest.max(child.depth));
    JsonataExpr {
        kind,
        range,
        depth: deepest + 1,
    }
}

fn span(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

impl Parser<'_> {
    /// Reads the next token into `self.token` and returns the previous one.
    fn advance(&mut self, regex_allowed: bool) -> Result<Token, ExprError> {
        let next = self.lexer.next(regex_allowed)?;
        if let Tok::Op(op @ ("!" | "~")) = next.kind {
            return Err(ExprError::new(format!("unknown operator `{op}`"), next.range));
        }
        Ok(std::mem::replace(&mut self.token, next))
    }

    /// Consumes the operator `op` or reports what is there instead.
    fn expect(&mut self, op: &str, regex_allowed: bool) -> Result<Token, ExprError> {
        if !self.token.is_op(op) {
            let message = if self.token.kind == Tok::End {
                format!("unexpected end of expression: expected `{op}`")
            } else {
                format!("expected `{op}` but found {}", self.token.describe())
            };
            return Err(ExprError::new(message, self.token.range.clone()));
        }
        self.advance(regex_allowed)
    }

    /// Every sub-expression is parsed here, so this is where depth is bounded: the
    /// recursion on entry, and the tree after each node (a chain `a + b + c` grows the tree
    /// in the loop, without recursing).
    fn expression(&mut self, rbp: u8) -> Parsed {
        if self.nesting >= MAX_NESTING_DEPTH {
            return Err(ExprError::nested_too_deep(self.token.range.clone()));
        }
        self.nesting += 1;
        let token = self.advance(false)?;
        let at = token.range.clone();
        let mut left = self.prefix(token)?;
        if left.depth > MAX_TREE_DEPTH {
            return Err(ExprError::tree_too_deep(at));
        }
        while rbp < left_binding_power(&self.token) {
            let token = self.advance(true)?;
            let at = token.range.clone();
            left = self.infix(token, left)?;
            if left.depth > MAX_TREE_DEPTH {
                return Err(ExprError::tree_too_deep(at));
            }
        }
        self.nesting -= 1;
        Ok(left)
    }

    fn prefix(&mut self, token: Token) -> Parsed {
        let range = token.range.clone();
        let kind = match token.kind {
            Tok::Str(s) => ExprKind::String(s),
            Tok::Num(n) => ExprKind::Number(n),
            Tok::Bool(b) => ExprKind::Bool(b),
            Tok::Null => ExprKind::Null,
            Tok::Regex => ExprKind::Regex(self.lexer.0.src[range.clone()].to_owned()),
            Tok::Name(name) => ExprKind::Name(name),
            Tok::Variable(name) => ExprKind::Variable(name),
            Tok::Op(op @ ("and" | "or" | "in")) => ExprKind::Name(op.to_owned()),
            Tok::Op("*") => ExprKind::Wildcard,
            Tok::Op("**") => ExprKind::Descendants,
            Tok::Op("%") => ExprKind::Parent,
            Tok::Op("-") => {
                let operand = self.expression(70)?;
                let range = span(&range, &operand.range);
                return Ok(node(ExprKind::Negate(Box::new(operand)), range));
            }
            Tok::Op("(") => {
                let mut expressions = Vec::new();
                while !self.token.is_op(")") {
                    expressions.push(self.expression(0)?);
                    if !self.token.is_op(";") {
                        break;
                    }
                    self.advance(true)?;
                }
                let close = self.expect(")", false)?;
                return Ok(node(ExprKind::Block(expressions), span(&range, &close.range)));
            }
            Tok::Op("[") => {
                let items = self.array_items()?;
                let close = self.expect("]", false)?;
                return Ok(node(ExprKind::Array(items), span(&range, &close.range)));
            }
            Tok::Op("{") => {
                let pairs = self.pairs()?;
                let close = self.expect("}", false)?;
                return Ok(node(ExprKind::Object(pairs), span(&range, &close.range)));
            }
            Tok::Op("|") => {
                let pattern = Box::new(self.expression(0)?);
                self.expect("|", true)?;
                let update = Box::new(self.expression(0)?);
                let delete = if self.token.is_op(",") {
                    self.advance(true)?;
                    Some(Box::new(self.expression(0)?))
                } else {
                    None
                };
                let close = self.expect("|", true)?;
                let kind = ExprKind::Transform {
                    pattern,
                    update,
                    delete,
                };
                return Ok(node(kind, span(&range, &close.range)));
            }
            Tok::End => {
                return Err(ExprError::new("unexpected end of expression", range));
            }
            Tok::Op(op) => {
                return Err(ExprError::new(
                    format!("unexpected `{op}`: an operand was expected"),
                    range,
                ));
            }
        };
        Ok(node(kind, range))
    }

    fn array_items(&mut self) -> Result<Vec<JsonataExpr>, ExprError> {
        let mut items = Vec::new();
        if self.token.is_op("]") {
            return Ok(items);
        }
        loop {
            let mut item = self.expression(0)?;
            if self.token.is_op("..") {
                self.advance(true)?;
                let end = self.expression(0)?;
                let range = span(&item.range, &end.range);
                item = node(
                    ExprKind::Binary {
                        op: "..",
                        lhs: Box::new(item),
                        rhs: Box::new(end),
                    },
                    range,
                );
            }
            items.push(item);
            if !self.token.is_op(",") {
                return Ok(items);
            }
            self.advance(true)?;
        }
    }

    fn pairs(&mut self) -> Result<Vec<(JsonataExpr, JsonataExpr)>, ExprError> {
        let mut pairs = Vec::new();
        if self.token.is_op("}") {
            return Ok(pairs);
        }
        loop {
            let key = self.expression(0)?;
            self.expect(":", true)?;
            pairs.push((key, self.expression(0)?));
            if !self.token.is_op(",") {
                return Ok(pairs);
            }
            self.advance(true)?;
        }
    }

    fn infix(&mut self, token: Token, left: JsonataExpr) -> Parsed {
        let Tok::Op(op) = token.kind else {
            return Err(ExprError::new("unexpected token", token.range));
        };
        let start = left.range.clone();
        let (kind, end) = match op {
            "(" => return self.call(left),
            "[" => {
                if self.token.is_op("]") {
                    let close = self.advance(true)?;
                    let kind = ExprKind::Predicate {
                        lhs: Box::new(left),
                        predicate: None,
                    };
                    (kind, close.range)
                } else {
                    let predicate = self.expression(0)?;
                    let close = self.expect("]", false)?;
                    let kind = ExprKind::Predicate {
                        lhs: Box::new(left),
                        predicate: Some(Box::new(predicate)),
                    };
                    (kind, close.range)
                }
            }
            "^" => {
                self.expect("(", true)?;
                let mut terms = Vec::new();
                loop {
                    let descending = self.token.is_op(">");
                    if descending || self.token.is_op("<") {
                        self.advance(true)?;
                    }
                    terms.push((descending, self.expression(0)?));
                    if !self.token.is_op(",") {
                        break;
                    }
                    self.advance(true)?;
                }
                let close = self.expect(")", true)?;
                let kind = ExprKind::OrderBy {
                    lhs: Box::new(left),
                    terms,
                };
                (kind, close.range)
            }
            "{" => {
                let pairs = self.pairs()?;
                let close = self.expect("}", false)?;
                let kind = ExprKind::Group {
                    lhs: Box::new(left),
                    pairs,
                };
                (kind, close.range)
            }
            "?" => {
                let then = Box::new(self.expression(0)?);
                let otherwise = if self.token.is_op(":") {
                    self.advance(true)?;
                    Some(Box::new(self.expression(0)?))
                } else {
                    None
                };
                let end = otherwise.as_ref().map_or(then.range.clone(), |e| e.range.clone());
                let kind = ExprKind::Condition {
                    condition: Box::new(left),
                    then,
                    otherwise,
                };
                (kind, end)
            }
            _ => {
                if op == ":=" && !matches!(left.kind, ExprKind::Variable(_)) {
                    return Err(ExprError::new(
                        "the left side of `:=` must be a variable such as `$name`",
                        left.range,
                    ));
                }
                let rbp = match op {
                    ":=" => 9,
                    "?:" | "??" => 0,
                    _ => left_binding_power(&Token {
                        kind: Tok::Op(op),
                        range: token.range.clone(),
                    }),
                };
                let rhs = self.expression(rbp)?;
                if matches!(op, "@" | "#") && !matches!(rhs.kind, ExprKind::Variable(_)) {
                    return Err(ExprError::new(
                        format!("`{op}` must be followed by a variable such as `$name`"),
                        rhs.range,
                    ));
                }
                let end = rhs.range.clone();
                let kind = ExprKind::Binary {
                    op,
                    lhs: Box::new(left),
                    rhs: Box::new(rhs),
                };
                (kind, end)
            }
        };
        Ok(node(kind, span(&start, &end)))
    }

    /// After `function(`: arguments, then for a lambda its signature and body.
    fn call(&mut self, function: JsonataExpr) -> Parsed {
        let mut args = Vec::new();
        if !self.token.is_op(")") {
            loop {
                if self.token.is_op("?") {
                    let placeholder = self.advance(true)?;
                    args.push(node(ExprKind::Placeholder, placeholder.range));
                } else {
                    args.push(self.expression(0)?);
                }
                if !self.token.is_op(",") {
                    break;
                }
                self.advance(true)?;
            }
        }
        let close = self.expect(")", false)?;
        let is_lambda = matches!(&function.kind, ExprKind::Name(n) if n == "function" || n == "λ");
        if !is_lambda {
            let range = span(&function.range, &close.range);
            let kind = ExprKind::Call {
                function: Box::new(function),
                args,
            };
            return Ok(node(kind, range));
        }
        let params = args
            .into_iter()
            .map(|arg| match arg.kind {
                ExprKind::Variable(name) => Ok((name, arg.range)),
                _ => Err(ExprError::new(
                    "a function parameter must be a variable such as `$x`",
                    arg.range,
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if self.token.is_op("<") {
            self.skip_signature()?;
        }
        self.expect("{", true)?;
        let body = self.expression(0)?;
        let close = self.expect("}", true)?;
        let kind = ExprKind::Lambda {
            params,
            body: Box::new(body),
        };
        Ok(node(kind, span(&function.range, &close.range)))
    }

    /// Skips a function signature `<…>` (nested angle brackets allowed).
    fn skip_signature(&mut self) -> Result<(), ExprError> {
        let mut depth = 1;
        while depth > 0 && !self.token.is_op("{") && self.token.kind != Tok::End {
            self.advance(true)?;
            if self.token.is_op(">") {
                depth -= 1;
            } else if self.token.is_op("<") {
                depth += 1;
            }
        }
        self.expect(">", true).map(drop)
    }
}

// ---------------------------------------------------------------------------
// Static checks that the reference parser makes after parsing

/// The steps of a path `a.b.c` (left to right); a non-path is a single step.
fn steps(expr: &JsonataExpr) -> Vec<&JsonataExpr> {
    match &expr.kind {
        ExprKind::Binary { op: ".", lhs, rhs } => {
            let mut all = steps(lhs);
            all.extend(steps(rhs));
            all
        }
        _ => vec![expr],
    }
}

/// A step without the predicates, groupings and bindings applied to it.
fn step_base(step: &JsonataExpr) -> &JsonataExpr {
    match &step.kind {
        ExprKind::Predicate { lhs, .. } | ExprKind::Group { lhs, .. } => step_base(lhs),
        ExprKind::Binary { op: "@" | "#", lhs, .. } => step_base(lhs),
        _ => step,
    }
}

/// The last step of a path (or the expression itself).
fn last_step(expr: &JsonataExpr) -> &JsonataExpr {
    match &expr.kind {
        ExprKind::Binary { op: ".", rhs, .. } => last_step(rhs),
        _ => expr,
    }
}

/// Walks the tree for the errors jsonata reports after parsing. `in_step` is true
/// inside a path step or predicate, where `%` may find its parent further out.
fn validate(expr: &JsonataExpr, in_step: bool) -> Result<(), ExprError> {
    let error = |message: &str, range: &Range<usize>| Err(ExprError::new(message, range.clone()));
    match &expr.kind {
        ExprKind::Binary { op: ".", .. } => {
            let steps = steps(expr);
            for (i, step) in steps.iter().enumerate() {
                if matches!(
                    step_base(step).kind,
                    ExprKind::Number(_) | ExprKind::Bool(_) | ExprKind::Null
                ) {
                    return error("a number, boolean or null cannot be a step of a path", &step.range);
                }
                if !in_step && matches!(step.kind, ExprKind::Parent) && !parent_found(&steps[..i]) {
                    return error("`%` has no parent step here", &step.range);
                }
                validate(step, in_step || i > 0)?;
            }
            return Ok(());
        }
        ExprKind::Parent if !in_step => {
            return error("`%` has no parent step here", &expr.range);
        }
        ExprKind::Predicate { lhs, .. } if matches!(last_step(lhs).kind, ExprKind::Group { .. }) => {
            return error("a predicate cannot follow a grouping expression `{…}`", &expr.range);
        }
        ExprKind::Group { lhs, .. } if matches!(step_base_predicates(last_step(lhs)).kind, ExprKind::Group { .. }) => {
            return error("a path step can have only one grouping expression `{…}`", &expr.range);
        }
        ExprKind::Binary { op: "@", lhs, .. } => match last_step(lhs).kind {
            ExprKind::Predicate { .. } => {
                return error(
                    "a context binding `@` must come before any predicate of its step",
                    &expr.range,
                );
            }
            ExprKind::OrderBy { .. } => {
                return error(
                    "a context binding `@` must come before the order-by `^(…)`",
                    &expr.range,
                );
            }
            _ => {}
        },
        _ => {}
    }
    if let ExprKind::Call { function, args } = &expr.kind {
        // jsonata-js does not look for the parent of a called expression (`%()`).
        validate(function, true)?;
        return args.iter().try_for_each(|arg| validate(arg, in_step));
    }
    let step_context = matches!(
        expr.kind,
        ExprKind::Predicate { .. } | ExprKind::Group { .. } | ExprKind::OrderBy { .. }
    );
    for (index, child) in children(expr).into_iter().enumerate() {
        // The first child of a predicate, group or sort is the step itself.
        validate(child, in_step || (step_context && index > 0))?;
    }
    Ok(())
}

fn step_base_predicates(step: &JsonataExpr) -> &JsonataExpr {
    match &step.kind {
        ExprKind::Predicate { lhs, .. } => step_base_predicates(lhs),
        _ => step,
    }
}

/// Can a `%` after `previous` steps find its parent among them? Each name or
/// wildcard step provides one level; each `%` consumes one more.
fn parent_found(previous: &[&JsonataExpr]) -> bool {
    let mut needed = 1;
    for step in previous.iter().rev() {
        match step_base(step).kind {
            ExprKind::Name(_) | ExprKind::Wildcard => needed -= 1,
            ExprKind::Parent => needed += 1,
            ExprKind::Block(_) | ExprKind::Binary { .. } => return true,
            _ => return false,
        }
        if needed == 0 {
            return true;
        }
    }
    false
}

/// The direct sub-expressions, in source order.
fn children(expr: &JsonataExpr) -> Vec<&JsonataExpr> {
    let mut all = Vec::new();
    for_each_child(&expr.kind, |child| all.push(child));
    all
}

/// Calls `f` on each direct sub-expression, in source order.
fn for_each_child<'a>(kind: &'a ExprKind, mut f: impl FnMut(&'a JsonataExpr)) {
    match kind {
        ExprKind::Negate(e) | ExprKind::Lambda { body: e, .. } => f(e),
        ExprKind::Binary { lhs, rhs, .. } => {
            f(lhs);
            f(rhs);
        }
        ExprKind::Predicate { lhs, predicate } => {
            f(lhs);
            if let Some(predicate) = predicate {
                f(predicate);
            }
        }
        ExprKind::Group { lhs, pairs } => {
            f(lhs);
            pairs.iter().flat_map(|(k, v)| [k, v]).for_each(f);
        }
        ExprKind::OrderBy { lhs, terms } => {
            f(lhs);
            terms.iter().map(|(_, e)| e).for_each(f);
        }
        ExprKind::Object(pairs) => pairs.iter().flat_map(|(k, v)| [k, v]).for_each(f),
        ExprKind::Array(items) | ExprKind::Block(items) => items.iter().for_each(f),
        ExprKind::Call { function, args } => {
            f(function);
            args.iter().for_each(f);
        }
        ExprKind::Condition {
            condition,
            then,
            otherwise,
        } => {
            f(condition);
            f(then);
            if let Some(otherwise) = otherwise {
                f(otherwise);
            }
        }
        ExprKind::Transform {
            pattern,
            update,
            delete,
        } => {
            f(pattern);
            f(update);
            if let Some(delete) = delete {
                f(delete);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// References

/// How a `$name` reference is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// Bound in an enclosing scope of the expression (`:=`, lambda parameter, `@$v`,
    /// `#$i`).
    Local,
    /// Not bound locally, and the name of a built-in function.
    Builtin,
    /// Not bound locally: a state machine variable.
    Free,
}

/// A `$name` read (not `$`, `$$` nor `$states`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariableRef {
    pub name: String,
    /// Covers `$name`.
    pub range: Range<usize>,
    pub binding: Binding,
}

/// A read of the reserved `$states` variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatesAccess {
    /// The member read (`input`, `result`, `errorOutput`, `context`, …), `None` for
    /// `$states` used on its own.
    pub member: Option<(String, Range<usize>)>,
    /// The names that follow the member, e.g. `Execution`, `Id` in
    /// `$states.context.Execution.Id` (up to the first step that is not a plain name).
    pub path: Vec<(String, Range<usize>)>,
    /// Covers `$states`.
    pub range: Range<usize>,
}

/// The members of `$states` that Step Functions defines.
pub const STATES_MEMBERS: &[&str] = &["input", "result", "errorOutput", "context"];

/// What reads the implicit input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImplicitInputKind {
    /// `$` at the top level.
    Dollar,
    /// `$$`, anywhere.
    DoubleDollar,
    /// A bare field name (or `*`, `**`) at the top level.
    Field(String),
}

/// A read of the input document, which JSONata states do not provide: `$` or a field
/// name outside any path step or predicate, or `$$` anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImplicitInput {
    pub kind: ImplicitInputKind,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    pub variables: Vec<VariableRef>,
    pub states: Vec<StatesAccess>,
    pub implicit_input: Vec<ImplicitInput>,
}

/// Lists the variable reads, `$states` accesses and implicit-input reads of `expr`.
///
/// Scoping follows JSONata: a block `( … )` and a lambda body open a scope; `:=`
/// binds from the next expression on (and within its own right side when that is a
/// lambda, for recursion); `@$v`/`#$i` bind for the rest of the enclosing scope,
/// which is slightly wider than JSONata's path scope.
pub fn references(expr: &JsonataExpr) -> References {
    let mut walker = Walker::default();
    walker.open_scope(Vec::new());
    walker.walk(expr, true);
    walker.refs
}

#[derive(Default)]
struct Walker {
    /// The names each open scope binds, innermost last, so that closing a scope unbinds them.
    scopes: Vec<Vec<String>>,
    /// How many bindings of each name the open scopes hold (a lookup per read, however many
    /// names are bound).
    bound: FxHashMap<String, usize>,
    refs: References,
}

impl Walker {
    fn is_local(&self, name: &str) -> bool {
        self.bound.contains_key(name)
    }

    fn bind(&mut self, name: &str) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(name.to_owned());
            *self.bound.entry(name.to_owned()).or_default() += 1;
        }
    }

    fn open_scope(&mut self, names: Vec<String>) {
        self.scopes.push(Vec::new());
        for name in names {
            self.bind(&name);
        }
    }

    fn close_scope(&mut self) {
        for name in self.scopes.pop().unwrap_or_default() {
            if let Some(count) = self.bound.get_mut(&name) {
                *count -= 1;
                if *count == 0 {
                    self.bound.remove(&name);
                }
            }
        }
    }

    /// `top` is true where the context value is the (absent) input document.
    fn walk(&mut self, expr: &JsonataExpr, top: bool) {
        match &expr.kind {
            ExprKind::Variable(name) => self.variable(name, expr, top),
            ExprKind::Name(name) if top => self.implicit(ImplicitInputKind::Field(name.clone()), expr),
            ExprKind::Wildcard | ExprKind::Descendants if top => {
                let text = if expr.kind == ExprKind::Wildcard { "*" } else { "**" };
                self.implicit(ImplicitInputKind::Field(text.to_owned()), expr);
            }
            ExprKind::Binary { op: ".", .. } => {
                let steps = steps(expr);
                let skip_head = self.states_access(&steps);
                for (i, step) in steps.into_iter().enumerate().skip(usize::from(skip_head)) {
                    self.walk(step, top && i == 0);
                }
            }
            ExprKind::Binary { op: ":=", lhs, rhs } => {
                let ExprKind::Variable(name) = &lhs.kind else { return };
                if matches!(rhs.kind, ExprKind::Lambda { .. }) {
                    self.bind(name);
                }
                self.walk(rhs, top);
                self.bind(name);
            }
            ExprKind::Binary {
                op: "@" | "#",
                lhs,
                rhs,
            } => {
                self.walk(lhs, top);
                if let ExprKind::Variable(name) = &rhs.kind {
                    self.bind(name);
                }
            }
            ExprKind::Block(items) => {
                self.open_scope(Vec::new());
                for item in items {
                    self.walk(item, top);
                }
                self.close_scope();
            }
            ExprKind::Lambda { params, body } => {
                self.open_scope(params.iter().map(|(name, _)| name.clone()).collect());
                self.walk(body, top);
                self.close_scope();
            }
            ExprKind::Predicate { lhs, predicate } => {
                self.walk(lhs, top);
                if let Some(predicate) = predicate {
                    self.walk(predicate, false);
                }
            }
            ExprKind::Group { lhs, .. } | ExprKind::OrderBy { lhs, .. } => {
                self.walk(lhs, top);
                for child in children(expr).into_iter().skip(1) {
                    self.walk(child, false);
                }
            }
            ExprKind::Transform {
                pattern,
                update,
                delete,
            } => {
                self.walk(pattern, top);
                self.walk(update, false);
                if let Some(delete) = delete {
                    self.walk(delete, false);
                }
            }
            _ => {
                for child in children(expr) {
                    self.walk(child, top);
                }
            }
        }
    }

    fn variable(&mut self, name: &str, expr: &JsonataExpr, top: bool) {
        match name {
            "" if top => self.implicit(ImplicitInputKind::Dollar, expr),
            "$" => self.implicit(ImplicitInputKind::DoubleDollar, expr),
            "" => {}
            "states" if !self.is_local(name) => {
                // `$states` on its own, not as the head of a path.
                self.refs.states.push(StatesAccess {
                    member: None,
                    path: Vec::new(),
                    range: expr.range.clone(),
                });
            }
            _ => {
                let binding = if self.is_local(name) {
                    Binding::Local
                } else if jsonata_function(name).is_some() {
                    Binding::Builtin
                } else {
                    Binding::Free
                };
                self.refs.variables.push(VariableRef {
                    name: name.to_owned(),
                    range: expr.range.clone(),
                    binding,
                });
            }
        }
    }

    fn implicit(&mut self, kind: ImplicitInputKind, expr: &JsonataExpr) {
        self.refs.implicit_input.push(ImplicitInput {
            kind,
            range: expr.range.clone(),
        });
    }

    /// Records `$states.member.a.b` when the path starts with `$states` (returns
    /// whether it did, so that the caller skips that head step).
    fn states_access(&mut self, steps: &[&JsonataExpr]) -> bool {
        let Some((head, rest)) = steps.split_first() else {
            return false;
        };
        if !matches!(&head.kind, ExprKind::Variable(n) if n == "states") || self.is_local("states") {
            return false;
        }
        let mut names = rest.iter().map_while(|step| match &step.kind {
            ExprKind::Name(name) => Some((name.clone(), step.range.clone())),
            _ => None,
        });
        let member = names.next().or_else(|| {
            // `$states.input[0]`: the member carries a predicate.
            rest.first().and_then(|step| match &step_base(step).kind {
                ExprKind::Name(name) => Some((name.clone(), step_base(step).range.clone())),
                _ => None,
            })
        });
        self.refs.states.push(StatesAccess {
            member,
            path: names.collect(),
            range: head.range.clone(),
        });
        true
    }
}

// ---------------------------------------------------------------------------
// Built-in functions

/// A built-in function: name without `$`, fewest and most arguments (`None`: any
/// number). The fewest counts arguments that default to the context value as
/// optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonataFunction {
    pub name: &'static str,
    pub min_args: usize,
    pub max_args: Option<usize>,
}

const fn f(name: &'static str, min_args: usize, max_args: usize) -> JsonataFunction {
    JsonataFunction {
        name,
        min_args,
        max_args: Some(max_args),
    }
}

/// JSONata 2.0 built-ins and the Step Functions additions (`$partition`, `$range`,
/// `$hash`, `$random` with an optional seed, `$uuid`, `$parse`).
pub const JSONATA_FUNCTIONS: &[JsonataFunction] = &[
    // String
    f("string", 0, 2),
    f("length", 0, 1),
    f("substring", 1, 3),
    f("substringBefore", 1, 2),
    f("substringAfter", 1, 2),
    f("uppercase", 0, 1),
    f("lowercase", 0, 1),
    f("trim", 0, 1),
    f("pad", 1, 3),
    f("contains", 1, 2),
    f("split", 1, 3),
    f("join", 1, 2),
    f("match", 1, 3),
    f("replace", 2, 4),
    f("eval", 1, 2),
    f("base64encode", 0, 1),
    f("base64decode", 0, 1),
    f("encodeUrlComponent", 0, 1),
    f("encodeUrl", 0, 1),
    f("decodeUrlComponent", 0, 1),
    f("decodeUrl", 0, 1),
    f("formatNumber", 1, 3),
    f("formatBase", 0, 2),
    f("formatInteger", 1, 2),
    f("parseInteger", 1, 2),
    // Numeric
    f("number", 0, 1),
    f("abs", 0, 1),
    f("floor", 0, 1),
    f("ceil", 0, 1),
    f("round", 0, 2),
    f("power", 1, 2),
    f("sqrt", 0, 1),
    f("random", 0, 1),
    f("sum", 1, 1),
    f("max", 1, 1),
    f("min", 1, 1),
    f("average", 1, 1),
    // Boolean
    f("boolean", 0, 1),
    f("not", 0, 1),
    f("exists", 1, 1),
    // Array
    f("count", 1, 1),
    f("append", 2, 2),
    f("sort", 1, 2),
    f("reverse", 1, 1),
    f("shuffle", 1, 1),
    f("distinct", 1, 1),
    JsonataFunction {
        name: "zip",
        min_args: 1,
        max_args: None,
    },
    // Object
    f("keys", 0, 1),
    f("lookup", 1, 2),
    f("spread", 0, 1),
    f("merge", 1, 1),
    f("sift", 0, 2),
    f("each", 1, 2),
    f("error", 0, 1),
    f("assert", 1, 2),
    f("type", 1, 1),
    // Higher order
    f("map", 2, 2),
    f("filter", 2, 2),
    f("single", 1, 2),
    f("reduce", 2, 3),
    // Date and time
    f("now", 0, 2),
    f("millis", 0, 0),
    f("fromMillis", 0, 3),
    f("toMillis", 0, 2),
    f("clone", 0, 1),
    // Step Functions
    f("partition", 2, 2),
    f("range", 3, 3),
    f("hash", 1, 2),
    f("uuid", 0, 0),
    f("parse", 1, 1),
];

/// Built-ins that Step Functions does not provide, with what to use instead.
pub const FORBIDDEN_FUNCTIONS: &[(&str, &str)] = &[("eval", "$parse")];

pub fn jsonata_function(name: &str) -> Option<&'static JsonataFunction> {
    JSONATA_FUNCTIONS.iter().find(|f| f.name == name)
}

/// Checks calls of built-in functions that are not shadowed by a local binding:
/// forbidden functions, argument counts, and calls of `$names` that are neither
/// built-ins nor bound locally (state machine variables cannot hold functions).
/// `references` are the [`references`] of `expr`, which callers usually hold already.
pub fn check_jsonata(expr: &JsonataExpr, references: &References) -> Vec<ExprDiagnostic> {
    let locals: FxHashSet<Range<usize>> = references
        .variables
        .iter()
        .filter(|v| v.binding == Binding::Local)
        .map(|v| v.range.clone())
        .collect();
    let mut out = Vec::new();
    check_calls(expr, false, &locals, &mut out);
    out
}

/// `chained`: the call is the right side of `~>`, which passes one more argument.
fn check_calls(expr: &JsonataExpr, chained: bool, locals: &FxHashSet<Range<usize>>, out: &mut Vec<ExprDiagnostic>) {
    if let ExprKind::Call { function, args } = &expr.kind
        && let ExprKind::Variable(name) = &function.kind
        && !name.is_empty()
        && name != "$"
        && !locals.contains(&function.range)
    {
        check_call(name, args.len() + usize::from(chained), expr, &function.range, out);
    }
    for (index, child) in children(expr).into_iter().enumerate() {
        let chained = matches!(expr.kind, ExprKind::Binary { op: "~>", .. }) && index == 1;
        check_calls(child, chained, locals, out);
    }
}

fn check_call(name: &str, given: usize, call: &JsonataExpr, name_range: &Range<usize>, out: &mut Vec<ExprDiagnostic>) {
    if let Some((_, instead)) = FORBIDDEN_FUNCTIONS.iter().find(|(f, _)| *f == name) {
        out.push(ExprDiagnostic {
            issue: ExprIssue::ForbiddenFunction,
            message: format!("`${name}` is not available in Step Functions: use `{instead}`"),
            range: name_range.clone(),
        });
        return;
    }
    let Some(function) = jsonata_function(name) else {
        let names: Vec<&'static str> = JSONATA_FUNCTIONS.iter().map(|f| f.name).collect();
        let suggestion = closest(name, &names);
        let hint = suggestion.map_or_else(String::new, |s| format!(": did you mean `${s}`?"));
        out.push(ExprDiagnostic {
            issue: ExprIssue::UnknownFunction { suggestion },
            message: format!("`${name}` is not a JSONata function nor a function defined in this expression{hint}"),
            range: name_range.clone(),
        });
        return;
    };
    let too_many = function.max_args.is_some_and(|max| given > max);
    if given < function.min_args || too_many {
        let expected = match function.max_args {
            Some(max) if max == function.min_args => format!("{max}"),
            Some(max) => format!("{} to {max}", function.min_args),
            None => format!("at least {}", function.min_args),
        };
        out.push(ExprDiagnostic {
            issue: ExprIssue::ArgumentCount,
            message: format!("`${name}` takes {expected} arguments but {given} given"),
            range: call.range.clone(),
        });
    }
}
