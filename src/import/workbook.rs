//! Opening a workbook within bounds and finding the sheet a table lives in.
//!
//! The file is read once, as a regular file of bounded size; its sheets are
//! read sparsely by [`super::read`], so no number in the file sizes an
//! allocation. Every way that can fail becomes a located problem.

use super::read::{self, ReadError, limits};
use super::table::{Source, Table};
use crate::config::SheetMapping;
use crate::config::fields::{Field, SheetSpec};
use crate::files;
use crate::model::Language;
use crate::problem::{CellRef, Limit, Location, ProblemKind, Problems, WorkbookFault};
use crate::text::fold;
use std::path::Path;
use std::sync::Arc;

/// A workbook read into memory, sheets and all.
pub struct Workbook {
    /// File name as the user knows it, used in every message.
    pub name: String,
    book: Arc<read::Book>,
    /// A CSV or TSV export: one table, whatever its sheet is called.
    is_text: bool,
}

impl Workbook {
    /// Reads the workbook at `path`; `None` (and a problem) when it cannot
    /// be read.
    pub fn open(path: &Path, options: read::TextOptions, problems: &mut Problems) -> Option<Self> {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let bytes = match files::read_regular(path, limits::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(files::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.error(Location::file(path.display().to_string()), ProblemKind::WorkbookMissing);
                return None;
            }
            Err(error) => {
                let fault = match error {
                    files::ReadError::NotAFile => WorkbookFault::NotAFile,
                    files::ReadError::TooLarge { limit } => WorkbookFault::Limit(Limit::FileMib(limit >> 20)),
                    files::ReadError::Io(e) => WorkbookFault::Io { kind: e.kind(), detail: e.to_string() },
                };
                problems.error(Location::file(name), ProblemKind::Workbook(fault));
                return None;
            }
        };
        if is_encrypted(&bytes) {
            problems.error(Location::file(name), ProblemKind::WorkbookEncrypted);
            return None;
        }
        // The readers are written not to panic; a panic in one (or in
        // calamine, which reads .xls) must still not take the run down.
        let read = std::panic::catch_unwind(|| read::read_named(&bytes, &name, options));
        match read {
            Ok(Ok(book)) => {
                let is_text = book.sheets.len() == 1 && book.sheets[0].name.is_empty();
                Some(Self { name, book: Arc::new(book), is_text })
            }
            Ok(Err(error)) => {
                let location = locate(&name, &error);
                problems.error(location, problem(error));
                None
            }
            Err(_) => {
                let fault = WorkbookFault::Damaged { detail: "reader panic".into() };
                problems.error(Location::file(name), ProblemKind::Workbook(fault));
                None
            }
        }
    }

    /// The sheet `spec` describes, with its columns located; `None` (and a
    /// problem) when the sheet or a required column is missing.
    pub fn table<F: Field>(
        &self,
        spec: &SheetSpec<F>,
        mapping: &SheetMapping,
        language: Language,
        problems: &mut Problems,
    ) -> Option<Table<F>> {
        let sheets = &self.book.sheets;
        if self.is_text {
            return self.text_table(spec, mapping, language, problems);
        }
        let index = match &mapping.sheet {
            Some(wanted) => sheets.iter().position(|s| fold(&s.name) == fold(wanted)),
            None => sheets
                .iter()
                .position(|s| spec.matches_name(&s.name))
                .or_else(|| (sheets.len() == 1 && spec.takes_lone_sheet).then_some(0)),
        };
        let Some(index) = index else {
            if spec.optional && mapping.sheet.is_none() {
                return None;
            }
            let sheet = mapping.sheet.clone().unwrap_or_else(|| spec.name(language).to_string());
            let available = sheets.iter().map(|s| s.name.clone()).collect();
            problems.error(
                Location::file(&self.name),
                ProblemKind::SheetMissing { sheet, available, key: spec.key.to_string() },
            );
            return None;
        };
        let source =
            Source { file: self.name.clone(), book: Arc::clone(&self.book), index, mapping, language };
        Table::locate(source, spec, problems)
    }
}

impl Workbook {
    /// The one table of a CSV or TSV export: the employees when it is the
    /// plan's only file, else the table whose section names this file.
    fn text_table<F: Field>(
        &self,
        spec: &SheetSpec<F>,
        mapping: &SheetMapping,
        language: Language,
        problems: &mut Problems,
    ) -> Option<Table<F>> {
        if !(mapping.own_workbook || spec.takes_lone_sheet) {
            if spec.optional {
                return None;
            }
            let kind = ProblemKind::TextFileOneTable {
                sheet: spec.name(language).to_string(),
                key: spec.key.to_string(),
            };
            problems.error(Location::file(&self.name), kind);
            return None;
        }
        let source =
            Source { file: self.name.clone(), book: Arc::clone(&self.book), index: 0, mapping, language };
        Table::locate(source, spec, problems)
    }
}

/// A password-protected Office file: an OLE container (as old .xls files
/// are) holding an "EncryptedPackage" stream instead of a workbook.
fn is_encrypted(bytes: &[u8]) -> bool {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(&OLE) && bytes.windows(marker.len()).any(|w| w == marker.as_slice())
}

/// Where the error is: the cell, else the sheet, else the file.
fn locate(file: &str, error: &ReadError) -> Location {
    match error {
        ReadError::InSheet { sheet, .. } => match error.at() {
            Some((row, column)) => Location::cell(file, sheet, CellRef::new(row, column)),
            None => Location::sheet(file, sheet),
        },
        _ => Location::file(file),
    }
}

/// The problem to report for a read error.
fn problem(error: ReadError) -> ProblemKind {
    use ReadError as E;
    let fault = match error {
        E::InSheet { error, .. } => return problem(*error),
        E::Encrypted => return ProblemKind::WorkbookEncrypted,
        E::TooManyEntries { limit } => Limit::Parts(limit as u64).into(),
        E::PartTooLarge { limit } => Limit::PartMib(limit >> 20).into(),
        E::TotalTooLarge { limit } => Limit::UnpackedMib(limit >> 20).into(),
        E::TokenTooLarge { limit } => Limit::TokenKib(limit >> 10).into(),
        E::TooManySharedStrings { limit } => Limit::Texts(limit as u64).into(),
        E::TooManyCells { limit } => Limit::Cells(limit as u64).into(),
        E::TooMuchText { limit } => Limit::TextMib((limit >> 20) as u64).into(),
        E::TooManyFormats { limit } => Limit::Formats(limit as u64).into(),
        E::TooManySheets { limit } => Limit::Sheets(limit as u64).into(),
        E::CellTooLong { .. } | E::SharedStringTooLong => WorkbookFault::TextTooLong,
        E::XlsTooSparse { rows, cols } => WorkbookFault::Sparse { rows, columns: cols },
        E::NotAWorkbook => WorkbookFault::NotAWorkbook,
        E::NotInEncoding { encoding } => WorkbookFault::NotInEncoding { encoding },
        E::BadReference { reference } => damaged(format!("r=\"{reference}\"")),
        E::OutsideGrid => damaged("> XFD1048576".into()),
        E::BadStringIndex { .. } => damaged("t=\"s\"".into()),
        E::BadValue { raw, .. } => damaged(format!("v=\"{raw}\"")),
        E::Malformed(detail) => damaged(detail),
    };
    ProblemKind::Workbook(fault)
}

fn damaged(detail: String) -> WorkbookFault {
    WorkbookFault::Damaged { detail }
}

impl From<Limit> for WorkbookFault {
    fn from(limit: Limit) -> Self {
        WorkbookFault::Limit(limit)
    }
}
