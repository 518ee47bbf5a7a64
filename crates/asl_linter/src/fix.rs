//! Applying the rules' fixes to a JSON document, for `asl-lint check --fix`.

use asl_diagnostics::{Applicability, Diagnostic, Edit};

use crate::{Analysis, Settings, analyze};

/// Rounds of fixing at most: a fix can reveal another (a renamed key, then its value).
const MAX_ROUNDS: usize = 10;

/// A document after fixing.
pub struct Fixed {
    pub text: String,
    /// How many findings were fixed.
    pub applied: usize,
    /// The analysis of `text`, with what is left.
    pub analysis: Analysis,
}

/// Applies the safe fixes (and the unsafe ones when `include_unsafe`) until none is left. A
/// round whose edits would add a syntax error is not applied.
pub fn fix(text: &str, settings: &Settings, include_unsafe: bool) -> Fixed {
    let (text, applied, analysis) = fix_rounds(
        text,
        include_unsafe,
        |text| analyze(text, settings),
        |analysis| &analysis.diagnostics,
        |analysis| analysis.parse.errors.len(),
    );
    Fixed {
        text,
        applied,
        analysis,
    }
}

/// The rounds of fixing, for any analysis `A` of a text: its findings, and how many syntax
/// errors it met. Returns the fixed text, the number of findings fixed and its analysis.
pub(crate) fn fix_rounds<A>(
    text: &str,
    include_unsafe: bool,
    analyze: impl Fn(&str) -> A,
    diagnostics: impl Fn(&A) -> &[Diagnostic],
    syntax_errors: impl Fn(&A) -> usize,
) -> (String, usize, A) {
    let mut text = text.to_owned();
    let mut applied = 0;
    let mut analysis = analyze(&text);
    for _ in 0..MAX_ROUNDS {
        let mut chosen: Vec<&Edit> = Vec::new();
        let mut count = 0;
        for fix in diagnostics(&analysis).iter().filter_map(|d| d.fix.as_ref()) {
            if fix.applicability == Applicability::Unsafe && !include_unsafe {
                continue;
            }
            // A fix is applied whole or not at all, and never over another one's text.
            if fix
                .edits
                .iter()
                .any(|edit| chosen.iter().any(|other| overlap(edit, other)))
            {
                continue;
            }
            chosen.extend(&fix.edits);
            count += 1;
        }
        if chosen.is_empty() {
            break;
        }
        let candidate = apply_edits(&text, chosen.into_iter().cloned().collect());
        let next = analyze(&candidate);
        if syntax_errors(&next) > syntax_errors(&analysis) {
            break;
        }
        applied += count;
        text = candidate;
        analysis = next;
    }
    (text, applied, analysis)
}

/// The text with non-overlapping edits applied.
pub fn apply_edits(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|edit| std::cmp::Reverse((edit.range.start, edit.range.end)));
    let mut fixed = text.to_owned();
    for edit in edits {
        if fixed.is_char_boundary(edit.range.start as usize) && fixed.is_char_boundary(edit.range.end as usize) {
            fixed.replace_range(edit.range.as_usize(), &edit.replacement);
        }
    }
    fixed
}

/// Whether two edits touch the same text (two insertions at one point count).
fn overlap(a: &Edit, b: &Edit) -> bool {
    a.range.start < b.range.end.max(b.range.start + 1) && b.range.start < a.range.end.max(a.range.start + 1)
}
