//! Offsets in a definition text built from pieces of a file, mapped back into that file.

use asl_syntax::{StringSourceMap, TextRange};

/// Maps each offset of a definition text built from a file (a `DefinitionString`, the
/// fragments of a `Fn::Join`, a file with its placeholders quoted) back into that file.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// In order of `start`; the first starts at 0.
    segments: Vec<Segment>,
    /// The maps of the scalars the text was copied from.
    scalars: Vec<StringSourceMap>,
    text_len: u32,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Where the segment starts in the definition text.
    start: u32,
    kind: SegmentKind,
}

#[derive(Debug, Clone, Copy)]
enum SegmentKind {
    /// Copied byte for byte from the file, from `source` on.
    Verbatim { source: u32 },
    /// Copied from the decoded value of `scalars[scalar]`, from its decoded offset `decoded`.
    Scalar { scalar: u32, decoded: u32 },
    /// Text that stands for a whole node of the file (a placeholder for `{"Ref": …}`): every
    /// offset in it maps to that node, not to a character.
    Node { range: TextRange },
    /// Text the file does not hold (a `Fn::Join` delimiter, quotes around a placeholder): it
    /// maps to one point.
    Point { at: u32 },
}

/// A definition range mapped into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapped {
    pub range: TextRange,
    /// `false` when the range lies inside text that stands for a whole node (a placeholder for
    /// an intrinsic function): `range` is then that node.
    pub exact: bool,
}

/// Builds a definition text and its map together.
#[derive(Debug, Default)]
pub(crate) struct MappedText {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
}

impl MappedText {
    fn mark(&mut self, kind: SegmentKind) {
        let start = self.text.len() as u32;
        // A segment that got no text is replaced.
        if self.map.segments.last().is_some_and(|last| last.start == start) {
            self.map.segments.pop();
        }
        self.map.segments.push(Segment { start, kind });
    }

    /// Text copied byte for byte from the file at `source`.
    pub(crate) fn verbatim(&mut self, text: &str, source: u32) {
        self.mark(SegmentKind::Verbatim { source });
        self.text.push_str(text);
    }

    /// Registers the map of a scalar whose decoded text will be copied.
    pub(crate) fn add_scalar(&mut self, map: StringSourceMap) -> u32 {
        self.map.scalars.push(map);
        self.map.scalars.len() as u32 - 1
    }

    /// The file offset of decoded byte `decoded` of a registered scalar.
    pub(crate) fn scalar_source(&self, scalar: u32, decoded: usize) -> u32 {
        self.map
            .scalars
            .get(scalar as usize)
            .map_or(0, |map| map.source_offset(decoded))
    }

    /// `text`, the decoded bytes of `scalar` from `decoded` on.
    pub(crate) fn scalar(&mut self, scalar: u32, decoded: u32, text: &str) {
        self.mark(SegmentKind::Scalar { scalar, decoded });
        self.text.push_str(text);
    }

    /// `text` standing for the node at `range`.
    pub(crate) fn node(&mut self, range: TextRange, text: &str) {
        self.mark(SegmentKind::Node { range });
        self.text.push_str(text);
    }

    /// `text` the file does not hold, placed at `at`.
    pub(crate) fn point(&mut self, at: u32, text: &str) {
        if text.is_empty() {
            return;
        }
        self.mark(SegmentKind::Point { at });
        self.text.push_str(text);
    }

    pub(crate) fn finish(mut self) -> (String, OffsetMap) {
        self.map.text_len = self.text.len() as u32;
        (self.text, self.map)
    }
}

impl OffsetMap {
    /// The length of the definition text.
    pub fn text_len(&self) -> u32 {
        self.text_len
    }

    /// The index of the segment holding `offset` (the last that starts at or before it).
    fn segment_at(&self, offset: u32) -> Option<usize> {
        self.segments.partition_point(|s| s.start <= offset).checked_sub(1)
    }

    fn segment_end(&self, index: usize) -> u32 {
        self.segments.get(index + 1).map_or(self.text_len, |next| next.start)
    }

    /// Where `offset`, taken as a start (`end == false`) or an exclusive end, lands in the file.
    fn map_in(&self, index: usize, offset: u32, end: bool) -> u32 {
        let segment = self.segments[index];
        let relative = offset.saturating_sub(segment.start);
        match segment.kind {
            SegmentKind::Verbatim { source } => source + relative,
            SegmentKind::Scalar { scalar, decoded } => self
                .scalars
                .get(scalar as usize)
                .map_or(0, |map| map.source_offset((decoded + relative) as usize)),
            SegmentKind::Node { range } if end => range.end,
            SegmentKind::Node { range } => range.start,
            SegmentKind::Point { at } => at,
        }
    }

    /// The file offset of a definition offset.
    pub fn offset(&self, offset: u32) -> u32 {
        self.segment_at(offset)
            .map_or(0, |index| self.map_in(index, offset, false))
    }

    /// The file range of a definition range.
    pub fn range(&self, range: TextRange) -> Mapped {
        let Some(first) = self.segment_at(range.start) else {
            return Mapped {
                range: TextRange::empty(0),
                exact: false,
            };
        };
        let start = self.map_in(first, range.start, false);
        if range.end <= range.start {
            return Mapped {
                range: TextRange::empty(start),
                exact: !matches!(self.segments[first].kind, SegmentKind::Node { .. }),
            };
        }
        // The end belongs to the segment of the last byte.
        let last = self.segment_at(range.end - 1).unwrap_or(first);
        let end = self.map_in(last, range.end, true).max(start);
        let inside_one_node = first == last && matches!(self.segments[first].kind, SegmentKind::Node { .. });
        Mapped {
            range: TextRange::new(start, end),
            exact: !inside_one_node,
        }
    }

    /// The file edit that replaces `range` of the definition text `definition` with
    /// `replacement`, when the changed bytes are copied exactly from one place of the file and
    /// the new ones can be written there (escaped as that string needs). The text both start
    /// and end with alike is left alone (`"Taks"` → `"Task"` edits `ks`), away from the quotes
    /// and escapes around it.
    pub fn edit(&self, definition: &str, range: TextRange, replacement: &str) -> Option<(TextRange, String)> {
        let (range, replacement) = minimal(definition, range, replacement);
        let first = self.segment_at(range.start)?;
        // An insertion at a segment's start may also be made at the end of the one before.
        let candidates = [
            Some(first),
            first
                .checked_sub(1)
                .filter(|_| range.start == self.segments[first].start),
        ];
        candidates.into_iter().flatten().find_map(|index| {
            let segment = self.segments[index];
            if range.start < segment.start || range.end > self.segment_end(index) {
                return None;
            }
            let from = range.start - segment.start;
            let to = range.end - segment.start;
            match segment.kind {
                SegmentKind::Verbatim { source } => {
                    Some((TextRange::new(source + from, source + to), replacement.to_owned()))
                }
                SegmentKind::Scalar { scalar, decoded } => {
                    let map = self.scalars.get(scalar as usize)?;
                    let decoded = (decoded + from) as usize..(decoded + to) as usize;
                    let at_start = decoded.start == 0;
                    let target = map.exact_source_range(decoded)?;
                    Some((target, map.encode(replacement, at_start)?))
                }
                SegmentKind::Node { .. } | SegmentKind::Point { .. } => None,
            }
        })
    }

    /// The definition offset of a file offset, when the definition holds text from there
    /// (for an editor's cursor).
    pub fn definition_offset(&self, file_offset: u32) -> Option<u32> {
        for (index, segment) in self.segments.iter().enumerate() {
            let len = self.segment_end(index) - segment.start;
            match segment.kind {
                SegmentKind::Verbatim { source } if (source..=source + len).contains(&file_offset) => {
                    return Some(segment.start + file_offset - source);
                }
                SegmentKind::Scalar { scalar, decoded } => {
                    let Some(map) = self.scalars.get(scalar as usize) else {
                        continue;
                    };
                    let from = map.source_offset(decoded as usize);
                    let to = map.source_offset((decoded + len) as usize);
                    if !(from..=to).contains(&file_offset) {
                        continue;
                    }
                    // The last decoded offset that maps at or before the file offset.
                    let (mut low, mut high) = (0, len);
                    while low < high {
                        let middle = (low + high).div_ceil(2);
                        if map.source_offset((decoded + middle) as usize) <= file_offset {
                            low = middle;
                        } else {
                            high = middle - 1;
                        }
                    }
                    return Some(segment.start + low);
                }
                SegmentKind::Node { range } if range.contains_range(TextRange::empty(file_offset)) => {
                    return Some(segment.start);
                }
                _ => {}
            }
        }
        None
    }
}

/// The edit that replaces `range` of `text` with `replacement`, without the text they start
/// and end with alike.
fn minimal<'r>(text: &str, range: TextRange, replacement: &'r str) -> (TextRange, &'r str) {
    let Some(original) = text.get(range.as_usize()) else {
        return (range, replacement);
    };
    let prefix: usize = original
        .chars()
        .zip(replacement.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = original[prefix..]
        .chars()
        .rev()
        .zip(replacement[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let start = range.start + prefix as u32;
    let end = range.end - suffix as u32;
    (
        TextRange::new(start, end.max(start)),
        &replacement[prefix..replacement.len() - suffix],
    )
}
