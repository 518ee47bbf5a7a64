//! Renderers: `human` (codespan-reporting), `concise` (one line each), `github` and `json`
//! (public API). Every renderer shows input text through
//! [`printable`](crate::printable::printable), except JSON, which keeps the data and escapes
//! every control character ([`json_safe`](crate::printable::json_safe)).

use std::cell::{Cell, OnceCell};
use std::fmt::Write as _;

use asl_syntax::{LineIndex, Node, PositionEncoding, pointer_at};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, Config, Styles, StylesWriter, WriteStyle, termcolor};
use serde::Serialize;

use crate::printable::{PrintableSource, is_printable_ascii, json_safe, printable};
use crate::{Diagnostic, Severity};

/// Everything the renderers need to know about one checked file.
pub struct FileReport<'a> {
    /// The path as given on the command line or as found while walking.
    pub path: &'a str,
    /// The text, or `None` when the file could not be read.
    pub source: Option<&'a str>,
    /// The parsed root, used for JSON Pointers.
    pub root: Option<&'a Node>,
    pub diagnostics: &'a [Diagnostic],
}

/// Version of the JSON output format. Bump only on an incompatible change.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// Renders diagnostics the way a person reads them, with source excerpts. Text from the input
/// (the path, messages, source lines) is shown through [`printable`].
pub fn human(report: &FileReport<'_>, color: bool) -> String {
    if report.diagnostics.is_empty() {
        return String::new();
    }
    let config = Config::default();
    let styles = Styles::default();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let source = report.source.map(PrintableSource::new);
    let path = printable(report.path);
    let file = ExcerptFile::new(path.as_ref(), source.as_ref().map_or("", |source| source.text.as_ref()));
    for diagnostic in report.diagnostics {
        let converted = to_codespan(diagnostic, source.as_ref());
        let mut writer = StylesWriter::new(&mut buffer, &styles);
        if plain_excerpt(&mut writer, &file, &converted).is_some() {
            continue;
        }
        if term::emit_to_write_style(&mut writer, &config, &file, &converted).is_err() {
            // Only possible when a range lies outside the text: fall back to one line.
            let _ = std::io::Write::write_all(&mut buffer, concise_line(report, diagnostic, None).as_bytes());
        }
    }
    String::from_utf8(buffer.into_inner())
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Writes a diagnostic with one primary label and any secondary ones, each on a line of its
/// own of printable ASCII, byte for byte (colors included) as codespan-reporting writes it;
/// `None`, having written nothing, for any other shape. Codespan formats each character of a
/// line on its own, which made it most of the time spent on the human output.
fn plain_excerpt(writer: &mut impl WriteStyle, file: &ExcerptFile<'_>, diagnostic: &cs::Diagnostic<()>) -> Option<()> {
    if diagnostic
        .labels
        .iter()
        .filter(|label| label.style == cs::LabelStyle::Primary)
        .count()
        != 1
    {
        return None;
    }
    let mut labels = diagnostic
        .labels
        .iter()
        .map(|label| PlainLabel::new(file.source, label))
        .collect::<Option<Vec<_>>>()?;
    labels.sort_by_key(|label| label.line.start);
    if labels.windows(2).any(|pair| pair[0].line.start == pair[1].line.start) {
        return None;
    }
    // In the order of the text, so that each is counted on from the one before.
    let numbers: Vec<usize> = labels.iter().map(|label| file.line_number(label.line.start)).collect();
    // Codespan shows the line between two labels two lines apart: checked before writing.
    let mut between = Vec::new();
    for (index, pair) in numbers.windows(2).enumerate() {
        if pair[1] - pair[0] == 2 {
            between.push(plain_line(file.source, labels[index].line.end + 1)?);
        }
    }
    let primary = labels.iter().position(|label| label.primary)?;
    write_plain_excerpt(writer, file, diagnostic, &labels, &numbers, &between, primary).ok()
}

/// Writes what [`plain_excerpt`] has checked, with codespan's style changes.
fn write_plain_excerpt(
    w: &mut impl WriteStyle,
    file: &ExcerptFile<'_>,
    diagnostic: &cs::Diagnostic<()>,
    labels: &[PlainLabel<'_>],
    numbers: &[usize],
    between: &[PlainLine<'_>],
    primary: usize,
) -> std::io::Result<()> {
    let severity = diagnostic.severity;
    let width = numbers.last().map_or(1, |&last| itoa::Buffer::new().format(last).len());
    let gutter = " ".repeat(width + 1);
    let border = |w: &mut dyn WriteStyle, text: &str| -> std::io::Result<()> {
        w.set_source_border()?;
        w.write_all(text.as_bytes())?;
        w.reset()
    };
    let source_line = |w: &mut dyn WriteStyle, number: usize, line: &PlainLine<'_>, colored: Option<(usize, usize)>| {
        w.set_line_number()?;
        write!(w, "{number:>width$}")?;
        w.reset()?;
        w.write_all(b" ")?;
        border(w, "│")?;
        w.write_all(b" ")?;
        let text = line.text;
        match colored.map(|(start, end)| (start, end.min(text.len()))) {
            Some((start, end)) if start < end => {
                w.write_all(&text.as_bytes()[..start])?;
                w.set_label(severity, cs::LabelStyle::Primary)?;
                w.write_all(&text.as_bytes()[start..end])?;
                w.reset()?;
                w.write_all(&text.as_bytes()[end..])?;
            }
            _ => w.write_all(text.as_bytes())?,
        }
        w.write_all(b"\n")
    };
    let name = match severity {
        cs::Severity::Bug => "bug",
        cs::Severity::Error => "error",
        cs::Severity::Warning => "warning",
        cs::Severity::Help => "help",
        cs::Severity::Note => "note",
    };
    w.set_header(severity)?;
    w.write_all(name.as_bytes())?;
    if let Some(code) = diagnostic.code.as_deref().filter(|code| !code.is_empty()) {
        write!(w, "[{code}]")?;
    }
    w.set_header_message()?;
    write!(w, ": {}", diagnostic.message)?;
    w.reset()?;
    w.write_all(b"\n")?;
    w.write_all(gutter.as_bytes())?;
    border(w, "┌─")?;
    writeln!(w, " {}:{}:{}", file.name, numbers[primary], labels[primary].start + 1)?;
    w.write_all(gutter.as_bytes())?;
    border(w, "│")?;
    w.write_all(b"\n")?;
    let mut between = between.iter();
    for (index, label) in labels.iter().enumerate() {
        let colored = label.primary.then_some((label.start, label.end));
        source_line(w, numbers[index], &label.line, colored)?;
        let (style, caret) = if label.primary {
            (cs::LabelStyle::Primary, "^")
        } else {
            (cs::LabelStyle::Secondary, "-")
        };
        w.write_all(gutter.as_bytes())?;
        border(w, "│")?;
        w.write_all(b" ")?;
        w.write_all(" ".repeat(label.start).as_bytes())?;
        w.set_label(severity, style)?;
        w.write_all(caret.repeat(label.end - label.start).as_bytes())?;
        w.reset()?;
        if !label.message.is_empty() {
            w.write_all(b" ")?;
            w.set_label(severity, style)?;
            w.write_all(label.message.as_bytes())?;
            w.reset()?;
        }
        w.write_all(b"\n")?;
        match numbers.get(index + 1).map(|next| next - numbers[index]) {
            None | Some(1) => {}
            Some(2) => {
                if let Some(line) = between.next() {
                    source_line(w, numbers[index] + 1, line, None)?;
                }
            }
            Some(_) => {
                w.write_all(gutter.as_bytes())?;
                border(w, "·")?;
                w.write_all(b"\n")?;
            }
        }
    }
    if !diagnostic.notes.is_empty() {
        w.write_all(gutter.as_bytes())?;
        border(w, "│")?;
        w.write_all(b"\n")?;
    }
    for note in &diagnostic.notes {
        for (index, note_line) in note.lines().enumerate() {
            w.write_all(gutter.as_bytes())?;
            if index == 0 {
                w.set_note_bullet()?;
                w.write_all(b"=")?;
                w.reset()?;
            } else {
                w.write_all(b" ")?;
            }
            writeln!(w, " {note_line}")?;
        }
    }
    w.write_all(b"\n")
}

/// A line of printable ASCII: its text without the line break, and where it starts and ends.
struct PlainLine<'a> {
    text: &'a str,
    start: usize,
    /// The offset of the line feed that ends it, or the length of the source.
    end: usize,
}

/// The line that starts at `start`, if it is printable ASCII (ignoring a trailing CR or NUL,
/// which codespan leaves out too).
fn plain_line(source: &str, start: usize) -> Option<PlainLine<'_>> {
    let rest = source.get(start..)?;
    let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(source.len(), |at| start + at);
    let text = source.get(start..end)?.trim_end_matches(['\r', '\0']);
    is_printable_ascii(text).then_some(PlainLine { text, start, end })
}

/// A label of a plain excerpt: carets under columns `start..end` of its line.
struct PlainLabel<'a> {
    line: PlainLine<'a>,
    start: usize,
    end: usize,
    primary: bool,
    message: &'a str,
}

impl<'a> PlainLabel<'a> {
    /// `None` unless the label lies on one line of printable ASCII.
    fn new(source: &'a str, label: &'a cs::Label<()>) -> Option<Self> {
        let (start, end) = (label.range.start, label.range.end);
        let line_start = memchr::memrchr(b'\n', source.as_bytes().get(..start)?).map_or(0, |at| at + 1);
        let line = plain_line(source, line_start)?;
        if end < start || end > line.end {
            return None;
        }
        let (start, end) = (start - line_start, (end - line_start).max(start - line_start + 1));
        // One column per byte; the caret after the last character marks the end of the line.
        if end > line.text.len() + 1 {
            return None;
        }
        Some(PlainLabel {
            line,
            start,
            end,
            primary: label.style == cs::LabelStyle::Primary,
            message: &label.message,
        })
    }
}

/// The one file codespan renders excerpts of, as its `SimpleFile` but with the line starts
/// found by `memchr` (`SimpleFile` finds them a character at a time), and only when codespan
/// asks: the plain excerpts count lines themselves.
struct ExcerptFile<'a> {
    name: &'a str,
    source: &'a str,
    line_starts: OnceCell<Vec<usize>>,
    /// The line number of the offset counted last, to count on from there: findings come in
    /// the order of the text.
    counted: Cell<(usize, usize)>,
}

impl<'a> ExcerptFile<'a> {
    fn new(name: &'a str, source: &'a str) -> Self {
        ExcerptFile {
            name,
            source,
            line_starts: OnceCell::new(),
            counted: Cell::new((0, 1)),
        }
    }

    /// The 1-based number of the line that holds `offset`.
    fn line_number(&self, offset: usize) -> usize {
        let (from, line) = match self.counted.get() {
            (counted, line) if counted <= offset => (counted, line),
            _ => (0, 1),
        };
        let line = line + memchr::memchr_iter(b'\n', &self.source.as_bytes()[from..offset]).count();
        self.counted.set((offset, line));
        line
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.source.as_bytes()).map(|at| at + 1))
                .collect()
        })
    }

    fn line_start(&self, line_index: usize) -> Result<usize, files::Error> {
        let line_starts = self.line_starts();
        match line_starts.get(line_index) {
            Some(&start) => Ok(start),
            None if line_index == line_starts.len() => Ok(self.source.len()),
            None => Err(files::Error::LineTooLarge {
                given: line_index,
                max: line_starts.len() - 1,
            }),
        }
    }
}

impl<'a> Files<'a> for ExcerptFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.line_starts().partition_point(|&start| start <= byte_index) - 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<std::ops::Range<usize>, files::Error> {
        Ok(self.line_start(line_index)?..self.line_start(line_index + 1)?)
    }
}

fn to_codespan(diagnostic: &Diagnostic, source: Option<&PrintableSource<'_>>) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    };
    let mut labels = Vec::new();
    if let Some(source) = source {
        labels.push(cs::Label::primary((), source.range(diagnostic.range)));
        for label in &diagnostic.labels {
            labels.push(cs::Label::secondary((), source.range(label.range)).with_message(printable(&label.message)));
        }
    }
    let mut notes: Vec<String> = diagnostic
        .notes
        .iter()
        .map(|note| format!("note: {}", printable(note)))
        .collect();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {}", printable(help)));
    }
    if let Some(fix) = &diagnostic.fix {
        notes.push(format!("fix: {}", printable(&fix.title)));
    }
    cs::Diagnostic::new(severity)
        .with_code(format!("{} {}", diagnostic.code, diagnostic.name))
        .with_message(printable(&diagnostic.message))
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders one line per diagnostic: `path:line:col: severity[CODE name] message`. Text from the
/// input is shown through [`printable`], so one finding is always one line.
pub fn concise(report: &FileReport<'_>) -> String {
    let index = report.source.map(LineIndex::new);
    let mut out = String::new();
    for diagnostic in report.diagnostics {
        out.push_str(&concise_line(report, diagnostic, index.as_ref()));
    }
    out
}

fn concise_line(report: &FileReport<'_>, diagnostic: &Diagnostic, index: Option<&LineIndex>) -> String {
    let path = printable(report.path);
    let location = match index {
        Some(index) => {
            let pos = index.line_col(diagnostic.range.start, PositionEncoding::Utf32);
            format!("{path}:{}:{}", pos.line + 1, pos.col + 1)
        }
        None => path.into_owned(),
    };
    format!(
        "{location}: {}[{} {}] {}\n",
        diagnostic.severity,
        diagnostic.code,
        diagnostic.name,
        printable(&diagnostic.message)
    )
}

/// Renders GitHub Actions workflow commands, which show as annotations on the changed lines.
/// Text from the input goes through [`printable`], then the workflow-command escaping, so it
/// can neither end a command early nor start one.
pub fn github(report: &FileReport<'_>) -> String {
    let index = report.source.map(LineIndex::new);
    let mut out = String::new();
    for diagnostic in report.diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = format!("file={}", escape_property(&printable(report.path)));
        if let Some(index) = &index {
            let start = index.line_col(diagnostic.range.start, PositionEncoding::Utf32);
            let end = index.line_col(diagnostic.range.end, PositionEncoding::Utf32);
            let _ = write!(
                properties,
                ",line={},col={},endLine={},endColumn={}",
                start.line + 1,
                start.col + 1,
                end.line + 1,
                end.col + 1
            );
        }
        let title = format!("{} {}", diagnostic.code, diagnostic.name);
        let _ = writeln!(
            out,
            "::{level} {properties},title={}::{}",
            escape_property(&title),
            escape_data(&printable(&diagnostic.message))
        );
    }
    out
}

/// Escaping of workflow-command data (the message).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of workflow-command properties (file, title).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Renders the JSON document described in the README (public API).
pub fn json(reports: &[FileReport<'_>]) -> String {
    let mut summary = JsonSummary::default();
    let mut diagnostics = Vec::new();
    for report in reports {
        let index = report.source.map(LineIndex::new);
        for diagnostic in report.diagnostics {
            summary.counts.add(diagnostic.severity, 1);
            summary.omitted.add(diagnostic.severity, diagnostic.omitted);
            summary.suggestions_skipped += usize::from(diagnostic.suggestion_skipped);
            diagnostics.push(json_diagnostic(report, diagnostic, index.as_ref()));
        }
    }
    let document = JsonOutput {
        version: JSON_FORMAT_VERSION,
        files_checked: reports.len(),
        summary,
        diagnostics,
    };
    let mut out = json_safe(serde_json::to_string_pretty(&document).unwrap_or_default());
    out.push('\n');
    out
}

/// The JSON output format (public API: fields are only ever added).
#[derive(Serialize)]
struct JsonOutput<'a> {
    version: u32,
    files_checked: usize,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// The diagnostics listed, by severity, and (only when there are some) the findings that caps
/// left out of the list and the findings that come without a "did you mean" suggestion
/// because their file's suggestion budget was spent.
#[derive(Serialize, Default)]
struct JsonSummary {
    #[serde(flatten)]
    counts: JsonCounts,
    #[serde(skip_serializing_if = "JsonCounts::is_zero")]
    omitted: JsonCounts,
    #[serde(skip_serializing_if = "is_zero")]
    suggestions_skipped: usize,
}

#[derive(Serialize, Default)]
struct JsonCounts {
    error: usize,
    warning: usize,
    info: usize,
}

impl JsonCounts {
    fn is_zero(&self) -> bool {
        self.error == 0 && self.warning == 0 && self.info == 0
    }

    fn add(&mut self, severity: Severity, n: usize) {
        match severity {
            Severity::Error => self.error += n,
            Severity::Warning => self.warning += n,
            Severity::Info => self.info += n,
        }
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    pointer: Option<String>,
    range: Option<JsonRange>,
    fixable: bool,
    /// Present on an "and N more" finding: the findings of its rule it stands for.
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
    /// Only for findings about a named state machine (in a template).
    #[serde(skip_serializing_if = "Option::is_none")]
    state_machine: Option<&'a str>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct JsonRange {
    start: JsonPosition,
    end: JsonPosition,
}

#[derive(Serialize)]
struct JsonPosition {
    line: u32,
    column: u32,
    offset: u32,
}

fn json_diagnostic<'a>(
    report: &FileReport<'a>,
    diagnostic: &'a Diagnostic,
    index: Option<&LineIndex>,
) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        path: report.path,
        code: diagnostic.code,
        name: diagnostic.name,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        pointer: report.root.and_then(|root| pointer_at(root, diagnostic.range)),
        range: index.map(|index| JsonRange {
            start: json_position(index, diagnostic.range.start),
            end: json_position(index, diagnostic.range.end),
        }),
        fixable: diagnostic.fix.is_some(),
        omitted: diagnostic.omitted,
        state_machine: diagnostic.state_machine.as_deref(),
    }
}

fn json_position(index: &LineIndex, offset: u32) -> JsonPosition {
    let pos = index.line_col(offset, PositionEncoding::Utf32);
    JsonPosition {
        line: pos.line + 1,
        column: pos.col + 1,
        offset,
    }
}

/// The line that follows the summary when some findings come without a "did you mean"
/// suggestion because their file's suggestion budget was spent.
pub fn suggestions_skipped_line(skipped: usize) -> Option<String> {
    let findings = if skipped == 1 { "finding" } else { "findings" };
    (skipped > 0).then(|| {
        format!(
            "{skipped} {findings} without a \"did you mean\" suggestion: asl-lint limits the suggestion search per file so that a file with thousands of findings is still checked quickly"
        )
    })
}

/// A plain-text summary line, such as `2 errors, 1 warning, 0 info in 3 files`.
pub fn summary(counts: [usize; 3], files: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}, {} info in {}",
        plural(counts[0], "error"),
        plural(counts[1], "warning"),
        counts[2],
        plural(files, "file")
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]

    use super::*;

    /// Whether `plain_excerpt` took the diagnostic, after checking that it wrote what codespan
    /// writes (or nothing), with colors and without.
    fn plain_as_codespan(file: &ExcerptFile<'_>, diagnostic: &cs::Diagnostic<()>) -> bool {
        let styles = Styles::default();
        let mut taken = Vec::new();
        for buffer in [termcolor::Buffer::no_color, termcolor::Buffer::ansi] {
            let mut written = buffer();
            if plain_excerpt(&mut StylesWriter::new(&mut written, &styles), file, diagnostic).is_none() {
                assert!(written.is_empty());
                taken.push(false);
                continue;
            }
            let mut expected = buffer();
            let mut writer = StylesWriter::new(&mut expected, &styles);
            term::emit_to_write_style(&mut writer, &Config::default(), file, diagnostic)
                .expect("codespan renders the labels");
            assert_eq!(
                String::from_utf8_lossy(written.as_slice()),
                String::from_utf8_lossy(expected.as_slice()),
                "{:?} {:?}",
                file.source,
                diagnostic.labels.iter().map(|label| &label.range).collect::<Vec<_>>()
            );
            taken.push(true);
        }
        assert_eq!(taken[0], taken[1]);
        taken[0]
    }

    fn diagnostic(severity: cs::Severity, labels: Vec<cs::Label<()>>, notes: Vec<String>) -> cs::Diagnostic<()> {
        cs::Diagnostic::new(severity)
            .with_code("ASL100 some-rule")
            .with_message("what is wrong")
            .with_labels(labels)
            .with_notes(notes)
    }

    const MIXED: &str = "{\n  \"Next\": \"A\",\r\n\t\"B\": 1\n\n  \"é\": [\n]";

    fn long_source() -> String {
        "{\n".to_owned() + &"  \"A\": 1,\n".repeat(10) + "  \"B\": 2\n}"
    }

    /// Every range over sources with the shapes that take either path: CRLF, tabs, non-ASCII,
    /// empty and last lines, and line numbers of one and two digits.
    #[test]
    fn plain_excerpt_of_one_label_is_what_codespan_writes() {
        let long = long_source();
        let notes = vec!["help: do this".to_owned(), "note: a note\nof two lines".to_owned()];
        let mut plain = 0;
        for source in [MIXED, "one line", "", "x\n", &long] {
            let file = ExcerptFile::new("dir/file.json", source);
            let boundaries = (0..=source.len()).filter(|&at| source.is_char_boundary(at));
            for start in boundaries.clone() {
                for end in boundaries.clone().filter(|&end| end >= start) {
                    for (severity, notes) in [(cs::Severity::Warning, vec![]), (cs::Severity::Error, notes.clone())] {
                        let labels = vec![cs::Label::primary((), start..end)];
                        plain += usize::from(plain_as_codespan(&file, &diagnostic(severity, labels, notes)));
                    }
                }
            }
        }
        // Most single-line ranges take the plain path.
        assert!(plain > 500, "{plain}");
    }

    /// A primary label with secondary ones, with and without messages, on lines next to each
    /// other, two apart and further, in either order, and on the same line or over two lines
    /// (which codespan writes).
    #[test]
    fn plain_excerpt_of_several_labels_is_what_codespan_writes() {
        let long = long_source();
        let mut plain = 0;
        for source in [MIXED, long.as_str()] {
            let file = ExcerptFile::new("dir/file.json", source);
            let line_starts = std::iter::once(0).chain(source.match_indices('\n').map(|(at, _)| at + 1));
            let lines: Vec<(usize, usize)> = line_starts
                .map(|start| (start, source[start..].find('\n').map_or(source.len(), |at| start + at)))
                .collect();
            let ranges: Vec<std::ops::Range<usize>> = lines
                .iter()
                .flat_map(|&(start, end)| [start..end, start..start + 1, end..end, start..end + 1])
                .collect();
            for primary in &ranges {
                for secondary in &ranges {
                    for message in ["", "handled here"] {
                        let labels = vec![
                            cs::Label::primary((), primary.clone()),
                            cs::Label::secondary((), secondary.clone()).with_message(message),
                        ];
                        let notes = vec!["help: do this".to_owned()];
                        plain += usize::from(plain_as_codespan(
                            &file,
                            &diagnostic(cs::Severity::Warning, labels, notes),
                        ));
                    }
                }
            }
            let labels = vec![
                cs::Label::secondary((), lines[0].0..lines[0].1).with_message("first"),
                cs::Label::primary((), lines[2].0..lines[2].0 + 1),
                cs::Label::secondary((), lines[5].0..lines[5].1).with_message("third"),
            ];
            plain += usize::from(plain_as_codespan(
                &file,
                &diagnostic(cs::Severity::Note, labels, Vec::new()),
            ));
        }
        assert!(plain > 500, "{plain}");
    }

    #[test]
    fn line_numbers_counted_in_any_order() {
        let file = ExcerptFile::new("f", "a\nb\nc");
        assert_eq!([4, 2, 0, 5, 3].map(|offset| file.line_number(offset)), [3, 2, 1, 3, 2]);
    }
}
