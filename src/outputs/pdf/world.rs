use super::fonts::FontSet;
use super::layout::Layout;
use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The standard library, built once per process. `a11y-extras` gives the
/// layout `pdf.header-cell(scope: "row")`: a key-value table's labels are
/// row headers, so every data cell has a header (PDF/UA-1, tables).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    let features = [typst::Feature::A11yExtras].into_iter().collect();
    LazyHash::new(Library::builder().with_features(features).build())
});

/// A sandboxed world for one document: the layout's files, the plan's data
/// as virtual files (e.g. `/data.json`), the bundled fonts. No file system,
/// no packages, no clock.
pub struct PlanWorld<'a> {
    layout: &'a Layout,
    fonts: &'a FontSet,
    inputs: HashMap<String, Bytes>,
    main: FileId,
}

pub fn file_id(path: &str) -> FileId {
    // Paths are our own constants, always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("invalid virtual path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl<'a> PlanWorld<'a> {
    /// A world that typesets the layout file `main` (usually the layout's `/main.typ`).
    pub fn new(layout: &'a Layout, fonts: &'a FontSet, inputs: HashMap<String, Bytes>, main: &str) -> Self {
        Self { layout, fonts, inputs, main: file_id(main) }
    }

    fn path(id: FileId) -> FileResult<&'static str> {
        let rooted = id.get();
        match rooted.root() {
            VirtualRoot::Project => Ok(rooted.vpath().get_with_slash()),
            VirtualRoot::Package(_) => {
                Err(FileError::Other(Some("packages are not available to plan layouts".into())))
            }
        }
    }
}

impl World for PlanWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let path = Self::path(id)?;
        if self.inputs.contains_key(path) {
            return Err(FileError::NotSource);
        }
        self.layout.source(id, path)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = Self::path(id)?;
        self.inputs
            .get(path)
            .or_else(|| self.layout.file(path))
            .cloned()
            .ok_or_else(|| FileError::NotFound(path.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// No clock: a document's dates come from the plan.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}
