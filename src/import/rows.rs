//! Rows of a workbook as the user sees them, for showing a problem beside
//! the row it was found in (the web application's problem list).

use super::cell;
use super::read::{self, TextOptions};
use std::collections::BTreeMap;
use std::path::Path;

/// Headers are looked for in this many rows above a problem's row.
const HEADER_ROWS: u32 = 20;
/// Beyond this many columns a row is cut: a problem list is not a sheet.
const MAX_COLUMNS: usize = 40;

/// Some rows of one sheet, with its column headers.
#[derive(Debug, Default)]
pub struct SheetRows {
    /// Column (zero-based) → its header: the fullest row above the rows asked for.
    pub headers: BTreeMap<u32, String>,
    /// Row (zero-based) → its filled cells, column → the value as shown.
    pub rows: BTreeMap<u32, BTreeMap<u32, String>>,
}

/// The rows `wanted` (zero-based) of `sheet` in the workbook at `path`
/// (a CSV file's one sheet has the name ""), read within the same bounds
/// as the import; `None` when it cannot be read.
pub fn sheet_rows(path: &Path, sheet: &str, wanted: &[u32]) -> Option<SheetRows> {
    let bytes = crate::files::read_regular(path, read::limits::MAX_FILE_BYTES).ok()?;
    let name = path.file_name()?.to_string_lossy();
    let book =
        std::panic::catch_unwind(|| read::read_named(&bytes, &name, TextOptions::default())).ok()?.ok()?;
    let found =
        book.sheets.iter().find(|s| s.name == sheet || (sheet.is_empty() && book.sheets.len() == 1))?;
    let first = wanted.iter().copied().min()?;
    let mut result = SheetRows::default();
    let mut best_header = 0;
    for (row, cells) in found.rows() {
        let shown = || -> BTreeMap<u32, String> {
            cells
                .iter()
                .take(MAX_COLUMNS)
                .map(|(_, column, value)| (*column, cell::shown(book.data(value))))
                .filter(|(_, text)| !text.is_empty())
                .collect()
        };
        if row < first && row + HEADER_ROWS >= first && cells.len() > best_header {
            best_header = cells.len();
            result.headers = shown();
        }
        if wanted.contains(&row) {
            result.rows.insert(row, shown());
        }
    }
    Some(result)
}
