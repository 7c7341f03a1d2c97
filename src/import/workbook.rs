//! Opening a workbook and finding a sheet, its header row and its columns,
//! following the mapping in `plan.toml` where it has one.

use crate::config::fields::{Field, SheetSpec};
use crate::config::{DefaultValue, SheetMapping, ValueFormat};
use crate::model::Language;
use crate::problem::{CellRef, Location, ProblemKind, Problems};
use crate::text::fold;
use calamine::{Data, Range, Reader, Sheets, open_workbook_auto};
use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// How many rows above the data may hold titles before the header row.
const HEADER_SEARCH_ROWS: usize = 30;

/// First cells of the totals rows some exports end with.
const TOTAL_WORDS: &[&str] =
    &["totaal", "total", "totaux", "totalen", "grand total", "som", "sum", "eindtotaal"];

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
        // calamine is robust, but a broken file must never take the whole run down.
        match catch_unwind(|| open_workbook_auto(path)) {
            Ok(Ok(sheets)) => Some(Self { name, sheets }),
            Ok(Err(_)) if is_encrypted(path) => {
                problems.error(Location::file(name), ProblemKind::WorkbookEncrypted);
                None
            }
            Ok(Err(e)) => {
                let reason = first_line(&e.to_string());
                problems.error(Location::file(name), ProblemKind::WorkbookUnreadable { reason });
                None
            }
            Err(_) => {
                let reason = "the file is damaged".to_string();
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
        mapping: &SheetMapping,
        language: Language,
        problems: &mut Problems,
    ) -> Option<Table<F>> {
        let available = self.sheets.sheet_names();
        let sheet = match &mapping.sheet {
            Some(wanted) => available.iter().find(|s| fold(s) == fold(wanted)).cloned(),
            None => available
                .iter()
                .find(|s| spec.matches_name(s))
                .or_else(|| available.first().filter(|_| available.len() == 1 && spec.takes_lone_sheet))
                .cloned(),
        };
        let Some(sheet) = sheet else {
            if spec.optional && mapping.sheet.is_none() {
                return None;
            }
            let wanted = mapping.sheet.clone().unwrap_or_else(|| spec.name(language).to_string());
            let kind = ProblemKind::SheetMissing { sheet: wanted, available };
            problems.error(Location::file(&self.name), kind);
            return None;
        };
        let range = match catch_unwind(AssertUnwindSafe(|| self.sheets.worksheet_range(&sheet))) {
            Ok(Ok(range)) => range,
            Ok(Err(e)) => {
                let reason = first_line(&e.to_string());
                problems
                    .error(Location::sheet(&self.name, &sheet), ProblemKind::WorkbookUnreadable { reason });
                return None;
            }
            Err(_) => {
                let reason = "the sheet is damaged".to_string();
                problems
                    .error(Location::sheet(&self.name, &sheet), ProblemKind::WorkbookUnreadable { reason });
                return None;
            }
        };
        let rules = Rules::new(spec, mapping);
        Table::locate(self.name.clone(), sheet, range, &rules, mapping, language, problems)
    }
}

/// A password-protected Office file: an OLE container (as old .xls files
/// are) holding an "EncryptedPackage" stream instead of a workbook.
fn is_encrypted(path: &Path) -> bool {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let Ok(bytes) = std::fs::read(path) else { return false };
    let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(&OLE) && bytes.windows(marker.len()).any(|w| w == marker.as_slice())
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}

/// How each field finds its column: named in the mapping, or by our names.
struct Rules<'s, F: Field> {
    spec: &'s SheetSpec<F>,
    /// Per field: the header (folded) or column letters the mapping gives.
    explicit: Vec<Option<String>>,
}

impl<'s, F: Field> Rules<'s, F> {
    fn new(spec: &'s SheetSpec<F>, mapping: &SheetMapping) -> Self {
        let explicit = F::ALL.iter().map(|f| mapping.column(f.key()).map(str::to_string)).collect();
        Self { spec, explicit }
    }

    /// Where each field's column is in `row` (indices within the range).
    fn columns(&self, row: &[Data], origin_column: u32) -> Vec<Option<usize>> {
        let headers: Vec<Option<String>> = row.iter().map(|c| header_text(c).map(|t| fold(&t))).collect();
        let mut columns = vec![None; F::ALL.len()];
        for &field in F::ALL {
            columns[field.index()] = match &self.explicit[field.index()] {
                Some(wanted) => {
                    let key = fold(wanted);
                    headers.iter().position(|h| h.as_deref() == Some(key.as_str())).or_else(|| {
                        let absolute = column_from_letters(wanted)?;
                        absolute.checked_sub(origin_column).map(|c| c as usize)
                    })
                }
                None => headers.iter().position(|h| {
                    h.as_deref().and_then(|h| self.spec.field_for_header(h)) == Some(field)
                        // A header the mapping gives to another field is taken.
                        && !self.explicit.iter().flatten().any(|e| h.as_deref() == Some(fold(e).as_str()))
                }),
            };
        }
        columns
    }
}

/// "A" → 0, "AB" → 27; `None` unless one to three ASCII letters.
fn column_from_letters(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 3 || !text.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = text.to_ascii_uppercase().bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    Some(n - 1)
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
    /// Per field: the value for a missing column or empty cell.
    defaults: Vec<Option<Data>>,
    /// Per field: the export's values (folded) and ours.
    values: Vec<Option<HashMap<String, String>>>,
    formats: Vec<Option<ValueFormat>>,
    _field: std::marker::PhantomData<F>,
}

impl<F: Field> Table<F> {
    fn locate(
        file: String,
        sheet: String,
        range: Range<Data>,
        rules: &Rules<'_, F>,
        mapping: &SheetMapping,
        language: Language,
        problems: &mut Problems,
    ) -> Option<Self> {
        let origin = range.start().unwrap_or((0, 0));
        let defaults: Vec<Option<Data>> = F::ALL
            .iter()
            .map(|f| {
                mapping.default(f.key()).map(|d| match d {
                    DefaultValue::Number(n) => Data::Float(*n),
                    DefaultValue::Text(t) => Data::String(t.clone()),
                })
            })
            .collect();
        let satisfied = |columns: &[Option<usize>], f: F| {
            columns[f.index()].is_some()
                || defaults[f.index()].is_some()
                || f.alternative().is_some_and(|alt| columns[alt.index()].is_some())
        };
        let found = match mapping.header_row {
            Some(row) => {
                let relative = row.checked_sub(origin.0).map(|r| r as usize);
                relative.and_then(|r| range.rows().nth(r).map(|cells| (r, rules.columns(cells, origin.1))))
            }
            None => best_header_row(&range, rules, origin.1, &satisfied),
        };
        let Some((header_row, columns)) = found else {
            problems.error(Location::sheet(&file, &sheet), ProblemKind::SheetEmpty);
            return None;
        };
        let header_cells = range.rows().nth(header_row).unwrap_or(&[]);
        let found: Vec<String> = header_cells.iter().filter_map(header_text).collect();
        let mut complete = true;
        for &field in F::ALL {
            if field.required() && !satisfied(&columns, field) {
                complete = false;
                let column =
                    mapping.column(field.key()).unwrap_or(field.names()[language.index()]).to_string();
                let mapping = format!("[input.{}.columns] {} = \"…\"", rules.spec.key, field.key());
                let kind = ProblemKind::ColumnMissing { column, found: found.clone(), mapping };
                problems.error(Location::sheet(&file, &sheet), kind);
            }
        }
        if !complete {
            return None;
        }
        let headers = F::ALL
            .iter()
            .map(|f| {
                columns[f.index()]
                    .and_then(|c| header_cells.get(c))
                    .and_then(header_text)
                    .unwrap_or_else(|| f.names()[language.index()].to_string())
            })
            .collect();
        let values = F::ALL
            .iter()
            .map(|f| {
                mapping
                    .values(f.key())
                    .map(|pairs| pairs.iter().map(|(from, to)| (fold(from), to.clone())).collect())
            })
            .collect();
        let formats = F::ALL.iter().map(|f| mapping.format(f.key()).cloned()).collect();
        let table = Self {
            file,
            sheet,
            range,
            origin,
            header_row,
            columns,
            headers,
            defaults,
            values,
            formats,
            _field: std::marker::PhantomData,
        };
        if table.rows().next().is_none() {
            problems.error(Location::sheet(&table.file, &table.sheet), ProblemKind::SheetEmpty);
            return None;
        }
        Some(table)
    }

    /// The data rows under the header, skipping empty rows and totals rows.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_, F>> {
        self.range
            .rows()
            .enumerate()
            .skip(self.header_row + 1)
            .map(|(index, cells)| Row { table: self, cells, index })
            .filter(|row| !row.is_blank() && !row.is_total())
    }

    /// The user's header for `field`, e.g. "VTE" or "ETP".
    pub fn header(&self, field: F) -> &str {
        &self.headers[field.index()]
    }

    pub fn has_column(&self, field: F) -> bool {
        self.columns[field.index()].is_some()
    }

    pub fn location(&self, row: usize, field: F) -> Location {
        Location::cell(&self.file, &self.sheet, self.cell_ref(row, field))
    }

    pub fn cell_ref(&self, row: usize, field: F) -> CellRef {
        let column = self.columns[field.index()].unwrap_or(0);
        CellRef::new(self.origin.0 + row as u32, self.origin.1 + column as u32)
    }

    /// Whether the mapping gives this field a value map.
    pub fn maps_values(&self, field: F) -> bool {
        self.values[field.index()].is_some()
    }

    /// Our value for the export's `text` in `field`, when the mapping has one.
    pub fn mapped_value(&self, field: F, text: &str) -> Option<&str> {
        self.values[field.index()].as_ref()?.get(&fold(text)).map(String::as_str)
    }

    pub fn format(&self, field: F) -> Option<&ValueFormat> {
        self.formats[field.index()].as_ref()
    }
}

/// One data row of a table.
pub struct Row<'t, F: Field> {
    pub table: &'t Table<F>,
    cells: &'t [Data],
    pub index: usize,
}

impl<F: Field> Row<'_, F> {
    /// The cell of `field`, or the mapping's default when the column is
    /// missing or the cell is empty.
    pub fn get(&self, field: F) -> &Data {
        const EMPTY: &Data = &Data::Empty;
        let cell = self.table.columns[field.index()].and_then(|c| self.cells.get(c));
        match cell {
            Some(cell) if !super::cell::is_blank(cell) => cell,
            _ => self.table.defaults[field.index()].as_ref().unwrap_or(EMPTY),
        }
    }

    pub fn location(&self, field: F) -> Location {
        self.table.location(self.index, field)
    }

    fn is_blank(&self) -> bool {
        self.table.columns.iter().flatten().all(|&c| self.cells.get(c).is_none_or(super::cell::is_blank))
    }

    /// A "Totaal" or "Total" row under the data: its first column holds the word.
    fn is_total(&self) -> bool {
        let first = F::ALL[0];
        let cell = self.table.columns[first.index()].and_then(|c| self.cells.get(c));
        matches!(cell, Some(Data::String(s)) if TOTAL_WORDS.contains(&fold(s).as_str()))
    }
}

fn header_text(cell: &Data) -> Option<String> {
    match cell {
        Data::String(s) => crate::text::clean(s).map(str::to_string),
        Data::Empty => None,
        other => Some(other.to_string()),
    }
}

/// The header row is the first of the top rows that provides every required
/// column; failing that, the one naming most columns, so the messages about
/// missing columns refer to the right row.
fn best_header_row<F: Field>(
    range: &Range<Data>,
    rules: &Rules<'_, F>,
    origin_column: u32,
    satisfied: &dyn Fn(&[Option<usize>], F) -> bool,
) -> Option<(usize, Vec<Option<usize>>)> {
    let mut best: Option<(usize, usize, Vec<Option<usize>>)> = None;
    for (index, row) in range.rows().take(HEADER_SEARCH_ROWS).enumerate() {
        // Column letters always "match"; only headers found by name count.
        let columns = rules.columns(row, origin_column);
        let named = F::ALL
            .iter()
            .filter(|f| columns[f.index()].is_some_and(|c| row.get(c).and_then(header_text).is_some()))
            .count();
        let complete = F::ALL.iter().all(|&f| !f.required() || satisfied(&columns, f));
        if complete && named > 0 {
            return Some((index, columns));
        }
        if named > best.as_ref().map_or(0, |b| b.1) {
            best = Some((index, named, columns));
        }
    }
    match best {
        Some((index, _, columns)) => Some((index, columns)),
        None => range
            .rows()
            .position(|row| row.iter().any(|c| header_text(c).is_some()))
            .map(|i| (i, rules.columns(range.rows().nth(i).unwrap_or(&[]), origin_column))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_from_letters("A"), Some(0));
        assert_eq!(column_from_letters("d"), Some(3));
        assert_eq!(column_from_letters("AB"), Some(27));
        assert_eq!(column_from_letters("Age"), Some(676 + 7 * 26 + 5 - 1));
        assert_eq!(column_from_letters("Name"), None);
        assert_eq!(column_from_letters("A1"), None);
    }
}
