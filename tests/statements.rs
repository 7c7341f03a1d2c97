//! Personal statements: with the internal edition, one page per employee
//! employed in the plan year, each a PDF of its own in `statements/`, and
//! all of them together; never with the council edition.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::pipeline::{self, BuildOptions};
use std::path::PathBuf;

fn build(editions: Vec<Edition>) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions { out: out.path().into(), editions: Some(editions), ..Default::default() };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    (out, built.stored.files)
}

fn text(path: &std::path::Path) -> String {
    squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(path).unwrap()).unwrap())
}

#[test]
fn one_statement_per_employee_of_the_plan_year_and_all_together() {
    let (out, files) = build(vec![Edition::Internal]);
    let statements: Vec<&PathBuf> =
        files.iter().filter(|f| f.parent().unwrap().ends_with("statements")).collect();
    // E1-E4 and E6 (who starts in February 2027); E5 left in 2026. And the
    // combined document.
    assert_eq!(statements.len(), 6, "{statements:#?}");
    let combined = statements
        .iter()
        .find(|f| f.to_string_lossy().ends_with("-intern-opleidingsrekeningen.pdf"))
        .unwrap();
    let pages = lopdf::Document::load_mem(&std::fs::read(combined).unwrap()).unwrap().get_pages().len();
    assert_eq!(pages, 5);
    let e2 =
        statements.iter().find(|f| f.to_string_lossy().ends_with("opleidingsrekening-2027-e2.pdf")).unwrap();
    let bytes = std::fs::read(e2).unwrap();
    assert_eq!(lopdf::Document::load_mem(&bytes).unwrap().get_pages().len(), 1);
    let e2 = text(e2);
    // Fatima Benali works 80%: 5 days × 0,8 = 4,0 days. T1 (6 hours,
    // followed) and T2 (4 hours, planned): 10 / 7,6 = 1,3 days planned,
    // 6 / 7,6 = 0,8 followed, 4,0 − 0,8 = 3,2 still open.
    for expected in [
        "Jouwopleidingsrekening2027FatimaBenali·E2",
        "Werkregime(deelvaneenvoltijdsebaan)80,0%",
        "Rechtopopleidingin2027(dagen)4,0",
        "Gepland(dagen)1,3",
        "Gevolgd(dagen)0,8",
        "Nogopen(dagen)3,2",
        "*vet*en$x^2$<lbl>@ref",
    ] {
        assert!(e2.contains(expected), "E2's statement lacks {expected:?}: {e2}");
    }
    // Nobody else's name on it.
    for other in ["Peeters", "Maes", "Claes", "Smets"] {
        assert!(!e2.contains(other), "E2's statement names {other}");
    }
    // The archive knows them and verify checks them.
    let folder = files[0].parent().unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    let listed = manifest["outputs"].as_array().unwrap().iter().filter(|o| o["kind"] == "statements").count();
    assert_eq!(listed, 6);
    let verify = std::process::Command::new(env!("CARGO_BIN_EXE_opleidingsplan"))
        .args(["verify", out.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stdout));
}

#[test]
fn the_council_edition_has_no_statements() {
    let (_out, files) = build(vec![Edition::Council]);
    assert!(!files.iter().any(|f| f.to_string_lossy().contains("statements")), "{files:#?}");
}

#[test]
fn statements_can_be_left_out() {
    let plan = PLAN_TOML.replace("language = \"nl\"", "language = \"nl\"\nstatements = false");
    let dir = plan_folder(&plan, &fixture_sheets());
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Internal]),
        ..Default::default()
    };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(!built.stored.files.iter().any(|f| f.to_string_lossy().contains("statements")));
}

/// A layout whose statements do not take one page each is refused, with
/// a message that says so, and nothing is archived.
#[test]
fn a_statements_layout_of_other_than_one_page_each_is_refused() {
    let dir = plan_folder(PLAN_TOML, &fixture_sheets());
    let layout = tempfile::tempdir().unwrap();
    std::fs::write(
        layout.path().join("statements.typ"),
        "#let data = json(\"/data.json\")\n#for s in data.statements { [#s.id]; pagebreak(); [#s.id] }\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().into(),
        editions: Some(vec![Edition::Internal]),
        layout: Some(layout.path().into()),
        ..Default::default()
    };
    let Err(error) = pipeline::build(dir.path(), &options) else {
        panic!("two pages a statement were accepted")
    };
    let said = error.describe(&opleidingsplan::model::Language::Nl.strings().messages);
    assert!(said.contains("elke rekening moet precies één pagina beslaan"), "{said}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0, "something was written");
}
