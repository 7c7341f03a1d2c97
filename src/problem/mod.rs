//! Problems found in the user's data or configuration.
//!
//! Import never stops at the first problem: it collects all of them, each
//! with the place it was found (file, sheet, cell or line) so the user can
//! fix everything in one pass.

mod describe;
pub(crate) mod errors;
mod expected;
mod file_fault;
mod wording;
mod workbook;

pub use describe::ProblemKind;
pub use expected::{AssetProblem, AssetWanted, Expected};
pub use file_fault::FileFault;
pub use wording::fill;

/// The same mistake down one column is listed this many times, then counted.
pub const LISTED_PER_COLUMN: usize = 5;
/// Beyond this many problems, the rest are counted rather than listed.
pub const LISTED_AT_MOST: usize = 200;
pub use workbook::{Limit, WorkbookFault};

use crate::i18n::Messages;
use std::fmt;

/// How serious a problem is; errors sort before warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the build: no plan is written until it is fixed.
    Error,
    /// The plan is built anyway; the user should look at it.
    Warning,
}

/// A cell in A1 notation, zero-based internally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct CellRef {
    pub row: u32,
    pub column: u32,
}

impl CellRef {
    pub fn new(row: u32, column: u32) -> Self {
        Self { row, column }
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    pub fn column_letters(column: u32) -> String {
        let mut n = column + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = ((n - 1) % 26) as u8;
            letters.push(b'A' + rem);
            n = (n - 1) / 26;
        }
        letters.reverse();
        String::from_utf8(letters).unwrap_or_default()
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", Self::column_letters(self.column), self.row + 1)
    }
}

/// Where a problem is; ordered so that problems sort by file, sheet and cell.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Location {
    pub file: String,
    pub sheet: Option<String>,
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Position {
    Whole,
    /// One-based line and column in a text file such as `plan.toml`.
    Line {
        line: usize,
        column: usize,
    },
    /// Row-major, so a sheet's problems read top to bottom.
    Cell(CellRowMajor),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CellRowMajor {
    row: u32,
    column: u32,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Self { file: file.into(), sheet: None, position: Position::Whole }
    }

    pub fn line(file: impl Into<String>, line: usize, column: usize) -> Self {
        Self { file: file.into(), sheet: None, position: Position::Line { line, column } }
    }

    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Self { file: file.into(), sheet: Some(sheet.into()), position: Position::Whole }
    }

    pub fn cell(file: impl Into<String>, sheet: impl Into<String>, cell: CellRef) -> Self {
        let position = Position::Cell(CellRowMajor { row: cell.row, column: cell.column });
        Self { file: file.into(), sheet: Some(sheet.into()), position }
    }

    /// The cell, when the problem is at one.
    pub fn at_cell(&self) -> Option<CellRef> {
        match self.position {
            Position::Cell(c) => Some(CellRef::new(c.row, c.column)),
            _ => None,
        }
    }

    /// The line in a text file, when the problem is at one.
    pub fn at_line(&self) -> Option<usize> {
        match self.position {
            Position::Line { line, .. } => Some(line),
            _ => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        match &self.position {
            Position::Line { line, column } => return write!(f, ":{line}:{column}"),
            Position::Whole | Position::Cell(_) => {}
        }
        // A CSV file's one sheet has no name.
        if let Some(sheet) = self.sheet.as_ref().filter(|s| !s.is_empty()) {
            write!(f, " › {sheet}")?;
        }
        if let Position::Cell(cell) = self.position {
            write!(f, " › {}", CellRef::new(cell.row, cell.column))?;
        }
        Ok(())
    }
}

/// One problem: how serious, where it was found and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Whether it stops the build.
    pub severity: Severity,
    pub(crate) location: Location,
    /// What is wrong, with the values its message needs.
    pub kind: ProblemKind,
}

impl Problem {
    pub(crate) fn error(location: Location, kind: ProblemKind) -> Self {
        Self { severity: Severity::Error, location, kind }
    }

    pub(crate) fn warning(location: Location, kind: ProblemKind) -> Self {
        Self { severity: Severity::Warning, location, kind }
    }

    /// `gegevens.xlsx › Medewerkers › E12: VTE "1,5" ligt niet tussen 0 en 1. ...`
    pub fn describe(&self, messages: &Messages) -> String {
        format!("{}{}{}", self.location, messages.separator, self.kind.describe(messages))
    }
}

/// All problems of one run, errors and warnings.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    items: Vec<Problem>,
}

impl Problems {
    pub(crate) fn push(&mut self, problem: Problem) {
        self.items.push(problem);
    }

    pub(crate) fn error(&mut self, location: Location, kind: ProblemKind) {
        self.push(Problem::error(location, kind));
    }

    pub(crate) fn warning(&mut self, location: Location, kind: ProblemKind) {
        self.push(Problem::warning(location, kind));
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(|p| p.severity == Severity::Error)
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// How many of the problems are errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|p| p.severity == Severity::Error).count()
    }

    /// Errors first; then in reading order: `plan.toml`, then each sheet in
    /// the order it was read, cell by cell.
    pub fn sorted(&self) -> Vec<&Problem> {
        let mut places: Vec<(&str, Option<&str>)> = Vec::new();
        let mut ranks = Vec::with_capacity(self.items.len());
        for p in &self.items {
            let place = (p.location.file.as_str(), p.location.sheet.as_deref());
            let rank = places.iter().position(|q| *q == place).unwrap_or_else(|| {
                places.push(place);
                places.len() - 1
            });
            ranks.push(rank);
        }
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (&self.items[a], &self.items[b]);
            (pa.severity, ranks[a], &pa.location.position).cmp(&(
                pb.severity,
                ranks[b],
                &pb.location.position,
            ))
        });
        order.into_iter().map(|i| &self.items[i]).collect()
    }

    /// The problems as a person reads them: [`Problems::sorted`], in
    /// blocks of one severity, file and sheet; within a block the same
    /// mistake in the same column gathered, in order of first appearance,
    /// so that one wrong column cannot bury the other problems.
    pub fn blocks(&self) -> Vec<Vec<Vec<&Problem>>> {
        let place = |p: &Problem| (p.severity, p.location.file.clone(), p.location.sheet.clone());
        let mut blocks: Vec<Vec<Vec<&Problem>>> = Vec::new();
        for problem in self.sorted() {
            if blocks.last().is_none_or(|b| place(b[0][0]) != place(problem)) {
                blocks.push(Vec::new());
            }
            let Some(block) = blocks.last_mut() else { continue };
            let same = |p: &Problem| {
                problem.kind.column().is_some()
                    && std::mem::discriminant(&p.kind) == std::mem::discriminant(&problem.kind)
                    && p.kind.column() == problem.kind.column()
            };
            match block.iter_mut().find(|g| same(g[0])) {
                Some(group) => group.push(problem),
                None => block.push(vec![problem]),
            }
        }
        blocks
    }

    /// The problems in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.items.iter()
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Self { items: vec![problem] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_print_in_a1_notation() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(11, 4).to_string(), "E12");
        assert_eq!(CellRef::new(0, 25).to_string(), "Z1");
        assert_eq!(CellRef::new(0, 26).to_string(), "AA1");
        assert_eq!(CellRef::new(0, 701).to_string(), "ZZ1");
        assert_eq!(CellRef::new(0, 702).to_string(), "AAA1");
    }

    #[test]
    fn locations_read_file_sheet_cell() {
        let at = Location::cell("gegevens.xlsx", "Medewerkers", CellRef::new(11, 4));
        assert_eq!(at.to_string(), "gegevens.xlsx › Medewerkers › E12");
        assert_eq!(Location::line("plan.toml", 3, 7).to_string(), "plan.toml:3:7");
    }

    #[test]
    fn problems_keep_the_reading_order_of_sheets() {
        let mut problems = Problems::default();
        let at = |sheet: &str| Location::cell("a.xlsx", sheet, CellRef::new(1, 0));
        problems.error(at("Medewerkers"), ProblemKind::ValueMissing { column: "x".into() });
        problems.warning(at("Medewerkers"), ProblemKind::AgeUnknown { column: "x".into() });
        problems.error(at("Deelnames"), ProblemKind::ValueMissing { column: "x".into() });
        problems.error(at("Medewerkers"), ProblemKind::ValueMissing { column: "y".into() });
        let order: Vec<_> =
            problems.sorted().iter().map(|p| (p.severity, p.location.sheet.clone().unwrap())).collect();
        assert_eq!(
            order,
            [
                (Severity::Error, "Medewerkers".to_string()),
                (Severity::Error, "Medewerkers".to_string()),
                (Severity::Error, "Deelnames".to_string()),
                (Severity::Warning, "Medewerkers".to_string()),
            ]
        );
    }

    #[test]
    fn problems_sort_by_row_then_column() {
        let mut problems = Problems::default();
        let at = |row, col| Location::cell("a.xlsx", "S", CellRef::new(row, col));
        problems.error(at(9, 0), ProblemKind::ValueMissing { column: "x".into() });
        problems.error(at(2, 5), ProblemKind::ValueMissing { column: "y".into() });
        problems.error(at(2, 1), ProblemKind::ValueMissing { column: "z".into() });
        let order: Vec<String> = problems.sorted().iter().map(|p| p.location.to_string()).collect();
        assert_eq!(order, ["a.xlsx › S › B3", "a.xlsx › S › F3", "a.xlsx › S › A10"]);
    }
}
