//! The syntax errors of one document, as they are reported: a cascade of errors that follow
//! from one mistake is one error, and at most [`MAX_SYNTAX_ERRORS`] are listed.

use crate::{SyntaxError, TextRange};

/// Most syntax errors listed for one document. Past it, one more error stands for the rest
/// and counts them in [`SyntaxError::omitted`].
pub const MAX_SYNTAX_ERRORS: usize = 100;

#[derive(Default)]
pub(crate) struct ErrorLog {
    errors: Vec<SyntaxError>,
    /// Whether the parser is still recovering from its last error: errors met meanwhile
    /// follow from that one and widen it instead of being listed.
    in_cascade: bool,
    /// Errors merged into the open cascade so far.
    merged: usize,
    /// Errors past the cap, and the range from the first to the last of them.
    omitted: usize,
    omitted_range: Option<TextRange>,
}

impl ErrorLog {
    /// An error that stands on its own (a comment, single quotes, a bad escape). Inside a
    /// cascade it is part of that cascade.
    pub(crate) fn report(&mut self, message: impl Into<String>, range: TextRange) {
        if self.in_cascade {
            self.merged += 1;
            self.widen(range);
        } else if self.errors.len() < MAX_SYNTAX_ERRORS {
            self.errors.push(SyntaxError::new(message, range));
        } else {
            self.omit(range);
        }
    }

    /// An error that leaves the parser out of step with the document: later errors are part
    /// of its cascade until [`ErrorLog::back_in_step`].
    pub(crate) fn report_and_recover(&mut self, message: impl Into<String>, range: TextRange) {
        self.report(message, range);
        self.in_cascade = true;
    }

    /// The parser read well-formed input again (a separator, a closing bracket, a key and
    /// its colon).
    #[inline(always)]
    pub(crate) fn back_in_step(&mut self) {
        self.in_cascade = false;
        self.merged = 0;
    }

    /// Whether errors keep following one mistake: what the parser reads meanwhile is not
    /// what the author wrote, and is better left out of the tree.
    #[inline(always)]
    pub(crate) fn cascading(&self) -> bool {
        self.in_cascade && self.merged > 0
    }

    fn widen(&mut self, range: TextRange) {
        let last = if self.omitted > 0 {
            self.omitted_range.as_mut()
        } else {
            self.errors.last_mut().map(|error| &mut error.range)
        };
        if let Some(last) = last {
            *last = TextRange::new(last.start, last.end.max(range.end));
        }
    }

    fn omit(&mut self, range: TextRange) {
        self.omitted += 1;
        let start = self.omitted_range.map_or(range.start, |r| r.start);
        self.omitted_range = Some(TextRange::new(start, range.end.max(start)));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The listed errors, then one that counts those past the cap.
    pub(crate) fn finish(mut self) -> Vec<SyntaxError> {
        if let Some(range) = self.omitted_range {
            let n = self.omitted;
            let mut error = SyntaxError::new(
                format!(
                    "{n} more syntax error{} from here on {} not listed; fix the ones above first",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "is" } else { "are" }
                ),
                range,
            );
            error.omitted = n;
            self.errors.push(error);
        }
        self.errors
    }
}
