use std::fmt;

use asl_syntax::TextRange;

use crate::quotation::cap_quotations;

/// How serious a finding is. The meaning is fixed: see the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// AWS rejects the definition, or the state is certain to fail when it runs.
    Error,
    /// A likely bug or a risk.
    Warning,
    /// Style.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable rule code, such as `ASL201`.
    pub code: &'static str,
    /// Stable kebab-case rule name, such as `unreachable-state`.
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The exact place at fault.
    pub range: TextRange,
    /// Other places that explain the finding (for example the first definition of a duplicate).
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// How many further findings of the same rule this one stands for, when a cap cut the list
    /// short (an "and N more" finding); 0 otherwise.
    pub omitted: usize,
    /// The state machine the finding is about, when its file holds named ones (the logical
    /// id in a template, the key in a Serverless service); `None` for a standalone definition.
    /// The message then starts with `[Name] `.
    pub state_machine: Option<String>,
    /// The rule made no "did you mean" search for this finding: the file's suggestion budget
    /// was spent. Summaries count these.
    pub suggestion_skipped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub range: TextRange,
    pub message: String,
}

/// A set of edits that resolves a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, shown to the user ("Replace with `Timeout`").
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// Whether a fix keeps the meaning of the definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Keeps the meaning; may be applied without review.
    Safe,
    /// May change behaviour; offered as a suggestion only.
    Unsafe,
}

/// Replace the text in `range` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: String,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            name,
            severity,
            message: cap_quotations(message.into()),
            range,
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
            omitted: 0,
            state_machine: None,
            suggestion_skipped: false,
        }
    }

    pub fn with_label(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            range,
            message: cap_quotations(message.into()),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(cap_quotations(note.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(cap_quotations(help.into()));
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_omitted(mut self, omitted: usize) -> Self {
        self.omitted = omitted;
        self
    }

    /// Marks the finding as one whose "did you mean" search was skipped, and says so.
    pub fn with_suggestion_skipped(mut self) -> Self {
        self.suggestion_skipped = true;
        self.with_note(
            "no \"did you mean\" suggestion: this file has more such findings than asl-lint searches suggestions for",
        )
    }
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: cap_quotations(title.into()),
            applicability: Applicability::Safe,
            edits,
        }
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: cap_quotations(title.into()),
            applicability: Applicability::Unsafe,
            edits,
        }
    }

    /// A fix that replaces one range.
    pub fn replace(
        title: impl Into<String>,
        applicability: Applicability,
        range: TextRange,
        replacement: impl Into<String>,
    ) -> Self {
        Self {
            title: cap_quotations(title.into()),
            applicability,
            edits: vec![Edit {
                range,
                replacement: replacement.into(),
            }],
        }
    }
}
