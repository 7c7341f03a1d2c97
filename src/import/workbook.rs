//! Opening a workbook and finding a sheet, its header row and its columns.

use super::fields::{Field, SheetSpec};
use crate::i18n::Language;
use crate::problem::{CellRef, Location, ProblemKind, Problems};
use crate::text::fold;
use calamine::{Data, Range, Reader, Sheets, open_workbook_auto};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// How many rows above the data may hold titles before the header row.
const HEADER_SEARCH_ROWS: usize = 30;

pub struct Workbook {
    /// File name as the user knows it, used in every message.
    pub name: String,
    sheets: Sheets<BufReader<File>>,
}

impl Workbook {
    pub fn open(path: &Path, problems: &mut Problems) -> Option<Self> {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        if !path.is_file() {
            problems.error(Location::file(path.display().to_string()), ProblemKind::WorkbookMissing);
            return None;
        }
        match open_workbook_auto(path) {
            Ok(sheets) => Some(Self { name, sheets }),
            Err(e) => {
                let reason = first_line(&e.to_string());
                problems.error(Location::file(name), ProblemKind::WorkbookUnreadable { reason });
                None
            }
        }
    }

    /// The sheet `spec` describes, with its columns located; `None` (and a
    /// problem) when the sheet or a required column is missing.
    pub fn table<F: Field>(
        &mut self,
        spec: &SheetSpec<F>,
        language: Language,
        problems: &mut Problems,
    ) -> Option<Table<F>> {
        let available = self.sheets.sheet_names();
        let Some(sheet) = available.iter().find(|s| spec.matches_name(s)).cloned() else {
            if spec.optional {
                return None;
            }
            let kind = ProblemKind::SheetMissing { sheet: spec.name(language).to_string(), available };
            problems.error(Location::file(&self.name), kind);
            return None;
        };
        let range = match self.sheets.worksheet_range(&sheet) {
            Ok(range) => range,
            Err(e) => {
                let reason = first_line(&e.to_string());
                problems
                    .error(Location::sheet(&self.name, &sheet), ProblemKind::WorkbookUnreadable { reason });
                return None;
            }
        };
        Table::locate(self.name.clone(), sheet, range, spec, language, problems)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}

/// A sheet whose header row and columns are known.
pub struct Table<F: Field> {
    pub file: String,
    pub sheet: String,
    range: Range<Data>,
    origin: (u32, u32),
    header_row: usize,
    /// Column index within `range`, per field.
    columns: Vec<Option<usize>>,
    /// The header text as the user wrote it, per field.
    headers: Vec<String>,
    _field: std::marker::PhantomData<F>,
}

impl<F: Field> Table<F> {
    fn locate(
        file: String,
        sheet: String,
        range: Range<Data>,
        spec: &SheetSpec<F>,
        language: Language,
        problems: &mut Problems,
    ) -> Option<Self> {
        let origin = range.start().unwrap_or((0, 0));
        let Some((header_row, columns)) = best_header_row(&range, spec) else {
            problems.error(Location::sheet(&file, &sheet), ProblemKind::SheetEmpty);
            return None;
        };
        let found: Vec<String> = range
            .rows()
            .nth(header_row)
            .map(|row| row.iter().filter_map(header_text).collect())
            .unwrap_or_default();
        let mut complete = true;
        for &field in F::ALL {
            if field.required() && columns[field.index()].is_none() {
                complete = false;
                let column = field.names()[language.index()].to_string();
                let kind = ProblemKind::ColumnMissing { column, found: found.clone() };
                problems.error(Location::sheet(&file, &sheet), kind);
            }
        }
        if !complete {
            return None;
        }
        let header_cells = range.rows().nth(header_row).unwrap_or(&[]);
        let headers = F::ALL
            .iter()
            .map(|f| {
                columns[f.index()]
                    .and_then(|c| header_cells.get(c))
                    .and_then(header_text)
                    .unwrap_or_else(|| f.names()[language.index()].to_string())
            })
            .collect();
        let table = Self {
            file,
            sheet,
            range,
            origin,
            header_row,
            columns,
            headers,
            _field: std::marker::PhantomData,
        };
        if table.rows().next().is_none() {
            problems.error(Location::sheet(&table.file, &table.sheet), ProblemKind::SheetEmpty);
            return None;
        }
        Some(table)
    }

    /// The data rows under the header, skipping rows with no mapped value.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_, F>> {
        self.range
            .rows()
            .enumerate()
            .skip(self.header_row + 1)
            .map(|(index, cells)| Row { table: self, cells, index })
            .filter(|row| !row.is_blank())
    }

    /// The user's header for `field`, e.g. "VTE" or "ETP".
    pub fn header(&self, field: F) -> &str {
        &self.headers[field.index()]
    }

    pub fn location(&self, row: usize, field: F) -> Location {
        let column = self.columns[field.index()].unwrap_or(0);
        let cell = CellRef::new(self.origin.0 + row as u32, self.origin.1 + column as u32);
        Location::cell(&self.file, &self.sheet, cell)
    }

    pub fn cell_ref(&self, row: usize, field: F) -> CellRef {
        let column = self.columns[field.index()].unwrap_or(0);
        CellRef::new(self.origin.0 + row as u32, self.origin.1 + column as u32)
    }
}

/// One data row of a table.
pub struct Row<'t, F: Field> {
    pub table: &'t Table<F>,
    cells: &'t [Data],
    pub index: usize,
}

impl<F: Field> Row<'_, F> {
    pub fn get(&self, field: F) -> &Data {
        const EMPTY: &Data = &Data::Empty;
        self.table.columns[field.index()].and_then(|c| self.cells.get(c)).unwrap_or(EMPTY)
    }

    pub fn location(&self, field: F) -> Location {
        self.table.location(self.index, field)
    }

    fn is_blank(&self) -> bool {
        F::ALL.iter().all(|&f| match self.get(f) {
            Data::Empty => true,
            Data::String(s) => crate::text::clean(s).is_none(),
            _ => false,
        })
    }
}

fn header_text(cell: &Data) -> Option<String> {
    match cell {
        Data::String(s) => crate::text::clean(s).map(str::to_string),
        Data::Empty => None,
        other => Some(other.to_string()),
    }
}

/// The header row is the first of the top rows that names every required
/// column; failing that, the one naming most columns, so the messages about
/// missing columns refer to the right row.
fn best_header_row<F: Field>(
    range: &Range<Data>,
    spec: &SheetSpec<F>,
) -> Option<(usize, Vec<Option<usize>>)> {
    let mut best: Option<(usize, usize, Vec<Option<usize>>)> = None;
    for (index, row) in range.rows().take(HEADER_SEARCH_ROWS).enumerate() {
        let mut columns = vec![None; F::ALL.len()];
        for (c, cell) in row.iter().enumerate() {
            let Some(text) = header_text(cell) else { continue };
            let key = fold(&text);
            if let Some(field) = spec.field_for_header(&key)
                && columns[field.index()].is_none()
            {
                columns[field.index()] = Some(c);
            }
        }
        let matched = columns.iter().flatten().count();
        let complete = F::ALL.iter().all(|f| !f.required() || columns[f.index()].is_some());
        if complete && matched > 0 {
            return Some((index, columns));
        }
        if matched > best.as_ref().map_or(0, |b| b.1) {
            best = Some((index, matched, columns));
        }
    }
    match best {
        Some((index, _, columns)) => Some((index, columns)),
        None => range
            .rows()
            .position(|row| row.iter().any(|c| header_text(c).is_some()))
            .map(|i| (i, vec![None; F::ALL.len()])),
    }
}
