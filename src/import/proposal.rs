//! The mapping helper: when a sheet lacks columns the plan needs, `check`
//! proposes the `plan.toml` block that would read it, from the headers it
//! recognises in common HR exports (EmpID, Sex, DOB, DateofHire, ...), with
//! the FTE format and the codes it cannot read yet, ready to check and
//! paste.

use super::read::Book;
use crate::text::fold;

/// Headers of common HR exports that our own names do not cover, folded,
/// by field key (employees sheet).
const EXPORT_HEADERS: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "empid",
            "emp id",
            "employee id",
            "employeeid",
            "emp no",
            "personnel number",
            "worker id",
            "person id",
        ],
    ),
    ("name", &["employee name", "emp name", "fullname", "employee full name"]),
    ("gender", &["sex", "gender code", "sexe code"]),
    ("birth_date", &["dob", "date of birth", "dateofbirth", "birth dt", "birthday"]),
    (
        "start_date",
        &[
            "dateofhire",
            "date of hire",
            "hire date",
            "hiredate",
            "date hired",
            "seniority date",
            "original hire date",
        ],
    ),
    (
        "end_date",
        &[
            "dateoftermination",
            "date of termination",
            "termination date",
            "termdate",
            "exit date",
            "leave date",
        ],
    ),
    ("department", &["dept", "department name", "org unit", "division", "cost center"]),
    ("job_title", &["job", "title", "job name", "function title"]),
    (
        "fte",
        &[
            "fte percent",
            "working time",
            "work percentage",
            "employment percentage",
            "occupancy rate",
            "fte ratio",
        ],
    ),
    ("nationality", &["citizendesc", "citizenship", "citizen", "nationality code", "country of citizenship"]),
    ("disability", &["disabled", "handicapped", "disability flag"]),
    ("age", &["age years", "current age"]),
];

/// The block for the employees sheet `sheet` of `book` whose headers are
/// `headers` (column, text) in `header_row`, for the fields `missing` (keys
/// of fields no column was found for); `fte` is the FTE column where it was
/// found by its name. `None` when nothing is recognised.
pub fn employees(
    book: &Book,
    sheet: usize,
    header_row: u32,
    headers: &[(u32, String)],
    missing: &[&str],
    fte: Option<u32>,
) -> Option<String> {
    let mut columns = Vec::new();
    for (key, spellings) in EXPORT_HEADERS {
        if !missing.contains(key) {
            continue;
        }
        if let Some((column, text)) =
            headers.iter().find(|(_, text)| spellings.contains(&fold(text).as_str()))
        {
            columns.push((*key, *column, text.clone()));
        }
    }
    if columns.is_empty() {
        return None;
    }
    let values = |column: u32| distinct_values(book, sheet, header_row, column);
    let mut block = String::from("[input.employees]\ncolumns = { ");
    let pairs: Vec<String> = columns.iter().map(|(key, _, text)| format!("{key} = {text:?}")).collect();
    block.push_str(&pairs.join(", "));
    block.push_str(" }\n");
    let fte = columns.iter().find(|(key, ..)| *key == "fte").map(|(_, column, _)| *column).or(fte);
    if let Some(column) = fte {
        let numbers: Vec<f64> = values(column).iter().filter_map(|v| super::cell::parse_number(v)).collect();
        if !numbers.is_empty() && numbers.iter().all(|n| *n > 1.0 && *n <= 100.0) {
            block.push_str("formats = { fte = \"percent\" }\n");
        }
    }
    for (key, column, _) in &columns {
        if *key == "nationality" {
            let unread: Vec<String> = values(*column)
                .into_iter()
                .filter(|v| crate::model::Nationality::parse(v).is_none())
                .take(8)
                .collect();
            if !unread.is_empty() {
                block.push_str(
                    "\n[input.employees.values.nationality]   # EU, non-EU or unknown, or a country\n",
                );
                for value in unread {
                    block.push_str(&format!("{value:?} = \"\"\n"));
                }
            }
        }
    }
    Some(block)
}

/// Up to 50 distinct texts of `column` under the header row.
fn distinct_values(book: &Book, sheet: usize, header_row: u32, column: u32) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (_, col, value) in book.sheets[sheet].cells.iter().filter(|c| c.0 > header_row) {
        if *col != column {
            continue;
        }
        let text = super::cell::shown(book.data(value)).trim().to_string();
        if !text.is_empty() && !found.contains(&text) {
            found.push(text);
            if found.len() == 50 {
                break;
            }
        }
    }
    found
}
