//! `cargo bench`: the stages of a build of the bundled example
//! (`data/voorbeeld`, 150 employees, ~480 participations) and the whole build.
//!
//! Nothing is written to disk except in `whole_build`, which writes into a
//! temporary folder as a user's build would.

use opleidingsplan::pipeline::{self, BuildOptions};
use opleidingsplan::render::{self, FontSet, Layout, PdfIdentity};
use opleidingsplan::view::Edition;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/voorbeeld")
}

#[divan::bench]
fn import() -> opleidingsplan::import::Imported {
    opleidingsplan::import::load(&example()).unwrap()
}

#[divan::bench]
fn aggregate_and_view(bencher: divan::Bencher) {
    let imported = opleidingsplan::import::load(&example()).unwrap();
    bencher.bench(|| {
        let figures = opleidingsplan::aggregate::aggregate(&imported.plan);
        opleidingsplan::view::build(&imported.plan, &figures, Edition::Council, None)
    });
}

#[divan::bench]
fn typeset(bencher: divan::Bencher) {
    let prepared = pipeline::prepare(&example()).unwrap();
    let layout = Layout::bundled();
    let fonts = FontSet::bundled();
    bencher.bench(|| pipeline::typeset(&prepared, Edition::Council, &layout, fonts).unwrap());
}

#[divan::bench]
fn pdf_export(bencher: divan::Bencher) {
    let prepared = pipeline::prepare(&example()).unwrap();
    let typeset =
        pipeline::typeset(&prepared, Edition::Council, &Layout::bundled(), FontSet::bundled()).unwrap();
    let identity = PdfIdentity { ident: "bench".into(), date: prepared.plan.settings.metadata_date() };
    bencher.bench(|| render::export_pdf(&typeset.document, &identity).unwrap());
}

#[divan::bench]
fn annex(bencher: divan::Bencher) {
    let prepared = pipeline::prepare(&example()).unwrap();
    let date = prepared.plan.settings.metadata_date();
    // The internal edition: its annex carries the rows per employee.
    let edition = prepared.edition(Edition::Internal);
    bencher.bench(|| opleidingsplan::annex::build(&edition.view, edition.detail.as_ref(), date).unwrap());
}

#[divan::bench(sample_count = 20)]
fn whole_build(bencher: divan::Bencher) {
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out: out.path().to_path_buf(),
        layout: None,
        editions: Some(vec![Edition::Council]),
        new_version: false,
    };
    bencher.bench(|| pipeline::build(&example(), &options).unwrap());
}
