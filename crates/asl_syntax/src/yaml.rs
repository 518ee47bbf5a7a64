//! Reads YAML into the same tree the JSON parser builds, with byte ranges into the YAML text.
//!
//! saphyr-parser's event stream is consumed one event at a time (its own loader recurses and
//! drops duplicate keys). Scalars are typed with the YAML 1.2 core schema, so a YAML file gives
//! the values its JSON conversion would. Nesting is capped at [`MAX_DEPTH`] like JSON; reading
//! stops there.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span, Tag};

use crate::error_log::ErrorLog;
use crate::scratch::take_from;
use crate::{Key, MAX_DEPTH, Member, Node, Number, Parse, TextRange, Value, excerpt};

/// Values that aliases may add to a document of any size, against "billion laughs" input.
const MIN_ALIAS_VALUES: usize = 1_000;
/// In a larger document aliases may add one value per this many bytes, so that the tree
/// stays in proportion to the text.
const ALIAS_BYTES_PER_VALUE: usize = 16;

/// Parses YAML text (one document). Never fails: see [`Parse`]. After a YAML syntax error the
/// root is [`Value::Error`], since a partial YAML tree is too often a different document.
///
/// Flow collections (`{…}`, `[…]`) whose lines are indented less than YAML requires, which
/// CloudFormation's YAML reader accepts (a JSON policy pasted into a template, its closing
/// brace at the key's indentation), are read as if indented enough.
pub fn parse_yaml(text: &str) -> Parse {
    let parse = parse_strict(text);
    if !parse.errors.iter().any(|e| e.message.contains("invalid indentation")) {
        return parse;
    }
    let Some((indented, inserted)) = indent_flow_lines(text) else {
        return parse;
    };
    let mut lenient = parse_strict(&indented);
    if !lenient.errors.is_empty() {
        return parse;
    }
    shift_back(&mut lenient.root, &inserted);
    lenient
}

fn parse_strict(text: &str) -> Parse {
    let mut builder = Builder::new(text);
    let mut parser = Parser::new_from_str(text);
    // saphyr-parser asserts on some internal states; a bug there must not take the caller down.
    let finished = catch_unwind(AssertUnwindSafe(|| {
        while let Some(next) = parser.next_event() {
            let more = match next {
                Ok((event, span)) => builder.event(event, span),
                Err(error) => {
                    let at = builder.offsets.byte(*error.marker());
                    builder.failed = true;
                    builder.error(format!("invalid YAML: {}", error.info()), builder.char_range(at));
                    false
                }
            };
            if !more {
                break;
            }
        }
    }));
    if finished.is_err() {
        builder.failed = true;
        builder.error(
            "the YAML parser failed on this file; please report it",
            TextRange::empty(0),
        );
    }
    builder.finish()
}

/// The text with every line inside a flow collection indented at least one space more than
/// the line the collection starts on, and where spaces were inserted: `(offset in text,
/// count)`. `None` when no line needed it.
fn indent_flow_lines(text: &str) -> Option<(String, Vec<(u32, u32)>)> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut inserted = Vec::new();
    let mut depth = 0usize;
    let mut base = 0usize;
    let mut quote: Option<char> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if depth > 0 && quote.is_none() && !blank && indent <= base {
            let missing = base + 1 - indent;
            inserted.push((line_start as u32, missing as u32));
            out.extend(std::iter::repeat_n(' ', missing));
        }
        out.push_str(line);
        // Follow brackets outside quotes and comments; a bracket or quote counts only where a
        // value starts (after `:`, `-`, `,`, another bracket or at the line's start).
        let mut previous = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some(q) if c == q => {
                    if q == '\'' && chars.peek() == Some(&'\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
                Some(_) => {}
                None => {
                    let at_value = matches!(previous, ' ' | '\t' | ':' | '-' | ',' | '[' | '{');
                    match c {
                        '#' if matches!(previous, ' ' | '\t') => break,
                        '"' | '\'' if at_value => quote = Some(c),
                        '[' | '{' if at_value || depth > 0 => {
                            if depth == 0 {
                                base = indent;
                            }
                            depth += 1;
                        }
                        ']' | '}' if depth > 0 => depth -= 1,
                        _ => {}
                    }
                }
            }
            if !c.is_whitespace() || quote.is_none() {
                previous = c;
            }
        }
        line_start += line.len();
    }
    (!inserted.is_empty()).then_some((out, inserted))
}

/// Moves every range of a tree read from text with inserted spaces back to the original text.
fn shift_back(root: &mut Node, inserted: &[(u32, u32)]) {
    let original = |offset: u32| {
        let mut shift = 0;
        for &(at, count) in inserted {
            let start = at + shift;
            if offset >= start + count {
                shift += count;
            } else if offset >= start {
                return at;
            } else {
                break;
            }
        }
        offset - shift
    };
    let mut pending = vec![root];
    while let Some(node) = pending.pop() {
        node.range = TextRange::new(original(node.range.start), original(node.range.end));
        match &mut node.value {
            Value::Array(items) => pending.extend(items.iter_mut()),
            Value::Object(members) => {
                for member in members {
                    member.key.range = TextRange::new(original(member.key.range.start), original(member.key.range.end));
                    pending.push(&mut member.value);
                }
            }
            _ => {}
        }
    }
}

/// Converts saphyr's character indexes to byte offsets.
struct ByteOffsets {
    /// The byte offset of every character (and of the end), or `None` for ASCII text.
    of_char: Option<Vec<u32>>,
    len: u32,
}

impl ByteOffsets {
    fn new(text: &str) -> Self {
        let of_char = (!text.is_ascii()).then(|| {
            let mut table: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
            table.push(text.len() as u32);
            table
        });
        Self {
            of_char,
            len: text.len() as u32,
        }
    }

    fn byte(&self, marker: Marker) -> u32 {
        match &self.of_char {
            Some(table) => table.get(marker.index()).copied().unwrap_or(self.len),
            None => marker.index().min(self.len as usize) as u32,
        }
    }
}

/// An open sequence or mapping.
struct Frame {
    start: u32,
    /// `[` or `{` style: the range ends at the closing bracket, not at the last entry.
    flow: bool,
    anchor: usize,
    /// A CloudFormation short-form tag (`!Join`) on the collection: it becomes `{"Fn::Join": …}`.
    intrinsic: Option<Intrinsic>,
    kind: FrameKind,
}

/// A CloudFormation short-form tag read as the long form's key.
struct Intrinsic {
    /// `Ref`, `Condition` or `Fn::<Name>`.
    key: &'static str,
    /// The tag as written (`!Sub`).
    range: TextRange,
}

/// Each open collection's entries so far sit at the end of the builder's `items` or `members`
/// from index `first` on, as in the JSON parser.
enum FrameKind {
    Sequence { first: usize },
    Mapping { first: usize, key: KeySlot },
}

enum KeySlot {
    Expected,
    Ready(Key),
    /// The key was not a string (an error was reported): its value is dropped.
    Invalid,
}

struct Anchored {
    node: Node,
    values: usize,
    height: usize,
}

struct Builder<'a> {
    text: &'a str,
    offsets: ByteOffsets,
    stack: Vec<Frame>,
    /// The entries of the open sequences, innermost last.
    items: Vec<Node>,
    /// The entries of the open mappings, innermost last.
    members: Vec<Member>,
    root: Option<Node>,
    documents: usize,
    anchors: HashMap<usize, Anchored>,
    alias_values: usize,
    /// The most values aliases may add to this document.
    max_alias_values: usize,
    errors: ErrorLog,
    /// The YAML could not be read to its end: the tree so far is not kept.
    failed: bool,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            offsets: ByteOffsets::new(text),
            stack: Vec::new(),
            items: Vec::new(),
            members: Vec::new(),
            root: None,
            documents: 0,
            anchors: HashMap::new(),
            alias_values: 0,
            max_alias_values: MIN_ALIAS_VALUES.max(text.len() / ALIAS_BYTES_PER_VALUE),
            errors: ErrorLog::default(),
            failed: false,
        }
    }

    fn finish(self) -> Parse {
        let root = match self.root {
            Some(root) if !self.failed => root,
            _ => Node {
                value: Value::Error,
                range: TextRange::empty(0),
            },
        };
        let mut errors = self.errors;
        if self.documents == 0 && errors.is_empty() {
            errors.report("expected a YAML document, found an empty file", TextRange::empty(0));
        }
        Parse {
            root,
            errors: errors.finish(),
        }
    }

    fn error(&mut self, message: impl Into<String>, range: TextRange) {
        self.errors.report(message, range);
    }

    /// The source between two offsets (empty if they are not character boundaries).
    fn slice(&self, range: std::ops::Range<u32>) -> &'a str {
        self.text.get(range.start as usize..range.end as usize).unwrap_or("")
    }

    /// The character at `at` (none at a line end or the end of the text), to underline a position.
    fn char_range(&self, at: u32) -> TextRange {
        let width = self
            .slice(at..self.offsets.len)
            .chars()
            .next()
            .filter(|c| *c != '\n' && *c != '\r')
            .map_or(0, char::len_utf8);
        TextRange::new(at, at + width as u32)
    }

    /// Handles one event; `false` stops reading.
    fn event(&mut self, event: Event<'_>, span: Span) -> bool {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    let start = self.offsets.byte(span.start);
                    let range = TextRange::new(start, self.offsets.byte(span.end).max(start));
                    self.error(
                        "a state machine file holds one YAML document; remove this second one",
                        range,
                    );
                    return false;
                }
            }
            Event::Scalar(value, style, anchor, tag) => self.scalar(&value, style, anchor, tag.as_deref(), span),
            Event::Alias(id) => self.alias(id, span),
            Event::SequenceStart(anchor, tag) => {
                let first = self.items.len();
                return self.open(FrameKind::Sequence { first }, anchor, tag.as_deref(), span);
            }
            Event::MappingStart(anchor, tag) => {
                let first = self.members.len();
                return self.open(
                    FrameKind::Mapping {
                        first,
                        key: KeySlot::Expected,
                    },
                    anchor,
                    tag.as_deref(),
                    span,
                );
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(self.offsets.byte(span.end)),
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        true
    }

    /// Opens a collection; `false` stops reading.
    fn open(&mut self, kind: FrameKind, anchor: usize, tag: Option<&Tag>, span: Span) -> bool {
        let properties = self.offsets.byte(span.start);
        let intrinsic = self.intrinsic(tag, properties);
        let start = self.skip_properties(properties);
        if self.stack.len() >= MAX_DEPTH {
            let at = self.char_range(start);
            self.error(format!("nesting deeper than {MAX_DEPTH} levels is not supported"), at);
            // The scanner keeps state for every open level, and queues a token for each when
            // they close, so reading stops here: the tree keeps what came before, and the deep
            // value is an error.
            let deep = Node {
                value: Value::Error,
                range: at,
            };
            self.attach(wrap(deep, intrinsic), anchor);
            while !self.stack.is_empty() {
                self.close(start);
            }
            return false;
        }
        let flow = matches!(self.text.as_bytes().get(start as usize), Some(b'[' | b'{'));
        self.stack.push(Frame {
            start,
            flow,
            anchor,
            intrinsic,
            kind,
        });
        true
    }

    /// Closes the innermost collection; a flow collection ends at `end`.
    fn close(&mut self, end: u32) {
        let Some(frame) = self.stack.pop() else { return };
        let (value, children) = match frame.kind {
            FrameKind::Sequence { first } => {
                let items = take_from(&mut self.items, first);
                let children = items
                    .first()
                    .zip(items.last())
                    .map(|(first, last)| (first.range, last.range));
                (Value::Array(items), children)
            }
            FrameKind::Mapping { first, .. } => {
                let members = take_from(&mut self.members, first);
                let children = members
                    .first()
                    .zip(members.last())
                    .map(|(first, last)| (first.key.range, last.value.range));
                (Value::Object(members), children)
            }
        };
        let range = match children {
            // A block collection spans its entries: its end event sits at the next token.
            Some((first, last)) if !frame.flow => {
                let start = match value {
                    Value::Array(_) => self.dash_before(first.start),
                    _ => first.start,
                };
                TextRange::new(start, last.end.max(start))
            }
            _ => TextRange::new(frame.start, end.max(frame.start)),
        };
        let node = wrap(Node { value, range }, frame.intrinsic);
        self.attach(node, frame.anchor);
    }

    /// The `-` that introduces a block sequence entry starting at `at`.
    fn dash_before(&self, at: u32) -> u32 {
        let before = self.slice(0..at).trim_end_matches([' ', '\t']);
        if before.ends_with('-') {
            before.len() as u32 - 1
        } else {
            at
        }
    }

    fn scalar(&mut self, value: &str, style: ScalarStyle, anchor: usize, tag: Option<&Tag>, span: Span) {
        let range = self.scalar_range(style, span);
        if let Some(Frame {
            kind: FrameKind::Mapping {
                key: key @ KeySlot::Expected,
                ..
            },
            ..
        }) = self.stack.last_mut()
        {
            // Keys are strings whatever they look like: `200:` is the key "200".
            *key = KeySlot::Ready(Key {
                text: value.into(),
                range,
            });
            if anchor != 0 {
                let node = Node {
                    value: Value::String(value.into()),
                    range,
                };
                self.anchors.insert(
                    anchor,
                    Anchored {
                        node,
                        values: 1,
                        height: 0,
                    },
                );
            }
            return;
        }
        let intrinsic = self.intrinsic(tag, self.offsets.byte(span.start));
        let value = match typed_scalar(value, style, tag) {
            Ok(value) => value,
            Err(message) => {
                self.error(message, range);
                Value::Error
            }
        };
        let mut node = Node { value, range };
        if let Some(Intrinsic { key: "Fn::GetAtt", .. }) = intrinsic {
            node = split_get_att(node, self.text, style);
        }
        self.attach(wrap(node, intrinsic), anchor);
    }

    /// The CloudFormation intrinsic a short-form tag stands for, with the tag's range (the
    /// first `!` token among the properties written from `at`).
    fn intrinsic(&self, tag: Option<&Tag>, mut at: u32) -> Option<Intrinsic> {
        let tag = tag.filter(|tag| tag.handle == "!")?;
        let key = intrinsic_key(&tag.suffix)?;
        let bytes = self.text.as_bytes();
        while let Some(b'&' | b'!') = bytes.get(at as usize) {
            let token_start = at;
            while bytes.get(at as usize).is_some_and(|b| !b.is_ascii_whitespace()) {
                at += 1;
            }
            if bytes.get(token_start as usize) == Some(&b'!') {
                return Some(Intrinsic {
                    key,
                    range: TextRange::new(token_start, at),
                });
            }
            while bytes.get(at as usize).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
        }
        Some(Intrinsic {
            key,
            range: TextRange::empty(at),
        })
    }

    fn alias(&mut self, id: usize, span: Span) {
        let start = self.offsets.byte(span.start);
        let range = TextRange::new(start, self.offsets.byte(span.end).max(start));
        let node = match self.anchors.get(&id) {
            None => Err("this alias refers to an anchor that could not be read"),
            Some(anchored) if self.stack.len() + anchored.height > MAX_DEPTH => {
                Err("this alias nests values deeper than is supported")
            }
            Some(anchored) if self.alias_values + anchored.values > self.max_alias_values => {
                Err("aliases in this file expand to too many values")
            }
            Some(anchored) => {
                self.alias_values += anchored.values;
                // The copy keeps the anchor's inner ranges; the value itself points at the alias.
                Ok(Node {
                    value: anchored.node.value.clone(),
                    range,
                })
            }
        };
        let node = node.unwrap_or_else(|message| {
            self.error(message, range);
            Node {
                value: Value::Error,
                range,
            }
        });
        self.attach(node, 0);
    }

    /// Adds a finished value to the innermost collection, or makes it the document.
    fn attach(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            let (values, height) = measure(&node);
            self.anchors.insert(
                anchor,
                Anchored {
                    node: node.clone(),
                    values,
                    height,
                },
            );
        }
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut frame.kind {
            FrameKind::Sequence { .. } => self.items.push(node),
            FrameKind::Mapping { key, .. } => match std::mem::replace(key, KeySlot::Expected) {
                KeySlot::Ready(key) => self.members.push(Member { key, value: node }),
                KeySlot::Invalid => {}
                KeySlot::Expected => match node.value {
                    Value::String(text) => {
                        *key = KeySlot::Ready(Key {
                            text,
                            range: node.range,
                        })
                    }
                    _ => {
                        *key = KeySlot::Invalid;
                        self.error("a mapping key must be a string", node.range);
                    }
                },
            },
        }
    }

    /// Skips the anchor (`&a`) and tag (`!t`) written before a node, and the space after them.
    fn skip_properties(&self, mut at: u32) -> u32 {
        let bytes = self.text.as_bytes();
        while let Some(b'&' | b'!') = bytes.get(at as usize) {
            while bytes.get(at as usize).is_some_and(|b| !b.is_ascii_whitespace()) {
                at += 1;
            }
            loop {
                match bytes.get(at as usize) {
                    Some(b) if b.is_ascii_whitespace() => at += 1,
                    Some(b'#') => {
                        while bytes.get(at as usize).is_some_and(|b| *b != b'\n') {
                            at += 1;
                        }
                    }
                    _ => break,
                }
            }
        }
        at
    }

    /// The scalar's own text: saphyr's span may start at its anchor or tag, and run on over a
    /// trailing comment after a quoted scalar or over the line breaks after a block scalar.
    fn scalar_range(&self, style: ScalarStyle, span: Span) -> TextRange {
        let mut start = self.skip_properties(self.offsets.byte(span.start));
        if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            start = self.block_indicator(start);
        }
        let span_end = self.offsets.byte(span.end).max(start);
        let bytes = self.slice(start..self.offsets.len).as_bytes();
        let quoted_len = match style {
            ScalarStyle::DoubleQuoted => closing_quote(bytes, b'"', |b, i| {
                // A backslash escapes the next character.
                if b[i] == b'\\' { Some(i + 2) } else { None }
            }),
            ScalarStyle::SingleQuoted => closing_quote(bytes, b'\'', |b, i| {
                // `''` is an escaped quote.
                (b[i] == b'\'' && b.get(i + 1) == Some(&b'\'')).then_some(i + 2)
            }),
            ScalarStyle::Plain | ScalarStyle::Literal | ScalarStyle::Folded => None,
        };
        let end = match quoted_len {
            Some(len) => start + len as u32,
            None => start + self.slice(start..span_end).trim_end().len() as u32,
        };
        TextRange::new(start, end)
    }
}

impl Builder<'_> {
    /// A block scalar's range starts at its `|` or `>` indicator, so that its header tells how
    /// to read it. saphyr's span starts there only when the scalar has a tag; otherwise it
    /// starts at the first content line, after the header line and any empty lines.
    fn block_indicator(&self, start: u32) -> u32 {
        let bytes = self.text.as_bytes();
        if matches!(bytes.get(start as usize), Some(b'|' | b'>')) {
            return start;
        }
        let mut line_start = self.slice(0..start).rfind(['\n', '\r']).map_or(0, |at| at + 1);
        while line_start > 0 {
            let header_end = line_start - 1;
            let header_start = self
                .slice(0..header_end as u32)
                .rfind(['\n', '\r'])
                .map_or(0, |at| at + 1);
            let header = self.slice(header_start as u32..header_end as u32);
            if header.trim().is_empty() || header.trim_end().is_empty() {
                line_start = header_start;
                continue;
            }
            // The first `|` or `>` followed only by indicators, white space and a comment.
            let found = header.char_indices().find(|&(at, c)| {
                matches!(c, '|' | '>') && {
                    let rest =
                        header[at + 1..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
                    let trimmed = rest.trim_start();
                    trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len())
                }
            });
            return found.map_or(start, |(at, _)| (header_start + at) as u32);
        }
        start
    }
}

/// The length of a quoted scalar up to and including its closing quote; `escape` returns the
/// index after an escape sequence starting at `i`.
fn closing_quote(bytes: &[u8], quote: u8, escape: impl Fn(&[u8], usize) -> Option<usize>) -> Option<usize> {
    if bytes.first() != Some(&quote) {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        if let Some(next) = escape(bytes, i) {
            i = next;
        } else if bytes[i] == quote {
            return Some(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The long-form key of a CloudFormation short-form tag (`Sub` → `Fn::Sub`).
fn intrinsic_key(suffix: &str) -> Option<&'static str> {
    Some(match suffix {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "And" => "Fn::And",
        "Base64" => "Fn::Base64",
        "Cidr" => "Fn::Cidr",
        "Equals" => "Fn::Equals",
        "FindInMap" => "Fn::FindInMap",
        "GetAtt" => "Fn::GetAtt",
        "GetAZs" => "Fn::GetAZs",
        "If" => "Fn::If",
        "ImportValue" => "Fn::ImportValue",
        "Join" => "Fn::Join",
        "Length" => "Fn::Length",
        "Not" => "Fn::Not",
        "Or" => "Fn::Or",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "Sub" => "Fn::Sub",
        "ToJsonString" => "Fn::ToJsonString",
        "Transform" => "Fn::Transform",
        _ => return None,
    })
}

/// `node` as the long form of a short-form tag: `{"Fn::Sub": node}`, from the tag to the value.
fn wrap(node: Node, intrinsic: Option<Intrinsic>) -> Node {
    let Some(intrinsic) = intrinsic else { return node };
    let range = TextRange::new(intrinsic.range.start.min(node.range.start), node.range.end);
    Node {
        value: Value::Object(Box::new([Member {
            key: Key {
                text: intrinsic.key.into(),
                range: intrinsic.range,
            },
            value: node,
        }])),
        range,
    }
}

/// `!GetAtt Resource.Attribute` is `["Resource", "Attribute"]` in the long form (split at the
/// first dot), as CloudFormation reads it.
fn split_get_att(node: Node, text: &str, style: ScalarStyle) -> Node {
    let Value::String(name) = &node.value else { return node };
    let Some((resource, attribute)) = name.split_once('.') else {
        return node;
    };
    // A plain scalar is written as it reads, so each part has its own range.
    let (first, second) = match style {
        ScalarStyle::Plain if text.get(node.range.as_usize()) == Some(name.as_str()) => {
            let dot = node.range.start + resource.len() as u32;
            (
                TextRange::new(node.range.start, dot),
                TextRange::new(dot + 1, node.range.end),
            )
        }
        _ => (node.range, node.range),
    };
    let part = |text: &str, range| Node {
        value: Value::String(text.into()),
        range,
    };
    Node {
        value: Value::Array(Box::new([part(resource, first), part(attribute, second)])),
        range: node.range,
    }
}

/// The number of values in a tree and its height, without recursion.
fn measure(node: &Node) -> (usize, usize) {
    let mut values = 0;
    let mut height = 0;
    let mut pending = vec![(node, 0)];
    while let Some((node, depth)) = pending.pop() {
        values += 1;
        height = height.max(depth);
        match &node.value {
            Value::Array(items) => pending.extend(items.iter().map(|item| (item, depth + 1))),
            Value::Object(members) => pending.extend(members.iter().map(|m| (&m.value, depth + 1))),
            _ => {}
        }
    }
    (values, height)
}

/// Types a scalar by the YAML 1.2 core schema: quoted and block scalars are strings, and so is
/// anything tagged `!!str`; plain ones may be null, booleans or numbers. Other tags are ignored.
fn typed_scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    let core_tag = tag
        .filter(|tag| tag.is_yaml_core_schema())
        .map(|tag| tag.suffix.as_str());
    let plain = match core_tag {
        Some("str") => false,
        Some("null" | "bool" | "int" | "float") => true,
        _ => style == ScalarStyle::Plain,
    };
    if !plain {
        return Ok(Value::String(text.into()));
    }
    Ok(match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => match core_number(text) {
            Some(number) => Value::Number(number?),
            None => Value::String(text.into()),
        },
    })
}

/// A core-schema number, classified like the JSON parser's; `None` when `text` is not one.
fn core_number(text: &str) -> Option<Result<Number, String>> {
    let out_of_range = || format!("number `{}` is out of range", excerpt(text));
    let radix = |digits: &str, radix: u32| {
        let valid = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
        valid.then(|| {
            u64::from_str_radix(digits, radix)
                .map(Number::PosInt)
                .map_err(|_| out_of_range())
        })
    };
    if let Some(octal) = text.strip_prefix("0o") {
        return radix(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    let negative = text.starts_with('-');
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(Err(format!("`{text}` has no JSON equivalent: write a finite number")));
    }
    if !is_core_float(unsigned) {
        return None;
    }
    if unsigned.bytes().all(|b| b.is_ascii_digit()) {
        // An integer (`007` and `+1` too); too large for 64 bits, it becomes a float as in JSON.
        match (negative, unsigned.parse::<u64>()) {
            (false, Ok(n)) | (true, Ok(n @ 0)) => return Some(Ok(Number::PosInt(n))),
            (true, Ok(n)) if n <= 1 << 63 => return Some(Ok(Number::NegInt((n as i64).wrapping_neg()))),
            _ => {}
        }
    }
    Some(
        text.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Number::Float)
            .ok_or_else(out_of_range),
    )
}

/// `[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `\.[0-9]+([eE][-+]?[0-9]+)?` (the sign is gone).
fn is_core_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok = all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok
}
