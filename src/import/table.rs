//! A sheet whose header row and columns are known: finding them, following
//! the mapping in `plan.toml` where it has one, and walking the data rows.
//!
//! The sheet is sparse (only filled cells, each with its place), so every
//! position here is absolute: row 0 is the sheet's first row, column 0 its
//! column A, whatever the used area.

use super::dates::{self, ColumnOrder};
use super::read::{Book, Sheet};
use super::{exclude, proposal};
use crate::config::fields::{Field, SheetSpec};
use crate::config::{DefaultValue, SheetMapping, ValueFormat};
use crate::model::Language;
use crate::problem::{CellRef, Location, ProblemKind, Problems};
use crate::text::fold;
use calamine::{CellErrorType, Data};
use std::collections::HashMap;
use std::sync::Arc;

/// How many rows after the first filled one may hold titles before the
/// header row.
const HEADER_SEARCH_ROWS: u32 = 30;

/// First cells of the totals rows some exports end with.
const TOTAL_WORDS: &[&str] =
    &["totaal", "total", "totaux", "totalen", "grand total", "som", "sum", "eindtotaal"];

/// One filled cell: row, column, value.
type Cell = (u32, u32, super::read::Value);

/// A sheet whose header row and columns are known.
pub struct Table<F: Field> {
    /// The sheet's key in `plan.toml` (`employees`), for messages.
    pub key: &'static str,
    /// The workbook's file name, for messages.
    pub file: String,
    /// The sheet's name, for messages.
    pub sheet: String,
    book: Arc<Book>,
    index: usize,
    header_row: u32,
    /// The sheet's first used column: where a field without a column is
    /// said to be.
    first_column: u32,
    /// Column, per field.
    columns: Vec<Option<u32>>,
    /// The header text as the user wrote it, per field.
    headers: Vec<String>,
    /// Per field: the value for a missing column or empty cell.
    defaults: Vec<Option<Data>>,
    /// Per field: the export's values (folded) and ours.
    values: Vec<Option<HashMap<String, String>>>,
    formats: Vec<Option<ValueFormat>>,
    /// Per field: how its text dates are read, decided on first use from
    /// the whole column, and whether that decision was reported.
    date_orders: Vec<std::cell::OnceCell<ColumnOrder>>,
    date_orders_reported: Vec<std::cell::Cell<bool>>,
    /// The order every date-like text of the sheet suggests, for a column
    /// that cannot decide on its own.
    sheet_date_order: std::cell::OnceCell<ColumnOrder>,
    /// Rows the sheet's exclusion rules leave out, in order.
    excluded: Vec<u32>,
    /// Whether a row with a problem is left out rather than refused.
    pub exclude_invalid: bool,
    /// Rows left out for a problem so far.
    pub left_out_invalid: std::cell::Cell<u32>,
    _field: std::marker::PhantomData<F>,
}

/// Where to look for a table: the workbook, its sheet and the mapping.
pub(super) struct Source<'a> {
    pub file: String,
    pub book: Arc<Book>,
    pub index: usize,
    pub mapping: &'a SheetMapping,
    pub language: Language,
}

impl<F: Field> Table<F> {
    /// Finds the header row and the columns of `spec` in the sheet; `None`
    /// (and a problem) when the sheet is empty or a required column is
    /// missing or given twice.
    pub(super) fn locate(source: Source<'_>, spec: &SheetSpec<F>, problems: &mut Problems) -> Option<Self> {
        let Source { file, book, index, mapping, language } = source;
        let sheet = &book.sheets[index];
        let name = sheet.name.clone();
        let rules = Rules::new(spec, mapping);
        let defaults: Vec<Option<Data>> = F::ALL
            .iter()
            .map(|f| {
                mapping.default(f.key()).map(|d| match d {
                    DefaultValue::Number(n) => Data::Float(*n),
                    DefaultValue::Text(t) => Data::String(t.clone()),
                })
            })
            .collect();
        let satisfied = |columns: &[Option<u32>], f: F| {
            columns[f.index()].is_some()
                || defaults[f.index()].is_some()
                || f.alternative().is_some_and(|alt| columns[alt.index()].is_some())
        };
        let found = match mapping.header_row {
            Some(row) => Some((row, rules.columns(&header_cells(&book, sheet, row)))),
            None => best_header_row(&book, sheet, &rules, &satisfied),
        };
        let Some((header_row, found)) = found else {
            problems.error(Location::sheet(&file, &name), ProblemKind::SheetEmpty);
            return None;
        };
        let headers_found = header_cells(&book, sheet, header_row);
        let mut complete = true;
        let text_at = |column: u32| {
            headers_found.iter().find(|(c, _)| *c == column).map(|(_, t)| t.clone()).unwrap_or_default()
        };
        for (field, first, second) in &found.twice {
            complete = false;
            let kind = ProblemKind::ColumnTwice {
                column: text_at(*second),
                other: text_at(*first),
                first: CellRef::new(header_row, *first).to_string(),
                mapping: format!("[input.{}.columns] {} = \"…\"", spec.key, field.key()),
            };
            problems.error(Location::cell(&file, &name, CellRef::new(header_row, *second)), kind);
        }
        let columns = found.columns;
        for &field in F::ALL {
            if field.required() && !satisfied(&columns, field) {
                complete = false;
                let column =
                    mapping.column(field.key()).unwrap_or(field.names()[language.index()]).to_string();
                let mapping = format!("[input.{}.columns] {} = \"…\"", spec.key, field.key());
                let found = headers_found.iter().map(|(_, text)| text.clone()).collect();
                let field = Some((spec.key.to_string(), field.key().to_string()));
                let kind = ProblemKind::ColumnMissing { column, found, mapping, field };
                problems.error(Location::sheet(&file, &name), kind);
            }
        }
        if !complete && spec.key == "employees" {
            let missing: Vec<&str> =
                F::ALL.iter().filter(|f| !satisfied(&columns, **f)).map(|f| f.key()).collect();
            let fte = F::ALL.iter().find(|f| f.key() == "fte").and_then(|f| columns[f.index()]);
            if let Some(block) = proposal::employees(&book, index, header_row, &headers_found, &missing, fte)
            {
                problems.warning(Location::sheet(&file, &name), ProblemKind::MappingProposal { block });
            }
        }
        let exclusions = exclude::resolve(
            &mapping.exclude,
            &headers_found,
            spec.key,
            &Location::sheet(&file, &name),
            problems,
        );
        let exclusions = exclusions.filter(|_| complete)?;
        let headers = F::ALL
            .iter()
            .map(|f| {
                columns[f.index()]
                    .and_then(|c| headers_found.iter().find(|(col, _)| *col == c))
                    .map(|(_, text)| text.clone())
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
        let first_column = sheet.cells.iter().map(|c| c.1).min().unwrap_or(0);
        let table = Self {
            key: spec.key,
            file,
            sheet: name,
            book,
            index,
            header_row,
            first_column,
            columns,
            headers,
            defaults,
            values,
            formats,
            date_orders: F::ALL.iter().map(|_| std::cell::OnceCell::new()).collect(),
            date_orders_reported: F::ALL.iter().map(|_| std::cell::Cell::new(false)).collect(),
            sheet_date_order: std::cell::OnceCell::new(),
            excluded: Vec::new(),
            exclude_invalid: mapping.exclude_invalid,
            left_out_invalid: std::cell::Cell::new(0),
            _field: std::marker::PhantomData,
        };
        let mut table = table;
        table.excluded = exclude::excluded_rows(&table, &exclusions, problems);
        if table.rows().next().is_none() && table.excluded.is_empty() {
            problems.error(Location::sheet(&table.file, &table.sheet), ProblemKind::SheetEmpty);
            return None;
        }
        Some(table)
    }

    /// The data rows under the header, skipping empty rows and totals rows.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_, F>> {
        self.book.sheets[self.index]
            .rows()
            .filter(|(row, _)| *row > self.header_row)
            .map(|(index, cells)| Row { table: self, cells, index })
            .filter(|row| !row.is_blank() && !row.is_total())
            .filter(|row| self.excluded.binary_search(&row.index).is_err())
    }

    /// The rows the sheet's exclusion rules leave out.
    pub fn excluded(&self) -> impl Iterator<Item = Row<'_, F>> {
        let sheet = &self.book.sheets[self.index];
        sheet.rows().filter(|(row, _)| self.excluded.binary_search(row).is_ok()).map(|(index, cells)| Row {
            table: self,
            cells,
            index,
        })
    }

    /// How many rows were left out, by rule or for a problem.
    pub fn left_out(&self) -> u32 {
        self.excluded.len() as u32 + self.left_out_invalid.get()
    }

    /// The user's header for `field`, e.g. "VTE" or "ETP".
    pub fn header(&self, field: F) -> &str {
        &self.headers[field.index()]
    }

    /// Whether the data says something about `field` for every row: a
    /// column, or a value the mapping gives them all.
    pub fn records(&self, field: F) -> bool {
        self.columns[field.index()].is_some() || self.defaults[field.index()].is_some()
    }

    /// Whether the sheet has a column for `field` (rather than a default).
    pub fn has_column(&self, field: F) -> bool {
        self.columns[field.index()].is_some()
    }

    /// The cell of `field` in `row`.
    pub fn cell_ref(&self, row: u32, field: F) -> CellRef {
        CellRef::new(row, self.columns[field.index()].unwrap_or(self.first_column))
    }

    /// Whether the mapping gives this field a value map.
    pub fn maps_values(&self, field: F) -> bool {
        self.values[field.index()].is_some()
    }

    /// Our value for the export's `text` in `field`, when the mapping has one.
    pub fn mapped_value(&self, field: F, text: &str) -> Option<&str> {
        self.values[field.index()].as_ref()?.get(&fold(text)).map(String::as_str)
    }

    /// The mapping's format for `field` (how dates or FTE are written).
    pub fn format(&self, field: F) -> Option<&ValueFormat> {
        self.formats[field.index()].as_ref()
    }

    /// How `field`'s text dates are read: decided once, from every text in
    /// its column, so that no two cells are read in different orders; a
    /// column whose dates all read both ways follows the other dates of
    /// the sheet (one export writes its dates one way).
    pub fn date_order(&self, field: F) -> &ColumnOrder {
        self.date_orders[field.index()].get_or_init(|| {
            let column = self.columns[field.index()].unwrap_or(self.first_column);
            let texts: Vec<(u32, String)> = self
                .rows()
                .filter_map(|row| match row.get(field) {
                    Data::String(text) => Some((row.index, text.clone())),
                    _ => None,
                })
                .collect();
            let own = dates::decide(texts.iter().map(|(row, text)| (*row, column, text.as_str())));
            match (&own, self.sheet_date_order()) {
                (ColumnOrder::Ambiguous { .. }, sheet @ ColumnOrder::Decided { evidence: Some(_), .. }) => {
                    sheet.clone()
                }
                _ => own,
            }
        })
    }

    /// The order the sheet's date-like texts, in every column, suggest.
    fn sheet_date_order(&self) -> &ColumnOrder {
        self.sheet_date_order.get_or_init(|| {
            let sheet = &self.book.sheets[self.index];
            let texts =
                sheet.cells.iter().filter(|c| c.0 > self.header_row).filter_map(|(row, column, value)| {
                    match self.book.data(value) {
                        Data::String(text) => Some((*row, *column, text.as_str())),
                        _ => None,
                    }
                });
            dates::decide(texts)
        })
    }

    /// True the first time it is asked for `field`: a decision about a
    /// whole column is reported once.
    pub fn first_report_of_date_order(&self, field: F) -> bool {
        !self.date_orders_reported[field.index()].replace(true)
    }

    /// Where `field`'s header is, for problems about the whole column.
    pub fn header_location(&self, field: F) -> Location {
        Location::cell(&self.file, &self.sheet, self.cell_ref(self.header_row, field))
    }
}

/// One data row of a table.
pub struct Row<'t, F: Field> {
    /// The table the row is in.
    pub table: &'t Table<F>,
    cells: &'t [Cell],
    /// The row's place in the sheet (0 is the sheet's first row).
    pub index: u32,
}

impl<F: Field> Row<'_, F> {
    /// The cell of `field`, or the mapping's default when the column is
    /// missing or the cell is empty.
    pub fn get(&self, field: F) -> &Data {
        const EMPTY: &Data = &Data::Empty;
        match self.cell(field) {
            Some(cell) if !super::cell::is_blank(cell) => cell,
            _ => self.table.defaults[field.index()].as_ref().unwrap_or(EMPTY),
        }
    }

    /// Where `field`'s cell of this row is.
    pub fn location(&self, field: F) -> Location {
        let table = self.table;
        Location::cell(&table.file, &table.sheet, table.cell_ref(self.index, field))
    }

    fn cell(&self, field: F) -> Option<&Data> {
        let column = self.table.columns[field.index()]?;
        let at = self.cells.binary_search_by_key(&column, |c| c.1).ok()?;
        Some(self.table.book.data(&self.cells[at].2))
    }

    /// The cell in `column` of this row, as the sheet has it.
    pub fn cell_at(&self, column: u32) -> Option<&Data> {
        let at = self.cells.binary_search_by_key(&column, |c| c.1).ok()?;
        Some(self.table.book.data(&self.cells[at].2))
    }

    fn is_blank(&self) -> bool {
        F::ALL.iter().all(|&f| self.cell(f).is_none_or(super::cell::is_blank))
    }

    /// A "Totaal" or "Total" row under the data: its first column holds the word.
    fn is_total(&self) -> bool {
        matches!(self.cell(F::ALL[0]), Some(Data::String(s)) if TOTAL_WORDS.contains(&fold(s).as_str()))
    }
}

/// How each field finds its column: named in the mapping, or by our names.
struct Rules<'s, F: Field> {
    spec: &'s SheetSpec<F>,
    /// Per field: the header (folded) or column letters the mapping gives.
    explicit: Vec<Option<String>>,
}

/// The columns found in a header row.
struct Found<F> {
    /// Column, per field.
    columns: Vec<Option<u32>>,
    /// Fields whose header occurs in two columns: (field, first, second).
    twice: Vec<(F, u32, u32)>,
    /// How many fields were found by their header (not by column letters).
    named: usize,
}

impl<'s, F: Field> Rules<'s, F> {
    fn new(spec: &'s SheetSpec<F>, mapping: &SheetMapping) -> Self {
        let explicit = F::ALL.iter().map(|f| mapping.column(f.key()).map(fold)).collect();
        Self { spec, explicit }
    }

    /// Where each field's column is in a header row of (column, text).
    fn columns(&self, headers: &[(u32, String)]) -> Found<F> {
        let folded: Vec<(u32, String)> = headers.iter().map(|(c, t)| (*c, fold(t))).collect();
        let mut found = Found { columns: vec![None; F::ALL.len()], twice: Vec::new(), named: 0 };
        for &field in F::ALL {
            let matches: Vec<u32> = match &self.explicit[field.index()] {
                Some(wanted) => folded.iter().filter(|(_, h)| h == wanted).map(|(c, _)| *c).collect(),
                None => folded
                    .iter()
                    .filter(|(_, h)| {
                        self.spec.field_for_header(h) == Some(field)
                            // A header the mapping gives to another field is taken.
                            && !self.explicit.iter().flatten().any(|e| e == h)
                    })
                    .map(|(c, _)| *c)
                    .collect(),
            };
            if let [first, second, ..] = matches[..] {
                found.twice.push((field, first, second));
            }
            found.columns[field.index()] = match matches.first() {
                Some(&column) => {
                    found.named += 1;
                    Some(column)
                }
                None => self.explicit[field.index()].as_deref().and_then(column_from_letters),
            };
        }
        found
    }
}

/// "A" → 0, "AB" → 27; `None` unless one to three ASCII letters.
pub(super) fn column_from_letters(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 3 || !text.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = text.to_ascii_uppercase().bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    Some(n - 1)
}

/// The texts of row `row`, with their columns.
fn header_cells(book: &Book, sheet: &Sheet, row: u32) -> Vec<(u32, String)> {
    let start = sheet.cells.partition_point(|c| c.0 < row);
    sheet.cells[start..]
        .iter()
        .take_while(|c| c.0 == row)
        .filter_map(|(_, column, value)| header_text(book.data(value)).map(|t| (*column, t)))
        .collect()
}

fn header_text(cell: &Data) -> Option<String> {
    match cell {
        Data::String(s) => crate::text::clean(s).map(str::to_string),
        Data::Empty | Data::Error(CellErrorType::GettingData) => None,
        other => Some(other.to_string()),
    }
}

/// The header row is the first of the top rows that provides every required
/// column; failing that, the one naming most columns, so the messages about
/// missing columns refer to the right row.
fn best_header_row<F: Field>(
    book: &Book,
    sheet: &Sheet,
    rules: &Rules<'_, F>,
    satisfied: &dyn Fn(&[Option<u32>], F) -> bool,
) -> Option<(u32, Found<F>)> {
    let first = sheet.cells.first()?.0;
    let mut best: Option<(u32, Found<F>)> = None;
    let mut first_with_text = None;
    for (row, _) in sheet.rows().take_while(|(row, _)| *row < first.saturating_add(HEADER_SEARCH_ROWS)) {
        let headers = header_cells(book, sheet, row);
        if headers.is_empty() {
            continue;
        }
        first_with_text.get_or_insert(row);
        let found = rules.columns(&headers);
        let complete = F::ALL.iter().all(|&f| !f.required() || satisfied(&found.columns, f));
        if complete && found.named > 0 {
            return Some((row, found));
        }
        if found.named > best.as_ref().map_or(0, |b| b.1.named) {
            best = Some((row, found));
        }
    }
    best.or_else(|| {
        let row = first_with_text.or_else(|| {
            sheet.rows().map(|(row, _)| row).find(|&row| !header_cells(book, sheet, row).is_empty())
        })?;
        Some((row, rules.columns(&header_cells(book, sheet, row))))
    })
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
