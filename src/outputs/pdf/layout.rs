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
    pub fn with_overrides(dir: &Path) -> std::io::Result<Self> {
        Self::bundled().overlaid(dir)
    }

    /// This layout with the files under `dir` replacing or adding to its
    /// own: a batch's layout over the default one, a client's over the
    /// batch's.
    pub fn overlaid(&self, dir: &Path) -> std::io::Result<Self> {
        let mut layout = Self { files: self.files.clone(), sources: Mutex::default() };
        for entry in walkdir::WalkDir::new(dir).follow_links(false) {
            let entry = entry.map_err(std::io::Error::other)?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry.path().strip_prefix(dir).map_err(std::io::Error::other)?;
            let key = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
            layout.files.insert(key, Bytes::new(std::fs::read(entry.path())?));
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
