//! The children of the open containers while a tree is built: each front-end (the JSON parser,
//! the YAML reader) keeps them at the end of two scratch buffers, one for array items and one
//! for object members, each open container's from its first index on. A closing container takes
//! its children in one allocation of their size.

/// Children from which a container that owns its whole scratch buffer takes the buffer itself,
/// so that a large array is not held twice at the peak. A smaller one is copied out: the
/// buffer keeps its capacity for the next container instead of growing again from nothing.
const TAKE_WHOLE_BUFFER_FROM: usize = 1024;

/// The children of a closing container: the tail of a scratch buffer from `first`.
pub(crate) fn take_from<T>(scratch: &mut Vec<T>, first: usize) -> Box<[T]> {
    if first == 0 && scratch.len() >= TAKE_WHOLE_BUFFER_FROM {
        std::mem::take(scratch).into_boxed_slice()
    } else {
        // One allocation of exactly the tail's length and one copy (`split_off(0)` would hand
        // over the whole buffer, spare capacity and all).
        scratch.drain(first..).collect()
    }
}
