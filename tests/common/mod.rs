//! Shared helpers: write small plan folders cell by cell, so each test
//! states exactly the data it checks.
#![allow(dead_code)]

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;

/// A cell of a fixture sheet.
#[derive(Clone, Debug)]
pub enum Cell {
    Text(&'static str),
    Number(f64),
    /// A real Excel date (year, month, day).
    Date(u16, u8, u8),
    Empty,
}

pub use Cell::{Date, Empty, Number, Text};

pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<Cell>>,
}

pub fn write_workbook(path: &Path, sheets: &[Sheet]) {
    let mut book = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).unwrap();
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Text(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    Number(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Date(y, m, d) => {
                        let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_date_with_format(r, c, &date, &date_format).unwrap();
                    }
                    Empty => {}
                }
            }
        }
    }
    book.save(path).unwrap();
}

pub const PLAN_TOML: &str = r#"
[organisation]
name = "Fixture BV"
enterprise_number = "0403.019.261"
registered_office = "Veldstraat 10, 9000 Gent"
joint_committees = ["200"]
works_council = true
union_delegation = false

[plan]
year = 2027
language = "nl"
training_days_per_fte = 5
training_days_source = "sectorakkoord (fixture)"

[input]
workbook = "gegevens.xlsx"

[strategy]
mission = "Missie van de fixture."

[[strategy.goals]]
id = "D1"
title = "Veilig werken"
measure = "Nul ongevallen."
"#;

/// The six-person company whose figures are computed by hand in the
/// aggregation unit tests (`src/aggregate/tests.rs`), spelled the way real
/// exports spell things: text dates, a decimal comma, country names, mixed
/// gender codes. Trainings carry titles that look like Typst markup.
pub fn fixture_sheets() -> Vec<Sheet> {
    let employees = vec![
        vec![
            Text("Personeelsnummer"),
            Text("Naam"),
            Text("Geslacht"),
            Text("Geboortedatum"),
            Text("VTE"),
            Text("Datum in dienst"),
            Text("Datum uit dienst"),
            Text("Afdeling"),
            Text("Functie"),
            Text("Statuut"),
            Text("Opleidingsniveau"),
            Text("Handicap"),
            Text("Nationaliteit"),
            Text("Knelpuntberoep"),
        ],
        vec![
            Text("E1"),
            Text("Jan Peeters"),
            Text("M"),
            Text("15/06/1970"),
            Number(1.0),
            Empty,
            Empty,
            Text("Productie"),
            Text("Lasser"),
            Text("arbeider"),
            Text("laag"),
            Text("nee"),
            Text("BE"),
            Text("ja"),
        ],
        vec![
            Text("E2"),
            Text("Fatima Benali"),
            Text("V"),
            Date(1990, 1, 1),
            Text("0,8"),
            Empty,
            Empty,
            Text("Productie"),
            Text("Operator"),
            Text("arbeider"),
            Text("midden"),
            Text("ja"),
            Text("Marokko"),
            Text("nee"),
        ],
        vec![
            Text("E3"),
            Text("Lies Maes"),
            Text("vrouw"),
            Text("2002-03-10"),
            Number(0.5),
            Empty,
            Empty,
            Text("Administratie"),
            Text("Boekhouder"),
            Text("bediende"),
            Text("hoog"),
            Text("nee"),
            Text("NL"),
            Text("nee"),
        ],
        vec![
            Text("E4"),
            Text("Alex Claes"),
            Text("X"),
            Date(1976, 12, 31),
            Number(1.0),
            Empty,
            Empty,
            Text("Administratie"),
            Text("Directeur"),
            Text("kader"),
            Text("hoog"),
            Text("nee"),
            Empty,
            Text("nee"),
        ],
        vec![
            Text("E5"),
            Text("Tom Wouters"),
            Text("M"),
            Text("05/05/1985"),
            Number(1.0),
            Text("01/01/2010"),
            Text("30/06/2026"),
            Text("Productie"),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
        vec![
            Text("E6"),
            Text("Kevin Smets"),
            Text("man"),
            Text("09/09/1999"),
            Number(1.0),
            Date(2027, 2, 1),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
    ];
    let trainings = vec![
        vec![
            Text("Code"),
            Text("Titel"),
            Text("Doelstelling"),
            Text("Soort"),
            Text("Duur (uren)"),
            Text("Budget"),
            Text("Risicogroep"),
            Text("Opleidingscentrum"),
        ],
        vec![
            Text("T1"),
            Text("#read(\"/etc/passwd\")"),
            Text("D1"),
            Text("formeel"),
            Number(8.0),
            Number(1000.0),
            Text("50+"),
            Text("Syntra"),
        ],
        vec![
            Text("T2"),
            Text("*vet* en $x^2$ <lbl> @ref"),
            Empty,
            Text("informeel"),
            Number(4.0),
            Text("200"),
            Empty,
            Text("Intern"),
        ],
        vec![Text("T3"), Text("Duaal leren"), Empty, Text("initieel"), Number(16.0), Empty, Empty, Empty],
    ];
    let participations = vec![
        vec![Text("Personeelsnummer"), Text("Opleidingscode"), Text("Uren"), Text("Status")],
        vec![Text("E1"), Text("T1"), Empty, Text("gepland")],
        vec![Text("E2"), Text("T1"), Number(6.0), Text("gevolgd")],
        vec![Text("E2"), Text("T2"), Empty, Empty],
        vec![Text("E3"), Text("T2"), Empty, Text("geannuleerd")],
        vec![Text("E4"), Text("T3"), Empty, Text("gepland")],
        vec![Text("E5"), Text("T1"), Empty, Text("gevolgd")],
        vec![Text("E6"), Text("T2"), Empty, Text("gepland")],
    ];
    vec![
        Sheet { name: "Medewerkers", rows: employees },
        Sheet { name: "Opleidingen", rows: trainings },
        Sheet { name: "Deelnames", rows: participations },
    ]
}

/// A temporary plan folder holding `plan_toml` and the given workbook.
pub fn plan_folder(plan_toml: &str, sheets: &[Sheet]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), plan_toml).unwrap();
    write_workbook(&dir.path().join("gegevens.xlsx"), sheets);
    dir
}

/// Text with all whitespace removed, so checks do not depend on where the
/// layout breaks lines.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A copy of the bundled example in a temporary folder, its plan.toml
/// rewritten by `edit` (a language, a setting, an action).
pub fn example_with(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld");
    std::fs::copy(example.join("gegevens.xlsx"), dir.path().join("gegevens.xlsx")).unwrap();
    let plan = std::fs::read_to_string(example.join("plan.toml")).unwrap();
    std::fs::write(dir.path().join("plan.toml"), edit(&plan)).unwrap();
    dir
}

/// The bundled example in `language`.
pub fn example_in(language: &str) -> tempfile::TempDir {
    example_with(|plan| plan.replace("language = \"nl\"", &format!("language = \"{language}\"")))
}

/// The bundled example's workbook with one cell replaced: `sheet`, zero-
/// based `row` and `column`, now the text `value` (every other cell copied
/// as it is, dates as dates).
pub fn example_workbook_with(sheet: &str, row: u32, column: u16, value: &str) -> Vec<u8> {
    use calamine::{Data, Reader};
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld/gegevens.xlsx");
    let mut source: calamine::Xlsx<_> = calamine::open_workbook(&example).unwrap();
    let mut book = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for name in source.sheet_names() {
        let range = source.worksheet_range(&name).unwrap();
        let ws = book.add_worksheet();
        ws.set_name(&name).unwrap();
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, cells) in range.rows().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let (r, c) = (top + r as u32, (left as usize + c) as u16);
                if name == sheet && r == row && c == column {
                    ws.write_string(r, c, value).unwrap();
                    continue;
                }
                match cell {
                    Data::String(s) => ws.write_string(r, c, s).map(|_| ()),
                    Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
                    Data::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()),
                    Data::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                    Data::DateTime(d) => {
                        ws.write_number_with_format(r, c, d.as_f64(), &date_format).map(|_| ())
                    }
                    _ => Ok(()),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}
