//! Where a rule puts its findings. Memory stays bounded whatever the input: a finding inside a
//! syntax error is dropped as it comes (the syntax error is the one finding there), and of the
//! rest only the first [`MAX_FINDINGS_PER_RULE`] in the order of the file are kept, plus one
//! that counts the others.

use std::collections::BinaryHeap;

use asl_diagnostics::{Diagnostic, Severity};
use asl_syntax::{SyntaxError, TextRange};

/// Most findings one rule lists for one definition. Past it, one more finding stands for
/// the rest and counts them in [`Diagnostic::omitted`], so that the output of a file stays in
/// proportion to what a reader can act on.
pub const MAX_FINDINGS_PER_RULE: usize = 1_000;

/// The code of `invalid-json`, the rule that reports parse errors.
pub(crate) const SYNTAX_ERROR_CODE: &str = "ASL001";

/// The syntax errors of a document, ready to tell whether a range overlaps one.
pub struct SyntaxErrorSpans {
    /// Sorted by start.
    spans: Vec<TextRange>,
    /// `reach[i]`: the furthest end among the first `i + 1` spans, so one binary search per
    /// finding tells whether any span that starts before the finding's end overlaps it.
    reach: Vec<u32>,
}

impl SyntaxErrorSpans {
    pub fn new(errors: &[SyntaxError]) -> Self {
        let mut spans: Vec<TextRange> = errors.iter().map(|error| error.range).collect();
        spans.sort_by_key(|range| range.start);
        let reach = spans
            .iter()
            .scan(0, |furthest, &range| {
                *furthest = occupied_end(range).max(*furthest);
                Some(*furthest)
            })
            .collect();
        Self { spans, reach }
    }

    /// Whether `range` overlaps a syntax error.
    pub(crate) fn overlap(&self, range: TextRange) -> bool {
        let starting_before = self.spans.partition_point(|error| error.start < occupied_end(range));
        starting_before > 0 && self.reach[starting_before - 1] > range.start
    }
}

/// An empty range still occupies its position.
fn occupied_end(range: TextRange) -> u32 {
    range.end.max(range.start + 1)
}

/// The findings of one rule on one definition.
pub struct Findings<'e> {
    syntax_errors: &'e SyntaxErrorSpans,
    /// The first [`MAX_FINDINGS_PER_RULE`] + 1 findings in the order of the file (ties in the
    /// order they came), the last of them on top.
    kept: BinaryHeap<Kept>,
    /// Findings pushed and not dropped.
    count: usize,
}

/// A finding with its place in the order of the file.
struct Kept {
    order: (u32, u32, usize),
    diagnostic: Diagnostic,
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.order == other.order
    }
}

impl Eq for Kept {}

impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kept {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order.cmp(&other.order)
    }
}

impl<'e> Findings<'e> {
    pub fn new(syntax_errors: &'e SyntaxErrorSpans) -> Self {
        Self {
            syntax_errors,
            kept: BinaryHeap::new(),
            count: 0,
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.code != SYNTAX_ERROR_CODE && self.syntax_errors.overlap(diagnostic.range) {
            return;
        }
        let range = diagnostic.range;
        self.kept.push(Kept {
            order: (range.start, range.end, self.count),
            diagnostic,
        });
        self.count += 1;
        if self.kept.len() > MAX_FINDINGS_PER_RULE + 1 {
            self.kept.pop();
        }
    }

    /// Appends the findings to `out` with `severity`: in the order they came, or past the cap
    /// the first [`MAX_FINDINGS_PER_RULE`] in the order of the file and one that counts the rest.
    pub fn finish(self, severity: Severity, out: &mut Vec<Diagnostic>) {
        // Most rules find nothing in most files.
        if self.count == 0 {
            return;
        }
        let capped = self.count > MAX_FINDINGS_PER_RULE;
        let mut kept = self.kept.into_vec();
        if capped {
            kept.sort_unstable();
        } else {
            kept.sort_unstable_by_key(|kept| kept.order.2);
        }
        let first = out.len();
        out.extend(kept.into_iter().map(|kept| Diagnostic {
            severity,
            ..kept.diagnostic
        }));
        if capped {
            let omitted = self.count - MAX_FINDINGS_PER_RULE;
            let first_omitted = &out[first + MAX_FINDINGS_PER_RULE];
            let rest = Diagnostic::new(
                first_omitted.code,
                first_omitted.name,
                severity,
                first_omitted.range,
                format!(
                    "{omitted} more {} finding{} from here on {} not listed; fix the ones above first",
                    first_omitted.name,
                    if omitted == 1 { "" } else { "s" },
                    if omitted == 1 { "is" } else { "are" }
                ),
            )
            .with_omitted(omitted);
            out.truncate(first + MAX_FINDINGS_PER_RULE);
            out.push(rest);
        }
    }
}

/// Drops the findings that overlap a syntax error, but the syntax errors themselves.
pub(crate) fn drop_findings_inside(syntax_errors: &SyntaxErrorSpans, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(|d| d.code == SYNTAX_ERROR_CODE || !syntax_errors.overlap(d.range));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &'static str, start: u32) -> Diagnostic {
        Diagnostic::new(code, "rule", Severity::Info, TextRange::new(start, start + 1), "m")
    }

    fn starts(found: &[Diagnostic]) -> Vec<u32> {
        found.iter().map(|d| d.range.start).collect()
    }

    #[test]
    fn below_the_cap_findings_keep_their_order_and_take_the_severity() {
        let errors = SyntaxErrorSpans::new(&[]);
        let mut findings = Findings::new(&errors);
        for start in [30, 10, 20] {
            findings.push(finding("ASL100", start));
        }
        let mut found = Vec::new();
        findings.finish(Severity::Error, &mut found);
        assert_eq!(starts(&found), [30, 10, 20]);
        assert!(found.iter().all(|d| d.severity == Severity::Error));
    }

    #[test]
    fn past_the_cap_the_first_in_the_file_are_kept_and_the_rest_counted() {
        let errors = SyntaxErrorSpans::new(&[]);
        let mut findings = Findings::new(&errors);
        let total = MAX_FINDINGS_PER_RULE as u32 + 10;
        for start in (0..total).rev() {
            findings.push(finding("ASL100", start));
        }
        let mut found = Vec::new();
        findings.finish(Severity::Warning, &mut found);
        assert_eq!(found.len(), MAX_FINDINGS_PER_RULE + 1);
        let listed: Vec<u32> = (0..MAX_FINDINGS_PER_RULE as u32).collect();
        assert_eq!(starts(&found[..MAX_FINDINGS_PER_RULE]), listed);
        let rest = &found[MAX_FINDINGS_PER_RULE];
        assert_eq!(rest.omitted, 10);
        assert_eq!(rest.range.start, MAX_FINDINGS_PER_RULE as u32);
        assert!(rest.message.starts_with("10 more rule findings"), "{}", rest.message);
    }

    #[test]
    fn findings_inside_syntax_errors_are_dropped_and_not_counted() {
        let errors = SyntaxErrorSpans::new(&[SyntaxError::new("e", TextRange::new(100, u32::MAX))]);
        let mut findings = Findings::new(&errors);
        findings.push(finding("ASL100", 99));
        for start in 100..5_000 {
            findings.push(finding("ASL100", start));
        }
        findings.push(finding(SYNTAX_ERROR_CODE, 100));
        let mut found = Vec::new();
        findings.finish(Severity::Error, &mut found);
        assert_eq!(starts(&found), [99, 100]);
        assert_eq!(found[1].code, SYNTAX_ERROR_CODE);
        assert!(found.iter().all(|d| d.omitted == 0));
    }
}
