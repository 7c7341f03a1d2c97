//! The training right across years and languages, end to end: last year's
//! balances carried over from the archive or from the workbook's sheet,
//! and statements in each employee's language.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::pipeline::{self, BuildOptions};
use std::path::{Path, PathBuf};

fn build(dir: &Path, out: &Path) -> pipeline::Built {
    let options =
        BuildOptions { out: out.into(), editions: Some(vec![Edition::Internal]), ..Default::default() };
    pipeline::build(dir, &options).unwrap_or_else(|e| panic!("{e:?}"))
}

fn json(files: &[PathBuf], suffix: &str) -> serde_json::Value {
    let file = files.iter().find(|f| f.to_string_lossy().ends_with(suffix)).expect(suffix);
    serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap()
}

fn text(path: &Path) -> String {
    squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(path).unwrap()).unwrap())
}

#[test]
fn last_years_archived_balances_carry_over() {
    let out = tempfile::tempdir().unwrap();
    let last_year = plan_folder(&PLAN_TOML.replace("year = 2027", "year = 2026"), &fixture_sheets());
    let built = build(last_year.path(), out.path());
    let balances = json(&built.stored.files, "-intern-opleidingssaldo.json");
    assert_eq!(balances["year"], 2026);
    let days = |id: &str| {
        let rows = balances["balances"].as_array().unwrap();
        rows.iter().find(|b| b["id"] == id).and_then(|b| b["days"].as_f64()).unwrap()
    };
    // E2 in 2026: 5 days × 0,8, of which 6 hours followed (T1).
    assert!((days("E2") - (4.0 - 6.0 / 7.6)).abs() < 1e-9);

    let this_year = plan_folder(PLAN_TOML, &fixture_sheets());
    let built = build(this_year.path(), out.path());
    let data = json(&built.stored.files, "-intern-gegevens.json");
    let accounts = &data["legal"]["accounts"];
    assert_eq!(accounts["carry_source"], "archive");
    assert_eq!(accounts["carry_version"], "2026 v1");
    assert_eq!(accounts["carry_period"], "2024–2028");
    // Carried: the 2026 balances of those with an account in 2027 (E1-E4;
    // E6 starts in 2027 and had none).
    let expected: f64 = ["E1", "E2", "E3", "E4"].iter().map(|id| days(id)).sum();
    assert!((accounts["carried"]["value"].as_f64().unwrap() - expected).abs() < 1e-9, "{accounts}");
    // Last year's version is dated before its year ended: said.
    let warnings = format!("{:?}", built.warnings);
    assert!(warnings.contains("BalanceEarly"), "{warnings}");
}

#[test]
fn the_balance_sheet_carries_over_and_statements_speak_each_language() {
    let mut sheets = fixture_sheets();
    let employees = sheets.iter_mut().find(|s| s.name == "Medewerkers").unwrap();
    for (i, row) in employees.rows.iter_mut().enumerate() {
        row.push(match i {
            0 => Text("Taal"),
            2 => Text("fr"),
            _ => Empty,
        });
    }
    sheets.push(Sheet {
        name: "Opleidingssaldo",
        rows: vec![
            vec![Text("Personeelsnummer"), Text("Saldo (dagen)"), Text("Jaar")],
            vec![Text("E1"), Number(2.0), Number(2026.0)],
        ],
    });
    let dir = plan_folder(PLAN_TOML, &sheets);
    let out = tempfile::tempdir().unwrap();
    let built = build(dir.path(), out.path());
    let data = json(&built.stored.files, "-intern-gegevens.json");
    assert_eq!(data["legal"]["accounts"]["carry_source"], "sheet");
    assert_eq!(data["legal"]["accounts"]["carried"]["text"], "2,0");
    let statement = |suffix: &str| {
        let file = built.stored.files.iter().find(|f| f.to_string_lossy().ends_with(suffix)).expect(suffix);
        text(file)
    };
    // E1: 5 days and 2 carried over, none followed: 7 open.
    let e1 = statement("opleidingsrekening-2027-e1.pdf");
    for expected in ["Overgedragenvan2026(dagen)2,0", "Nogopen(dagen)7,0"] {
        assert!(e1.contains(expected), "E1's statement lacks {expected}: {e1}");
    }
    // E2 reads French; the plan's employees read Dutch. Each language has
    // its own document for printing.
    let e2 = statement("opleidingsrekening-2027-e2.pdf");
    assert!(e2.contains("Votrecompteformation2027"), "{e2}");
    assert!(statement("-intern-opleidingsrekeningen-fr.pdf").contains("FatimaBenali"));
    assert!(!statement("-intern-opleidingsrekeningen.pdf").contains("FatimaBenali"));

    // A balance of another year than last year is refused at its cell.
    let wrong = sheets.iter_mut().find(|s| s.name == "Opleidingssaldo").unwrap();
    wrong.rows[1][2] = Number(2025.0);
    let dir = plan_folder(PLAN_TOML, &sheets);
    let problems = match pipeline::prepare(dir.path()) {
        Err(pipeline::BuildError::Problems(p)) => format!("{p:?}"),
        other => panic!("expected problems, got {:?}", other.is_ok()),
    };
    assert!(problems.contains("BalanceYear") && problems.contains("row: 1, column: 2"), "{problems}");
}

#[test]
fn committees_the_data_does_not_assign_are_said() {
    // Two committees with different targets (111: the law's 5; 200: the
    // sector's 4 in 2027), and no column saying who falls under which.
    let plan = PLAN_TOML
        .replace("joint_committees = [\"200\"]", "joint_committees = [\"111\", \"200\"]")
        .replace("training_days_per_fte = 5\n", "")
        .replace("[input]", "[input.quarterly_fte]\nsheet = \"Kwartalen\"\n\n[input]");
    let mut sheets = fixture_sheets();
    sheets.push(Sheet {
        name: "Kwartalen",
        rows: vec![
            vec![Text("Kwartaal"), Text("VTE")],
            vec![Text("2024-Q4"), Number(25.0)],
            vec![Text("2025-Q1"), Number(25.0)],
        ],
    });
    let dir = plan_folder(&plan, &sheets);
    let prepared = pipeline::prepare(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let warnings = format!("{:?}", prepared.warnings);
    assert!(warnings.contains("CommitteesUnassigned") && warnings.contains("111, 200"), "{warnings}");
}

/// Training needs from the workbook, end to end: VCA for Productie (E1,
/// E2); E1's expires in May 2027, E2 has none; T1 delivers VCA and both
/// are registered for it. The internal annex lists both needs with T1;
/// the council edition's chapter shows no figure of a group of two.
#[test]
fn training_needs_reach_the_annex_and_the_chapter() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut sheets = fixture_sheets();
    let trainings = sheets.iter_mut().find(|s| s.name == "Opleidingen").unwrap();
    for (i, row) in trainings.rows.iter_mut().enumerate() {
        row.push(match i {
            0 => Text("Levert"),
            1 => Text("VCA"),
            _ => Empty,
        });
    }
    sheets.push(Sheet {
        name: "Functievereisten",
        rows: vec![vec![Text("Afdeling"), Text("Certificaat")], vec![Text("Productie"), Text("VCA")]],
    });
    sheets.push(Sheet {
        name: "Certificaten",
        rows: vec![
            vec![Text("Personeelsnummer"), Text("Certificaat"), Text("Geldig tot")],
            vec![Text("E1"), Text("VCA"), Date(2027, 5, 14)],
        ],
    });
    let dir = plan_folder(PLAN_TOML, &sheets);
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Council, Edition::Internal]),
        ..Default::default()
    };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    let annex =
        built.stored.files.iter().find(|f| f.to_string_lossy().ends_with("-intern-bijlage.xlsx")).unwrap();
    let mut book: Xlsx<_> = open_workbook(annex).unwrap();
    let needs = book.worksheet_range("Opleidingsbehoeften").unwrap();
    let rows: Vec<Vec<String>> =
        needs.rows().skip(1).map(|r| r.iter().map(Data::to_string).collect()).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (rows[0][0].as_str(), rows[0][4].as_str(), rows[0][6].as_str()),
        ("E1", "Vervalt in mei", "T1")
    );
    assert_eq!((rows[1][0].as_str(), rows[1][4].as_str(), rows[1][6].as_str()), ("E2", "Ontbreekt", "T1"));
    // The council edition: the chapter, without a figure of two people.
    let council =
        built.stored.files.iter().find(|f| f.to_string_lossy().ends_with("fixture-bv.pdf")).unwrap();
    let text = squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(council).unwrap()).unwrap());
    assert!(text.contains("Opleidingsbehoeftenuitdegegevens"), "no chapter");
    assert!(text.contains("VCAProductie<5"), "the group of two is shown: {text}");
}
