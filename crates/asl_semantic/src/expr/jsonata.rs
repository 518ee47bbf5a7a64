//! JSONata expressions (work in progress).
