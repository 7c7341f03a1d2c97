//! Rows left out on purpose: by the sheet's exclusion rules (`exclude = {
//! EmploymentStatus = ["Voluntarily Terminated"] }`), or, with
//! `invalid_rows = "exclude"`, because they have a problem. Every row left
//! out is listed by `check` with its reason and counted in the plan; none
//! disappears silently.

use super::table::{Row, Table};
use crate::config::fields::Field;
use crate::problem::{CellRef, Location, ProblemKind, Problems};
use crate::text::fold;
use std::collections::HashSet;

/// One rule: a column, by its place, and the values that leave a row out.
pub struct Exclusion {
    column: u32,
    /// The header as the export writes it, for messages.
    header: String,
    /// The values, folded (case, accents and spacing do not matter).
    values: HashSet<String>,
}

/// The rules of `[input.<key>] exclude`, each column found by its header
/// (or column letters); a header the sheet does not have is an error.
pub fn resolve(
    rules: &[(String, Vec<String>)],
    headers: &[(u32, String)],
    key: &str,
    at: &Location,
    problems: &mut Problems,
) -> Option<Vec<Exclusion>> {
    let mut found = Vec::new();
    let mut complete = true;
    for (header, values) in rules {
        let column = headers
            .iter()
            .find(|(_, text)| fold(text) == fold(header))
            .map(|(column, _)| *column)
            .or_else(|| super::table::column_from_letters(header));
        match column {
            Some(column) => found.push(Exclusion {
                column,
                header: header.clone(),
                values: values.iter().map(|v| fold(v)).collect(),
            }),
            None => {
                complete = false;
                let kind = ProblemKind::ColumnMissing {
                    column: header.clone(),
                    found: headers.iter().map(|(_, text)| text.clone()).collect(),
                    mapping: format!("[input.{key}] exclude = {{ \"{header}\" = [...] }}"),
                    field: None,
                };
                problems.error(at.clone(), kind);
            }
        }
    }
    complete.then_some(found)
}

/// The rows the rules leave out, in order, each reported where it is.
pub fn excluded_rows<F: Field>(table: &Table<F>, rules: &[Exclusion], problems: &mut Problems) -> Vec<u32> {
    if rules.is_empty() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for row in table.rows() {
        if let Some((rule, value)) = matching(&row, rules) {
            let at = Location::cell(&table.file, &table.sheet, CellRef::new(row.index, rule.column));
            let kind = ProblemKind::RowExcluded {
                column: rule.header.clone(),
                value,
                key: format!("[input.{}] exclude", table.key),
            };
            problems.warning(at, kind);
            rows.push(row.index);
        }
    }
    rows
}

/// The first rule `row` meets, with the value that met it.
fn matching<'r, F: Field>(row: &Row<'_, F>, rules: &'r [Exclusion]) -> Option<(&'r Exclusion, String)> {
    rules.iter().find_map(|rule| {
        let shown = super::cell::shown(row.cell_at(rule.column)?);
        rule.values.contains(&fold(&shown)).then_some((rule, shown))
    })
}
