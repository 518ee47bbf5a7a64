use std::borrow::Cow;

/// Most characters of input text that a message quotes.
pub const MAX_EXCERPT_CHARS: usize = 80;

/// Text copied from the input into a message (a name, a value, a word), cut to
/// [`MAX_EXCERPT_CHARS`] characters with `…` at the end, so that a long name or value never
/// makes a long message. Escaping control characters is left to the renderers.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    shorten(text, MAX_EXCERPT_CHARS)
}

/// `text` cut to `max_chars` characters (at least 1), the last of them `…`, when it is longer.
pub fn shorten(text: &str, max_chars: usize) -> Cow<'_, str> {
    let max_chars = max_chars.max(1);
    // No more bytes than characters allowed: certainly no more characters.
    if text.len() <= max_chars {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let cut = text.char_indices().nth(max_chars - 1).map_or(text.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..cut]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_and_long_text_is_cut_on_a_character_boundary() {
        assert_eq!(excerpt("Charge"), "Charge");
        let exactly = "é".repeat(MAX_EXCERPT_CHARS);
        assert_eq!(excerpt(&exactly), exactly);
        let long = "é".repeat(MAX_EXCERPT_CHARS + 1);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), MAX_EXCERPT_CHARS);
        assert!(cut.ends_with("é…"));
    }

    #[test]
    fn shorten_keeps_the_given_number_of_characters() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abcd", 4), "abcd");
        assert_eq!(shorten("abcd", 0), "…");
    }
}
