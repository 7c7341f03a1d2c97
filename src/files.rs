//! Reading the user's files with bounds: only regular files (not a FIFO
//! that never ends, not `/dev/zero` behind a symlink), and never more than
//! a stated number of bytes. A leaf any stage may use.

use std::io::Read;
use std::path::Path;

/// The most an input file (a workbook, a layout file) may hold.
pub const INPUT_FILE_LIMIT: u64 = 128 * 1024 * 1024;

/// The most a `plan.toml` or `batch.toml` may hold: a settings file, not
/// a document.
pub const SETTINGS_FILE_LIMIT: u64 = 1024 * 1024;

/// The most an archived data or key-figures file may hold.
pub const ARCHIVE_FILE_LIMIT: u64 = 256 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// It could not be opened or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// It is a folder, a device, a pipe or a socket.
    #[error("not a regular file")]
    NotAFile,
    /// It is larger than the limit.
    #[error("larger than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
}

/// The bytes of the regular file at `path` (following symlinks), when it
/// holds at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_nonblocking(path)?;
    // The type is checked on what was opened, so the path cannot be swapped
    // between the check and the read.
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // A file that grows while read stops at the limit.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opens for reading without waiting: opening a FIFO otherwise blocks until
/// a writer comes, and a terminal must never become ours. On a regular file
/// the flags change nothing.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Writes `bytes` to `path` in one step: into a temporary file beside it,
/// then renamed over it, so a reader never sees half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    // The file keeps its permissions (a temporary file is private to its owner).
    if let Ok(meta) = std::fs::metadata(path) {
        file.as_file().set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        std::fs::write(&file, b"12345").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"12345");
        assert!(matches!(read_regular(&file, 4), Err(ReadError::TooLarge { limit: 4 })));
        assert!(matches!(read_regular(dir.path(), 100), Err(ReadError::NotAFile)));
        #[cfg(unix)]
        {
            let zero = dir.path().join("zero");
            std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
            assert!(matches!(read_regular(&zero, 100), Err(ReadError::NotAFile)));
        }
        assert!(matches!(read_regular(&dir.path().join("none"), 100), Err(ReadError::Io(_))));
    }
}
