//! What reading an HCL file will cost, found before the parser reads it. `hcl-edit` keeps an
//! object's members in a vector map and compares each new member with every one before it, so
//! an object of `m` members costs time in `m²`. One pass over the bytes bounds `m` for every
//! object: it counts the `=` and `:` at each level of braces, outside strings, heredocs and
//! comments (interpolations inside them are counted like any other code).

/// The members of the largest object a file may hold alone.
pub(crate) const MAX_MEMBERS: u64 = 10_000;

/// The most parsing work, `Σ m²` over the objects of a file, that is given to the parser:
/// one object of [`MAX_MEMBERS`], or a hundred of 1,000 (about half a second on a 2-core machine).
pub(crate) const MAX_WORK: u64 = MAX_MEMBERS * MAX_MEMBERS;

/// The parsing work a file asks for, and its largest object.
pub(crate) struct ObjectWork {
    /// `Σ m²` over the file's brace-delimited objects and block bodies.
    pub(crate) work: u64,
    /// The offset of the largest one's `{`, and its member count (an upper bound).
    pub(crate) largest: (usize, u64),
}

enum Frame {
    /// Code up to the byte `close`; `members` counts its `=` and `:`.
    Code { close: u8, start: usize, members: u64 },
    /// A quoted string.
    Quoted,
    /// Template text: a heredoc ended by a line holding the text at `marker`, or a whole
    /// template file (`None`).
    Template { marker: Option<(usize, usize)> },
}

/// The work `text` asks of the HCL parser, read as a configuration (`template: false`) or as a
/// template file.
pub(crate) fn object_work(text: &str, template: bool) -> ObjectWork {
    let bytes = text.as_bytes();
    let mut stack = vec![if template {
        Frame::Template { marker: None }
    } else {
        Frame::Code {
            close: 0,
            start: 0,
            members: 0,
        }
    }];
    let mut work = ObjectWork {
        work: 0,
        largest: (0, 0),
    };
    let finish = |frame: Frame, work: &mut ObjectWork| {
        if let Frame::Code {
            close: b'}',
            start,
            members,
        } = frame
        {
            work.work = work.work.saturating_add(members.saturating_mul(members));
            if members > work.largest.1 {
                work.largest = (start, members);
            }
        }
    };
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let depth = stack.len();
        match stack.last_mut() {
            Some(Frame::Code { members, .. }) => match byte {
                b'#' => i = line_end(bytes, i),
                b'/' if at(i + 1) == b'/' => i = line_end(bytes, i),
                b'/' if at(i + 1) == b'*' => {
                    i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |end| end + 2);
                }
                b'"' => {
                    stack.push(Frame::Quoted);
                    i += 1;
                }
                b'<' if at(i + 1) == b'<' => match heredoc_marker(bytes, i + 2) {
                    Some((marker, body)) => {
                        stack.push(Frame::Template { marker: Some(marker) });
                        i = body;
                    }
                    None => i += 2,
                },
                b'=' | b'!' | b'<' | b'>' if matches!(at(i + 1), b'=' | b'>') => i += 2,
                b'=' | b':' => {
                    *members += 1;
                    i += 1;
                }
                b'{' | b'[' | b'(' => {
                    let close = match byte {
                        b'{' => b'}',
                        b'[' => b']',
                        _ => b')',
                    };
                    stack.push(Frame::Code {
                        close,
                        start: i,
                        members: 0,
                    });
                    i += 1;
                }
                b'}' | b']' | b')' => {
                    if depth > 1
                        && let Some(frame) = stack.pop()
                    {
                        finish(frame, &mut work);
                    }
                    i += 1;
                }
                _ => i += 1,
            },
            Some(Frame::Quoted) => match byte {
                b'\\' => i += 2,
                b'"' | b'\n' => {
                    stack.pop();
                    i += 1;
                }
                _ => i = template_step(bytes, i, &mut stack),
            },
            Some(Frame::Template { marker }) => {
                let marker = *marker;
                if let Some((start, end)) = marker
                    && (i == 0 || bytes[i - 1] == b'\n')
                    && let Some(end) = heredoc_end(bytes, i, &bytes[start..end])
                {
                    stack.pop();
                    i = end;
                } else {
                    i = template_step(bytes, i, &mut stack);
                }
            }
            None => break,
        }
    }
    // Objects left open cost the parser their work before it reports the error.
    while let Some(frame) = stack.pop() {
        finish(frame, &mut work);
    }
    work
}

/// One step inside template text at `i`: `${` and `%{` open an interpolation (`$${` and
/// `%%{` are literal text). Returns the next position.
fn template_step(bytes: &[u8], i: usize, stack: &mut Vec<Frame>) -> usize {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    match (bytes[i], at(i + 1), at(i + 2)) {
        (b'$', b'$', b'{') | (b'%', b'%', b'{') => i + 3,
        (b'$' | b'%', b'{', _) => {
            stack.push(Frame::Code {
                close: b'}',
                start: i + 1,
                members: 0,
            });
            i + 2
        }
        _ => i + 1,
    }
}

/// The marker of a heredoc whose `<<` ends at `from` (`<<EOF` or `<<-EOF`, then a line
/// break), and where its body starts.
fn heredoc_marker(bytes: &[u8], from: usize) -> Option<((usize, usize), usize)> {
    let start = from + usize::from(bytes.get(from) == Some(&b'-'));
    let mut end = start;
    while bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
    {
        end += 1;
    }
    let mut body = end;
    while matches!(bytes.get(body), Some(b' ' | b'\t' | b'\r')) {
        body += 1;
    }
    (end > start && bytes.get(body) == Some(&b'\n')).then_some(((start, end), body + 1))
}

/// Where the line at `line` ends, if it is the line that closes a heredoc: the marker alone,
/// with blanks around it.
fn heredoc_end(bytes: &[u8], line: usize, marker: &[u8]) -> Option<usize> {
    let mut i = line;
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if !bytes.get(i..)?.starts_with(marker) {
        return None;
    }
    i += marker.len();
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\r')) {
        i += 1;
    }
    matches!(bytes.get(i), None | Some(b'\n')).then_some(i)
}

/// The position of the line break that ends the line at `i`, or the end of the text.
fn line_end(bytes: &[u8], i: usize) -> usize {
    find(bytes, i, b"\n").unwrap_or(bytes.len())
}

/// The first position at or after `from` where `needle` starts.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(text: &str) -> u64 {
        object_work(text, false).largest.1
    }

    #[test]
    fn members_are_counted_per_object_outside_strings_heredocs_and_comments() {
        assert_eq!(members("a = { b = 1, c = 2, d = { e = 3 } }"), 3);
        assert_eq!(members("a = { b = \"x = y : z\", c = 1 }"), 2);
        assert_eq!(members("a = { b = 1 # c = 2, d = 3\n e = 4 /* f = 5 */ }"), 2);
        assert_eq!(
            members("a = <<EOF\n{ \"b\": 1, \"c\": 2, \"d\": 3 }\nEOF\nx = { y = 1 }"),
            1
        );
        assert_eq!(
            members("a = { b = x == y, c = x >= y, d = [for k, v in m : k => v] }"),
            3
        );
    }

    #[test]
    fn interpolations_are_code_wherever_they_are() {
        let object = (0..50).map(|i| format!("k{i} = 1")).collect::<Vec<_>>().join(", ");
        assert_eq!(members(&format!("a = \"${{ {{ {object} }} }}\"")), 50);
        assert_eq!(members(&format!("a = <<-EOF\n  ${{ {{ {object} }} }}\n  EOF\n")), 50);
        assert_eq!(members(&format!("a = \"$${{ {{ {object} }} }}\"")), 0);
        // Quotes inside an interpolation do not end the string around it.
        assert_eq!(members(&format!("a = \"${{ \"}}\" }}\" \nb = {{ {object} }}")), 50);
    }

    #[test]
    fn the_work_is_the_sum_of_squares_and_open_objects_count() {
        let work = object_work("a = { b = 1, c = 2 }\nd = { e = 1 }", false);
        assert_eq!(work.work, 5);
        assert_eq!(object_work("a = { b = 1, c = 2, d = 3", false).work, 9);
    }

    #[test]
    fn a_template_file_is_text_around_its_interpolations() {
        let work = object_work("{\"a\": 1, \"b\": \"${ { c = 1, d = 2 } }\"}\nEOF\n{ \"e\": 2 }", true);
        assert_eq!(work.largest.1, 2);
        assert_eq!(work.work, 4);
    }
}
