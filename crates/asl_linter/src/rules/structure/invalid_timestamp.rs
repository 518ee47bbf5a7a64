use asl_diagnostics::{Applicability, Fix};
use asl_semantic::model::{ChoiceRule, Operand, QueryLanguage, StateKind};
use asl_syntax::Node;

use crate::Findings;
use crate::helpers::values::{is_jsonata, is_placeholder};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a Wait `Timestamp` or a Choice `Timestamp…` comparison value that is not an
    /// RFC 3339 date-time such as `2026-03-14T01:59:00Z` or `2026-03-14T01:59:00.5+02:00`.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition ("String does not match RFC3339 timestamp"). The date and
    /// time must be separated by an uppercase `T`, and a UTC time ends in an uppercase `Z`
    /// or a numeric offset; the date must exist (no February 30th).
    ///
    /// Evidence: AWS returns "String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp"
    /// (LocalStack's AWS snapshots).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Until", "States": {"Until": {"Type": "Wait", "Timestamp": "2026-03-14 01:59:00", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Until", "States": {"Until": {"Type": "Wait", "Timestamp": "2026-03-14T01:59:00Z", "End": true}}}
    /// ```
    ///
    /// ## Fix
    /// A lowercase `t` or `z` is replaced by its uppercase form (safe).
    pub(crate) struct InvalidTimestamp {
        code: "ASL114",
        name: "invalid-timestamp",
        category: Structure,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for InvalidTimestamp {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let jsonata = state.effective_query_language == QueryLanguage::Jsonata;
            match &state.kind {
                StateKind::Wait(_) => {
                    if let Some(member) = state.node.member("Timestamp") {
                        self.check_value(&member.value, "\"Timestamp\"", state.name, jsonata, out);
                    }
                }
                StateKind::Choice(choice) if !jsonata => {
                    for rule in choice.rules() {
                        self.check_rule(rule, state.name, out);
                    }
                }
                _ => {}
            }
        }
    }
}

impl InvalidTimestamp {
    fn check_rule(&self, rule: &ChoiceRule<'_>, state: &str, out: &mut Findings) {
        for comparison in &rule.comparisons {
            if comparison.operator.operand() == Operand::Timestamp {
                let what = format!("the \"{}\" value", comparison.operator.name());
                self.check_value(comparison.field.node(), &what, state, false, out);
            }
        }
        for nested in rule.nested() {
            self.check_rule(nested, state, out);
        }
    }

    fn check_value(&self, node: &Node, what: &str, state: &str, jsonata: bool, out: &mut Findings) {
        // Other types are reported by wrong-field-type / choice-operand-type.
        let Some(text) = node.as_str() else { return };
        if is_rfc3339(text) || is_placeholder(text) || (jsonata && is_jsonata(text)) {
            return;
        }
        let mut diagnostic = self
            .meta()
            .diagnostic(node.range, format!("{what} of state \"{state}\" is not an RFC 3339 timestamp: \"{text}\""))
            .with_help("write a date-time such as \"2026-03-14T01:59:00Z\": uppercase T between date and time, and Z or an offset such as +02:00");
        let upper = text.to_ascii_uppercase();
        if upper != text && is_rfc3339(&upper) {
            diagnostic = diagnostic.with_fix(Fix::replace(
                "Use uppercase T and Z",
                Applicability::Safe,
                node.range,
                format!("\"{upper}\""),
            ));
        }
        out.push(diagnostic);
    }
}

/// An RFC 3339 `date-time` with uppercase `T` and `Z`: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`,
/// with a real calendar date. A leap second (`:60`) is accepted.
pub(crate) fn is_rfc3339(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let slice = bytes.get(range)?;
        if slice.is_empty() || !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        slice
            .iter()
            .try_fold(0u32, |acc, &b| acc.checked_mul(10)?.checked_add(u32::from(b - b'0')))
    };
    let at = |index: usize, expected: u8| bytes.get(index) == Some(&expected);
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(0..4),
        digits(5..7),
        digits(8..10),
        digits(11..13),
        digits(14..16),
        digits(17..19),
    ) else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return false;
        }
        rest = &fraction[count..];
    }
    if rest == "Z" {
        return true;
    }
    let offset = rest.as_bytes();
    offset.len() == 6
        && matches!(offset[0], b'+' | b'-')
        && offset[3] == b':'
        && digits_in(&offset[1..3]).is_some_and(|h| h <= 23)
        && digits_in(&offset[4..6]).is_some_and(|m| m <= 59)
}

fn digits_in(slice: &[u8]) -> Option<u32> {
    slice
        .iter()
        .all(u8::is_ascii_digit)
        .then(|| slice.iter().fold(0, |acc, &b| acc * 10 + u32::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::is_rfc3339;

    #[test]
    fn accepts_rfc3339_date_times_only() {
        for valid in [
            "2016-03-14T01:59:00Z",
            "2024-02-29T23:59:59.123+05:30",
            "2016-12-31T23:59:60Z",
            "2016-03-14T01:59:00-08:00",
        ] {
            assert!(is_rfc3339(valid), "{valid}");
        }
        for invalid in [
            "2016-03-14t01:59:00Z",
            "2016-03-14T01:59:00z",
            "2016-03-14 01:59:00Z",
            "2016-03-14T01:59:00",
            "2023-02-29T00:00:00Z",
            "2016-13-01T00:00:00Z",
            "2016-03-14T24:00:00Z",
            "2016-03-14T01:59:00.Z",
            "2016-03-14T01:59:00+0800",
            "2016-03-14",
            "",
            "2016-03-14T01:59:00Zé",
        ] {
            assert!(!is_rfc3339(invalid), "{invalid}");
        }
    }
}
