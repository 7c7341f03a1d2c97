//! CSV and TSV exports, given exactly like a workbook: the fixture written
//! as three text files (semicolons in Windows-1252 under a title line,
//! commas in UTF-8 with a byte-order mark, tabs) reads into the same plan
//! as the fixture's workbook.

mod common;

use common::*;
use opleidingsplan::model::Language;
use opleidingsplan::pipeline::{self, BuildError};
use std::path::Path;

/// A fixture sheet as delimited text: numbers with a decimal comma, dates
/// as dd/mm/yyyy, fields quoted where they hold the delimiter or a quote.
fn delimited(sheet: &Sheet, delimiter: char) -> String {
    let mut out = String::new();
    for row in &sheet.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Text(t) => t.to_string(),
                Number(n) => n.to_string().replace('.', if delimiter == ',' { "." } else { "," }),
                Date(y, m, d) => format!("{d:02}/{m:02}/{y}"),
                Empty => String::new(),
            })
            .map(|f| {
                if f.contains(delimiter) || f.contains('"') {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
        out.push_str(&fields.join(&delimiter.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// Windows-1252 bytes of `text` (which holds only Latin-1 characters).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1")).collect()
}

const INPUT: &str = r#"[input]
workbook = "medewerkers.csv"

[input.trainings]
workbook = "opleidingen.csv"

[input.participations]
workbook = "deelnames.tsv"
"#;

/// The fixture as three text files beside a plan.toml that names them.
fn csv_folder(input: &str) -> tempfile::TempDir {
    let sheets = fixture_sheets();
    let plan = PLAN_TOML.replace("[input]\nworkbook = \"gegevens.xlsx\"\n", input);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let mut employees = delimited(&sheets[0], ';');
    employees.insert_str(0, "Personeelsexport Fixture BV; aangemaakt op 2 januari 2027\r\n\r\n");
    employees = employees.replace("Fatima Benali", "Fatima Benali-Müller");
    std::fs::write(dir.path().join("medewerkers.csv"), windows_1252(&employees)).unwrap();
    let trainings = format!("\u{feff}{}", delimited(&sheets[1], ','));
    std::fs::write(dir.path().join("opleidingen.csv"), trainings).unwrap();
    std::fs::write(dir.path().join("deelnames.tsv"), delimited(&sheets[2], '\t')).unwrap();
    dir
}

fn problems(dir: &Path) -> Vec<String> {
    let messages = &Language::En.strings().messages;
    match pipeline::prepare(dir) {
        Ok(_) => Vec::new(),
        Err(BuildError::Problems(problems)) => {
            problems.sorted().iter().map(|p| p.describe(messages)).collect()
        }
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn text_exports_read_into_the_same_plan_as_the_workbook() {
    let from_text = csv_folder(INPUT);
    let text = pipeline::prepare(from_text.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let from_workbook = plan_folder(PLAN_TOML, &fixture_sheets());
    let book = pipeline::prepare(from_workbook.path()).unwrap();
    let names: Vec<&str> = text.plan.employees.iter().map(|e| e.name.as_deref().unwrap_or("")).collect();
    assert!(names.contains(&"Fatima Benali-Müller"), "{names:?}");
    let renamed = format!("{:?}", text.plan.employees).replace("Fatima Benali-Müller", "Fatima Benali");
    assert_eq!(renamed, format!("{:?}", book.plan.employees));
    // Every figure, trainings and participations included.
    assert_eq!(format!("{:?}", text.figures), format!("{:?}", book.figures));
}

#[test]
fn a_text_file_holds_one_table_and_says_which_setting_gives_another() {
    let dir = csv_folder("[input]\nworkbook = \"medewerkers.csv\"\n");
    let lines = problems(dir.path());
    assert!(
        lines.iter().any(|l| l.starts_with("medewerkers.csv: a CSV or TSV file holds one table")
            && l.contains("[input.trainings]")),
        "{lines:#?}"
    );
}

#[test]
fn a_wrong_encoding_or_delimiter_setting_is_named() {
    let forced = INPUT.replace("[input.trainings]", "encoding = \"utf-8\"\n\n[input.trainings]");
    let lines = problems(csv_folder(&forced).path());
    assert!(
        lines.iter().any(|l| l.starts_with("medewerkers.csv: this text file is not valid UTF-8")),
        "{lines:#?}"
    );
    let bad = INPUT.replace("[input.trainings]", "delimiter = \"::\"\n\n[input.trainings]");
    let lines = problems(csv_folder(&bad).path());
    assert!(lines.iter().any(|l| l.contains("input.delimiter = \"::\"")), "{lines:#?}");
}

#[test]
fn a_file_given_for_the_plan_folder_is_said_to_be_one() {
    let dir = csv_folder(INPUT);
    let lines = problems(&dir.path().join("medewerkers.csv"));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("this is a file, not a plan folder"), "{}", lines[0]);
    assert!(lines[0].contains(&dir.path().display().to_string()), "{}", lines[0]);
}

#[test]
fn problems_in_a_text_file_are_at_the_row_a_spreadsheet_shows() {
    let dir = csv_folder(INPUT);
    let path = dir.path().join("medewerkers.csv");
    let text: String = std::fs::read(&path).unwrap().iter().map(|b| char::from(*b)).collect();
    // Fatima's FTE ("0,8"), on row 5: a title line, a blank line, the header, Jan.
    std::fs::write(&path, windows_1252(&text.replacen(";0,8;", ";1,5;", 1))).unwrap();
    let lines = problems(dir.path());
    assert!(
        lines.iter().any(|l| l.starts_with("medewerkers.csv › E5: VTE \"1,5\" is not between 0 and 1")),
        "{lines:#?}"
    );
}

#[test]
fn one_mistake_down_a_column_is_one_group_with_a_count() {
    let dir = csv_folder(INPUT);
    let mut rows = String::from("Personeelsnummer\tOpleidingscode\n");
    for _ in 0..80 {
        rows.push_str("E99\tT1\n");
    }
    std::fs::write(dir.path().join("deelnames.tsv"), rows).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["check", dir.path().to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("\"E99\"").count(), 5, "{stderr}");
    assert!(stderr.contains("75"), "the other 75 are counted: {stderr}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_file_that_is_no_workbook_is_a_problem_of_the_files_exit_2() {
    let dir = csv_folder(INPUT);
    std::fs::write(dir.path().join("opleidingen.csv"), [0xFF, 0xD8, 0xFF, 0xE0]).unwrap();
    std::fs::rename(dir.path().join("opleidingen.csv"), dir.path().join("opleidingen.xlsx")).unwrap();
    let plan = std::fs::read_to_string(dir.path().join("plan.toml"))
        .unwrap()
        .replace("opleidingen.csv", "opleidingen.xlsx");
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["check", dir.path().to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("opleidingen.xlsx: this file is not an Excel"), "{stderr}");
    assert_eq!(output.status.code(), Some(2), "{stderr}");
}
