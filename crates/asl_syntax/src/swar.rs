//! Scanning eight bytes at a time ("SIMD within a register"), in safe code.

const ONES: u64 = u64::MAX / 255;
/// The high bit of every byte.
pub(crate) const HIGHS: u64 = ONES << 7;

/// The eight bytes at `at` as a little-endian word, if there are eight.
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Marks (high bit) the bytes of `word` equal to `byte`. Marks above the lowest one may be
/// spurious, so use only the lowest (`trailing_zeros() / 8`).
pub(crate) fn equal_to(word: u64, byte: u8) -> u64 {
    let diff = word ^ (ONES * u64::from(byte));
    diff.wrapping_sub(ONES) & !diff & HIGHS
}

/// Marks the bytes of `word` below `bound` (at most 0x80), with the same caveat.
pub(crate) fn less_than(word: u64, bound: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGHS
}

/// Index of the first marked byte.
pub(crate) fn first_marked(marks: u64) -> usize {
    marks.trailing_zeros() as usize / 8
}

/// How many of the (at most eight) bytes at `at` are spaces before another byte, given that
/// the byte at `at` is one.
pub(crate) fn leading_spaces(bytes: &[u8], at: usize) -> usize {
    match word_at(bytes, at) {
        // The first byte that differs from a space is the lowest non-zero byte of the XOR.
        Some(word) => match word ^ (ONES * u64::from(b' ')) {
            0 => 8,
            diff => diff.trailing_zeros() as usize / 8,
        },
        None => 1,
    }
}
