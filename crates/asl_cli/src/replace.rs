//! Replacing a file's contents all at once, for `--fix`.

use std::io::{self, Write as _};
use std::path::Path;

/// Replaces the contents of the file at `path`: the new contents are written to a temporary
/// file in the same directory, synced, and renamed over the original, so that a full disk, a
/// file-size limit or a crash leaves either the old file or the new one, never a mix. The file
/// keeps its permissions, and a symbolic link keeps pointing at it (its target is replaced).
/// The error says what failed; the original is then unchanged.
pub(crate) fn replace_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::other("it is not a regular file"));
    }
    let target = path.canonicalize()?;
    let directory = target
        .parent()
        .ok_or_else(|| io::Error::other("it has no parent directory"))?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".asl-lint-fix-")
        .tempfile_in(directory)
        .map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("cannot create a temporary file beside it: {error}"),
            )
        })?;
    temporary.write_all(contents)?;
    temporary.as_file().set_permissions(metadata.permissions())?;
    temporary.as_file().sync_all()?;
    temporary.persist(&target).map_err(|error| error.error)?;
    // Makes the rename itself durable. The new contents are in place already, so a failure
    // here is not a failure to write them.
    if let Ok(directory) = std::fs::File::open(directory) {
        let _ = directory.sync_all();
    }
    Ok(())
}
