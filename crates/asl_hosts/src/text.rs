//! Definition text built from a host: a `DefinitionString` (plain, `Fn::Sub`, `Fn::Join`) or
//! a whole file, with placeholders kept and an offset map back into the host.

use asl_syntax::{Node, StringSourceMap, TextRange, Value};

use crate::holes::{Mode, placeholder, placeholders, reference, sub_parts};
use crate::map::{MappedText, OffsetMap};
use crate::{Reference, intrinsic};

/// Where copied text comes from.
#[derive(Clone, Copy)]
enum Origin {
    /// The decoded value of a scalar, registered in the map under this index.
    Scalar(u32),
    /// The file's own text, from this offset.
    Verbatim(u32),
}

pub(crate) struct Builder<'a> {
    out: MappedText,
    mode: Mode,
    references: &'a mut Vec<Reference>,
    /// Inside a JSON string of the text built so far, and after a backslash there.
    in_string: bool,
    escaped: bool,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(mode: Mode, references: &'a mut Vec<Reference>) -> Self {
        Builder {
            out: MappedText::default(),
            mode,
            references,
            in_string: false,
            escaped: false,
        }
    }

    /// The file offset of byte `offset` of the text copied from `origin`.
    fn source_at(&self, origin: Origin, offset: usize) -> u32 {
        match origin {
            Origin::Scalar(scalar) => self.out.scalar_source(scalar, offset),
            Origin::Verbatim(at) => at + offset as u32,
        }
    }

    fn segment(&mut self, origin: Origin, offset: usize, text: &str) {
        match origin {
            Origin::Scalar(scalar) => self.out.scalar(scalar, offset as u32, text),
            Origin::Verbatim(at) => self.out.verbatim(text, at + offset as u32),
        }
        self.track(text);
    }

    /// Follows JSON strings in the text, to know whether a placeholder needs quotes.
    fn track(&mut self, text: &str) {
        for b in text.bytes() {
            if !self.in_string {
                self.in_string = b == b'"';
            } else if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
            }
        }
    }

    /// Copies `text` (from `origin`), keeping its `${…}` placeholders as they are written. A
    /// placeholder outside a JSON string (`"Seconds": ${Wait}`) gets quotes, so that the
    /// definition still parses. `sub` holds the variables when the text is a `Fn::Sub` string.
    fn copy(&mut self, text: &str, origin: Origin, sub: Option<&[String]>) {
        let mut at = 0;
        for (start, end, name) in placeholders(text) {
            self.segment(origin, at, &text[at..start]);
            let quote = !self.in_string;
            if quote {
                self.out.point(self.source_at(origin, start), "\"");
            }
            let written = self.out.text.len() as u32;
            if sub.is_some() && name.starts_with('!') {
                // `${!Name}` comes out of `Fn::Sub` as `${Name}`.
                self.out_segment(origin, start, "${");
                self.out_segment(origin, start + 3, &text[start + 3..end]);
            } else {
                self.out_segment(origin, start, &text[start..end]);
            }
            let range = TextRange::new(written, self.out.text.len() as u32);
            if quote {
                self.out.point(self.source_at(origin, end), "\"");
            }
            if self.mode == Mode::Substitutions
                && let Some(reference) = reference(name, range, sub)
            {
                self.references.push(reference);
            }
            at = end;
        }
        self.segment(origin, at, &text[at..]);
    }

    /// A segment that leaves the JSON string state alone (placeholder text).
    fn out_segment(&mut self, origin: Origin, offset: usize, text: &str) {
        match origin {
            Origin::Scalar(scalar) => self.out.scalar(scalar, offset as u32, text),
            Origin::Verbatim(at) => self.out.verbatim(text, at + offset as u32),
        }
    }

    /// Copies the decoded value of the string node `node` of `source`.
    fn copy_scalar(&mut self, node: &Node, source: &str, sub: Option<&[String]>) {
        let Some(text) = node.as_str() else { return };
        let scalar = self.out.add_scalar(StringSourceMap::new(source, node.range));
        self.copy(text, Origin::Scalar(scalar), sub);
    }

    /// Text copied byte for byte from the file at `at`.
    pub(crate) fn verbatim(&mut self, text: &str, at: u32) {
        self.segment(Origin::Verbatim(at), 0, text);
    }

    /// `text` the file writes as an escape at `at` (`\"` in an HCL string).
    pub(crate) fn unescaped(&mut self, text: &str, at: u32) {
        self.out.point(at, text);
        self.track(text);
    }

    /// A placeholder copied byte for byte from the file at `at`, quoted when it stands
    /// outside a JSON string; its range in the definition text.
    pub(crate) fn placeholder_at(&mut self, text: &str, at: u32) -> TextRange {
        let quote = !self.in_string;
        if quote {
            self.out.point(at, "\"");
        }
        let written = self.out.text.len() as u32;
        self.out_segment(Origin::Verbatim(at), 0, text);
        let range = TextRange::new(written, self.out.text.len() as u32);
        if quote {
            self.out.point(at + text.len() as u32, "\"");
        }
        range
    }

    /// The length of the definition text so far.
    pub(crate) fn len(&self) -> u32 {
        self.out.text.len() as u32
    }

    pub(crate) fn references(&mut self) -> &mut Vec<Reference> {
        self.references
    }

    pub(crate) fn finish(self) -> (String, OffsetMap) {
        self.out.finish()
    }

    /// A placeholder for a node that is not text (an intrinsic function); its range in the
    /// definition text, without the quotes it gets outside a JSON string.
    pub(crate) fn hole(&mut self, range: TextRange, placeholder: &str) -> TextRange {
        let start = self.len();
        if self.in_string {
            self.out.node(range, placeholder);
            TextRange::new(start, self.len())
        } else {
            self.out.node(range, &format!("\"{placeholder}\""));
            TextRange::new(start + 1, self.len() - 1)
        }
    }
}

/// The definition text of a `DefinitionString` value (a string, `Fn::Sub` or `Fn::Join`),
/// or why it cannot be built.
pub(crate) fn definition_string(
    node: &Node,
    source: &str,
    mode: Mode,
    references: &mut Vec<Reference>,
) -> Result<(String, OffsetMap), String> {
    let mut builder = Builder::new(mode, references);
    if node.as_str().is_some() {
        builder.copy_scalar(node, source, None);
        return Ok(builder.out.finish());
    }
    match intrinsic(node) {
        Some(("Fn::Sub", value)) => {
            let (template, variables) =
                sub_parts(value).ok_or("its `Fn::Sub` has no template string asl-lint can read")?;
            builder.copy_scalar(template, source, Some(&variables));
        }
        Some(("Fn::Join", value)) => join(&mut builder, value, source)?,
        Some((key, _)) => return Err(format!("it is built with `{key}`, which asl-lint does not evaluate")),
        None => return Err(format!("it is {}, not a string", node.kind_name())),
    }
    Ok(builder.out.finish())
}

/// `Fn::Join: [delimiter, [fragments]]`: the fragments are copied, intrinsic functions among
/// them become placeholders, and each delimiter maps to the end of the fragment before it.
fn join(builder: &mut Builder<'_>, value: &Node, source: &str) -> Result<(), String> {
    let unreadable = || "its `Fn::Join` is not a delimiter and a list of fragments".to_owned();
    let [delimiter, fragments] = value.as_array().ok_or_else(unreadable)? else {
        return Err(unreadable());
    };
    let delimiter = delimiter.as_str().ok_or_else(unreadable)?;
    let fragments = fragments.as_array().ok_or_else(unreadable)?;
    let mut previous_end = None;
    for fragment in fragments {
        if let Some(at) = previous_end {
            builder.out.point(at, delimiter);
            builder.track(delimiter);
        }
        if fragment.as_str().is_some() {
            builder.copy_scalar(fragment, source, None);
            previous_end = Some(StringSourceMap::new(source, fragment.range).source_offset(usize::MAX));
            continue;
        }
        match intrinsic(fragment) {
            Some(("Fn::Sub", sub)) if sub_parts(sub).is_some() => {
                if let Some((template, variables)) = sub_parts(sub) {
                    builder.copy_scalar(template, source, Some(&variables));
                }
            }
            Some((key, inner)) => {
                builder.hole(fragment.range, &placeholder(key, inner));
            }
            None => {
                let written = source.get(fragment.range.as_usize()).unwrap_or_default();
                match fragment.value {
                    Value::Number(_) | Value::Bool(_) | Value::Null => {
                        builder.out.node(fragment.range, written);
                        builder.track(written);
                    }
                    _ => return Err(format!("a fragment of its `Fn::Join` is {}", fragment.kind_name())),
                }
            }
        }
        previous_end = Some(fragment.range.end);
    }
    Ok(())
}

/// A whole file (a JSON definition a template names) as definition text, its unquoted
/// placeholders quoted.
pub(crate) fn whole_file(text: &str, mode: Mode, references: &mut Vec<Reference>) -> (String, OffsetMap) {
    let mut builder = Builder::new(mode, references);
    builder.copy(text, Origin::Verbatim(0), None);
    builder.out.finish()
}
