#![allow(clippy::unwrap_used)]
use asl_syntax::{
    LineCol, LineIndex, PositionEncoding::*, StringSourceMap, TextRange, decode_source, parse, pointer_at,
};

fn lc(line: u32, col: u32) -> LineCol {
    LineCol { line, col }
}

#[test]
fn line_index_counts_columns_in_each_encoding() {
    // "a😀é中b": 😀 is 4 bytes / 2 UTF-16 units, é 2 bytes, 中 3 bytes.
    let text = "x\na😀é中b";
    let index = LineIndex::new(text);
    let b = text.find('b').unwrap() as u32;
    assert_eq!(index.line_col(b, Utf8), lc(1, 10));
    assert_eq!(index.line_col(b, Utf16), lc(1, 5));
    assert_eq!(index.line_col(b, Utf32), lc(1, 4));
    for encoding in [Utf8, Utf16, Utf32] {
        for (offset, _) in text.char_indices() {
            let pos = index.line_col(offset as u32, encoding);
            assert_eq!(index.offset(pos, encoding), offset as u32, "{offset} {encoding:?}");
        }
    }
    // Inside 😀 (bytes 3..7): the character's start.
    assert_eq!(index.line_col(5, Utf16), lc(1, 1));
    // UTF-16 column 2 is between the surrogates of 😀: rounds to its start.
    assert_eq!(index.offset(lc(1, 2), Utf16), 3);
}

#[test]
fn line_breaks_are_lf_crlf_and_lone_cr_but_not_u2028() {
    let text = "a\r\nb\rc\nd\u{2028}e";
    let index = LineIndex::new(text);
    assert_eq!(index.line_count(), 4);
    assert_eq!(index.line_col(3, Utf8), lc(1, 0));
    assert_eq!(index.line_col(5, Utf8), lc(2, 0));
    assert_eq!(index.line_col(7, Utf8), lc(3, 0));
    assert_eq!(index.line_col(text.find('e').unwrap() as u32, Utf16), lc(3, 2));
    // Between \r and \n: still the end of line 0.
    assert_eq!(index.line_col(2, Utf8), lc(0, 2));
}

#[test]
fn offset_clamps_instead_of_panicking() {
    let text = "ab\r\ncd\n";
    let index = LineIndex::new(text);
    assert_eq!(index.offset(lc(0, 99), Utf16), 2);
    assert_eq!(index.offset(lc(1, 99), Utf8), 6);
    assert_eq!(index.offset(lc(2, 0), Utf8), 7);
    assert_eq!(index.offset(lc(2, 5), Utf8), 7);
    assert_eq!(index.offset(lc(9, 0), Utf32), 7);
    assert_eq!(index.line_col(999, Utf8), lc(2, 0));
    let empty = LineIndex::new("");
    assert_eq!(empty.line_col(0, Utf16), lc(0, 0));
    assert_eq!(empty.offset(lc(3, 3), Utf16), 0);
}

#[test]
fn string_source_map_goes_through_escapes() {
    let source = r#"{"k": "a\"b\u00e9c\ud83d\ude00d\\"}"#;
    let parsed = parse(source);
    let node = parsed.root.get("k").unwrap();
    let decoded = node.as_str().unwrap();
    assert_eq!(decoded, "a\"béc😀d\\");
    let map = StringSourceMap::new(source, node.range);
    let start = node.range.start;
    let at = |needle: &str| source.find(needle).unwrap() as u32;
    assert_eq!(map.source_offset(0), start + 1); // a
    assert_eq!(map.source_offset(1), at("\\\"")); // " from \"
    assert_eq!(map.source_offset(2), at("b\\u")); // b
    assert_eq!(map.source_offset(3), at("\\u00e9")); // é (2 bytes) → its backslash
    assert_eq!(map.source_offset(4), at("\\u00e9"));
    assert_eq!(map.source_offset(5), at("c\\ud83d"));
    assert_eq!(map.source_offset(6), at("\\ud83d")); // 😀 from a surrogate pair
    assert_eq!(map.source_offset(10), at("d\\\\"));
    assert_eq!(map.source_offset(11), at("\\\\\""));
    assert_eq!(map.source_offset(decoded.len()), node.range.end - 1); // closing quote
    assert_eq!(map.source_offset(999), node.range.end - 1);
    let b = decoded.find('b').unwrap();
    assert_eq!(map.source_range(b..b + 1), TextRange::new(at("b\\u"), at("b\\u") + 1));
}

#[test]
fn string_source_map_without_escapes_is_a_shift() {
    let source = "[\"héllo\"]";
    let map = StringSourceMap::new(source, TextRange::new(1, 9));
    assert_eq!(map.source_offset(0), 2);
    assert_eq!(map.source_offset(3), 5);
    assert_eq!(map.source_range(1..6), TextRange::new(3, 8));
}

#[test]
fn pointer_at_finds_the_deepest_key_or_value() {
    let source = r#"{"States": {"A/b~": {"Next": "B", "L": [1, {"x": 2}]}}}"#;
    let root = parse(source).root;
    let at = |needle: &str| {
        let start = source.find(needle).unwrap() as u32;
        pointer_at(&root, TextRange::new(start, start + needle.len() as u32))
    };
    assert_eq!(at("\"B\"").as_deref(), Some("/States/A~1b~0/Next"));
    assert_eq!(at("\"Next\"").as_deref(), Some("/States/A~1b~0/Next"));
    assert_eq!(at("\"x\"").as_deref(), Some("/States/A~1b~0/L/1/x"));
    assert_eq!(at("1,").as_deref(), Some("/States/A~1b~0/L"));
    assert_eq!(at("1").as_deref(), Some("/States/A~1b~0/L/0"));
    assert_eq!(pointer_at(&root, TextRange::new(0, 1)).as_deref(), Some(""));
    assert_eq!(pointer_at(&root, TextRange::new(0, 999)), None);
}

#[test]
fn decode_source_replaces_each_bad_byte() {
    let source = decode_source(b"{\"a\": \"x\xff\xfey\", \"b\": 1}".to_vec());
    assert_eq!(source.text, "{\"a\": \"x??y\", \"b\": 1}");
    let error = source.error.unwrap();
    assert_eq!(
        error.message,
        "invalid UTF-8 byte at offset 8: the file must be UTF-8 encoded"
    );
    assert_eq!(error.range, TextRange::new(8, 9));
    assert!(parse(&source.text).errors.is_empty());
    // A truncated multi-byte sequence at the end: each of its bytes becomes `?`.
    assert_eq!(decode_source(b"ab\xe4\xb8".to_vec()).text, "ab??");
    assert!(decode_source("é".as_bytes().to_vec()).error.is_none());
}

/// Line and column computed the slow, obvious way.
fn naive_line_col(text: &str, offset: usize, encoding: asl_syntax::PositionEncoding) -> LineCol {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.matches(['\n', '\r']).count() - before.matches("\r\n").count();
    let col_text = &before[line_start..];
    let col = match encoding {
        Utf8 => col_text.len(),
        Utf16 => col_text.encode_utf16().count(),
        Utf32 => col_text.chars().count(),
    };
    lc(line as u32, col as u32)
}

proptest::proptest! {
    #[test]
    fn line_index_agrees_with_naive_counting(text in "([a\\r\\n é中😀\u{2028}]|\\r\\n){0,40}") {
        let index = LineIndex::new(&text);
        for encoding in [Utf8, Utf16, Utf32] {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                // Between \r and \n is not a position a client sends; skip it.
                if offset > 0 && text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                    continue;
                }
                let pos = index.line_col(offset as u32, encoding);
                proptest::prop_assert_eq!(pos, naive_line_col(&text, offset, encoding));
                proptest::prop_assert_eq!(index.offset(pos, encoding), offset as u32);
            }
        }
    }

    #[test]
    fn an_edited_index_is_the_index_of_the_new_text(
        text in "([a\\r\\n é中😀]|\\r\\n){0,40}",
        inserted in "([b\\r\\n ü]|\\r\\n){0,6}",
        start in 0usize..200,
        len in 0usize..8,
    ) {
        let start = start.min(text.len());
        let end = (start + len).min(text.len());
        proptest::prop_assume!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let mut new_text = text.clone();
        new_text.replace_range(start..end, &inserted);
        let deleted = TextRange::new(start as u32, end as u32);
        let edited = LineIndex::new(&text).edited(&new_text, deleted, inserted.len() as u32);
        proptest::prop_assert_eq!(edited, LineIndex::new(&new_text));
    }

    #[test]
    fn string_source_map_points_at_the_source_of_each_char(decoded in "[a\"\\\\\\n\\t\u{1}é😀/]{0,12}", ascii in proptest::bool::ANY) {
        // serde_json writes `"`, `\`, control characters as escapes; we also try `\uXXXX` for all.
        let literal = if ascii {
            format!("\"{}\"", decoded.encode_utf16().map(|u| format!("\\u{u:04x}")).collect::<String>())
        } else {
            serde_json::to_string(&decoded).unwrap()
        };
        let source = format!("[ {literal}]");
        let parsed = parse(&source);
        let node = &parsed.root.as_array().unwrap()[0];
        proptest::prop_assert_eq!(node.as_str().unwrap(), decoded.as_str());
        let map = StringSourceMap::new(&source, node.range);
        for (offset, ch) in decoded.char_indices() {
            let at = map.source_offset(offset) as usize;
            let escaped = source[at..].starts_with('\\');
            proptest::prop_assert!(escaped || source[at..].starts_with(ch), "{:?} at {}", ch, offset);
        }
        proptest::prop_assert_eq!(map.source_offset(decoded.len()), node.range.end - 1);
    }
}
