//! Messages quote input text between `"…"` or `` `…` ``. However long a state name or value
//! is, a finding quotes at most [`MAX_EXCERPT_CHARS`] characters of it, so that a long name
//! never makes a long message and the output never grows with the input's tokens. Every
//! message, label, note, help text and fix title of a [`crate::Diagnostic`] goes through
//! [`cap_quotations`] when it is built, so rules quote names as they are.

use std::borrow::Cow;

use asl_syntax::{MAX_EXCERPT_CHARS, excerpt, shorten};

/// Most characters of a message, label, note, help text or fix title. No message written by a
/// rule comes near it; it bounds text whose own quote marks hide where a quotation ends.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// `text` with every quotation cut to [`MAX_EXCERPT_CHARS`] characters (see [`excerpt`]),
/// then the whole cut to [`MAX_MESSAGE_CHARS`]. A quote mark left open quotes the rest.
pub fn cap_quotations(text: String) -> String {
    match capped(&text) {
        Some(capped) => capped,
        None => text,
    }
}

/// The capped text, or `None` when `text` is within the limits.
fn capped(text: &str) -> Option<String> {
    if text.len() <= MAX_EXCERPT_CHARS || (text.len() <= MAX_MESSAGE_CHARS && quotations_are_short(text)) {
        return None;
    }
    let mut capped = String::new();
    let mut cut = false;
    let mut rest = text;
    while let Some((open, close)) = next_quotation(rest) {
        capped.push_str(&rest[..=open]);
        let quoted = excerpt(&rest[open + 1..close]);
        cut |= matches!(quoted, Cow::Owned(_));
        capped.push_str(&quoted);
        let after = (close + 1).min(rest.len());
        capped.push_str(&rest[close..after]);
        rest = &rest[after..];
    }
    capped.push_str(rest);
    match shorten(&capped, MAX_MESSAGE_CHARS) {
        Cow::Owned(shortened) => Some(shortened),
        Cow::Borrowed(_) if cut => Some(capped),
        Cow::Borrowed(_) => None,
    }
}

/// Whether every quotation of `text` has at most [`MAX_EXCERPT_CHARS`] bytes, and so at most
/// as many characters: the common case, told without building a capped copy.
fn quotations_are_short(text: &str) -> bool {
    let mut rest = text;
    while let Some((open, close)) = next_quotation(rest) {
        if close - open - 1 > MAX_EXCERPT_CHARS {
            return false;
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    true
}

/// The next quotation in `rest`: the offsets of its opening quote mark (`"` or `` ` ``) and of
/// the same mark that closes it, or of the end of `rest` when it is left open.
fn next_quotation(rest: &str) -> Option<(usize, usize)> {
    let bytes = rest.as_bytes();
    let open = bytes.iter().position(|&b| b == b'"' || b == b'`')?;
    let close = bytes[open + 1..]
        .iter()
        .position(|&b| b == bytes[open])
        .map_or(rest.len(), |at| open + 1 + at);
    Some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_quotation_is_cut_and_the_rest_is_kept() {
        let name = "N".repeat(500);
        let message = format!("state \"{name}\" names `{name}`, which is not a state of the state machine");
        let short = format!("{}…", "N".repeat(MAX_EXCERPT_CHARS - 1));
        assert_eq!(
            cap_quotations(message),
            format!("state \"{short}\" names `{short}`, which is not a state of the state machine")
        );
    }

    #[test]
    fn short_quotations_are_left_alone() {
        let message = format!("state \"Charge\" {}", "is unreachable ".repeat(20));
        assert_eq!(capped(&message), None);
    }

    #[test]
    fn an_open_quote_quotes_the_rest() {
        let message = format!("field \"{}", "x".repeat(500));
        assert_eq!(
            cap_quotations(message).chars().count(),
            "field \"".len() + MAX_EXCERPT_CHARS
        );
    }

    #[test]
    fn quote_marks_inside_the_input_still_leave_a_bounded_message() {
        let name = "\"x".repeat(5_000);
        let capped = cap_quotations(format!("state \"{name}\" is unreachable"));
        assert_eq!(capped.chars().count(), MAX_MESSAGE_CHARS);
        assert!(capped.ends_with('…'));
    }
}
