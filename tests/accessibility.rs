//! Accessibility beyond what Typst enforces: PyPI's `pdfua` (a
//! machine-checkable subset of PDF/UA-1) finds no error in any document of
//! the example, council and internal, plan, summary and a statement.
//! `.ci/run` installs `pdfua`.

mod common;

use common::*;
use opleidingsplan::model::Edition;
use opleidingsplan::pipeline::{self, BuildOptions};

#[test]
fn pdfua_finds_no_error_in_the_examples_documents() {
    let dir = example_with(str::to_string);
    let out = tempfile::tempdir().unwrap();
    let editions = Some(vec![Edition::Council, Edition::Internal]);
    let options = BuildOptions { out: out.path().into(), editions, ..Default::default() };
    let built = pipeline::build(dir.path(), &options).unwrap_or_else(|e| panic!("{e:?}"));
    let is_statement = |f: &&std::path::PathBuf| f.parent().is_some_and(|p| p.ends_with("statements"));
    let mut pdfs: Vec<_> = built
        .stored
        .files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .filter(|f| !is_statement(f))
        .collect();
    // One statement stands for all: they are cut from one document.
    pdfs.extend(built.stored.files.iter().filter(is_statement).take(2));
    assert!(pdfs.len() >= 5, "{pdfs:?}");
    for pdf in pdfs {
        let output = std::process::Command::new("pdfua").arg("check").arg(pdf).output().unwrap_or_else(|e| {
            panic!("pdfua is needed for this test (pip install pdfua; .ci/run does): {e}")
        });
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(report.contains("errors=0"), "{}:\n{report}", pdf.display());
    }
}
