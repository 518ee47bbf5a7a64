//! The boundary between LSP positions (line + column in the negotiated encoding) and the byte
//! offsets used everywhere else. Nothing outside this module converts positions.

use asl_diagnostics::{Diagnostic, Severity};
use asl_hosts::OffsetMap;
use asl_syntax::{LineCol, LineIndex, PositionEncoding, TextRange};
use tower_lsp_server::ls_types::{
    self as lsp, ClientCapabilities, CodeDescription, DiagnosticRelatedInformation, Location, NumberOrString,
    PositionEncodingKind, Uri,
};

/// Picks the position encoding: UTF-8 when the client offers it, else UTF-16 (the LSP default,
/// which every client supports).
pub(crate) fn negotiate_encoding(capabilities: &ClientCapabilities) -> PositionEncoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_deref())
        .unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        PositionEncoding::Utf8
    } else {
        PositionEncoding::Utf16
    }
}

pub(crate) fn encoding_kind(encoding: PositionEncoding) -> PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

/// Converts positions of one document version. With `definition`, offsets are those of a
/// definition text built from the document (a `DefinitionString`), mapped to and from it.
#[derive(Clone, Copy)]
pub(crate) struct Positions<'a> {
    pub(crate) index: &'a LineIndex,
    pub(crate) encoding: PositionEncoding,
    pub(crate) definition: Option<(&'a OffsetMap, &'a str)>,
}

impl<'a> Positions<'a> {
    /// Positions in the document itself.
    pub(crate) fn new(index: &'a LineIndex, encoding: PositionEncoding) -> Self {
        Positions {
            index,
            encoding,
            definition: None,
        }
    }

    /// The byte offset of a client position; past the end of a line gives the line's end,
    /// past the last line the end of the text. For a definition text, `u32::MAX` when the
    /// position is not in it.
    pub(crate) fn offset(&self, position: lsp::Position) -> u32 {
        let pos = LineCol {
            line: position.line,
            col: position.character,
        };
        let offset = self.index.offset(pos, self.encoding);
        match self.definition {
            Some((map, _)) => map.definition_offset(offset).unwrap_or(u32::MAX),
            None => offset,
        }
    }

    pub(crate) fn position(&self, offset: u32) -> lsp::Position {
        let offset = match self.definition {
            Some((map, _)) => map.offset(offset),
            None => offset,
        };
        let LineCol { line, col } = self.index.line_col(offset, self.encoding);
        lsp::Position::new(line, col)
    }

    pub(crate) fn range(&self, range: TextRange) -> lsp::Range {
        let range = match self.definition {
            Some((map, _)) => map.range(range).range,
            None => range,
        };
        let document = Positions::new(self.index, self.encoding);
        lsp::Range::new(document.position(range.start), document.position(range.end))
    }

    /// A client range as bytes; a reversed range is put in order.
    pub(crate) fn text_range(&self, range: lsp::Range) -> TextRange {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        TextRange::new(a.min(b), a.max(b))
    }

    /// The edit that writes `replacement` over `range`; `None` when, in a definition text,
    /// the range is not written in one piece in the document.
    pub(crate) fn text_edit(&self, range: TextRange, replacement: &str) -> Option<lsp::TextEdit> {
        match self.definition {
            None => Some(lsp::TextEdit::new(self.range(range), replacement.to_owned())),
            Some((map, text)) => {
                let (range, replacement) = map.edit(text, range, replacement)?;
                let document = Positions::new(self.index, self.encoding);
                Some(lsp::TextEdit::new(document.range(range), replacement))
            }
        }
    }
}

pub(crate) fn rule_docs_link(name: &str) -> Option<Uri> {
    asl_linter::docs::rule_url(name).parse().ok()
}

/// Renders one diagnostic for the client: code, doc link, severity, and the secondary labels
/// as related information.
pub(crate) fn diagnostic(diagnostic: &Diagnostic, positions: Positions<'_>, uri: &Uri) -> lsp::Diagnostic {
    let mut message = diagnostic.message.clone();
    for note in &diagnostic.notes {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<_> = diagnostic
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), positions.range(label.range)),
            message: label.message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: positions.range(diagnostic.range),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_owned())),
        code_description: rule_docs_link(diagnostic.name).map(|href| CodeDescription { href }),
        source: Some("asl-lint".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// A string as a JSON string literal, quotes included.
pub(crate) fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}
