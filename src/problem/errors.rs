//! Errors of the machine (a disk, a folder, a layout), worded in the
//! user's language like every other message.

use crate::i18n::Messages;
use crate::text::fill;
use std::io::ErrorKind;
use std::path::Path;

/// Why a file could not be read or written, in the user's language; the
/// system's own words only for what has no common name.
pub fn io_reason(error: &std::io::Error, m: &Messages) -> String {
    match error.kind() {
        ErrorKind::NotFound => m.io_not_found.clone(),
        ErrorKind::PermissionDenied => m.io_permission.clone(),
        ErrorKind::AlreadyExists => m.io_exists.clone(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => m.io_full.clone(),
        ErrorKind::ReadOnlyFilesystem => m.io_read_only.clone(),
        _ => fill(&m.io_other, &[("detail", &error.to_string())]),
    }
}

/// "could not write to {path}: {reason}".
pub fn write_failed(path: &Path, error: &std::io::Error, m: &Messages) -> String {
    fill(&m.write_failed, &[("path", &path.display().to_string()), ("reason", &io_reason(error, m))])
}
