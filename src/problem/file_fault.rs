//! Why a settings or layout file could not be read, in the user's language.

use crate::i18n::Messages;
use crate::text::fill;

/// What is wrong with a file the tool reads whole (`plan.toml`,
/// `batch.toml`, a layout file).
#[derive(Debug, Clone, PartialEq)]
pub enum FileFault {
    /// A folder, a named pipe or a device where a file was expected.
    NotAFile,
    /// The system could not read it.
    Io {
        /// The kind of failure, for the wording.
        kind: std::io::ErrorKind,
        /// The system's own words.
        detail: String,
    },
    /// Larger than the tool reads.
    TooLarge {
        /// The limit, in MiB.
        limit_mib: u64,
    },
    /// Text that is not UTF-8.
    NotUtf8,
    /// A hard link: the same file may be elsewhere, outside the folder.
    HardLink,
}

impl FileFault {
    /// The fault of a failed bounded read.
    pub fn of(error: crate::files::ReadError) -> Self {
        match error {
            crate::files::ReadError::NotAFile => FileFault::NotAFile,
            crate::files::ReadError::TooLarge { limit } => {
                FileFault::TooLarge { limit_mib: limit.div_ceil(1 << 20) }
            }
            crate::files::ReadError::Io(e) => FileFault::Io { kind: e.kind(), detail: e.to_string() },
        }
    }

    /// Whether the file is simply not there.
    pub fn is_missing(&self) -> bool {
        matches!(self, FileFault::Io { kind: std::io::ErrorKind::NotFound, .. })
    }

    /// The reason, to fill into a sentence such as "cannot be read: {reason}".
    pub fn describe(&self, m: &Messages) -> String {
        match self {
            FileFault::NotAFile => m.file_not_a_file.clone(),
            FileFault::Io { kind, detail } => {
                super::errors::io_reason(&std::io::Error::new(*kind, detail.clone()), m)
            }
            FileFault::TooLarge { limit_mib } => fill(&m.file_too_large, &[("n", &limit_mib.to_string())]),
            FileFault::NotUtf8 => m.file_not_utf8.clone(),
            FileFault::HardLink => m.file_hard_link.clone(),
        }
    }
}
