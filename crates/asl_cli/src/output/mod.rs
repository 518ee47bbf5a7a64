//! The output formats of `asl-lint check` that need the rule metadata or serve CI systems:
//! SARIF, JUnit XML, GitLab Code Quality and the per-rule statistics. The human, concise,
//! GitHub and JSON formats are in `asl_diagnostics::render`.

mod fingerprint;
pub(crate) mod gitlab;
pub(crate) mod junit;
pub(crate) mod sarif;
pub(crate) mod statistics;

use asl_diagnostics::render::FileReport;
use asl_diagnostics::{Applicability, Diagnostic};
use asl_syntax::{LineIndex, PositionEncoding, pointer_at};

/// The code of a file that could not be read, and of a rule that failed on a file: these are
/// not findings about the definition, and the CI formats report them as such.
pub(crate) const IO_ERROR_CODE: &str = "ASL000";
pub(crate) const INTERNAL_ERROR_CODE: &str = "ASL999";

/// How many findings carry a fix that `--fix` applies, and how many more `--unsafe-fixes` adds.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fixable {
    pub safe: usize,
    pub unsafe_: usize,
}

impl Fixable {
    pub(crate) fn count(reports: &[FileReport<'_>]) -> Self {
        let mut fixable = Self::default();
        for diagnostic in reports.iter().flat_map(|report| report.diagnostics) {
            match diagnostic.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => fixable.safe += 1,
                Some(Applicability::Unsafe) => fixable.unsafe_ += 1,
                None => {}
            }
        }
        fixable
    }

    /// `; 2 fixable with --fix (1 more with --unsafe-fixes)`, or nothing when nothing is fixable.
    pub(crate) fn summary_suffix(self) -> String {
        match (self.safe, self.unsafe_) {
            (0, 0) => String::new(),
            (safe, 0) => format!("; {safe} fixable with --fix"),
            (0, unsafe_) => format!("; {unsafe_} fixable with --fix --unsafe-fixes"),
            (safe, unsafe_) => format!("; {safe} fixable with --fix ({unsafe_} more with --unsafe-fixes)"),
        }
    }
}

/// One position, 1-based, in Unicode characters (as every text output counts them).
#[derive(Clone, Copy)]
pub(crate) struct Position {
    pub line: u32,
    pub column: u32,
}

/// What the CI formats need to know about one file: line positions and JSON Pointers.
pub(crate) struct Located<'r, 'a> {
    pub report: &'r FileReport<'a>,
    index: Option<LineIndex>,
}

impl<'r, 'a> Located<'r, 'a> {
    pub(crate) fn new(report: &'r FileReport<'a>) -> Self {
        Self {
            report,
            index: report.source.map(LineIndex::new),
        }
    }

    /// The start and end of a byte range, or `None` when the file has no text.
    pub(crate) fn span(&self, range: asl_syntax::TextRange) -> Option<(Position, Position)> {
        let index = self.index.as_ref()?;
        let position = |offset| {
            let at = index.line_col(offset, PositionEncoding::Utf32);
            Position {
                line: at.line + 1,
                column: at.col + 1,
            }
        };
        Some((position(range.start), position(range.end)))
    }

    pub(crate) fn pointer(&self, diagnostic: &Diagnostic) -> Option<String> {
        self.report.root.and_then(|root| pointer_at(root, diagnostic.range))
    }

    /// Whether a diagnostic says the file could not be checked, rather than what is wrong in it.
    pub(crate) fn is_failure(diagnostic: &Diagnostic) -> bool {
        diagnostic.code == IO_ERROR_CODE || diagnostic.code == INTERNAL_ERROR_CODE
    }
}

/// A path as CI systems expect it: `/` separators and no leading `./`.
pub(crate) fn repository_path(path: &str) -> String {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let mut path = path.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    path.to_owned()
}
