//! Reading the fields of one row, recording a located problem for every
//! value that cannot be read. Value maps and formats from the mapping are
//! applied here, so the sheet readers see the export as if it used our codes.

use super::cell::{self, Unreadable};
use super::dates::{self, Century, ColumnOrder};
use super::table::Row;
use super::vocabulary::Vocabulary;
use crate::config::ValueFormat;
use crate::config::fields::Field;
use crate::glyphs;
use crate::model::{Language, Settings};
use crate::problem::{CellRef, ProblemKind, Problems};
use calamine::{CellErrorType, Data};
use jiff::civil::Date;
use std::borrow::Cow;

/// The largest number any field may hold: no headcount, hour count or
/// budget comes near a trillion, while 1E+308 would print as 309 digits.
const MAX_PLAUSIBLE: f64 = 1e12;

pub struct RowReader<'r, 't, F: Field> {
    pub row: &'r Row<'t, F>,
    problems: &'r mut Problems,
    language: Language,
    /// The plan year: two-digit years of dates other than births lie
    /// nearest to it.
    plan_year: i16,
    /// False once any field of the row failed.
    ok: bool,
}

impl<'r, 't, F: Field> RowReader<'r, 't, F> {
    pub fn new(row: &'r Row<'t, F>, problems: &'r mut Problems, settings: &Settings) -> Self {
        Self { row, problems, language: settings.language, plan_year: settings.year, ok: true }
    }

    /// Whether every field read so far was valid.
    pub fn ok(&self) -> bool {
        self.ok
    }

    /// Reports a problem that keeps this row out of the plan: an error, or,
    /// where the sheet leaves invalid rows out, a warning that says so.
    pub fn fail(&mut self, field: F, kind: ProblemKind) {
        let table = self.row.table;
        if table.exclude_invalid {
            if self.ok {
                table.left_out_invalid.set(table.left_out_invalid.get() + 1);
            }
            let kind =
                ProblemKind::RowLeftOut { reason: Box::new(kind), key: format!("input.{}", table.key) };
            self.problems.warning(self.row.location(field), kind);
        } else {
            self.problems.error(self.row.location(field), kind);
        }
        self.ok = false;
    }

    pub fn warn(&mut self, field: F, kind: ProblemKind) {
        self.problems.warning(self.row.location(field), kind);
    }

    pub fn header(&self, field: F) -> String {
        self.row.table.header(field).to_string()
    }

    /// The cell as the user sees it, for messages.
    pub fn shown(&self, field: F) -> String {
        cell::shown(self.row.get(field))
    }

    /// The cell, with the export's value replaced by ours where the mapping says so.
    pub fn value(&self, field: F) -> Cow<'_, Data> {
        let raw = self.row.get(field);
        // Most columns have no value map: spare them a text copy of every cell.
        if !self.row.table.maps_values(field) {
            return Cow::Borrowed(raw);
        }
        let mapped = cell::text(raw).and_then(|text| self.row.table.mapped_value(field, &text));
        match mapped {
            Some(ours) => Cow::Owned(Data::String(ours.to_string())),
            None => Cow::Borrowed(raw),
        }
    }

    pub fn is_empty(&self, field: F) -> bool {
        cell::is_blank(&self.value(field))
    }

    pub fn text(&mut self, field: F) -> Option<String> {
        if self.spreadsheet_error(field) {
            return None;
        }
        let text = cell::text(&self.value(field))?;
        let text = self.showable(field, text);
        (!text.is_empty()).then_some(text)
    }

    /// `text` without control characters, each reported; characters no
    /// font has are reported and kept (the PDF shows a square for them).
    fn showable(&mut self, field: F, text: String) -> String {
        if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_control()) {
            return text;
        }
        let found = glyphs::unshowable(&text);
        if !found.missing.is_empty() {
            let chars: String = found.missing.iter().collect();
            let codes = glyphs::code_points(&found.missing);
            self.warn(field, ProblemKind::NoGlyph { field: self.header(field), chars, codes });
        }
        if found.controls.is_empty() {
            return text;
        }
        let codes = glyphs::code_points(&found.controls);
        self.warn(field, ProblemKind::ControlCharacters { field: self.header(field), codes });
        let kept = glyphs::without_controls(&text);
        kept.trim().to_string()
    }

    /// Whether the cell holds a spreadsheet error (`#REF!`, `#N/A`) or a
    /// formula saved without its result, reported at the cell: such a value
    /// is unknown, never a text, a zero or a blank.
    fn spreadsheet_error(&mut self, field: F) -> bool {
        let Data::Error(error) = self.row.get(field) else { return false };
        let column = self.header(field);
        let kind = match error {
            CellErrorType::GettingData => ProblemKind::FormulaNotCalculated { column },
            _ => ProblemKind::CellError { column, value: self.shown(field) },
        };
        self.fail(field, kind);
        true
    }

    pub fn required_text(&mut self, field: F) -> Option<String> {
        let value = self.text(field);
        if value.is_none() {
            self.missing(field);
        }
        value
    }

    pub fn missing(&mut self, field: F) {
        let column = self.header(field);
        self.fail(field, ProblemKind::ValueMissing { column });
    }

    pub fn number(&mut self, field: F) -> Option<f64> {
        if self.spreadsheet_error(field) {
            return None;
        }
        match cell::number(&self.value(field)) {
            Ok(Some(value)) if !value.is_finite() || value.abs() > MAX_PLAUSIBLE => {
                let (column, value) = (self.header(field), self.shown(field));
                self.fail(field, ProblemKind::NumberImplausible { column, value });
                None
            }
            Ok(value) => value,
            Err(Unreadable::NotANumber | Unreadable::NotADate) => {
                let (column, value) = (self.header(field), self.shown(field));
                self.fail(field, ProblemKind::NotANumber { column, value });
                None
            }
        }
    }

    /// A number that may not be negative (hours, budgets, costs).
    pub fn amount(&mut self, field: F) -> Option<f64> {
        let value = self.number(field)?;
        if value < 0.0 {
            let (column, value) = (self.header(field), self.shown(field));
            self.fail(field, ProblemKind::Negative { column, value });
            return None;
        }
        Some(value)
    }

    pub fn whole_number(&mut self, field: F) -> Option<u32> {
        let value = self.amount(field)?;
        if value.fract() != 0.0 || value > f64::from(u32::MAX) {
            let (column, value) = (self.header(field), self.shown(field));
            self.fail(field, ProblemKind::NotAWholeNumber { column, value });
            return None;
        }
        Some(value as u32)
    }

    /// A date other than a birth date: a two-digit year lies nearest the
    /// plan year.
    pub fn date(&mut self, field: F) -> Option<Date> {
        self.date_as(field, Century::Near(self.plan_year))
    }

    /// A date whose two-digit year is completed by `century`; text dates
    /// are read in the order decided for the whole column.
    pub fn date_as(&mut self, field: F, century: Century) -> Option<Date> {
        if self.spreadsheet_error(field) {
            return None;
        }
        let value = self.value(field);
        let parsed = match (self.row.table.format(field), value.as_ref()) {
            (Some(ValueFormat::Date(pattern)), Data::String(text)) => match crate::text::clean(text) {
                None => Ok(None),
                Some(text) => jiff::fmt::strtime::parse(pattern, text)
                    .and_then(|t| t.to_date())
                    .ok()
                    .and_then(|d| dates::complete_year(d, pattern, century))
                    .map(Some)
                    .ok_or(()),
            },
            (_, Data::String(text)) => match crate::text::clean(text) {
                None => Ok(None),
                Some(text) => {
                    let text = text.to_string();
                    let order = self.column_order(field)?;
                    dates::parse(&text, order, century).map(Some).ok_or(())
                }
            },
            (_, value) => cell::date(value).map_err(|_| ()),
        };
        match parsed {
            Ok(value) => value,
            Err(()) => {
                let (column, value) = (self.header(field), self.shown(field));
                let setting = format!("[input.{}.formats] {}", self.row.table.key, field.key());
                self.fail(field, ProblemKind::NotADate { column, value, setting });
                None
            }
        }
    }

    /// The order the column's text dates are read in; `None` (the row
    /// failed) when it cannot be decided, which is reported once for the
    /// column. A column read month-first is said once too.
    fn column_order(&mut self, field: F) -> Option<dates::Order> {
        let table = self.row.table;
        let order = table.date_order(field).clone();
        let first = table.first_report_of_date_order(field);
        let column = self.header(field);
        match order {
            ColumnOrder::Decided { order, evidence } => {
                if let (true, dates::Order::MonthFirst, Some((row, at, value))) = (first, order, evidence) {
                    let cell = CellRef::new(row, at).to_string();
                    let kind = ProblemKind::DateOrderMonthFirst { column, value, cell };
                    self.problems.warning(table.header_location(field), kind);
                }
                Some(order)
            }
            ColumnOrder::Ambiguous { example: (row, at, value) } => {
                if first {
                    let cell = CellRef::new(row, at).to_string();
                    let key = format!("[input.{}.formats] {} = \"%d/%m/%Y\"", table.key, field.key());
                    let kind = ProblemKind::DateOrderAmbiguous { column, value, cell, key };
                    self.problems.error(table.header_location(field), kind);
                }
                self.ok = false;
                None
            }
        }
    }

    pub fn yes_no(&mut self, field: F) -> Option<bool> {
        if self.spreadsheet_error(field) {
            return None;
        }
        match cell::yes_no(&self.value(field)) {
            Ok(value) => value,
            Err(()) => {
                let labels = &self.language.strings().labels;
                let expected = vec![labels.yes.clone(), labels.no.clone()];
                let (column, value) = (self.header(field), self.shown(field));
                self.fail(field, ProblemKind::UnknownCode { column, value, expected });
                None
            }
        }
    }

    pub fn code<T: Copy>(&mut self, field: F, vocabulary: &Vocabulary<T>) -> Option<T> {
        if self.spreadsheet_error(field) {
            return None;
        }
        let value = self.value(field);
        let parsed = vocabulary.parse(&cell::text_ref(&value)?);
        if parsed.is_none() {
            let expected = vocabulary.expected(self.language);
            let column = self.header(field);
            self.fail(field, ProblemKind::UnknownCode { column, value: self.shown(field), expected });
        }
        parsed
    }

    pub fn required_code<T: Copy>(&mut self, field: F, vocabulary: &Vocabulary<T>) -> Option<T> {
        if self.is_empty(field) {
            self.missing(field);
            return None;
        }
        self.code(field, vocabulary)
    }

    /// Several codes in one cell, separated by commas, semicolons or new lines.
    pub fn codes<T: Copy + PartialEq>(&mut self, field: F, vocabulary: &Vocabulary<T>) -> Vec<T> {
        let Some(text) = self.text(field) else { return Vec::new() };
        let mut values = Vec::new();
        for part in text.split([',', ';', '\n', '|']).filter_map(crate::text::clean) {
            let part = self.row.table.mapped_value(field, part).unwrap_or(part);
            match vocabulary.parse(part) {
                Some(value) if !values.contains(&value) => values.push(value),
                Some(_) => {}
                None => {
                    let expected = vocabulary.expected(self.language);
                    let column = self.header(field);
                    self.fail(field, ProblemKind::UnknownCode { column, value: part.to_string(), expected });
                }
            }
        }
        values
    }

    /// Start and end dates, with the end not before the start.
    pub fn period(&mut self, start: F, end: F) -> (Option<Date>, Option<Date>) {
        let (from, to) = (self.date(start), self.date(end));
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            let dates = &self.language.strings().date;
            let kind = ProblemKind::EndBeforeStart { start: dates.short(from), end: dates.short(to) };
            self.fail(end, kind);
        }
        (from, to)
    }
}
