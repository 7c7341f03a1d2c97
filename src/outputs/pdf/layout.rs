use crate::problem::FileFault;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use typst::diag::{FileError, FileResult};
use typst::foundations::Bytes;
use typst::syntax::{FileId, Source};

/// The files of a layout, in memory: the default layout compiled into the
/// binary, optionally overlaid by a folder whose files replace those of the
/// same name. The Typst world can read these files and nothing else.
pub struct Layout {
    files: HashMap<String, Bytes>,
    /// Parsed sources, shared by every document built with this layout.
    sources: Mutex<HashMap<FileId, Source>>,
}

pub const MAIN: &str = "/main.typ";
/// The layout's one-page summary for all employees.
pub const EMPLOYEES: &str = "/employees.typ";
/// The layout's personal statements, one page per employee.
pub const STATEMENTS: &str = "/statements.typ";

/// The most one file of a layout folder may hold: an image, a font.
pub const FILE_LIMIT: u64 = 64 << 20;

/// The most all files of a layout folder may hold together.
pub const FOLDER_LIMIT: u64 = 256 << 20;

/// A layout folder that cannot be used, with the file at fault.
#[derive(Debug, thiserror::Error)]
#[error("{}: {fault:?}", path.display())]
pub struct LayoutFileError {
    /// The file (or the folder) at fault.
    pub path: std::path::PathBuf,
    /// What is wrong with it.
    pub fault: FileFault,
}

impl LayoutFileError {
    /// "the layout file {path} cannot be read: {reason}".
    pub fn describe(&self, m: &crate::i18n::Messages) -> String {
        crate::text::fill(
            &m.layout_folder_unreadable,
            &[("path", &self.path.display().to_string()), ("reason", &self.fault.describe(m))],
        )
    }
}

#[cfg(unix)]
fn is_hard_link(entry: &walkdir::DirEntry) -> bool {
    use std::os::unix::fs::MetadataExt;
    entry.metadata().is_ok_and(|m| m.nlink() > 1)
}

#[cfg(not(unix))]
fn is_hard_link(_: &walkdir::DirEntry) -> bool {
    false
}

impl Layout {
    pub(crate) fn bundled() -> Self {
        let files = super::embedded::DEFAULT_LAYOUT
            .iter()
            .map(|(path, data)| (path.to_string(), Bytes::new(*data)))
            .collect();
        Self { files, sources: Mutex::default() }
    }

    /// The default layout with every file found under `dir` replacing or
    /// adding to it (`dir/parts/cover.typ` replaces `/parts/cover.typ`).
    pub fn with_overrides(dir: &Path) -> Result<Self, LayoutFileError> {
        Self::bundled().overlaid(dir)
    }

    /// This layout with the files under `dir` replacing or adding to its
    /// own: a batch's layout over the default one, a client's over the
    /// batch's.
    ///
    /// Only regular files count (links are not followed), each of at most
    /// [`FILE_LIMIT`] and all of them at most [`FOLDER_LIMIT`]; a hard link
    /// is refused, since the same file may live outside the folder; a
    /// `.typ` file must be UTF-8. The error names the file.
    pub fn overlaid(&self, dir: &Path) -> Result<Self, LayoutFileError> {
        let mut layout = Self { files: self.files.clone(), sources: Mutex::default() };
        let mut total = 0u64;
        for entry in walkdir::WalkDir::new(dir).follow_links(false) {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let error = e.into_io_error().unwrap_or_else(|| std::io::Error::other("loop"));
                LayoutFileError { path, fault: FileFault::of(crate::files::ReadError::Io(error)) }
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let fail = |fault| LayoutFileError { path: path.to_path_buf(), fault };
            if is_hard_link(&entry) {
                return Err(fail(FileFault::HardLink));
            }
            let bytes = crate::files::read_regular(path, FILE_LIMIT).map_err(|e| fail(FileFault::of(e)))?;
            total += bytes.len() as u64;
            if total > FOLDER_LIMIT {
                let fault = FileFault::TooLarge { limit_mib: FOLDER_LIMIT >> 20 };
                return Err(LayoutFileError { path: dir.to_path_buf(), fault });
            }
            if path.extension().is_some_and(|e| e == "typ") && std::str::from_utf8(&bytes).is_err() {
                return Err(fail(FileFault::NotUtf8));
            }
            let relative = path.strip_prefix(dir).unwrap_or(path);
            let key = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
            layout.files.insert(key, Bytes::new(bytes));
        }
        Ok(layout)
    }

    /// Every file, by its path in the layout ("/parts/cover.typ").
    pub fn files(&self) -> impl Iterator<Item = (&str, &Bytes)> {
        self.files.iter().map(|(path, bytes)| (path.as_str(), bytes))
    }

    pub(crate) fn file(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    pub(crate) fn source(&self, id: FileId, path: &str) -> FileResult<Source> {
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(source) = sources.get(&id) {
            return Ok(source.clone());
        }
        let bytes = self.file(path).ok_or_else(|| FileError::NotFound(path.into()))?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text.to_string());
        sources.insert(id, source.clone());
        Ok(source)
    }
}
