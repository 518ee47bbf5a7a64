//! Intrinsic functions of JSONPath states: `States.Format('{}', $.name)`.
//!
//! [`parse_intrinsic`] checks the syntax; [`check_intrinsic`] checks a parsed call
//! against the known functions (names, argument counts, literal argument types).

use std::ops::Range;

use super::path::{Path, parse_path_in};
use super::scan::{Cursor, char_at, matching_close, resolve_escapes};
use super::{CompactRange, ExprDiagnostic, ExprError, ExprIssue, ValueType};
use crate::suggest::{closest, within_distance};

/// A call `Name(args)`. Ranges are byte offsets into the parsed string.
#[derive(Debug, Clone, PartialEq)]
pub struct Intrinsic {
    pub name: String,
    pub name_range: Range<usize>,
    pub args: Vec<Argument>,
    /// From the first character of the name to the closing `)`.
    pub range: Range<usize>,
}

/// One argument of a call. A call may have an argument per two bytes of its text, so an
/// argument is kept small: 24 bytes, strings, paths and calls boxed, the range as two `u32`.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    pub kind: ArgumentKind,
    span: CompactRange,
}

impl Argument {
    /// Where the argument is, in bytes of the parsed string.
    pub fn range(&self) -> Range<usize> {
        self.span.get()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArgumentKind {
    String(Box<StringLiteral>),
    Number(f64),
    Bool(bool),
    Null,
    Path(Box<Path>),
    Call(Box<Intrinsic>),
}

/// A single-quoted string argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringLiteral {
    /// The text, escapes resolved.
    pub value: String,
    /// The unescaped `{}` pairs (used by `States.Format`).
    pub placeholders: usize,
}

/// What a parameter accepts, as far as it can be checked statically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Any,
    String,
    Integer,
    PositiveInteger,
    Array,
    Object,
    /// A string, number, boolean or null (not an array or object).
    Scalar,
    /// The `States.Format` template: a string literal or a path.
    Template,
    /// Must be a path (`States.JsonToString`).
    Path,
    /// One of [`HASH_ALGORITHMS`].
    HashAlgorithm,
    /// The `States.JsonMerge` deep-merge flag: AWS supports only `false`.
    ShallowMergeFlag,
}

/// The signature of one intrinsic function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntrinsicSpec {
    pub name: &'static str,
    /// Parameter types by position; `min_args` of them are required.
    pub params: &'static [Param],
    pub min_args: usize,
    /// Type of any number of further arguments, for variadic functions.
    pub variadic: Option<Param>,
    pub returns: ValueType,
}

impl IntrinsicSpec {
    pub fn max_args(&self) -> Option<usize> {
        self.variadic.is_none().then_some(self.params.len())
    }
}

const fn spec(
    name: &'static str,
    params: &'static [Param],
    min_args: usize,
    variadic: Option<Param>,
    returns: ValueType,
) -> IntrinsicSpec {
    IntrinsicSpec {
        name,
        params,
        min_args,
        variadic,
        returns,
    }
}

/// Every intrinsic function AWS Step Functions provides.
pub const INTRINSIC_FUNCTIONS: &[IntrinsicSpec] = {
    use Param as P;
    use ValueType as T;
    &[
        spec("States.Format", &[P::Template], 1, Some(P::Scalar), T::String),
        spec("States.StringToJson", &[P::String], 1, None, T::Any),
        spec("States.JsonToString", &[P::Path], 1, None, T::String),
        spec("States.Array", &[], 0, Some(P::Any), T::Array),
        spec(
            "States.ArrayPartition",
            &[P::Array, P::PositiveInteger],
            2,
            None,
            T::Array,
        ),
        spec("States.ArrayContains", &[P::Array, P::Any], 2, None, T::Boolean),
        spec(
            "States.ArrayRange",
            &[P::Integer, P::Integer, P::Integer],
            3,
            None,
            T::Array,
        ),
        spec("States.ArrayGetItem", &[P::Array, P::Integer], 2, None, T::Any),
        spec("States.ArrayLength", &[P::Array], 1, None, T::Number),
        spec("States.ArrayUnique", &[P::Array], 1, None, T::Array),
        spec("States.Base64Encode", &[P::String], 1, None, T::String),
        spec("States.Base64Decode", &[P::String], 1, None, T::String),
        spec("States.Hash", &[P::Any, P::HashAlgorithm], 2, None, T::String),
        spec(
            "States.JsonMerge",
            &[P::Object, P::Object, P::ShallowMergeFlag],
            3,
            None,
            T::Object,
        ),
        spec(
            "States.MathRandom",
            &[P::Integer, P::Integer, P::Integer],
            2,
            None,
            T::Number,
        ),
        spec("States.MathAdd", &[P::Integer, P::Integer], 2, None, T::Number),
        spec("States.StringSplit", &[P::String, P::String], 2, None, T::Array),
        spec("States.UUID", &[], 0, None, T::String),
    ]
};

/// Functions whose result is a string, the only ones allowed in `ErrorPath` and
/// `CausePath` (as the AWS language server has it).
pub const ERROR_PATH_FUNCTIONS: &[&str] = &[
    "States.Format",
    "States.JsonToString",
    "States.ArrayGetItem",
    "States.Base64Encode",
    "States.Base64Decode",
    "States.Hash",
    "States.UUID",
];

pub const HASH_ALGORITHMS: &[&str] = &["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

/// Most intrinsic calls nested within one field.
pub const MAX_NESTING: usize = 10;

/// Longest literal string `States.Base64Encode`/`Base64Decode`/`Hash` accept.
pub const MAX_INPUT_LENGTH: usize = 10_000;

/// Most items `States.ArrayRange` may produce.
pub const MAX_RANGE_ITEMS: i128 = 1000;

pub fn intrinsic_spec(name: &str) -> Option<&'static IntrinsicSpec> {
    INTRINSIC_FUNCTIONS.iter().find(|s| s.name == name)
}

/// Cheap test: does `s` look like an intrinsic call (a dotted name such as
/// `States.Format` followed by `(`)? Also true for misspellings like
/// `states.format(` or `State.Format(`, so that they are reported as bad calls
/// rather than as bad paths.
pub fn is_intrinsic_call(s: &str) -> bool {
    let s = s.trim_start();
    let name_len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .unwrap_or(s.len());
    let (name, rest) = s.split_at(name_len);
    if name.is_empty() || !rest.trim_start().starts_with('(') {
        return false;
    }
    let (namespace, short) = name.split_once('.').unwrap_or(("", name));
    let states_like = namespace.eq_ignore_ascii_case("states")
        || (!namespace.is_empty() && within_distance(&namespace.to_lowercase(), "states", 2));
    states_like
        || INTRINSIC_FUNCTIONS
            .iter()
            .any(|f| f.name["States.".len()..].eq_ignore_ascii_case(short))
}

/// Parses a whole string as an intrinsic call. White space around the call and
/// around arguments is allowed.
pub fn parse_intrinsic(s: &str) -> Result<Intrinsic, ExprError> {
    let mut parser = Parser::new(s, 0..s.len());
    parser.skip_ws();
    let call = parser.call()?;
    parser.skip_ws();
    match parser.peek() {
        None => Ok(call),
        Some(c) => Err(ExprError::new(
            format!("unexpected `{c}` after the end of the `{}` call", call.name),
            parser.pos..parser.pos + c.len_utf8(),
        )),
    }
}

/// The intrinsic grammar is written as methods of the shared cursor.
type Parser<'a> = Cursor<'a>;

impl Parser<'_> {
    fn call(&mut self) -> Result<Intrinsic, ExprError> {
        self.enter()?;
        let call = self.call_body();
        self.leave();
        call
    }

    fn call_body(&mut self) -> Result<Intrinsic, ExprError> {
        let name_range = self.take_while(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
        if name_range.is_empty() {
            return Err(self.error_here("expected an intrinsic function name such as `States.Format`"));
        }
        let name = self.src[name_range.clone()].to_owned();
        self.skip_ws();
        let open = self.pos;
        if self.peek() != Some('(') {
            return Err(self.error_here(format!("expected `(` after `{name}`")));
        }
        self.bump();
        self.skip_ws();
        let mut args = Vec::new();
        if self.peek() == Some(')') {
            self.bump();
        } else {
            loop {
                args.push(self.argument()?);
                self.skip_ws();
                match self.peek() {
                    Some(',') => {
                        self.bump();
                        self.skip_ws();
                    }
                    Some(')') => {
                        self.bump();
                        break;
                    }
                    None => {
                        return Err(ExprError::new(
                            format!("the `(` of `{name}` is never closed: add `)`"),
                            open..open + 1,
                        ));
                    }
                    Some(_) => {
                        return Err(self.error_here(format!("expected `,` or `)` between the arguments of `{name}`")));
                    }
                }
            }
        }
        Ok(Intrinsic {
            name,
            range: name_range.start..self.pos,
            name_range,
            args,
        })
    }

    fn argument(&mut self) -> Result<Argument, ExprError> {
        let start = self.pos;
        let kind = match self.peek() {
            Some('\'') => self.string()?,
            Some('$') => {
                let end = self.path_end()?;
                self.pos = end;
                ArgumentKind::Path(Box::new(parse_path_in(self.src, start..end, self.depth)?))
            }
            Some('-' | '0'..='9') => {
                let text = self.take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'));
                let value = self.src[text.clone()]
                    .parse()
                    .map_err(|_| ExprError::new("invalid number", text))?;
                ArgumentKind::Number(value)
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let word = self.take_while(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
                self.skip_ws();
                if self.peek() == Some('(') {
                    self.pos = start;
                    ArgumentKind::Call(Box::new(self.call()?))
                } else {
                    match &self.src[word.clone()] {
                        "null" => ArgumentKind::Null,
                        "true" => ArgumentKind::Bool(true),
                        "false" => ArgumentKind::Bool(false),
                        other => {
                            return Err(ExprError::new(
                                format!(
                                    "unexpected `{other}`: write strings in single quotes ('{other}') and paths with `$`"
                                ),
                                word,
                            ));
                        }
                    }
                }
            }
            Some('"') => {
                return Err(self.error_here("intrinsic function strings use single quotes: write 'text', not \"text\""));
            }
            None => return Err(self.error_here("expected an argument, then `)`")),
            Some(c) => return Err(self.error_here(format!("unexpected `{c}` where an argument was expected"))),
        };
        Ok(Argument {
            kind,
            span: CompactRange::new(start..self.pos),
        })
    }

    /// End of a path argument: the first `,` or `)` outside brackets and quotes.
    fn path_end(&self) -> Result<usize, ExprError> {
        let mut i = self.pos;
        while let Some(c) = char_at(self.src, i) {
            match c {
                ',' | ')' => break,
                '(' | '[' | '{' => i = matching_close(self.src, i, self.src.len())? + 1,
                _ => i += c.len_utf8(),
            }
        }
        Ok(i)
    }

    /// A `'…'` string. Only `\'`, `\{`, `\}` and `\\` are escapes: AWS rejects any other
    /// backslash, such as the `\"` of JSON text pasted into `States.StringToJson`.
    fn string(&mut self) -> Result<ArgumentKind, ExprError> {
        let start = self.pos;
        self.bump();
        let mut has_escape = false;
        let mut placeholders = 0;
        let mut after_open_brace = false;
        loop {
            let Some(c) = self.peek() else {
                return Err(ExprError::new(
                    "unterminated string: add the closing '",
                    start..self.pos,
                ));
            };
            let at = self.pos;
            self.bump();
            match c {
                '\'' => {
                    let value = resolve_escapes(&self.src[start + 1..at], has_escape);
                    return Ok(ArgumentKind::String(Box::new(StringLiteral { value, placeholders })));
                }
                '\\' => {
                    let Some(escaped) = self.peek() else {
                        return Err(ExprError::new(
                            "open escape: a `\\` must be followed by the character it escapes (write `\\\\` for a backslash)",
                            at..self.pos,
                        ));
                    };
                    if !matches!(escaped, '\'' | '{' | '}' | '\\') {
                        let shown: String = if escaped.is_control() {
                            escaped.escape_default().collect()
                        } else {
                            escaped.to_string()
                        };
                        return Err(ExprError::new(
                            format!(
                                "`\\{shown}` is not an escape in an intrinsic string: only `\\'`, `\\{{`, `\\}}` and `\\\\` are; write `{shown}` without the backslash, or `\\\\` for a backslash"
                            ),
                            at..at + 1,
                        ));
                    }
                    self.bump();
                    has_escape = true;
                    after_open_brace = false;
                }
                _ => {
                    if c == '}' && after_open_brace {
                        placeholders += 1;
                    }
                    after_open_brace = c == '{';
                }
            }
        }
    }
}

/// Checks a parsed call and all calls nested in it.
pub fn check_intrinsic(call: &Intrinsic) -> Vec<ExprDiagnostic> {
    let mut diagnostics = Vec::new();
    check_call(call, 1, &mut diagnostics);
    diagnostics
}

fn check_call(call: &Intrinsic, depth: usize, out: &mut Vec<ExprDiagnostic>) {
    if depth > MAX_NESTING {
        out.push(ExprDiagnostic {
            issue: ExprIssue::NestingTooDeep,
            message: format!(
                "`{}` is nested {depth} calls deep; at most {MAX_NESTING} intrinsic functions can be nested in one field",
                call.name
            ),
            range: call.name_range.clone(),
        });
        return;
    }
    match intrinsic_spec(&call.name) {
        Some(spec) => check_signature(call, spec, out),
        None => out.push(unknown_function(call)),
    }
    for arg in &call.args {
        if let ArgumentKind::Call(inner) = &arg.kind {
            check_call(inner, depth + 1, out);
        }
    }
}

/// The namespace of the spec-defined intrinsic functions.
const STATES_PREFIX: &str = "States.";

fn unknown_function(call: &Intrinsic) -> ExprDiagnostic {
    // Compare the parts after `States.`: the shared prefix would make any name look close.
    let short = |name: &'static str| name.get(STATES_PREFIX.len()..).unwrap_or(name);
    let known: Vec<&str> = INTRINSIC_FUNCTIONS.iter().map(|f| short(f.name)).collect();
    // A misspelt namespace (`State.`, `states.`) still names a spec function.
    let wanted = match call.name.split_once('.') {
        Some((namespace, rest)) if within_distance(&namespace.to_lowercase(), "states", 2) => rest,
        _ => call.name.as_str(),
    };
    let suggestion = closest(wanted, &known)
        .and_then(|found| INTRINSIC_FUNCTIONS.iter().find(|f| short(f.name) == found))
        .map(|f| f.name);
    let message = match suggestion {
        Some(name) => format!("unknown intrinsic function `{}`: did you mean `{name}`?", call.name),
        None => {
            let names: Vec<&str> = INTRINSIC_FUNCTIONS.iter().map(|f| f.name).collect();
            format!(
                "unknown intrinsic function `{}`: the intrinsic functions are {}",
                call.name,
                names.join(", ")
            )
        }
    };
    ExprDiagnostic {
        issue: ExprIssue::UnknownFunction { suggestion },
        message,
        range: call.name_range.clone(),
    }
}

fn check_signature(call: &Intrinsic, spec: &IntrinsicSpec, out: &mut Vec<ExprDiagnostic>) {
    let given = call.args.len();
    let max = spec.max_args();
    if given < spec.min_args || max.is_some_and(|max| given > max) {
        let expected = match max {
            Some(max) if max == spec.min_args => plural(max, "argument"),
            Some(max) => format!("{} to {max} arguments", spec.min_args),
            None => format!("at least {}", plural(spec.min_args, "argument")),
        };
        out.push(ExprDiagnostic {
            issue: ExprIssue::ArgumentCount,
            message: format!("`{}` takes {expected} but {given} given", spec.name),
            range: call.range.clone(),
        });
        return;
    }
    for (index, arg) in call.args.iter().enumerate() {
        let param = spec.params.get(index).copied().or(spec.variadic).unwrap_or(Param::Any);
        if let Some(problem) = argument_problem(param, &arg.kind) {
            out.push(ExprDiagnostic {
                issue: ExprIssue::InvalidArgument,
                message: format!("argument {} of `{}` {problem}", index + 1, spec.name),
                range: arg.range(),
            });
        }
    }
    match spec.name {
        "States.Format" => check_placeholders(call, out),
        "States.ArrayRange" => check_range_size(call, out),
        "States.Base64Encode" | "States.Base64Decode" | "States.Hash" => {
            if let Some(
                arg @ Argument {
                    kind: ArgumentKind::String(string),
                    ..
                },
            ) = call.args.first()
            {
                let length = string.value.chars().count();
                if length > MAX_INPUT_LENGTH {
                    out.push(ExprDiagnostic {
                        issue: ExprIssue::InvalidArgument,
                        message: format!(
                            "the input of `{}` is {length} characters long; the limit is {MAX_INPUT_LENGTH}",
                            spec.name
                        ),
                        range: arg.range(),
                    });
                }
            }
        }
        _ => {}
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Why `arg` cannot be passed for `param`, if that is certain.
fn argument_problem(param: Param, arg: &ArgumentKind) -> Option<String> {
    let literal_type = match arg {
        ArgumentKind::Path(_) => return None,
        ArgumentKind::Call(inner) => {
            let returns = intrinsic_spec(&inner.name)?.returns;
            return match param {
                Param::Template => Some(format!(
                    "must be a string literal or a path, not a call to `{}`",
                    inner.name
                )),
                Param::Path => Some(format!("must be a path, not a call to `{}`", inner.name)),
                _ if returns == ValueType::Any || accepts_type(param, returns) => None,
                _ => Some(format!(
                    "must be {}, but `{}` returns {}",
                    param_description(param),
                    inner.name,
                    with_article(returns)
                )),
            };
        }
        ArgumentKind::String(string) => {
            let value = &string.value;
            if param == Param::HashAlgorithm && !HASH_ALGORITHMS.contains(&value.as_str()) {
                return Some(format!("must be one of {}, not '{value}'", HASH_ALGORITHMS.join(", ")));
            }
            ValueType::String
        }
        ArgumentKind::Number(n) => {
            let integral = n.fract() == 0.0;
            match param {
                Param::Integer if !integral => return Some(format!("must be an integer, not {n}")),
                Param::PositiveInteger if !integral || *n <= 0.0 => {
                    return Some(format!("must be a positive integer, not {n}"));
                }
                _ => {}
            }
            ValueType::Number
        }
        ArgumentKind::Bool(b) => {
            if param == Param::ShallowMergeFlag && *b {
                return Some("must be false: Step Functions supports only shallow merging".to_owned());
            }
            ValueType::Boolean
        }
        ArgumentKind::Null => {
            return (!matches!(param, Param::Any | Param::Scalar))
                .then(|| format!("must be {}, not null", param_description(param)));
        }
    };
    if param == Param::Path {
        return Some("must be a path such as `$.field`, not a literal".to_owned());
    }
    (!accepts_type(param, literal_type)).then(|| {
        format!(
            "must be {}, not {}",
            param_description(param),
            with_article(literal_type)
        )
    })
}

fn accepts_type(param: Param, ty: ValueType) -> bool {
    match param {
        Param::Any | Param::Path => true,
        Param::String | Param::Template | Param::HashAlgorithm => ty == ValueType::String,
        Param::Integer | Param::PositiveInteger => ty == ValueType::Number,
        Param::Array => ty == ValueType::Array,
        Param::Object => ty == ValueType::Object,
        Param::ShallowMergeFlag => ty == ValueType::Boolean,
        Param::Scalar => !matches!(ty, ValueType::Array | ValueType::Object),
    }
}

fn param_description(param: Param) -> &'static str {
    match param {
        Param::Any => "a value",
        Param::String => "a string",
        Param::Integer => "an integer",
        Param::PositiveInteger => "a positive integer",
        Param::Array => "an array",
        Param::Object => "an object",
        Param::Scalar => "a string, number, boolean or null",
        Param::Template => "a string template",
        Param::Path => "a path",
        Param::HashAlgorithm => "an algorithm name",
        Param::ShallowMergeFlag => "false",
    }
}

fn with_article(ty: ValueType) -> String {
    match ty {
        ValueType::Array | ValueType::Object | ValueType::Any => format!("an {}", ty.name()),
        _ => format!("a {}", ty.name()),
    }
}

fn check_placeholders(call: &Intrinsic, out: &mut Vec<ExprDiagnostic>) {
    let Some(
        template @ Argument {
            kind: ArgumentKind::String(string),
            ..
        },
    ) = call.args.first()
    else {
        return;
    };
    let placeholders = string.placeholders;
    let values = call.args.len() - 1;
    if placeholders != values {
        out.push(ExprDiagnostic {
            issue: ExprIssue::PlaceholderCount,
            message: format!(
                "the `States.Format` template has {} but {} follow{}: each `{{}}` takes one argument (escape literal braces as `\\\\{{`)",
                plural(placeholders, "placeholder"),
                plural(values, "argument"),
                if values == 1 { "s" } else { "" }
            ),
            range: template.range(),
        });
    }
}

fn check_range_size(call: &Intrinsic, out: &mut Vec<ExprDiagnostic>) {
    let literal = |i: usize| match call.args.get(i).map(|a| &a.kind) {
        Some(ArgumentKind::Number(n)) if n.fract() == 0.0 && n.abs() < 1e18 => Some(*n as i128),
        _ => None,
    };
    let (Some(start), Some(end), Some(step)) = (literal(0), literal(1), literal(2)) else {
        return;
    };
    let problem = if step == 0 {
        "the step of `States.ArrayRange` must not be 0".to_owned()
    } else {
        let items = if (end - start).signum() == step.signum() || end == start {
            (end - start) / step + 1
        } else {
            0
        };
        if items <= MAX_RANGE_ITEMS {
            return;
        }
        format!("`States.ArrayRange` would produce {items} items; the limit is {MAX_RANGE_ITEMS}")
    };
    out.push(ExprDiagnostic {
        issue: ExprIssue::InvalidArgument,
        message: problem,
        range: call.range.clone(),
    });
}
